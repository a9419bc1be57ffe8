import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailCampaignCustomersSchema } from "~/lib/preorder-dashboard-schemas";
import { appDbOf, testDb } from "~/test/db";
import { startFakeStripe, type FakeStripe } from "~/test/fake-stripe";
import { createFixture, type Fixture } from "~/test/fixtures";
import { campaignFor, reserveAs } from "~/test/preorders";
import { actorOf } from "~/test/vetting";
import { emails, events, preorderCampaigns, preorderReservations } from "../db/schema";
import { refundCampaignReservation } from "./preorder-dashboard-refunds";
import { emailCampaignCustomers } from "./preorder-messages";

/** The dashboard's email to a campaign's customers and its refund of one reservation, run as the app runs them. */
const db = await testDb();
const app = appDbOf(db);
let f: Fixture;
let fake: FakeStripe;
beforeAll(async () => {
  f = await createFixture(db);
  fake = await startFakeStripe();
});
afterAll(() => fake.close());

const HOUR = 3_600_000;
let seq = 0;
const message = (campaignId: string, over: Record<string, unknown> = {}) =>
  emailCampaignCustomersSchema.parse({ campaignId, subject: `Casting started ${++seq}`, body: "Your rings are in the wax.", confirm: true, ...over });
const sentWith = (subject: string) => db.select({ to: emails.to, text: emails.text }).from(emails).where(eq(emails.subject, subject)).orderBy(emails.to);
const loggedFor = (campaignId: string) =>
  db.select({ action: events.action, actorId: events.actorId, data: events.data }).from(events).where(and(eq(events.subjectId, campaignId), eq(events.action, "preorder_campaign.customers_emailed")));

describe("emailing a campaign's customers", () => {
  it("sends one email to each paid reservation by default, none to the others, and logs who sent it", async () => {
    const c = await campaignFor(db, f);
    await reserveAs(db, c.id, { size: "5", quantity: 1, status: "paid", name: "Inès Moreau", email: "ines@example.test" });
    await reserveAs(db, c.id, { size: "6", quantity: 2, status: "paid", email: "jonas@example.test" });
    await reserveAs(db, c.id, { size: "6", quantity: 1, status: "held", email: "held@example.test" });
    await reserveAs(db, c.id, { size: "7", quantity: 1, status: "expired", email: "expired@example.test" });
    const input = message(c.id, { subject: "Casting started" });

    const out = await emailCampaignCustomers(app, actorOf(f.brand, "admin"), input);

    expect(out).toEqual({ campaignId: c.id, sent: 2, sendsLeftThisHour: 2 });
    const sent = await sentWith("Casting started");
    expect(sent.map((e) => e.to)).toEqual(["ines@example.test", "jonas@example.test"]);
    expect(sent[0]!.text).toContain("Hello Inès Moreau,\n\nYour rings are in the wax.");
    expect(await loggedFor(c.id)).toEqual([{ action: "preorder_campaign.customers_emailed", actorId: f.brand.admin.id, data: { title: "Lune signet", subject: "Casting started", recipients: 2 } }]);
  });

  it("sends to the statuses chosen", async () => {
    const c = await campaignFor(db, f);
    await reserveAs(db, c.id, { size: "5", quantity: 1, status: "paid", email: "paid@example.test" });
    await reserveAs(db, c.id, { size: "6", quantity: 1, status: "held", email: "held@example.test" });
    await reserveAs(db, c.id, { size: "7", quantity: 1, status: "expired", email: "expired@example.test" });
    const input = message(c.id, { statuses: ["held", "expired"] });
    expect((await emailCampaignCustomers(app, actorOf(f.brand), input)).sent).toBe(2);
    expect((await sentWith(input.subject)).map((e) => e.to)).toEqual(["expired@example.test", "held@example.test"]);
  });

  it("another brand's campaign is not found: nothing sent, nothing logged", async () => {
    const c = await campaignFor(db, f);
    await reserveAs(db, c.id, { size: "5", quantity: 1, status: "paid" });
    const input = message(c.id);
    await expect(emailCampaignCustomers(app, actorOf(f.outsider.brand), input)).rejects.toMatchObject({ code: "NOT_FOUND", message: "That campaign was not found." });
    expect(await sentWith(input.subject)).toEqual([]);
    expect(await loggedFor(c.id)).toEqual([]);
  });

  it("no reservation in the chosen statuses: refused next to the statuses, and it does not count as a send", async () => {
    const c = await campaignFor(db, f);
    await reserveAs(db, c.id, { size: "5", quantity: 1, status: "held" });
    await expect(emailCampaignCustomers(app, actorOf(f.brand), message(c.id))).rejects.toMatchObject({ code: "BAD_REQUEST", field: "statuses" });
    expect(await loggedFor(c.id)).toEqual([]);
  });

  it("three sends an hour per campaign: the fourth is refused with when to try again, an hour later it goes", async () => {
    const c = await campaignFor(db, f);
    await reserveAs(db, c.id, { size: "5", quantity: 1, status: "paid" });
    const other = await campaignFor(db, f);
    await reserveAs(db, other.id, { size: "5", quantity: 1, status: "paid" });
    const now = new Date();
    for (const left of [2, 1, 0]) expect((await emailCampaignCustomers(app, actorOf(f.brand), message(c.id), now)).sendsLeftThisHour).toBe(left);

    const fourth = message(c.id);
    await expect(emailCampaignCustomers(app, actorOf(f.brand), fourth, new Date(now.getTime() + 20 * 60_000))).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message: expect.stringMatching(/^This campaign's customers were emailed 3 times in the last hour, the most we send\. Try again in (40|41) minutes\.$/),
    });
    expect(await sentWith(fourth.subject)).toEqual([]);
    // Another campaign of the same brand has its own allowance.
    expect((await emailCampaignCustomers(app, actorOf(f.brand), message(other.id), now)).sent).toBe(1);
    expect((await emailCampaignCustomers(app, actorOf(f.brand), message(c.id), new Date(Date.now() + HOUR + 60_000))).sent).toBe(1);
  });

  it("five sends at the same moment: exactly three go", async () => {
    const c = await campaignFor(db, f);
    await reserveAs(db, c.id, { size: "5", quantity: 1, status: "paid" });
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => emailCampaignCustomers(app, actorOf(f.brand), message(c.id))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r.reason as { code: string }).code)).toEqual(["TOO_MANY_REQUESTS", "TOO_MANY_REQUESTS"]);
    expect(await loggedFor(c.id)).toHaveLength(3);
  });
});

