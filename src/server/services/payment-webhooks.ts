import { and, eq, or, sql } from "drizzle-orm";
import type Stripe from "stripe";
import { formatMoney } from "~/lib/money";
import { ONBOARDING_STATUS_LABELS, PAYMENT_KIND_LABELS } from "~/lib/payment-schemas";
import type { Db, Tx } from "../db/client";
import { organizations, payments, payoutAccounts, stripeEvents, type Payment } from "../db/schema";
import { asCounterparty, withOrg } from "../db/tenant";
import { recordEvent } from "./events";
import { notify } from "./notifications";
import { isSettled, markPaidIn } from "./payments";
import { localDateOf } from "./production-calendar";
import { handlePreorderEvent } from "./preorder-webhooks";
import { onboardingStatusOf } from "./stripe";

/**
 * Stripe's webhook events, after the route verified their signature. Each event is stored once (its id is
 * the primary key) in the same transaction as its effects, run as the system for the workshop the event is
 * for; a repeat finds its id taken and does nothing. Every effect moves a payment only forwards (due →
 * processing → paid → refunded), so events arriving in any order end in the same state.
 */
export type WebhookOutcome = "processed" | "duplicate" | "ignored";

export const HANDLED_EVENTS = ["checkout.session.completed", "checkout.session.expired", "payment_intent.succeeded", "payment_intent.payment_failed", "charge.refunded", "account.updated"] as const;

type Refs = { account: string | null; paymentId: string | null; session: string | null; intent: string | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const idOf = (v: string | { id: string } | null | undefined) => (typeof v === "string" ? v : (v?.id ?? null));
const paymentIdOf = (metadata: Stripe.Metadata | null | undefined) => (metadata?.payment_id && UUID.test(metadata.payment_id) ? metadata.payment_id : null);

function refsOf(event: Stripe.Event): Refs {
  const none: Refs = { account: null, paymentId: null, session: null, intent: null };
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.expired": {
      const s = event.data.object;
      return { ...none, paymentId: paymentIdOf(s.metadata) ?? (s.client_reference_id && UUID.test(s.client_reference_id) ? s.client_reference_id : null), session: s.id, intent: idOf(s.payment_intent) };
    }
    case "payment_intent.succeeded":
    case "payment_intent.payment_failed":
      return { ...none, paymentId: paymentIdOf(event.data.object.metadata), intent: event.data.object.id };
    case "charge.refunded":
      return { ...none, paymentId: paymentIdOf(event.data.object.metadata), intent: idOf(event.data.object.payment_intent) };
    case "account.updated":
      return { ...none, account: event.data.object.id };
    default:
      return none;
  }
}

/** Processes one verified event. */
export async function handleStripeEvent(db: Db, event: Stripe.Event, now = new Date()): Promise<WebhookOutcome> {
  if (!(HANDLED_EVENTS as readonly string[]).includes(event.type)) return "ignored";
  // A customer's preorder payment to a brand (src/server/services/preorder-webhooks.ts), else an order's or a sample's.
  const preorder = await handlePreorderEvent(db, event, now);
  if (preorder) return preorder;
  const refs = refsOf(event);
  const { rows } = await db.execute<{ org: string | null }>(sql`select stripe_event_workshop(${refs.account}, ${refs.paymentId}::uuid, ${refs.session}, ${refs.intent}) as org`);
  const orgId = rows[0]?.org ?? null;
  if (!orgId) return "ignored";
  return withOrg(db, orgId, async (tx) => {
    const [stored] = await tx
      .insert(stripeEvents)
      .values({ eventId: event.id, orgId, type: event.type, stripeCreatedAt: new Date(event.created * 1000) })
      .onConflictDoNothing()
      .returning({ eventId: stripeEvents.eventId });
    if (!stored) return "duplicate";
    if (event.type === "account.updated") {
      await applyAccount(tx, orgId, event.data.object, new Date(event.created * 1000), now);
      return "processed";
    }
    const p = await findPayment(tx, orgId, refs);
    if (!p) return "ignored";
    await tx.update(stripeEvents).set({ paymentId: p.id }).where(eq(stripeEvents.eventId, event.id));
    const system = { orgId, userId: null };
    const [ws] = await tx.select({ timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, orgId));
    const paidOn = localDateOf(new Date(event.created * 1000), ws?.timeZone ?? "UTC");
    switch (event.type) {
      case "checkout.session.completed": {
        const s = event.data.object;
        const intent = idOf(s.payment_intent);
        if (s.payment_status === "paid" || s.payment_status === "no_payment_required") {
          await markPaidIn(tx, system, p, { method: "card", paidOn, confirmedById: null, stripe: { paymentIntentId: intent } }, now);
        } else if (!isSettled(p)) {
          // A delayed method (a bank debit): Stripe confirms later with payment_intent.succeeded.
          await tx.update(payments).set({ status: "processing", method: "card", ...(intent ? { stripePaymentIntentId: intent } : {}), updatedAt: now }).where(eq(payments.id, p.id));
        }
        break;
      }
      case "payment_intent.succeeded": {
        const pi = event.data.object;
        await markPaidIn(tx, system, p, { method: "card", paidOn, confirmedById: null, stripe: { paymentIntentId: pi.id, chargeId: idOf(pi.latest_charge) } }, now);
        break;
      }
      case "checkout.session.expired": {
        // The brand left the payment page: due again, unless another event already moved it on.
        if (p.status === "due" || (p.status === "processing" && p.method === "card" && p.stripeCheckoutSessionId === event.data.object.id)) {
          await tx.update(payments).set({ status: "due", updatedAt: now }).where(and(eq(payments.id, p.id), eq(payments.status, p.status)));
        }
        break;
      }
      case "payment_intent.payment_failed": {
        if (isSettled(p) || p.status === "failed") break;
        const message = event.data.object.last_payment_error?.message ?? "The card payment failed.";
        await tx.update(payments).set({ status: "failed", method: "card", stripePaymentIntentId: event.data.object.id, failureMessage: message.slice(0, 300), updatedAt: now }).where(eq(payments.id, p.id));
        await tellPayment(tx, orgId, p, "payment.failed", `The card payment of the ${PAYMENT_KIND_LABELS[p.kind].toLowerCase()} failed`, message);
        break;
      }
      case "charge.refunded": {
        const charge = event.data.object;
        // A refund says the charge succeeded: a payment not yet marked paid becomes paid first.
        if (!isSettled(p)) await markPaidIn(tx, system, p, { method: "card", paidOn, confirmedById: null, stripe: { paymentIntentId: idOf(charge.payment_intent), chargeId: charge.id } }, now);
        const [current] = await tx.select().from(payments).where(eq(payments.id, p.id));
        const refunded = Math.min(current!.amountMinor, Math.max(current!.refundedMinor, charge.amount_refunded));
        if (refunded === current!.refundedMinor) break;
        // A refund asked from Bezel (src/server/services/payment-refunds.ts) waited for this: what arrived leaves it.
        const pending = Math.min(Math.max(0, current!.refundPendingMinor - (refunded - current!.refundedMinor)), current!.amountMinor - refunded);
        await tx
          .update(payments)
          .set({ refundedMinor: refunded, refundPendingMinor: pending, ...(current!.refundedOn ? {} : { refundedOn: paidOn }), status: refunded >= current!.amountMinor ? "refunded" : "partially_refunded", stripeChargeId: charge.id, updatedAt: now })
          .where(eq(payments.id, p.id));
        const amount = formatMoney({ amountMinor: refunded, currency: p.currency });
        await tellPayment(tx, orgId, p, "payment.refunded", `${amount} of the ${PAYMENT_KIND_LABELS[p.kind].toLowerCase()} was refunded`, "Refunded to the card through Stripe.", amount);
        break;
      }
    }
    return "processed";
  });
}

