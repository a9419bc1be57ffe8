import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { formatMoney, stripeAmountOf } from "~/lib/money";
import { PAYMENT_KIND_LABELS, PAYMENT_METHOD_LABELS, type ConfirmTransferInput, type MarkTransferSentInput, type PaymentMethod } from "~/lib/payment-schemas";
import { platformFeeOf } from "~/lib/pricing";
import { orderNumberLabel } from "~/lib/rfq-schemas";
import type { Db, Tx } from "../db/client";
import { orderMilestones, orderPlans, orders, organizations, payments, payoutAccounts, sampleRequests, users, type Order, type Payment } from "../db/schema";
import { asCounterparty, withOrg } from "../db/tenant";
import { AppError } from "../errors";
import { recordEvent } from "./events";
import type { Actor } from "./members";
import { recordDepositReceived, type MilestoneActor } from "./milestones";
import { notify } from "./notifications";
import { addDays, localDateOf, type IsoDate } from "./production-calendar";
import { appUrl } from "./email";
import { cardNotConfigured, createCheckoutSession, platformFeeBasisPoints, stripeClient, type StripeClient } from "./stripe";

/**
 * Payments: an order's schedule (deposit at order, balance before shipping or at the milestone the terms
 * name), a sample request's fee, and the one path by which any of them becomes paid (`markPaidIn`): a
 * transfer the workshop confirms, or a card payment's verified webhook. Paying has its effects there: the
 * deposit completes "deposit received" and puts the order in production.
 */

export const paymentNotFound = () => new AppError("NOT_FOUND", "That payment was not found.");

type Side = "brand" | "workshop";
const sideColumn = (side: Side) => (side === "brand" ? payments.brandOrgId : payments.workshopOrgId);
const PAID_LIKE = ["paid", "partially_refunded", "refunded"] as const;
export const isSettled = (p: Pick<Payment, "status">) => (PAID_LIKE as readonly string[]).includes(p.status);

/**
 * The schedule of a new order, in the accept transaction, from the order's snapshotted terms and its
 * milestone plan (created just before): the deposit due on the order's day; the balance due at the planned
 * date of the shipped step, or of the milestone the terms name. A zero amount makes no payment.
 */
export async function createPaymentSchedule(tx: Tx, order: Order): Promise<Payment[]> {
  const [plan] = await tx.select({ orderDate: orderPlans.orderDate }).from(orderPlans).where(eq(orderPlans.orderId, order.id));
  const milestones = await tx.select({ key: orderMilestones.key, name: orderMilestones.name, plannedDate: orderMilestones.plannedDate }).from(orderMilestones).where(eq(orderMilestones.orderId, order.id)).orderBy(asc(orderMilestones.position));
  const named = order.paymentTerms === "balance_at_milestone" && order.balanceMilestone ? order.balanceMilestone : null;
  const at = named ? milestones.find((m) => m.name.toLowerCase() === named.toLowerCase()) : milestones.find((m) => m.key === "shipped");
  const base = { brandOrgId: order.brandOrgId, workshopOrgId: order.workshopOrgId, orderId: order.id, currency: order.currency };
  const rows = [
    ...(order.depositMinor > 0 ? [{ ...base, kind: "deposit" as const, amountMinor: order.depositMinor, dueOn: plan?.orderDate ?? null, dueMilestone: "" }] : []),
    ...(order.balanceMinor > 0 ? [{ ...base, kind: "balance" as const, amountMinor: order.balanceMinor, dueOn: at?.plannedDate ?? null, dueMilestone: named ?? at?.name ?? "Shipped" }] : []),
  ];
  if (rows.length === 0) return [];
  return tx.insert(payments).values(rows).returning();
}

