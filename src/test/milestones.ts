import { asc, eq } from "drizzle-orm";
import type { Db } from "~/server/db/client";
import { orderMilestones, orderPlans, type Order } from "~/server/db/schema";
import { withOrg } from "~/server/db/tenant";
import { createMilestonePlan } from "~/server/services/milestone-plans";
import type { Fixture } from "./fixtures";
import { rfqBetween } from "./rfqs";

/** Test data for milestone plans: an order between the fixture's brand and workshop, planned as accept will. */

/**
 * Plans an order in a transaction of its brand, as the accept transaction does. A plan the order already
 * has is replaced, so tests can plan it again as if placed on a fixed date.
 */
export async function planOrder(db: Db, order: Order) {
  await db.delete(orderPlans).where(eq(orderPlans.orderId, order.id));
  await withOrg(db, order.brandOrgId, (tx) => createMilestonePlan(tx, order));
  return milestonesOf(db, order.id);
}

export async function milestonesOf(db: Db, orderId: string) {
  const [plan] = await db.select().from(orderPlans).where(eq(orderPlans.orderId, orderId));
  const milestones = await db.select().from(orderMilestones).where(eq(orderMilestones.orderId, orderId)).orderBy(asc(orderMilestones.position));
  return { plan: plan!, milestones };
}

/** The RFQ tables between the fixture's parties (see rfqBetween) and the order's milestone plan. */
export async function plannedOrderBetween(db: Db, f: Fixture) {
  const r = await rfqBetween(db, f);
  const planned = await planOrder(db, r.order);
  return { ...r, ...planned };
}
