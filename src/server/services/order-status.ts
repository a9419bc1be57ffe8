import { and, eq, inArray, sql } from "drizzle-orm";
import { ORDER_STATUS_RULES, orderStageOf, orderStatusRefusal, type CancelOrderInput, type CloseOrderInput, type OrderSide, type OrderStatusAction } from "~/lib/order-status";
import type { OrderStage } from "~/lib/order-list-schemas";
import { orderNumberLabel } from "~/lib/rfq-schemas";
import type { Db, Tx } from "../db/client";
import { orderMilestones, orderPlans, orders, organizations } from "../db/schema";
import { asCounterparty, withOrg } from "../db/tenant";
import { AppError } from "../errors";
import { recordEvent } from "./events";
import type { Actor } from "./members";
import { notify } from "./notifications";

/**
 * Cancelling and closing an order. The rule (ORDER_STATUS_RULES in src/lib/order-status.ts, the
 * permissions `orders.cancel`, `orders.cancelInProduction` and `orders.close`):
 * - awaiting its deposit, either party's owner or admin may cancel it, with a reason;
 * - in production, only the brand's owner may cancel it, with a reason;
 * - shipped or delivered, it is not cancelled;
 * - delivered, the brand's owner or admin closes it (its status becomes `completed`);
 * - a closed or cancelled order never changes again (the database's trigger holds the app to that too).
 *
 * Cancelling records nothing about money: what was paid for a cancelled order the workshop then refunds
 * by the rule in src/lib/refunds.ts (src/server/services/payment-refunds.ts); this only stops the order. A cancelled order's plan is no longer reported on (its
 * milestones and shipping refuse changes) and leaves the at-risk and overdue checks.
 *
 * Each change runs in one transaction with the order's plan and then the order row locked (the order in
 * which milestone changes and a paid deposit take them), records an event for both sides and notifies
 * the other side.
 */

const refused = (action: OrderStatusAction, stage: OrderStage, side: OrderSide, role: Actor["role"]) => {
  const message = orderStatusRefusal(action, stage, side, role);
  if (!message) return null;
  // The stage allows it for someone: this member's side or role does not. Otherwise the order's stage does not.
  return new AppError(ORDER_STATUS_RULES[action][stage] ? "FORBIDDEN" : "CONFLICT", message);
};

/** The order, its plan locked and then its row, as one of its parties; with its stage and both names. */
async function lockedOrder(tx: Tx, orgId: string, orderId: string) {
  await tx.select({ id: orderPlans.orderId }).from(orderPlans).where(and(eq(orderPlans.orderId, orderId), sql`${orgId} in (${orderPlans.brandOrgId}, ${orderPlans.workshopOrgId})`)).for("update");
  const [order] = await tx.select().from(orders).where(and(eq(orders.id, orderId), sql`${orgId} in (${orders.brandOrgId}, ${orders.workshopOrgId})`)).for("update");
  if (!order) throw new AppError("NOT_FOUND", "That order was not found.");
  const stage = await orderStageIn(tx, order);
  const orgs = await tx.select({ id: organizations.id, name: organizations.name, slug: organizations.slug }).from(organizations).where(inArray(organizations.id, [order.brandOrgId, order.workshopOrgId]));
  const brand = orgs.find((o) => o.id === order.brandOrgId);
  const workshop = orgs.find((o) => o.id === order.workshopOrgId);
  if (!brand || !workshop) throw new Error(`order ${orderId} lost one of its organizations`);
  const side: OrderSide = order.brandOrgId === orgId ? "brand" : "workshop";
  return { order, stage, side, brand, workshop };
}

/** One order's stage, read in the caller's transaction (either party may read the plan and milestones). */
export async function orderStageIn(tx: Tx, order: { id: string; status: (typeof orders.$inferSelect)["status"] }): Promise<OrderStage> {
  const [plan] = await tx.select({ shippedOn: orderPlans.shippedOn, deliveredOn: orderPlans.deliveredOn }).from(orderPlans).where(eq(orderPlans.orderId, order.id));
  const milestones = await tx.select({ key: orderMilestones.key, status: orderMilestones.status }).from(orderMilestones).where(eq(orderMilestones.orderId, order.id));
  return orderStageOf({ status: order.status, plan: plan ?? null, milestones });
}