/** A sample request's fee as its payment (once), due on the day the workshop accepted, in the accept transaction. */
export async function createSampleFeePayment(tx: Tx, sample: { id: string; brandOrgId: string; workshopOrgId: string; feeMinor: number | null; feeCurrency: string | null }, dueOn: IsoDate) {
  if (!sample.feeMinor || !sample.feeCurrency) return null;
  const [row] = await tx
    .insert(payments)
    .values({ brandOrgId: sample.brandOrgId, workshopOrgId: sample.workshopOrgId, sampleRequestId: sample.id, kind: "sample_fee", amountMinor: sample.feeMinor, currency: sample.feeCurrency, dueOn })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

type Parties = { brand: { id: string; name: string; slug: string }; workshop: { id: string; name: string; slug: string; timeZone: string }; subject: string; href: (side: Side) => string };

export async function partiesOf(tx: Tx, p: Payment): Promise<Parties> {
  const orgs = await tx.select({ id: organizations.id, name: organizations.name, slug: organizations.slug, timeZone: organizations.timeZone }).from(organizations).where(inArray(organizations.id, [p.brandOrgId, p.workshopOrgId]));
  const brand = orgs.find((o) => o.id === p.brandOrgId)!;
  const workshop = orgs.find((o) => o.id === p.workshopOrgId)!;
  if (p.orderId) {
    const [o] = await tx.select({ year: orders.year, seq: orders.seq }).from(orders).where(eq(orders.id, p.orderId));
    const label = o ? orderNumberLabel(o.year, o.seq) : "an order";
    return { brand, workshop, subject: `order ${label}`, href: (side) => `/${side}/${side === "brand" ? brand.slug : workshop.slug}/orders/${p.orderId}` };
  }
  const [s] = await tx.select({ number: sampleRequests.number, workshopNumber: sampleRequests.workshopNumber }).from(sampleRequests).where(eq(sampleRequests.id, p.sampleRequestId!));
  return {
    brand,
    workshop,
    subject: `sample request SR-${s?.number ?? ""}`,
    href: (side) => (side === "brand" ? `/brand/${brand.slug}/samples/${s?.number ?? ""}` : `/workshop/${workshop.slug}/samples/${s?.workshopNumber ?? ""}`),
  };
}

export const refOf = (p: Payment, parties: Parties) => ({ subject: parties.subject, kind: PAYMENT_KIND_LABELS[p.kind].toLowerCase(), amount: formatMoney({ amountMinor: p.amountMinor, currency: p.currency }) });

/** One side's own payment, locked. Another organization's answers NOT_FOUND. */
export async function lockPayment(tx: Tx, side: Side, orgId: string, paymentId: string): Promise<Payment> {
  const [p] = await tx.select().from(payments).where(and(eq(payments.id, paymentId), eq(sideColumn(side), orgId))).for("update");
  if (!p) throw paymentNotFound();
  return p;
}

/** A cancelled order takes no more money in: refused before the brand pays by transfer or card. */
async function assertOrderTakesPayment(tx: Tx, p: Payment) {
  if (!p.orderId) return;
  const [o] = await tx.select({ status: orders.status }).from(orders).where(eq(orders.id, p.orderId));
  if (o?.status === "cancelled") throw new AppError("CONFLICT", "This order is cancelled: nothing more is paid on it.");
}

/** Tells both parties, each as itself: the activity-log rows and the notifications of one payment change. */
export async function tellBoth(tx: Tx, callerOrgId: string, parties: Parties, write: (org: "brand" | "workshop") => Promise<void>) {
  for (const side of ["brand", "workshop"] as const) {
    const org = parties[side];
    if (org.id === callerOrgId) await write(side);
    else await asCounterparty(tx, callerOrgId, org.id, () => write(side));
  }
}

export type PaidHow = { method: PaymentMethod; paidOn: IsoDate; confirmedById: string | null; stripe?: { paymentIntentId?: string | null; chargeId?: string | null } };

/**
 * The one path to paid, in the caller's transaction bound to the workshop (its member confirming a
 * transfer, or the system for a verified webhook). A payment already settled stays as it is and nothing
 * happens twice (false). Effects: the activity log and a notification on both sides; a deposit completes
 * the order's "deposit received" milestone on the day it was paid (the forecast recomputes) and puts the
 * order in production.
 */
export async function markPaidIn(tx: Tx, actor: MilestoneActor, p: Payment, how: PaidHow, now = new Date()): Promise<boolean> {
  if (actor.orgId !== p.workshopOrgId) throw new Error("a payment is marked paid as its workshop");
  if (isSettled(p)) return false;
  const [updated] = await tx
    .update(payments)
    .set({
      status: "paid",
      method: how.method,
      paidOn: how.paidOn,
      paidAt: now,
      confirmedById: how.confirmedById,
      failureMessage: "",
      ...(how.stripe?.paymentIntentId ? { stripePaymentIntentId: how.stripe.paymentIntentId } : {}),
      ...(how.stripe?.chargeId ? { stripeChargeId: how.stripe.chargeId } : {}),
      updatedAt: now,
    })
    .where(and(eq(payments.id, p.id), sql`${payments.status} not in ('paid', 'partially_refunded', 'refunded')`))
    .returning();
  if (!updated) return false;
  const parties = await partiesOf(tx, p);
  const data = { ...refOf(p, parties), method: PAYMENT_METHOD_LABELS[how.method].toLowerCase() };
  await tellBoth(tx, actor.orgId, parties, async (side) => {
    await recordEvent(tx, { orgId: parties[side].id, actorId: actor.userId, action: "payment.paid", subjectType: "payment", subjectId: p.id, data });
    // The workshop is told of card payments; a transfer it confirmed itself needs no notice.
    if (side === "workshop" && how.method === "transfer" && actor.userId) return;
    await notify(tx, {
      orgId: parties[side].id,
      kind: "order",
      title: side === "brand" ? `${parties.workshop.name} received your ${data.kind} for ${parties.subject}` : `${parties.brand.name} paid the ${data.kind} for ${parties.subject}`,
      body: `${data.amount} by ${data.method}, on ${how.paidOn}.`,
      href: parties.href(side),
      ...(actor.userId ? { actorId: actor.userId } : {}),
    });
  });
  if (p.kind === "deposit" && p.orderId) await depositEffects(tx, actor, p.orderId, how, now);
  return true;
}

async function depositEffects(tx: Tx, actor: MilestoneActor, orderId: string, how: PaidHow, now: Date) {
  // A cancelled or closed order's plan is not reported on any more; the payment is recorded all the same.
  const [order] = await tx.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId));
  if (!order || order.status === "cancelled" || order.status === "completed") return;
  const [deposit] = await tx.select({ status: orderMilestones.status }).from(orderMilestones).where(and(eq(orderMilestones.orderId, orderId), eq(orderMilestones.key, "deposit_received")));
  if (deposit && deposit.status !== "completed") {
    await recordDepositReceived(tx, actor, { orderId, receivedOn: how.paidOn, note: how.method === "card" ? "Card payment through Stripe" : "Bank transfer confirmed" }, now);
  }
  const [moved] = await tx.update(orders).set({ status: "in_production" }).where(and(eq(orders.id, orderId), eq(orders.status, "open"))).returning({ brandOrgId: orders.brandOrgId, year: orders.year, seq: orders.seq });
  if (!moved) return;
  const names = await tx.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, [moved.brandOrgId, actor.orgId]));
  const data = { order: orderNumberLabel(moved.year, moved.seq), brand: names.find((n) => n.id === moved.brandOrgId)?.name ?? "", workshop: names.find((n) => n.id === actor.orgId)?.name ?? "" };
  await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "order.in_production", subjectType: "order", subjectId: orderId, data });
  await asCounterparty(tx, actor.orgId, moved.brandOrgId, () => recordEvent(tx, { orgId: moved.brandOrgId, actorId: actor.userId, action: "order.in_production", subjectType: "order", subjectId: orderId, data }));
}

