import { eq, or, sql } from "drizzle-orm";
import type Stripe from "stripe";
import type { Db, Tx } from "../db/client";
import { preorderReservations, stripeEvents, type PreorderReservation } from "../db/schema";
import { withOrg } from "../db/tenant";
import { AppError } from "../errors";
import { emailCancelled, emailLatePaymentRefunded, emailPaymentReceived, type CampaignRef } from "./preorder-emails";
import { campaignRefOf } from "./preorder-reservations";
import { moveUnits, takeUnits } from "./preorder-units";
import { createPreorderRefund, stripeClient, type StripeClient } from "./stripe";

/**
 * Stripe's events about preorder reservations (the customer pays the brand), handed over by the webhook
 * dispatcher (payment-webhooks.ts) when the event's metadata names a reservation or its session or
 * PaymentIntent is a reservation's. Each event is stored once in `stripe_events` for the brand (its id is
 * the key) in the same transaction as its effects, so a repeat does nothing.
 *
 * - `checkout.session.completed` (paid) and `payment_intent.succeeded`: the reservation is paid and its
 *   units move from held to paid. **The late-payment rule**: when the hold had already expired (its units
 *   freed), the payment is honoured if the campaign is still published and has room — the units are taken
 *   again, straight into paid, by the same conditional updates and checks as a new hold — and otherwise
 *   refunded in full at once. A payment for a reservation the customer or the brand cancelled, or a second
 *   payment of a reservation already paid (two Checkout Sessions both paid), is refunded in full too.
 *   Never oversold: whatever arrives, the counters' checks decide.
 * - `checkout.session.expired`: the hold of that session (if it is still the reservation's current one)
 *   expires and frees its units.
 * - `charge.refunded`: a refund Bezel asked for and Stripe had pending is recorded as done; a full refund
 *   made in Stripe's dashboard refunds the reservation and frees its units.
 * - A balance payment (metadata `preorder_balance=1`, sessions from `createBalanceCheckout`): the balance
 *   is paid; if the reservation was given back meanwhile, it is refunded at once.
 */

type Refs = { reservationId: string | null; session: string | null; intent: string | null; balance: boolean };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const idOf = (v: string | { id: string } | null | undefined) => (typeof v === "string" ? v : (v?.id ?? null));
const reservationIdOf = (m: Stripe.Metadata | null | undefined) => (m?.preorder_reservation_id && UUID.test(m.preorder_reservation_id) ? m.preorder_reservation_id : null);

/** The reservation references of an event, or null for an event that cannot be about a reservation. */
export function preorderRefsOf(event: Stripe.Event): Refs | null {
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.expired": {
      const s = event.data.object;
      if (s.metadata?.payment_id) return null;
      return { reservationId: reservationIdOf(s.metadata), session: s.id, intent: idOf(s.payment_intent), balance: s.metadata?.preorder_balance === "1" };
    }
    case "payment_intent.succeeded": {
      const pi = event.data.object;
      if (pi.metadata?.payment_id) return null;
      return { reservationId: reservationIdOf(pi.metadata), session: null, intent: pi.id, balance: pi.metadata?.preorder_balance === "1" };
    }
    case "charge.refunded": {
      const ch = event.data.object;
      if (ch.metadata?.payment_id) return null;
      return { reservationId: reservationIdOf(ch.metadata), session: null, intent: idOf(ch.payment_intent), balance: ch.metadata?.preorder_balance === "1" };
    }
    default:
      return null;
  }
}

/** The brand a preorder event is for, or null when the event is not about any reservation. */
export async function preorderBrandOf(db: Db, refs: Refs): Promise<string | null> {
  const { rows } = await db.execute<{ org: string | null }>(sql`select preorder_stripe_brand(${refs.reservationId}::uuid, ${refs.session}, ${refs.intent}) as org`);
  return rows[0]?.org ?? null;
}

/**
 * Processes a verified event about a reservation; null when it is about none (the dispatcher then goes on
 * with orders' payments).
 */