async function findPayment(tx: Tx, workshopOrgId: string, refs: Refs): Promise<Payment | null> {
  const keys = [
    ...(refs.paymentId ? [eq(payments.id, refs.paymentId)] : []),
    ...(refs.session ? [eq(payments.stripeCheckoutSessionId, refs.session)] : []),
    ...(refs.intent ? [eq(payments.stripePaymentIntentId, refs.intent)] : []),
  ];
  if (keys.length === 0) return null;
  const [p] = await tx.select().from(payments).where(and(eq(payments.workshopOrgId, workshopOrgId), or(...keys))).for("update");
  return p ?? null;
}

async function tellPayment(tx: Tx, workshopOrgId: string, p: Payment, action: "payment.failed" | "payment.refunded", title: string, body: string, refunded = "") {
  const orgs = await tx.select({ id: organizations.id, name: organizations.name, slug: organizations.slug }).from(organizations).where(or(eq(organizations.id, p.brandOrgId), eq(organizations.id, p.workshopOrgId)));
  const amount = formatMoney({ amountMinor: p.amountMinor, currency: p.currency });
  const subject = p.orderId ? "an order" : "a sample request";
  for (const side of ["brand", "workshop"] as const) {
    const org = orgs.find((o) => o.id === (side === "brand" ? p.brandOrgId : p.workshopOrgId))!;
    const href = p.orderId ? `/${side}/${org.slug}/orders/${p.orderId}` : `/${side}/${org.slug}/payments`;
    const write = async () => {
      const ref = { subject, kind: PAYMENT_KIND_LABELS[p.kind].toLowerCase(), amount };
      if (action === "payment.refunded") await recordEvent(tx, { orgId: org.id, actorId: null, action, subjectType: "payment", subjectId: p.id, data: { ...ref, refunded } });
      else await recordEvent(tx, { orgId: org.id, actorId: null, action, subjectType: "payment", subjectId: p.id, data: ref });
      await notify(tx, { orgId: org.id, kind: "order", title, body, href });
    };
    if (org.id === workshopOrgId) await write();
    else await asCounterparty(tx, workshopOrgId, org.id, write);
  }
}

/** A connected account's state, applied only when newer than what is stored (events may come out of order). */
async function applyAccount(tx: Tx, orgId: string, account: Stripe.Account, at: Date, now: Date) {
  const [row] = await tx.select().from(payoutAccounts).where(eq(payoutAccounts.orgId, orgId)).for("update");
  if (!row || row.stripeAccountId !== account.id) return;
  if (row.stripeStatusAt && row.stripeStatusAt > at) return;
  const { status, requirements } = onboardingStatusOf(account);
  await tx.update(payoutAccounts).set({ onboardingStatus: status, requirements, stripeStatusAt: at, updatedAt: now }).where(eq(payoutAccounts.orgId, orgId));
  if (status !== row.onboardingStatus) {
    await recordEvent(tx, { orgId, actorId: null, action: "payout.status_changed", subjectType: "organization", subjectId: orgId, data: { status: ONBOARDING_STATUS_LABELS[status] } });
  }
}
