import { z } from "zod";
import { ORDER_STAGE_LABELS, type OrderStage } from "./order-list-schemas";
import { can, type Permission, type Role } from "./permissions";

export type OrderSide = "brand" | "workshop";
export type OrderStatusAction = "cancel" | "close";

/**
 * Who may cancel or close an order, by its stage and side: the permission a member needs, or nothing when
 * that side may not at all. Awaiting its deposit, either party's owners and admins may cancel; in
 * production only the brand's owner may (the workshop has worked on it); once shipped or delivered it is
 * not cancelled; the brand closes a delivered order; a closed or cancelled order never changes again.
 */
export const ORDER_STATUS_RULES: Record<OrderStatusAction, Partial<Record<OrderStage, Partial<Record<OrderSide, Permission>>>>> = {
  cancel: {
    awaiting_deposit: { brand: "orders.cancel", workshop: "orders.cancel" },
    in_production: { brand: "orders.cancelInProduction" },
  },
  close: {
    delivered: { brand: "orders.close" },
  },
};

/** Why a stage refuses an action outright (whoever asks). */
const STAGE_REFUSALS: Record<OrderStatusAction, Partial<Record<OrderStage, string>>> = {
  cancel: {
    shipped: "A shipped order cannot be cancelled.",
    delivered: "A delivered order cannot be cancelled.",
    closed: "This order is closed; it cannot change any more.",
    cancelled: "This order is cancelled already.",
  },
  close: {
    awaiting_deposit: "An order is closed after its delivery.",
    in_production: "An order is closed after its delivery.",
    shipped: "An order is closed after its delivery.",
    closed: "This order is closed already.",
    cancelled: "This order is cancelled; it cannot change any more.",
  },
};

const who = (permission: Permission) => (can("admin", permission) ? "an owner or admin" : "an owner");

/** Null when the member may; otherwise the message that says why not. */
export function orderStatusRefusal(action: OrderStatusAction, stage: OrderStage, side: OrderSide, role: Role): string | null {
  const rule = ORDER_STATUS_RULES[action][stage];
  if (!rule) return STAGE_REFUSALS[action][stage] ?? "That cannot be done now.";
  const permission = rule[side];
  if (!permission) {
    if (action === "close") return "The brand closes an order after its delivery.";
    return `An order ${ORDER_STAGE_LABELS[stage].toLowerCase()} can be cancelled by the brand only.`;
  }
  if (!can(role, permission)) {
    return action === "close" ? `Only ${who(permission)} closes an order.` : `Only ${who(permission)} of the ${side} can cancel an order ${ORDER_STAGE_LABELS[stage].toLowerCase()}.`;
  }
  return null;
}

/** The actions a member may take on an order now (drives the buttons). */
export function availableOrderStatusActions(stage: OrderStage, side: OrderSide, role: Role): OrderStatusAction[] {
  return (["cancel", "close"] as const).filter((a) => orderStatusRefusal(a, stage, side, role) === null);
}

export const cancelOrderSchema = z.object({
  orderId: z.uuid("Unknown order."),
  reason: z.string().trim().min(1, "Say why the order is cancelled.").max(1000, "Keep the reason to 1,000 characters."),
});
export type CancelOrderInput = z.infer<typeof cancelOrderSchema>;

export const closeOrderSchema = z.object({ orderId: z.uuid("Unknown order.") });
export type CloseOrderInput = z.infer<typeof closeOrderSchema>;

/**
 * The stage of one order, from its status and plan: the same answer as the orders lists' query
 * (src/server/services/order-lists.ts). A closed (completed) or cancelled status wins; then delivery,
 * then shipping (the plan's dates or their milestones done); an unpaid deposit step is awaiting deposit.
 */
export function orderStageOf(o: {
  status: "open" | "in_production" | "cancelled" | "completed";
  plan: { shippedOn: string | null; deliveredOn: string | null } | null;
  milestones: readonly { key: string | null; status: string }[];
}): OrderStage {
  if (o.status === "cancelled") return "cancelled";
  if (o.status === "completed") return "closed";
  const done = (key: string) => o.milestones.some((m) => m.key === key && m.status === "completed");
  if (o.plan?.deliveredOn || done("delivered")) return "delivered";
  if (o.plan?.shippedOn || done("shipped")) return "shipped";
  if (o.milestones.some((m) => m.key === "deposit_received" && m.status !== "completed")) return "awaiting_deposit";
  return "in_production";
}