export async function handlePreorderEvent(db: Db, event: Stripe.Event, now = new Date(), stripe: StripeClient | null = stripeClient()): Promise<"processed" | "duplicate" | "ignored" | null> {
  const refs = preorderRefsOf(event);
  if (!refs) return null;
  const brandOrgId = await preorderBrandOf(db, refs);
  if (!brandOrgId) return null;
  return withOrg(db, brandOrgId, async (tx) => {
    const [stored] = await tx
      .insert(stripeEvents)
      .values({ eventId: event.id, orgId: brandOrgId, type: event.type, stripeCreatedAt: new Date(event.created * 1000) })
      .onConflictDoNothing()
      .returning({ eventId: stripeEvents.eventId });
    if (!stored) return "duplicate";
    const r = await findReservation(tx, brandOrgId, refs);
    if (!r) return "ignored";
    const { campaign, ref } = await campaignRefOf(tx, r.campaignId);
    switch (event.type) {
      case "checkout.session.completed": {
        const s = event.data.object;
        if (s.payment_status !== "paid" && s.payment_status !== "no_payment_required") break; // a delayed method: payment_intent.succeeded follows
        const intent = idOf(s.payment_intent);
        const amount = s.amount_total ?? (refs.balance ? r.balanceMinor : r.amountDueMinor);
        if (refs.balance) await balancePaid(tx, r, ref, intent, amount, now, stripe);
        else await depositPaid(tx, r, ref, campaign.status, { session: s.id, intent, amount }, now, stripe);
        break;
      }
      case "payment_intent.succeeded": {
        const pi = event.data.object;
        if (refs.balance) await balancePaid(tx, r, ref, pi.id, pi.amount_received, now, stripe);
        else await depositPaid(tx, r, ref, campaign.status, { session: null, intent: pi.id, amount: pi.amount_received }, now, stripe);
        break;
      }
      case "checkout.session.expired": {
        const s = event.data.object;
        if (refs.balance) break; // the balance stays due; a new link can be sent
        if (r.status === "held" && r.stripeCheckoutSessionId === s.id) {
          await tx.update(preorderReservations).set({ status: "expired", updatedAt: now }).where(eq(preorderReservations.id, r.id));
          await moveUnits(tx, r, "held", null);
        }
        break;
      }
      case "charge.refunded":
        await chargeRefunded(tx, r, ref, event.data.object, now);
        break;
    }
    return "processed";
  });
}

async function findReservation(tx: Tx, brandOrgId: string, refs: Refs): Promise<PreorderReservation | null> {
  const keys = [
    ...(refs.reservationId ? [eq(preorderReservations.id, refs.reservationId)] : []),
    ...(refs.session ? [eq(preorderReservations.stripeCheckoutSessionId, refs.session), eq(preorderReservations.balanceCheckoutSessionId, refs.session)] : []),
    ...(refs.intent ? [eq(preorderReservations.stripePaymentIntentId, refs.intent), eq(preorderReservations.balancePaymentIntentId, refs.intent)] : []),
  ];
  if (keys.length === 0) return null;
  const [r] = await tx.select().from(preorderReservations).where(sql`${preorderReservations.brandOrgId} = ${brandOrgId} and (${or(...keys)})`).limit(1).for("update");
  return r ?? null;
}

async function refundInFull(stripe: StripeClient | null, r: PreorderReservation, intent: string | null, amount: number, key: string) {
  if (!stripe) throw new Error("a preorder payment must be refunded but Stripe is not configured");
  if (!intent) throw new Error(`a preorder payment of reservation ${r.id} has no PaymentIntent to refund`);
  return createPreorderRefund(stripe, { reservationId: r.id, paymentIntentId: intent, amount, idempotencyKey: key });
}

/** A payment Bezel does not keep: refunded in full (Stripe errors make the webhook fail, and Stripe retry it). */
async function refundUnwanted(tx: Tx, r: PreorderReservation, c: CampaignRef, intent: string | null, amount: number, why: string, note: string, now: Date, stripe: StripeClient | null, status: PreorderReservation["status"]) {
  const refund = await refundInFull(stripe, r, intent, amount, `preorder-refund-${r.id}-late-${intent ?? "none"}`);
  const done = refund.status === "succeeded" ? amount : 0;
  const [row] = await tx
    .update(preorderReservations)
    .set({
      status,
      paidMinor: r.paidMinor + amount,
      refundedMinor: r.refundedMinor + done,
      refundPendingMinor: r.refundPendingMinor + (amount - done),
      stripeRefundId: refund.id,
      latePayment: note,
      ...(r.stripePaymentIntentId ? {} : { stripePaymentIntentId: intent }),
      updatedAt: now,
    })
    .where(eq(preorderReservations.id, r.id))
    .returning();
  await emailLatePaymentRefunded(tx, row!, c, amount, why);
}

