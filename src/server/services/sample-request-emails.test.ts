import { asc, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { callerFor, createFixture } from "~/test/fixtures";
import { actorOf, publishWorkshop } from "~/test/vetting";
import { todayIn } from "~/lib/sample-request-schemas";
import { emails, memberships } from "../db/schema";
import { appUrl } from "./email";
import { acceptSampleRequest, cancelSampleRequest, createSampleRequest, declineSampleRequest, shipSampleRequest } from "./sample-requests";

const db = await testDb();

describe("sample request emails", () => {
  it("requested, accepted, declined, shipped and cancelled each email the other party's members, through the job queue, except muted and the actor", async () => {
    const f = await createFixture(db);
    await publishWorkshop(db, f.workshop);
    // The workshop's admin muted sample request emails; the brand's member also works at the workshop.
    await callerFor(db, f.workshop.admin).account.updateEmailPreferences({ mutedKinds: ["sample_request"] });
    await db.insert(memberships).values({ orgId: f.workshop.org.id, userId: f.brand.member.id, role: "member" });

    const brandMember = actorOf(f.brand, "member");
    const ask = (description: string) => createSampleRequest(db, brandMember, { workshopOrgId: f.workshop.org.id, description, quantity: 1, note: "", attachmentFileIds: [] });
    const sr1 = await ask("A signet ring in silver 925");
    const sr2 = await ask("A cuff in brass");
    const sr3 = await ask("Hoop earrings");
    const workshop = actorOf(f.workshop, "member");
    await acceptSampleRequest(db, workshop, { requestId: sr1.id, fee: { amountMinor: 4500, currency: "EUR" }, expectedShipDate: todayIn("Europe/Rome") });
    await declineSampleRequest(db, workshop, { requestId: sr2.id, reason: "Fully booked until spring" });
    await shipSampleRequest(db, workshop, { requestId: sr1.id, carrier: "DHL", trackingNumber: "JD0001" });
    await cancelSampleRequest(db, brandMember, { requestId: sr3.id });

    const everyone = [f.brand.owner, f.brand.admin, f.brand.member, f.workshop.owner, f.workshop.admin, f.workshop.member].map((u) => u.email);
    const sent = await db.select({ to: emails.to, subject: emails.subject, text: emails.text }).from(emails).where(inArray(emails.to, everyone)).orderBy(asc(emails.createdAt));
    const bySubject = (subject: string) => sent.filter((e) => e.subject === subject).map((e) => e.to).sort();
    const toWorkshop = [f.workshop.owner.email, f.workshop.member.email].sort();
    const toBrand = [f.brand.owner.email, f.brand.admin.email, f.brand.member.email].sort();
    expect({
      requested: bySubject("Maison Test requested a sample (SR-1)"),
      accepted: bySubject("Atelier Test accepted your sample request SR-1"),
      declined: bySubject("Atelier Test declined your sample request SR-2"),
      shipped: bySubject("Atelier Test shipped your sample SR-1"),
      cancelled: bySubject("Maison Test cancelled sample request SR-3"),
    }).toEqual({ requested: toWorkshop, accepted: toBrand, declined: toBrand, shipped: toBrand, cancelled: toWorkshop });
    // Three requests and one cancellation to the workshop's two readers; three answers to the brand's three.
    expect(sent).toHaveLength(4 * 2 + 3 * 3);

    const declined = sent.find((e) => e.subject === "Atelier Test declined your sample request SR-2" && e.to === f.brand.owner.email)!;
    expect(declined.text).toBe(
      [
        "Fully booked until spring",
        "",
        `Open it in Maison Test: ${appUrl(`/brand/${f.brand.org.slug}/samples/2`)}`,
        "",
        `You get this email as a member of Maison Test. To stop emails about sample requests, change your email settings: ${appUrl("/account")}`,
      ].join("\n"),
    );

    // Each email is a job on the queue, enqueued in the change's transaction.
    // pg-boss keeps its jobs in its own schema.
    const { rows } = await db.execute<{ n: number }>(sql`select count(*)::int as n from pgboss.job where name = 'email-send'`);
    expect(rows[0]!.n).toBeGreaterThanOrEqual(sent.length);
    expect((await db.select({ id: emails.id }).from(emails).where(eq(emails.to, f.workshop.admin.email))).length).toBe(0);
  });
});
