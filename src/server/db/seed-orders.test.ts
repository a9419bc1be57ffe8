import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { createFixture, type OrgFixture } from "~/test/fixtures";
import { approvedDesign } from "~/test/rfqs";
import { actorOf, publishWorkshop } from "~/test/vetting";
import { seedDemoOrders } from "./seed-orders";

const db = await testDb();

const party = (t: OrgFixture) => ({ ...actorOf(t), timeZone: t.org.timeZone, currency: t.org.currency });

describe("demo orders", () => {
  it("makes an order in every state through the services: photos, slips, one at risk, a delivered one reviewed and answered", async () => {
    const f = await createFixture(db);
    for (const w of [f.workshop, f.outsider.workshop]) await publishWorkshop(db, w);
    for (const b of [f.brand, f.outsider.brand]) await approvedDesign(db, b, { name: "Signet ring" });
    expect(await seedDemoOrders(db, [party(f.brand), party(f.outsider.brand)], [actorOf(f.workshop), actorOf(f.outsider.workshop)])).toBe(7);

    const { rows } = await db.execute<{ title: string; status: string; deposit: string; shipped: boolean; delivered: boolean; at_risk: boolean; photos: number; slipped: boolean; review: string | null }>(sql`
      select r.title, o.status::text,
             (select m.status::text from order_milestones m where m.order_id = o.id and m.key = 'deposit_received') as deposit,
             p.shipped_on is not null as shipped, p.delivered_on is not null as delivered, p.at_risk,
             (select count(*)::int from order_milestone_photos ph join order_milestone_updates u on u.id = ph.update_id where u.order_id = o.id) as photos,
             exists (select 1 from order_milestones m where m.order_id = o.id and m.completed_on > m.planned_date) as slipped,
             (select case when rv.answer is null then 'unanswered' else 'answered' end from order_reviews rv where rv.order_id = o.id) as review,
             (select pm.status::text from payments pm where pm.order_id = o.id and pm.kind = 'balance') as balance
      from orders o join rfqs r on r.id = o.rfq_id join order_plans p on p.order_id = o.id order by r.title`);
    const byTitle = Object.fromEntries(rows.map(({ title, ...r }) => [title, r]));
    expect(byTitle).toEqual({
      "Cocktail rings, holiday edition": { status: "completed", deposit: "completed", shipped: true, delivered: true, at_risk: false, photos: 2, slipped: false, balance: "paid", review: null },
      "Engraved rings for the autumn window": { status: "in_production", deposit: "completed", shipped: false, delivered: false, at_risk: false, photos: 1, slipped: false, balance: "due", review: null },
      "Pinky rings, trial run": { status: "cancelled", deposit: "completed", shipped: false, delivered: false, at_risk: false, photos: 0, slipped: false, balance: "due", review: null },
      "Signet ring restock": { status: "open", deposit: "pending", shipped: false, delivered: false, at_risk: false, photos: 0, slipped: false, balance: "due", review: null },
      "Signet rings, first collection": { status: "in_production", deposit: "completed", shipped: true, delivered: true, at_risk: true, photos: 3, slipped: true, balance: "paid", review: "answered" },
      "Stacking rings, summer drop": { status: "in_production", deposit: "completed", shipped: true, delivered: false, at_risk: true, photos: 2, slipped: true, balance: "paid", review: null },
      "Wedding bands, bridal capsule": { status: "in_production", deposit: "completed", shipped: false, delivered: false, at_risk: true, photos: 3, slipped: true, balance: "due", review: null },
    });
    // Closed and cancelled through the order's rules: with the closing time, and the reason said.
    const { rows: ends } = await db.execute<{ title: string; reason: string | null; closed: boolean; cancelled: boolean }>(sql`
      select r.title, o.cancel_reason as reason, o.closed_at is not null as closed, o.cancelled_at is not null as cancelled
      from orders o join rfqs r on r.id = o.rfq_id where o.status in ('completed', 'cancelled') order by r.title`);
    expect(ends).toEqual([
      { title: "Cocktail rings, holiday edition", reason: "", closed: true, cancelled: false },
      { title: "Pinky rings, trial run", reason: "The trial run is off: the collection moved to next season.", closed: false, cancelled: true },
    ]);
  });
});