// ─── Bank transfer ──────────────────────────────────────────────────────────────────────────────────────

/** The brand says it sent a bank transfer, with its reference: the payment is processing until the workshop confirms. */
export async function markTransferSent(db: Db, actor: Actor, input: MarkTransferSentInput, now = new Date()) {
  return withOrg(db, actor.orgId, async (tx) => {
    const p = await lockPayment(tx, "brand", actor.orgId, input.paymentId);
    if (isSettled(p)) throw new AppError("CONFLICT", "This payment is paid already.");
    if (p.status === "processing" && p.method === "card") throw new AppError("CONFLICT", "A card payment of this is being processed. Wait for it to finish.");
    await assertOrderTakesPayment(tx, p);
    const [updated] = await tx
      .update(payments)
      .set({ status: "processing", method: "transfer", transferReference: input.reference, transferSentAt: now, failureMessage: "", updatedAt: now })
      .where(eq(payments.id, p.id))
      .returning();
    const parties = await partiesOf(tx, p);
    const data = { ...refOf(p, parties), reference: input.reference };
    await tellBoth(tx, actor.orgId, parties, async (side) => {
      await recordEvent(tx, { orgId: parties[side].id, actorId: actor.userId, action: "payment.transfer_sent", subjectType: "payment", subjectId: p.id, data });
      if (side === "workshop") {
        await notify(tx, {
          orgId: parties.workshop.id,
          kind: "order",
          title: `${parties.brand.name} sent the ${data.kind} for ${parties.subject} by bank transfer`,
          body: `${data.amount}, reference ${input.reference}. Confirm it when it arrives.`,
          href: parties.href("workshop"),
          actorId: actor.userId,
        });
      }
    });
    return updated!;
  });
}