describe("refunding from the dashboard", () => {
  it("refunds a paid reservation of the campaign through Stripe and frees its units", async () => {
    const c = await campaignFor(db, f);
    const r = await reserveAs(db, c.id, { size: "6", quantity: 2, status: "paid" });
    const out = await refundCampaignReservation(app, actorOf(f.brand, "admin"), { campaignId: c.id, reservationId: r.id, reason: "Out of stones" }, new Date(), fake.client());
    expect(out).toEqual({ campaignId: c.id, reservationId: r.id, status: "refunded" });
    const [row] = await db.select().from(preorderReservations).where(eq(preorderReservations.id, r.id));
    // 2 × 120.00 EUR at a 30 % deposit.
    expect(row).toMatchObject({ status: "refunded", refundedMinor: 7_200, cancelReason: "Out of stones" });
    const [campaign] = await db.select().from(preorderCampaigns).where(eq(preorderCampaigns.id, c.id));
    expect(campaign!.paidUnits).toBe(0);
  });

  it("a reservation of another campaign, even the brand's own, is not found and stays as it was", async () => {
    const c = await campaignFor(db, f);
    const other = await campaignFor(db, f);
    const r = await reserveAs(db, other.id, { size: "6", quantity: 1, status: "held" });
    await expect(refundCampaignReservation(app, actorOf(f.brand), { campaignId: c.id, reservationId: r.id, reason: "Wrong" }, new Date(), fake.client())).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(refundCampaignReservation(app, actorOf(f.outsider.brand), { campaignId: other.id, reservationId: r.id, reason: "Wrong" }, new Date(), fake.client())).rejects.toMatchObject({ code: "NOT_FOUND" });
    const [row] = await db.select().from(preorderReservations).where(eq(preorderReservations.id, r.id));
    expect(row!.status).toBe("held");
  });

  it("a reservation refunded already is refused with a readable message", async () => {
    const c = await campaignFor(db, f);
    const r = await reserveAs(db, c.id, { size: "6", quantity: 1, status: "refunded" });
    await expect(refundCampaignReservation(app, actorOf(f.brand), { campaignId: c.id, reservationId: r.id, reason: "Again" }, new Date(), fake.client())).rejects.toMatchObject({ code: "CONFLICT", message: "This reservation is refunded already." });
  });
});
