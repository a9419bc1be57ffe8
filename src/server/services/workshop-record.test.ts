import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { createFixture, type Fixture } from "~/test/fixtures";
import { atRome, deliverOn, orderPlacedOn1March2027 } from "~/test/reviews";
import { sentQuote, sentRfq } from "~/test/rfqs";
import { actorOf } from "~/test/vetting";
import { orders } from "../db/schema";
import { changeMilestone, recordBankTransfer } from "./milestones";
import { leaveReview } from "./reviews";
import { compareQuotes } from "./rfq-views";
import { getPublicProfile } from "./workshop-profiles";
import { getWorkshopRecord } from "./workshop-record";

const db = await testDb();

/**
 * Six orders of one workshop, all placed on Monday 1 March 2027 with delivery promised on Tuesday 13 April:
 *   A delivered Mon 12 Apr (on time), B Tue 13 Apr (on time, the promised day itself),
 *   C Fri 16 Apr (late: 14, 15, 16 → 3 business days),
 *   D Tue 27 Apr (late: 14–16, 19–23, 26, 27 = 10 days, less the workshop's closure on 19–20 → 8),
 *   E delivered Fri 16 Apr but cancelled (counts nowhere), F not delivered yet.
 * → on time 2 of 4 = 50 %; median delay of the 2 late orders (3 and 8) = 5.5 business days.
 * CAD approvals: A changes asked then approved, B approved, C changes asked (not approved yet), D waiting
 * for the brand (not answered: not counted) → 2 of 3 needed changes, on 3 orders.
 * Reviews: A 5/4/5, B 4/4/3, C 2/3/1 → quality 11/3 = 3.7, communication 11/3 = 3.7, timeliness 9/3 = 3.0.
 */
describe("the workshop's record from its orders", () => {
  let f: Fixture;

  beforeAll(async () => {
    f = await createFixture(db);
    await db.execute(sql`insert into calendar_closures (org_id, starts_on, ends_on, label) values (${f.workshop.org.id}, '2027-04-19', '2027-04-20', 'Inventory')`);
    const placed = [];
    for (let i = 0; i < 6; i++) placed.push(await orderPlacedOn1March2027(db, f));
    const [a, b, c, d, e] = placed as [(typeof placed)[number], (typeof placed)[number], (typeof placed)[number], (typeof placed)[number], (typeof placed)[number]];
    const workshop = actorOf(f.workshop);
    const brand = actorOf(f.brand);
    const cad = (o: typeof a) => o.milestoneId("cad_approved");
    for (const o of [a, b, c, d]) {
      await recordBankTransfer(db, workshop, { orderId: o.order.id, receivedOn: "2027-03-02", reference: "" }, atRome("2027-03-02"));
      await changeMilestone(db, workshop, "workshop", "complete", { milestoneId: cad(o), note: "", photoFileIds: [] }, atRome("2027-03-05"));
    }
    await changeMilestone(db, brand, "brand", "request_changes", { milestoneId: cad(a), note: "Thinner band", photoFileIds: [] }, atRome("2027-03-08"));
    await changeMilestone(db, workshop, "workshop", "complete", { milestoneId: cad(a), note: "", photoFileIds: [] }, atRome("2027-03-09"));
    await changeMilestone(db, brand, "brand", "approve", { milestoneId: cad(a), note: "", photoFileIds: [] }, atRome("2027-03-10"));
    await changeMilestone(db, brand, "brand", "approve", { milestoneId: cad(b), note: "", photoFileIds: [] }, atRome("2027-03-08"));
    await changeMilestone(db, brand, "brand", "request_changes", { milestoneId: cad(c), note: "Deeper engraving", photoFileIds: [] }, atRome("2027-03-08"));
    await deliverOn(db, f, a.order.id, "2027-04-12");
    await deliverOn(db, f, b.order.id, "2027-04-13");
    await deliverOn(db, f, c.order.id, "2027-04-16");
    await deliverOn(db, f, d.order.id, "2027-04-27");
    await deliverOn(db, f, e.order.id, "2027-04-16");
    for (const [o, q, cm, t] of [
      [a, 5, 4, 5],
      [b, 4, 4, 3],
      [c, 2, 3, 1],
    ] as const) {
      await leaveReview(db, brand, { orderId: o.order.id, quality: q, communication: cm, timeliness: t, body: "The pieces arrived well packed and as drawn." });
    }
    await db.update(orders).set({ status: "cancelled" }).where(eq(orders.id, e.order.id));
  });

  it("keeps the delay in business days of each delivery, over the workshop's closure", async () => {
    const { rows } = await db.execute<{ delivered_on: string; late_business_days: number }>(
      sql`select delivered_on::text, late_business_days from order_plans where workshop_org_id = ${f.workshop.org.id} and delivered_on is not null order by delivered_on, late_business_days`,
    );
    expect(rows.map((r) => [r.delivered_on, r.late_business_days])).toEqual([
      ["2027-04-12", 0],
      ["2027-04-13", 0],
      ["2027-04-16", 3],
      ["2027-04-16", 3],
      ["2027-04-27", 8],
    ]);
  });

  it("computes on-time rate, median delay, approvals needing changes and review averages, each with the orders behind it", async () => {
    expect(await getWorkshopRecord(db, f.workshop.org.id)).toEqual({
      medianResponseHours: null,
      responsesCounted: 0,
      samplesSent: 0,
      onTimeRate: 0.5,
      ordersDelivered: 4,
      medianLateBusinessDays: 5.5,
      lateOrders: 2,
      approvalsChangedRate: 2 / 3,
      approvalsCounted: 3,
      approvalOrders: 3,
      reviewAverages: { quality: 3.7, communication: 3.7, timeliness: 3 },
      reviewCount: 3,
    });
  });

  it("the public profile shows the same record, read as the public", async () => {
    const profile = await getPublicProfile(db, f.workshop.org.slug);
    expect(profile.record).toMatchObject({ onTimeRate: 0.5, ordersDelivered: 4, medianLateBusinessDays: 5.5, reviewCount: 3 });
  });

  it("the brand's comparison of a new request's quotes shows the same record next to the quote", async () => {
    const r = await sentRfq(db, f.brand, [f.workshop]);
    await sentQuote(db, f.workshop, r.invitationOf(f.workshop).id, { ring: r.ringLine.id, pendant: r.pendantLine.id });
    const compared = await compareQuotes(db, f.brand.org.id, r.rfq.number);
    expect(compared.quotes.map((q) => q.record)).toEqual([
      { medianResponseHours: null, samplesSent: 0, onTimeRate: 0.5, ordersDelivered: 4, reviewAverages: { quality: 3.7, communication: 3.7, timeliness: 3 }, reviewCount: 3 },
    ]);
  });

  it("a workshop with no orders has no figures, not zeros", async () => {
    expect(await getWorkshopRecord(db, f.outsider.workshop.org.id)).toMatchObject({ onTimeRate: null, ordersDelivered: 0, medianLateBusinessDays: null, approvalsChangedRate: null, reviewAverages: null, reviewCount: 0 });
  });
});