async function depositPaid(tx: Tx, r: PreorderReservation, c: CampaignRef, campaignStatus: string, pay: { session: string | null; intent: string | null; amount: number }, now: Date, stripe: StripeClient | null) {
  if (r.status === "paid" || r.status === "refunded") {
    // Paid already: the same payment again (a second event of it) changes nothing; another one goes back.
    if (!pay.intent || pay.intent === r.stripePaymentIntentId) return;
    await refundUnwanted(tx, r, c, pay.intent, pay.amount, "this reservation had been paid already", `A second payment (${pay.intent}) was refunded in full.`, now, stripe, r.status);
    return;
  }
  const paid = { status: "paid" as const, paidMinor: pay.amount, paidAt: now, stripePaymentIntentId: pay.intent, ...(pay.session ? { stripeCheckoutSessionId: pay.session } : {}), updatedAt: now };
  if (r.status === "held") {
    await tx.update(preorderReservations).set(paid).where(eq(preorderReservations.id, r.id));
    await moveUnits(tx, r, "held", "paid");
    await emailPaymentReceived(tx, { ...r, ...paid }, c, pay.amount, "deposit");
    return;
  }
  if (r.status === "expired" && campaignStatus === "published") {
    // The late-payment rule: honoured while there is room, in a savepoint so a refusal undoes its half.
    const honoured = await tx
      .transaction(async (sp) => {
        await takeUnits(sp, r, "paid", { open: false, now });
        return true;
      })
      .catch((err: unknown) => {
        if (err instanceof AppError) return false;
        throw err;
      });
    if (honoured) {
      const note = "Paid after its hold had expired; honoured, as the preorder still had room.";
      await tx.update(preorderReservations).set({ ...paid, latePayment: note }).where(eq(preorderReservations.id, r.id));
      await emailPaymentReceived(tx, { ...r, ...paid }, c, pay.amount, "deposit");
      return;
    }
    await refundUnwanted(tx, r, c, pay.intent, pay.amount, "your hold had run out and the preorder was full", "Paid after its hold had expired with no room left; refunded in full.", now, stripe, "refunded");
    return;
  }
  const why = r.status === "cancelled" ? "the reservation was cancelled" : "the preorder had stopped taking reservations";
  await refundUnwanted(tx, r, c, pay.intent, pay.amount, why, `Paid after it was ${r.status === "cancelled" ? "cancelled" : "no longer held"}; refunded in full.`, now, stripe, "refunded");
}

async function balancePaid(tx: Tx, r: PreorderReservation, c: CampaignRef, intent: string | null, amount: number, now: Date, stripe: StripeClient | null) {
  if (r.balanceStatus === "paid") {
    if (!intent || intent === r.balancePaymentIntentId) return;
    await refundUnwanted(tx, r, c, intent, amount, "the balance had been paid already", `A second balance payment (${intent}) was refunded in full.`, now, stripe, r.status);
    return;
  }
  if (r.status !== "paid") {
    const refund = await refundInFull(stripe, r, intent, amount, `preorder-refund-${r.id}-balance-${intent ?? "none"}`);
    const done = refund.status === "succeeded" ? amount : 0;
    const [row] = await tx
      .update(preorderReservations)
      .set({ paidMinor: r.paidMinor + amount, refundedMinor: r.refundedMinor + done, refundPendingMinor: r.refundPendingMinor + amount - done, balancePaymentIntentId: intent, stripeRefundId: refund.id, latePayment: "A balance paid after the reservation was given back; refunded in full.", updatedAt: now })
      .where(eq(preorderReservations.id, r.id))
      .returning();
    await emailLatePaymentRefunded(tx, row!, c, amount, "the reservation was given back");
    return;
  }
  const set = { balanceStatus: "paid" as const, balancePaidAt: now, balancePaymentIntentId: intent, paidMinor: r.paidMinor + amount, updatedAt: now };
  await tx.update(preorderReservations).set(set).where(eq(preorderReservations.id, r.id));
  await emailPaymentReceived(tx, { ...r, ...set }, c, amount, "balance");
}

async function chargeRefunded(tx: Tx, r: PreorderReservation, c: CampaignRef, charge: Stripe.Charge, now: Date) {
  if (r.refundPendingMinor > 0) {
    // A refund Bezel asked for arrived: what Stripe refunded leaves the pending amount.
    const arrived = Math.min(r.refundPendingMinor, charge.amount_refunded);
    await tx
      .update(preorderReservations)
      .set({ refundedMinor: Math.min(r.paidMinor, r.refundedMinor + arrived), refundPendingMinor: r.refundPendingMinor - arrived, updatedAt: now })
      .where(eq(preorderReservations.id, r.id));
    return;
  }
  // A full refund made outside Bezel (Stripe's dashboard) of the reservation's payment: it is given back.
  if (r.status === "paid" && charge.refunded && r.refundedMinor === 0) {
    const [row] = await tx
      .update(preorderReservations)
      .set({ status: "refunded", refundedMinor: Math.min(r.paidMinor, charge.amount_refunded), cancelledAt: now, cancelReason: "Refunded in Stripe", updatedAt: now })
      .where(eq(preorderReservations.id, r.id))
      .returning();
    await moveUnits(tx, r, "paid", null);
    await emailCancelled(tx, row!, c, "refunded", "");
  }
}