type Locked = Awaited<ReturnType<typeof lockedOrder>>;

async function tellBoth(tx: Tx, actor: Actor, l: Locked, action: "order.cancelled" | "order.closed", note: { title: string; body: string }, reason: string) {
  const ref = { order: orderNumberLabel(l.order.year, l.order.seq), brand: l.brand.name, workshop: l.workshop.name };
  const own = l.side === "brand" ? l.brand : l.workshop;
  const other = l.side === "brand" ? l.workshop : l.brand;
  const otherSide: OrderSide = l.side === "brand" ? "workshop" : "brand";
  const event = (orgId: string) =>
    action === "order.cancelled"
      ? recordEvent(tx, { orgId, actorId: actor.userId, action, subjectType: "order", subjectId: l.order.id, data: { ...ref, reason } })
      : recordEvent(tx, { orgId, actorId: actor.userId, action, subjectType: "order", subjectId: l.order.id, data: ref });
  await event(own.id);
  await asCounterparty(tx, actor.orgId, other.id, async () => {
    await event(other.id);
    await notify(tx, { orgId: other.id, kind: "order", title: note.title, body: note.body, href: `/${otherSide}/${other.slug}/orders/${l.order.id}`, actorId: actor.userId });
  });
}

/** Cancels an order with a reason, when its stage and the member's side and role allow (the rule above). */
export async function cancelOrder(db: Db, actor: Actor, input: CancelOrderInput, now = new Date()) {
  return withOrg(db, actor.orgId, async (tx) => {
    const l = await lockedOrder(tx, actor.orgId, input.orderId);
    const refusal = refused("cancel", l.stage, l.side, actor.role);
    if (refusal) throw refusal;
    const reason = input.reason.trim();
    if (!reason) throw new AppError("BAD_REQUEST", "Say why the order is cancelled.", "reason");
    const [row] = await tx
      .update(orders)
      .set({ status: "cancelled", cancelReason: reason, cancelledAt: now, cancelledById: actor.userId })
      .where(eq(orders.id, l.order.id))
      .returning({ id: orders.id, status: orders.status, cancelReason: orders.cancelReason, cancelledAt: orders.cancelledAt });
    const by = l.side === "brand" ? l.brand.name : l.workshop.name;
    await tellBoth(tx, actor, l, "order.cancelled", { title: `${by} cancelled order ${orderNumberLabel(l.order.year, l.order.seq)}`, body: reason.slice(0, 300) }, reason);
    return { orderId: row!.id, status: row!.status, stage: "cancelled" as const, cancelReason: row!.cancelReason, cancelledAt: row!.cancelledAt! };
  });
}

/** The brand closes a delivered order. */
export async function closeOrder(db: Db, actor: Actor, input: CloseOrderInput, now = new Date()) {
  return withOrg(db, actor.orgId, async (tx) => {
    const l = await lockedOrder(tx, actor.orgId, input.orderId);
    const refusal = refused("close", l.stage, l.side, actor.role);
    if (refusal) throw refusal;
    const [row] = await tx
      .update(orders)
      .set({ status: "completed", closedAt: now, closedById: actor.userId })
      .where(eq(orders.id, l.order.id))
      .returning({ id: orders.id, status: orders.status, closedAt: orders.closedAt });
    await tellBoth(tx, actor, l, "order.closed", { title: `${l.brand.name} closed order ${orderNumberLabel(l.order.year, l.order.seq)}`, body: "It was delivered; nothing more changes on it." }, "");
    return { orderId: row!.id, status: row!.status, stage: "closed" as const, closedAt: row!.closedAt! };
  });
}

/** Why a plan of an order in this status is not reported on any more, or null while it is under way. */
export function finishedOrderRefusal(status: (typeof orders.$inferSelect)["status"]): AppError | null {
  if (status === "cancelled") return new AppError("CONFLICT", "This order is cancelled; its milestones and shipping are not reported any more.");
  if (status === "completed") return new AppError("CONFLICT", "This order is closed; its milestones and shipping do not change any more.");
  return null;
}