/** The workshop confirms a transfer arrived, on the day it did: the payment is paid, through the one path. */
export async function confirmTransferReceived(db: Db, actor: Actor, input: ConfirmTransferInput, now = new Date()) {
  return withOrg(db, actor.orgId, async (tx) => {
    const p = await lockPayment(tx, "workshop", actor.orgId, input.paymentId);
    if (isSettled(p)) throw new AppError("CONFLICT", "This payment is paid already.");
    if (p.status === "processing" && p.method === "card") throw new AppError("CONFLICT", "A card payment of this is being processed by Stripe.");
    const [org] = await tx.select({ timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, actor.orgId));
    const today = localDateOf(now, org?.timeZone ?? "UTC");
    if (input.receivedOn > today) throw new AppError("BAD_REQUEST", "A transfer cannot arrive after today.", "receivedOn");
    if (input.receivedOn < addDays(today, -366)) throw new AppError("BAD_REQUEST", "Choose a day in the last year.", "receivedOn");
    await markPaidIn(tx, actor, p, { method: "transfer", paidOn: input.receivedOn, confirmedById: actor.userId }, now);
    const [row] = await tx.select().from(payments).where(eq(payments.id, p.id));
    return row!;
  });
}

// ─── Card ───────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Starts a card payment: a Stripe Checkout Session as a destination charge to the workshop's connected
 * account, with the platform's fee. Stripe is called inside the transaction that holds the payment's lock,
 * so an error from Stripe leaves nothing written; the idempotency key names the payment and its attempt,
 * so a retried request (the SDK's own retries, or a repeat after a lost answer) reuses its key.
 * The payment stays due until the webhook says otherwise.
 */
export async function startCardPayment(db: Db, actor: Actor, input: { paymentId: string }, stripe: StripeClient | null = stripeClient(), feeBasisPoints = platformFeeBasisPoints()) {
  return withOrg(db, actor.orgId, async (tx) => {
    const p = await lockPayment(tx, "brand", actor.orgId, input.paymentId);
    if (!stripe) throw cardNotConfigured();
    if (isSettled(p)) throw new AppError("CONFLICT", "This payment is paid already.");
    if (p.status === "processing") throw new AppError("CONFLICT", p.method === "transfer" ? "You marked this as sent by bank transfer; the workshop confirms it when it arrives." : "A card payment of this is being processed.");
    await assertOrderTakesPayment(tx, p);
    const [account] = await tx.select({ stripeAccountId: payoutAccounts.stripeAccountId, status: payoutAccounts.onboardingStatus }).from(payoutAccounts).where(eq(payoutAccounts.orgId, p.workshopOrgId));
    if (!account?.stripeAccountId || account.status !== "ready") throw new AppError("CONFLICT", "This workshop cannot take card payments yet. Pay by bank transfer.");
    const charge = stripeAmountOf({ amountMinor: p.amountMinor, currency: p.currency });
    if (!charge) throw new AppError("CONFLICT", `Stripe charges ${p.currency} in tens of the smallest unit: pay this amount by bank transfer.`);
    const fee = platformFeeOf(charge.amount, feeBasisPoints, charge.step);
    const parties = await partiesOf(tx, p);
    const [me] = await tx.select({ email: users.email }).from(users).where(eq(users.id, actor.userId));
    const attempt = p.checkoutAttempt + 1;
    const back = appUrl(parties.href("brand"));
    const session = await createCheckoutSession(stripe, {
      paymentId: p.id,
      orderId: p.orderId,
      description: `${PAYMENT_KIND_LABELS[p.kind]} for ${parties.subject} (${parties.workshop.name})`,
      amount: charge.amount,
      currency: p.currency,
      applicationFeeAmount: fee,
      destination: account.stripeAccountId,
      customerEmail: me?.email ?? null,
      successUrl: `${back}?payment=${p.id}&checkout=returned`,
      cancelUrl: `${back}?payment=${p.id}&checkout=cancelled`,
      idempotencyKey: `checkout-${p.id}-${attempt}`,
    });
    if (!session.url) throw new AppError("CONFLICT", "Stripe did not return a payment page. Try again.");
    await tx
      .update(payments)
      .set({ method: "card", stripeCheckoutSessionId: session.id, platformFeeMinor: fee, checkoutAttempt: attempt, failureMessage: "", status: p.status === "failed" ? "due" : p.status, updatedAt: new Date() })
      .where(eq(payments.id, p.id));
    return { url: session.url };
  });
}
