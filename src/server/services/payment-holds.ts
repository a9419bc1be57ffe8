import { and, eq } from "drizzle-orm";
import type { Tx } from "../db/client";
import { orders, payments } from "../db/schema";
import { AppError } from "../errors";

/**
 * Shipping waits for the balance when the order's terms say the balance is due before shipping. Checked
 * where an order is marked shipped (the shipped milestone, the shipping facts), in the caller's transaction.
 */
export async function assertShippingAllowed(tx: Tx, orderId: string): Promise<void> {
  const [order] = await tx.select({ paymentTerms: orders.paymentTerms }).from(orders).where(eq(orders.id, orderId));
  if (!order || order.paymentTerms !== "balance_before_shipping") return;
  const [balance] = await tx.select({ status: payments.status }).from(payments).where(and(eq(payments.orderId, orderId), eq(payments.kind, "balance")));
  if (!balance || balance.status === "paid" || balance.status === "partially_refunded") return;
  throw new AppError("CONFLICT", "Shipping is held until the balance is paid: the terms of this order put the balance before shipping.", "shippedOn");
}
