import { and, eq } from "drizzle-orm";
import { formatMoney, stripeAmountOf } from "~/lib/money";
import { PAYMENT_KIND_LABELS } from "~/lib/payment-schemas";
import { productionStartedFrom, refundRuleFor, type RefundPaymentInput, type RefundRule } from "~/lib/refunds";
import type { Db, Tx } from "../db/client";
import { orderMilestones, orders, payments, type Payment } from "../db/schema";
import { withOrg } from "../db/tenant";
import { AppError } from "../errors";
import { recordEvent } from "./events";
import type { Actor } from "./members";
import { notify } from "./notifications";
import { isSettled, lockPayment, partiesOf, refOf, tellBoth } from "./payments";
import { localDateOf } from "./production-calendar";
import { createRefund, stripeClient, type StripeClient } from "./stripe";

/**
 * Refunds of a cancelled order's payments, by the rule in src/lib/refunds.ts (what is refunded, and whether
 * Bezel's fee goes back) and the permission `payments.refund` (the workshop's owners and admins: it
 * received the money).
 *
 * - A bank transfer: the workshop sends the money back itself and records it here with its reference; the
 *   payment is refunded (or partially refunded) at once.
 * - A card payment: a Stripe refund of the PaymentIntent, reversing the transfer to the workshop, asked
 *   inside the transaction that holds the payment's lock (an error from Stripe leaves nothing written).
 *   Its idempotency key names the payment and the refund's attempt, so the SDK's retries and a repeat after
 *   a lost answer reuse it. Stripe's answer is recorded at once when the refund succeeded; while it is
 *   pending the amount waits in `refundPendingMinor` and `charge.refunded` records it. Both paths set the
 *   refunded amount to what Stripe says was refunded in all (never add to it twice), so whichever comes
 *   second changes nothing and tells nobody again.
 */

export type RefundOutcome = { id: string; status: Payment["status"]; refundedMinor: number; refundPendingMinor: number; refund: "recorded" | "processing" | "failed"; message: string };

/** The rule for one payment now, or the reason it is not refunded (null rule). */
export async function refundRuleIn(tx: Tx, p: Payment): Promise<{ rule: RefundRule | null; refusal: string }> {
  if (!p.orderId) return { rule: null, refusal: "A sample fee is not refunded through an order's cancellation." };
  const [o] = await tx.select({ status: orders.status }).from(orders).where(eq(orders.id, p.orderId));
  if (o?.status !== "cancelled") return { rule: null, refusal: "Payments are refunded when their order is cancelled." };
  if (!isSettled(p) || p.status === "refunded") return { rule: null, refusal: p.status === "refunded" ? "This payment is refunded already." : "Nothing of this payment was received, so nothing is refunded." };
  if (p.refundPendingMinor > 0) return { rule: null, refusal: "A refund of this payment is being processed by Stripe." };
  const milestones = await tx.select({ key: orderMilestones.key, status: orderMilestones.status }).from(orderMilestones).where(eq(orderMilestones.orderId, p.orderId));
  const rule = refundRuleFor({ kind: p.kind, productionStarted: productionStartedFrom(milestones), amountMinor: p.amountMinor, refundedMinor: p.refundedMinor });
  if (rule.maxMinor <= 0) return { rule: null, refusal: "This payment is refunded already." };
  return { rule, refusal: "" };
}

const amountError = (message: string) => new AppError("BAD_REQUEST", message, "amountMinor");

