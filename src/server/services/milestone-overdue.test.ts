import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { createFixture, type Fixture } from "~/test/fixtures";
import { milestonesOf, planOrder } from "~/test/milestones";
import { rfqBetween } from "~/test/rfqs";
import { actorOf } from "~/test/vetting";
import { events, notifications } from "../db/schema";
import { flagOverdueMilestones } from "./milestone-overdue";
import { changeMilestone, recordBankTransfer } from "./milestones";

const db = await testDb();
const at = (day: string) => new Date(`${day}T06:05:00Z`);

const overdueNotices = (orgId: string) =>
  db
    .select({ title: notifications.title })
    .from(notifications)
    .where(and(eq(notifications.orgId, orgId), eq(notifications.kind, "order_at_risk")))
    .then((rows) => rows.map((r) => r.title).filter((t) => t.includes("planned")));

describe("the daily overdue check", () => {
  let f: Fixture;
  let orderId: string;
  let ids: Map<string, string>;
  beforeAll(async () => {
    f = await createFixture(db);
    const { order } = await rfqBetween(db, f);
    // Planned on Monday 1 March 2027 in Rome: deposit 3 March, CAD 8 March (see milestone-plans.test.ts).
    const { milestones } = await planOrder(db, { ...order, createdAt: new Date("2027-03-01T09:00:00Z") });
    orderId = order.id;
    ids = new Map(milestones.map((m) => [m.key ?? m.name, m.id]));
    await recordBankTransfer(db, actorOf(f.workshop), { orderId, receivedOn: "2027-03-03", reference: "" }, new Date("2027-03-03T09:00:00Z"));
    // CAD started on 4 March, then nothing.
    await changeMilestone(db, actorOf(f.workshop), "workshop", "start", { milestoneId: ids.get("cad_approved")!, note: "", photoFileIds: [] }, new Date("2027-03-04T09:00:00Z"));
  });

  it("says nothing while the current milestone is not past its planned date", async () => {
    // Our other tests' orders may be flagged too; this order's notices are what count.
    await flagOverdueMilestones(db, at("2027-03-08"));
    expect(await overdueNotices(f.workshop.org.id)).toEqual([]);
  });

  it("flags and tells both sides once, not every day; the forecast moves to today and the order turns at risk", async () => {
    await flagOverdueMilestones(db, at("2027-03-10"));
    await flagOverdueMilestones(db, at("2027-03-11"));
    await flagOverdueMilestones(db, at("2027-03-12"));
    expect(await overdueNotices(f.workshop.org.id)).toEqual(["CAD approved on PO-" + (await orderLabel()) + " was planned for 2027-03-08"]);
    expect(await overdueNotices(f.brand.org.id)).toEqual([`CAD approved on PO-${await orderLabel()} is past its planned date`]);
    // The workshop's notice opens the bench, where the milestone is reported; the brand's the order page.
    const hrefs = await db.select({ orgId: notifications.orgId, href: notifications.href }).from(notifications).where(and(eq(notifications.kind, "order_at_risk"), sql`${notifications.title} like '%planned%'`, sql`${notifications.href} like ${`%${orderId}%`}`));
    expect(hrefs.filter((n) => n.orgId === f.workshop.org.id).map((n) => n.href)).toEqual([`/workshop/${f.workshop.org.slug}/orders/${orderId}/bench`]);
    expect(hrefs.filter((n) => n.orgId === f.brand.org.id).map((n) => n.href)).toEqual([`/brand/${f.brand.org.slug}/orders/${orderId}`]);
    const brandEvents = await db.select().from(events).where(and(eq(events.orgId, f.brand.org.id), eq(events.action, "milestone.overdue"), eq(events.subjectId, orderId)));
    expect(brandEvents).toHaveLength(1);
    const { plan, milestones } = await milestonesOf(db, orderId);
    // Checked on 10 March: CAD is forecast that day, 2 business days late, and the rest with it.
    expect(milestones[1]!.forecastDate).toBe("2027-03-10");
    expect(plan).toMatchObject({ overdueMilestoneId: ids.get("cad_approved"), forecastDeliveryDate: "2027-04-15", atRisk: true });
  });

  it("a milestone flagged once is not flagged again when it is reported blocked later", async () => {
    const before = (await overdueNotices(f.workshop.org.id)).length;
    await changeMilestone(db, actorOf(f.workshop), "workshop", "block", { milestoneId: ids.get("cad_approved")!, note: "The brand's stone sizes are missing", photoFileIds: [] }, new Date("2027-03-15T09:00:00Z"));
    await flagOverdueMilestones(db, at("2027-03-16"));
    expect(await overdueNotices(f.workshop.org.id)).toHaveLength(before);
  });

  async function orderLabel() {
    const { rows } = await db.execute<{ label: string }>(sql`select year || '-' || seq as label from orders where id = ${orderId}`);
    return rows[0]!.label;
  }
});
