import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { createFixture, type Fixture } from "~/test/fixtures";
import { planOrder } from "~/test/milestones";
import { rfqBetween } from "~/test/rfqs";
import { actorOf } from "~/test/vetting";
import { events, type Order } from "../db/schema";
import { withOrg } from "../db/tenant";
import { createMilestonePlan } from "./milestone-plans";
import { getPlanTemplate, resetPlanTemplate, savePlanTemplate } from "./plan-templates";

const db = await testDb();

/** An order of the fixture's brand with its Italian workshop (30 business days), not planned yet, placed at `at`. */
async function orderAt(f: Fixture, at: string): Promise<Order> {
  const { order } = await rfqBetween(db, f);
  return { ...order, createdAt: new Date(at) };
}

describe("createMilestonePlan", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(db);
  });

  it("plans the default steps over 30 Italian business days from the order's day in Rome, skipping Easter Monday", async () => {
    // 23:30 UTC on 28 February is already 1 March in Rome.
    const order = await orderAt(f, "2027-02-28T23:30:00Z");
    const { plan, milestones } = await planOrder(db, order);
    expect(plan).toMatchObject({ orderDate: "2027-03-01", leadTimeDays: 30, promisedDeliveryDate: "2027-04-13", forecastDeliveryDate: "2027-04-13", atRisk: false });
    expect(milestones.map((m) => [m.name, m.plannedDay, m.plannedDate, m.needsApproval, m.status])).toEqual([
      ["Deposit received", 2, "2027-03-03", false, "pending"],
      ["CAD approved", 5, "2027-03-08", true, "pending"],
      ["Materials sourced", 8, "2027-03-11", false, "pending"],
      ["Casting", 14, "2027-03-19", false, "pending"],
      ["Stone setting", 18, "2027-03-25", false, "pending"],
      ["Polishing and finishing", 21, "2027-03-31", false, "pending"],
      ["Quality check", 23, "2027-04-02", true, "pending"],
      ["Shipped", 24, "2027-04-05", false, "pending"],
      ["Customs cleared", 27, "2027-04-08", false, "pending"],
      ["Delivered", 30, "2027-04-13", false, "pending"],
    ]);
    expect(milestones.every((m) => m.forecastDate === m.plannedDate)).toBe(true);
    // Both parties' logs say so (accepting the quote planned the order once already, from today).
    for (const org of [f.brand.org.id, f.workshop.org.id]) {
      const logged = await db.select().from(events).where(and(eq(events.orgId, org), eq(events.action, "order.planned"), eq(events.subjectId, order.id)));
      expect(logged.map((e) => e.data)).toContainEqual(expect.objectContaining({ promisedDeliveryDate: "2027-04-13", milestones: 10 }));
    }
  });

  it("follows the workshop's saved template, and a reset brings the default back", async () => {
    await savePlanTemplate(db, actorOf(f.workshop), {
      steps: [
        { key: "deposit_received", name: "Deposit received", sharePercent: 10, needsApproval: false },
        { key: null, name: "Hand engraving", sharePercent: 90, needsApproval: true },
      ],
    });
    const { milestones, plan } = await planOrder(db, await orderAt(f, "2027-03-01T09:00:00Z"));
    // 10 % of 30 = 3 business days; the last step ends on day 30.
    expect(milestones.map((m) => [m.key, m.name, m.plannedDay, m.plannedDate, m.needsApproval])).toEqual([
      ["deposit_received", "Deposit received", 3, "2027-03-04", false],
      [null, "Hand engraving", 30, "2027-04-13", true],
    ]);
    expect(plan.promisedDeliveryDate).toBe("2027-04-13");
    await resetPlanTemplate(db, actorOf(f.workshop));
    expect((await getPlanTemplate(db, f.workshop.org.id)).isDefault).toBe(true);
  });

  it("counts the workshop's own closure, which the brand running the transaction cannot read", async () => {
    await db.execute(
      sql`insert into calendar_closures (org_id, starts_on, ends_on, label) values (${f.workshop.org.id}, '2027-03-15', '2027-03-19', 'Fair week')`,
    );
    const { milestones, plan } = await planOrder(db, await orderAt(f, "2027-03-01T09:00:00Z"));
    // The closure's 5 working days push casting (day 14) from 19 March to 26 March, the promise to 20 April.
    expect(milestones.find((m) => m.key === "casting")!.plannedDate).toBe("2027-03-26");
    expect(plan.promisedDeliveryDate).toBe("2027-04-20");
  });

  it("refuses to run outside a transaction of one of the order's parties", async () => {
    const order = await orderAt(f, "2027-03-01T09:00:00Z");
    await expect(withOrg(db, f.outsider.brand.org.id, (tx) => createMilestonePlan(tx, order))).rejects.toThrow("one of the order's parties");
  });
});