/** Refunds (part of) a payment of a cancelled order, as its workshop. */
export async function refundPayment(db: Db, actor: Actor, input: RefundPaymentInput, now = new Date(), stripe: StripeClient | null = stripeClient()): Promise<RefundOutcome> {
  return withOrg(db, actor.orgId, async (tx) => {
    const p = await lockPayment(tx, "workshop", actor.orgId, input.paymentId);
    const { rule, refusal } = await refundRuleIn(tx, p);
    if (!rule) throw new AppError("CONFLICT", refusal);
    const money = (amountMinor: number) => formatMoney({ amountMinor, currency: p.currency });
    if (input.amountMinor > rule.maxMinor) throw amountError(`At most ${money(rule.maxMinor)} can be refunded.`);
    if (input.amountMinor < rule.minMinor) throw amountError(`${rule.explanation} Refund ${money(rule.maxMinor)}.`);
    const parties = await partiesOf(tx, p);
    const refundedOn = localDateOf(now, parties.workshop.timeZone);

    if (p.method !== "card") {
      const reference = input.reference.trim();
      if (!reference) throw new AppError("BAD_REQUEST", "Enter the reference of the transfer you sent back.", "reference");
      const refunded = p.refundedMinor + input.amountMinor;
      const [row] = await tx
        .update(payments)
        .set({ refundedMinor: refunded, status: refunded >= p.amountMinor ? "refunded" : "partially_refunded", refundReference: reference, refundedOn, refundedById: actor.userId, updatedAt: now })
        .where(eq(payments.id, p.id))
        .returning();
      await tellRefunded(tx, actor, p, parties, money(input.amountMinor), `Sent back by bank transfer, reference ${reference}.`);
      return outcome(row!, "recorded", "");
    }

    if (!stripe) throw new AppError("CONFLICT", "Card payments are not configured on this Bezel, so a card refund cannot be made here.");
    if (!p.stripePaymentIntentId) throw new AppError("CONFLICT", "This card payment has no Stripe payment on record to refund.");
    if (!stripeAmountOf({ amountMinor: input.amountMinor, currency: p.currency })) throw amountError(`Stripe refunds ${p.currency} in tens of the smallest unit: choose an amount that ends in 0.`);
    const attempt = p.refundAttempt + 1;
    const refund = await createRefund(stripe, { paymentId: p.id, paymentIntentId: p.stripePaymentIntentId, amount: input.amountMinor, refundApplicationFee: rule.refundApplicationFee, idempotencyKey: `refund-${p.id}-${attempt}` });
    if (refund.status === "failed" || refund.status === "canceled") {
      // Nothing was refunded; the next try is a new refund with a new key.
      const message = "Stripe could not make the refund. Nothing was refunded; try again or contact Stripe support.";
      const [row] = await tx.update(payments).set({ refundAttempt: attempt, stripeRefundId: refund.id, updatedAt: now }).where(eq(payments.id, p.id)).returning();
      return outcome(row!, "failed", message);
    }
    if (refund.status === "succeeded") {
      const refunded = Math.min(p.amountMinor, p.refundedMinor + refund.amount);
      const [row] = await tx
        .update(payments)
        .set({ refundedMinor: refunded, refundPendingMinor: 0, status: refunded >= p.amountMinor ? "refunded" : "partially_refunded", refundAttempt: attempt, stripeRefundId: refund.id, refundedOn, refundedById: actor.userId, updatedAt: now })
        .where(and(eq(payments.id, p.id)))
        .returning();
      await tellRefunded(tx, actor, p, parties, money(refund.amount), "Refunded to the card through Stripe.");
      return outcome(row!, "recorded", "");
    }
    // Pending (or waiting on the customer's bank): Stripe's charge.refunded records it.
    const [row] = await tx
      .update(payments)
      .set({ refundPendingMinor: refund.amount, refundAttempt: attempt, stripeRefundId: refund.id, refundedById: actor.userId, updatedAt: now })
      .where(eq(payments.id, p.id))
      .returning();
    return outcome(row!, "processing", "Stripe is processing the refund. It shows as refunded when Stripe confirms it.");
  });
}

const outcome = (p: Payment, refund: RefundOutcome["refund"], message: string): RefundOutcome => ({ id: p.id, status: p.status, refundedMinor: p.refundedMinor, refundPendingMinor: p.refundPendingMinor, refund, message });

/** Both sides' activity log, and a notification to each (the workshop's own member who refunded is not mailed). */
async function tellRefunded(tx: Tx, actor: Actor, p: Payment, parties: Awaited<ReturnType<typeof partiesOf>>, amount: string, body: string) {
  const data = { ...refOf(p, parties), refunded: amount };
  await tellBoth(tx, actor.orgId, parties, async (side) => {
    await recordEvent(tx, { orgId: parties[side].id, actorId: actor.userId, action: "payment.refunded", subjectType: "payment", subjectId: p.id, data });
    await notify(tx, {
      orgId: parties[side].id,
      kind: "order",
      title: side === "brand" ? `${parties.workshop.name} refunded ${amount} of the ${PAYMENT_KIND_LABELS[p.kind].toLowerCase()} for ${parties.subject}` : `${amount} of the ${PAYMENT_KIND_LABELS[p.kind].toLowerCase()} for ${parties.subject} was refunded`,
      body,
      href: parties.href(side),
      actorId: actor.userId,
    });
  });
}
