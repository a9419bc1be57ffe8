import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { callerFor, createFixture, createOrg, type Fixture } from "~/test/fixtures";
import { actorOf, publishWorkshop } from "~/test/vetting";
import { todayIn } from "~/lib/sample-request-schemas";
import { sampleRequests } from "../db/schema";
import { acceptSampleRequest, createSampleRequest, evaluateSample, markSampleReceived, shipSampleRequest } from "./sample-requests";

const db = await testDb();

let f: Fixture;
beforeAll(async () => {
  f = await createFixture(db);
  await publishWorkshop(db, f.workshop);
});

const ask = (brand: Fixture["brand"], description: string) =>
  createSampleRequest(db, actorOf(brand), { workshopOrgId: f.workshop.org.id, description, quantity: 2, note: "", attachmentFileIds: [] });

describe("the dashboard inbox", () => {
  it("shows a workshop the requests to answer and the samples to ship, due dates first, with the brand's name on each number", async () => {
    const other = await createOrg(db, "brand", "Studio Other");
    const toShip = await ask(f.brand, "A signet ring in silver 925");
    const toAnswer = await ask(other, "A cuff in brass");
    await acceptSampleRequest(db, actorOf(f.workshop), { requestId: toShip.id, fee: { amountMinor: 4500, currency: "EUR" }, expectedShipDate: todayIn(f.workshop.org.timeZone) });
    // A ship date already behind the workshop is overdue.
    await db.update(sampleRequests).set({ expectedShipDate: "2026-01-05" }).where(eq(sampleRequests.id, toShip.id));

    const inbox = await callerFor(db, f.workshop.member).organization.inbox({ orgId: f.workshop.org.id });
    expect(inbox.counts).toEqual({ samples: 2 });
    expect(inbox.items.map(({ since: _since, ...i }) => i)).toEqual([
      {
        key: `sample-ship:${toShip.id}`,
        section: "samples",
        title: "Ship the sample Maison Test SR-1",
        description: "2 × A signet ring in silver 925",
        href: `/workshop/${f.workshop.org.slug}/samples/1`,
        due: "2026-01-05",
        overdue: true,
      },
      {
        key: `sample-answer:${toAnswer.id}`,
        section: "samples",
        title: "Answer the sample request Studio Other SR-1",
        description: "2 × A cuff in brass",
        href: `/workshop/${f.workshop.org.slug}/samples/2`,
        due: null,
        overdue: false,
      },
    ]);
    // Neither brand sees the workshop's to-dos.
    expect((await callerFor(db, other.member).organization.inbox({ orgId: other.org.id })).items).toEqual([]);

    // Shipped: off the workshop's list, onto the brand's.
    await shipSampleRequest(db, actorOf(f.workshop), { requestId: toShip.id, carrier: "DHL", trackingNumber: "JD0001" });
    expect((await callerFor(db, f.workshop.member).organization.inbox({ orgId: f.workshop.org.id })).items.map((i) => i.key)).toEqual([`sample-answer:${toAnswer.id}`]);
    const brandInbox = await callerFor(db, f.brand.member).organization.inbox({ orgId: f.brand.org.id });
    expect(brandInbox.items.map((i) => [i.key, i.title, i.description, i.href])).toEqual([
      [`sample-receive:${toShip.id}`, "Confirm you received sample SR-1 from Atelier Test", "Shipped with DHL, tracking JD0001", `/brand/${f.brand.org.slug}/samples/1`],
    ]);

    // Received: to evaluate, until it is evaluated.
    await markSampleReceived(db, actorOf(f.brand), { requestId: toShip.id });
    expect((await callerFor(db, f.brand.member).organization.inbox({ orgId: f.brand.org.id })).items.map((i) => [i.key, i.title])).toEqual([
      [`sample-evaluate:${toShip.id}`, "Evaluate sample SR-1 from Atelier Test"],
    ]);
    await evaluateSample(db, actorOf(f.brand), { requestId: toShip.id, quality: 4, finish: 4, communication: 5, notes: "" });
    expect(await callerFor(db, f.brand.member).organization.inbox({ orgId: f.brand.org.id })).toEqual({ items: [], counts: { samples: 0 } });
  });

  it("the getting-started list shows a member only the steps their role may take", async () => {
    const keys = async (user: { id: string }, orgId: string) => (await callerFor(db, user).organization.checklist({ orgId })).map((s) => s.key);
    expect(await keys(f.workshop.owner, f.workshop.org.id)).toEqual(["create", "profile", "team", "publish-profile"]);
    expect(await keys(f.workshop.admin, f.workshop.org.id)).toEqual(["create", "profile", "team", "publish-profile"]);
    expect(await keys(f.workshop.member, f.workshop.org.id)).toEqual(["create"]);
    expect(await keys(f.brand.admin, f.brand.org.id)).toEqual(["create", "profile", "team", "shortlist", "sample"]);
    expect(await keys(f.brand.member, f.brand.org.id)).toEqual(["create", "shortlist", "sample"]);
  });
});
