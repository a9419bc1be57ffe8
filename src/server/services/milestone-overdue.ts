import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { orderMilestones, orderPlans } from "../db/schema";
import { asCounterparty, withOrg } from "../db/tenant";
import { orderNumberLabel } from "~/lib/rfq-schemas";
import { recordEvent } from "./events";
import { isOverdueWithoutReport } from "./milestone-forecast";
import { lockedPlan, reforecastOrder } from "./milestones";
import { notify } from "./notifications";
import { localDateOf } from "./production-calendar";
import { benchHref, orderHref } from "./rfq-common";

/**
 * The daily check: an order whose current milestone is past its planned date with nothing reported on it
 * since is flagged, both sides are told, and its forecast moves to today (which may put it at risk, told
 * once too). Each milestone is flagged once: the plan remembers the last milestone it flagged, so the
 * next days say nothing new until another milestone is late.
 *
 * Finding the candidates crosses organizations on purpose (like the files sweep), on the owner's
 * connection; each order is then changed in a transaction bound to its workshop.
 */
export async function flagOverdueMilestones(db: Db, now = new Date()): Promise<{ flagged: number }> {
  const { rows } = await db.execute<{ milestone_id: string; order_id: string; workshop_org_id: string }>(sql`
    select m.id as milestone_id, m.order_id, p.workshop_org_id
    from order_milestones m
    join order_plans p on p.order_id = m.order_id
    join orders o on o.id = m.order_id and o.status in ('open', 'in_production')
    join organizations w on w.id = p.workshop_org_id
    where m.status in ('pending', 'in_progress', 'blocked')
      and p.overdue_milestone_id is distinct from m.id
      and m.planned_date < (${now.toISOString()}::timestamptz at time zone w.time_zone)::date
      and not exists (select 1 from order_milestones e where e.order_id = m.order_id and e.position < m.position and e.status <> 'completed')
    order by m.planned_date
    limit 5000`);
  let flagged = 0;
  for (const row of rows) {
    const done = await withOrg(db, row.workshop_org_id, async (tx) => {
      const c = await lockedPlan(tx, row.order_id, "workshop", row.workshop_org_id);
      if (c.plan.overdueMilestoneId === row.milestone_id || c.order.status === "cancelled" || c.order.status === "completed") return false;
      const [m] = await tx.select().from(orderMilestones).where(and(eq(orderMilestones.id, row.milestone_id), eq(orderMilestones.workshopOrgId, row.workshop_org_id)));
      if (!m) return false;
      const today = localDateOf(now, c.workshop.timeZone);
      const lastReportedOn = m.lastReportedAt ? localDateOf(m.lastReportedAt, c.workshop.timeZone) : null;
      if (!isOverdueWithoutReport({ plannedDate: m.plannedDate, status: m.status, lastReportedOn }, today)) return false;
      await tx.update(orderPlans).set({ overdueMilestoneId: m.id, updatedAt: now }).where(eq(orderPlans.orderId, c.plan.orderId));
      const data = { order: orderNumberLabel(c.order.year, c.order.seq), brand: c.brand.name, workshop: c.workshop.name, milestone: m.name };
      await recordEvent(tx, { orgId: c.workshop.id, actorId: null, action: "milestone.overdue", subjectType: "order", subjectId: c.plan.orderId, data });
      await notify(tx, {
        orgId: c.workshop.id,
        kind: "order_at_risk",
        title: `${m.name} on ${data.order} was planned for ${m.plannedDate}`,
        body: "Nothing was reported on it since. Report where it stands so the brand sees the right date.",
        // Straight to the bench, where it is reported in three taps; the deposit is recorded on the order page.
        href: m.key === "deposit_received" ? orderHref("workshop", c.workshop.slug, c.plan.orderId) : benchHref(c.workshop.slug, c.plan.orderId),
      });
      await asCounterparty(tx, c.workshop.id, c.brand.id, async () => {
        await recordEvent(tx, { orgId: c.brand.id, actorId: null, action: "milestone.overdue", subjectType: "order", subjectId: c.plan.orderId, data });
        await notify(tx, {
          orgId: c.brand.id,
          kind: "order_at_risk",
          title: `${m.name} on ${data.order} is past its planned date`,
          body: `It was planned for ${m.plannedDate}; ${c.workshop.name} has not reported on it since.`,
          href: `/brand/${c.brand.slug}/orders/${c.plan.orderId}`,
        });
      });
      await reforecastOrder(tx, c, c.workshop.id, null, now);
      return true;
    });
    if (done) flagged++;
  }
  return { flagged };
}
