import { and, count, desc, eq } from "drizzle-orm";
import { stringify } from "csv-stringify/sync";
import { stripeAmountOf, toDecimalString } from "~/lib/money";
import { PAYMENT_KIND_LABELS, PAYMENT_METHOD_LABELS, PAYMENT_STATUS_LABELS } from "~/lib/payment-schemas";
import { orderNumberLabel } from "~/lib/rfq-schemas";
import type { Db, Tx } from "../db/client";
import { orders, organizations, payments, payoutAccounts, sampleRequests, type Payment } from "../db/schema";
import { withOrg } from "../db/tenant";
import { AppError } from "../errors";
import type { RefundRule } from "~/lib/refunds";
import { refundRuleIn } from "./payment-refunds";
import { isSettled } from "./payments";
import { stripeClient, type StripeClient } from "./stripe";

/** How each side reads payments: an order's schedule with what it may do, the list per organization, the CSV. */

type Side = "brand" | "workshop";
export type PaymentAction = "pay_card" | "mark_sent" | "confirm_received" | "refund";
export const PAYMENTS_PAGE_SIZE = 25;

const sideColumn = (side: Side) => (side === "brand" ? payments.brandOrgId : payments.workshopOrgId);

/**
 * What one side may do with a payment; card payment also needs Stripe configured and the workshop ready.
 * A cancelled order takes no more money: the brand has nothing to pay, and the workshop only confirms a
 * transfer the brand sent before the cancellation (to refund it) and refunds what it received.
 */
export function availablePaymentActions(p: Pick<Payment, "status" | "method" | "amountMinor" | "currency">, side: Side, card: boolean, cancelled = false, refundable = false): PaymentAction[] {
  if (cancelled) {
    if (side === "brand") return [];
    if (refundable) return ["refund"];
    return p.status === "processing" && p.method === "transfer" ? ["confirm_received"] : [];
  }
  if (isSettled(p)) return [];
  const cardInFlight = p.status === "processing" && p.method === "card";
  if (side === "brand") {
    const actions: PaymentAction[] = [];
    if (card && p.status !== "processing" && stripeAmountOf({ amountMinor: p.amountMinor, currency: p.currency })) actions.push("pay_card");
    if (!cardInFlight && !(p.status === "processing" && p.method === "transfer")) actions.push("mark_sent");
    return actions;
  }
  return cardInFlight ? [] : ["confirm_received"];
}

type Refundable = { rule: RefundRule | null };
const view = (p: Payment, side: Side, card: boolean, cancelled = false, refundable: Refundable = { rule: null }) => ({
  id: p.id,
  kind: p.kind,
  amountMinor: p.amountMinor,
  currency: p.currency,
  dueOn: p.dueOn,
  dueMilestone: p.dueMilestone,
  status: p.status,
  method: p.method,
  transferReference: p.transferReference,
  transferSentAt: p.transferSentAt,
  platformFeeMinor: p.platformFeeMinor,
  refundedMinor: p.refundedMinor,
  failureMessage: p.failureMessage,
  paidOn: p.paidOn,
  refundPendingMinor: p.refundPendingMinor,
  refundReference: p.refundReference,
  refundedOn: p.refundedOn,
  /** The refund the workshop may make now, by the rule (the workshop's view of a cancelled order only). */
  refund: side === "workshop" && refundable.rule ? { mode: refundable.rule.mode, minMinor: refundable.rule.minMinor, maxMinor: refundable.rule.maxMinor, explanation: refundable.rule.explanation } : null,
  actions: availablePaymentActions(p, side, card, cancelled, side === "workshop" && refundable.rule !== null),
});

async function cardReady(tx: Tx, workshopOrgId: string, stripe: StripeClient | null) {
  const [account] = await tx.select({ status: payoutAccounts.onboardingStatus, stripeAccountId: payoutAccounts.stripeAccountId }).from(payoutAccounts).where(eq(payoutAccounts.orgId, workshopOrgId));
  return { configured: stripe !== null, ready: stripe !== null && account?.status === "ready" && !!account.stripeAccountId };
}

/** An order's payments for one of its parties: the schedule, whether cards can be taken, where to transfer to. */
export async function getOrderPayments(db: Db, orgId: string, side: Side, orderId: string, stripe: StripeClient | null = stripeClient()) {
  return withOrg(db, orgId, async (tx) => {
    const [order] = await tx
      .select({ id: orders.id, workshopOrgId: orders.workshopOrgId, paymentTerms: orders.paymentTerms, status: orders.status })
      .from(orders)
      .where(and(eq(orders.id, orderId), eq(side === "brand" ? orders.brandOrgId : orders.workshopOrgId, orgId)));
    if (!order) throw new AppError("NOT_FOUND", "That order was not found.");
    const rows = await tx.select().from(payments).where(and(eq(payments.orderId, orderId), eq(sideColumn(side), orgId))).orderBy(payments.createdAt, payments.kind);
    const card = await cardReady(tx, order.workshopOrgId, stripe);
    const [bank] = await tx
      .select({ accountHolder: payoutAccounts.bankAccountHolder, bankName: payoutAccounts.bankName, iban: payoutAccounts.bankIban, bic: payoutAccounts.bankBic, otherDetails: payoutAccounts.bankOtherDetails })
      .from(payoutAccounts)
      .where(eq(payoutAccounts.orgId, order.workshopOrgId));
    return {
      orderId,
      side,
      card,
      paymentTerms: order.paymentTerms,
      bank: bank && (bank.iban || bank.otherDetails) ? bank : null,
      cancelled: order.status === "cancelled",
      payments: await Promise.all(rows.map(async (p) => view(p, side, card.ready, order.status === "cancelled", order.status === "cancelled" ? await refundRuleIn(tx, p) : undefined))),
    };
  });
}

/** A sample request's fee payment for one of its parties (none while no fee was set). */
export async function getSamplePayments(db: Db, orgId: string, side: Side, sampleRequestId: string, stripe: StripeClient | null = stripeClient()) {
  return withOrg(db, orgId, async (tx) => {
    const [sample] = await tx
      .select({ id: sampleRequests.id, workshopOrgId: sampleRequests.workshopOrgId })
      .from(sampleRequests)
      .where(and(eq(sampleRequests.id, sampleRequestId), eq(side === "brand" ? sampleRequests.brandOrgId : sampleRequests.workshopOrgId, orgId)));
    if (!sample) throw new AppError("NOT_FOUND", "That sample request was not found.");
    const rows = await tx.select().from(payments).where(and(eq(payments.sampleRequestId, sampleRequestId), eq(sideColumn(side), orgId)));
    const card = await cardReady(tx, sample.workshopOrgId, stripe);
    const [bank] = await tx
      .select({ accountHolder: payoutAccounts.bankAccountHolder, bankName: payoutAccounts.bankName, iban: payoutAccounts.bankIban, bic: payoutAccounts.bankBic, otherDetails: payoutAccounts.bankOtherDetails })
      .from(payoutAccounts)
      .where(eq(payoutAccounts.orgId, sample.workshopOrgId));
    return { sampleRequestId, side, card, bank: bank && (bank.iban || bank.otherDetails) ? bank : null, payments: rows.map((p) => view(p, side, card.ready)) };
  });
}

async function listRows(tx: Tx, orgId: string, side: Side, opts: { limit?: number; offset?: number }) {
  const q = tx
    .select({ payment: payments, brand: organizations.name, orderYear: orders.year, orderSeq: orders.seq, sampleNumber: sampleRequests.number, sampleWorkshopNumber: sampleRequests.workshopNumber })
    .from(payments)
    .innerJoin(organizations, eq(organizations.id, side === "brand" ? payments.workshopOrgId : payments.brandOrgId))
    .leftJoin(orders, eq(orders.id, payments.orderId))
    .leftJoin(sampleRequests, eq(sampleRequests.id, payments.sampleRequestId))
    .where(eq(sideColumn(side), orgId))
    .orderBy(desc(payments.createdAt), payments.kind, payments.id);
  const rows = opts.limit ? await q.limit(opts.limit).offset(opts.offset ?? 0) : await q;
  return rows.map((r) => ({
    ...r.payment,
    counterparty: r.brand,
    subject: r.orderYear !== null && r.orderSeq !== null ? orderNumberLabel(r.orderYear, r.orderSeq) : `SR-${side === "brand" ? r.sampleNumber : r.sampleWorkshopNumber}`,
  }));
}

/** One organization's payments, newest first, a page at a time. */
export async function listPayments(db: Db, orgId: string, side: Side, page: number) {
  return withOrg(db, orgId, async (tx) => {
    const [total] = await tx.select({ n: count() }).from(payments).where(eq(sideColumn(side), orgId));
    const rows = await listRows(tx, orgId, side, { limit: PAYMENTS_PAGE_SIZE, offset: (page - 1) * PAYMENTS_PAGE_SIZE });
    return {
      items: rows.map((r) => ({
        id: r.id,
        orderId: r.orderId,
        subject: r.subject,
        counterparty: r.counterparty,
        kind: r.kind,
        amountMinor: r.amountMinor,
        currency: r.currency,
        status: r.status,
        method: r.method,
        dueOn: r.dueOn,
        paidOn: r.paidOn,
        refundedMinor: r.refundedMinor,
        platformFeeMinor: r.platformFeeMinor,
      })),
      total: total?.n ?? 0,
      page,
      pageSize: PAYMENTS_PAGE_SIZE,
    };
  });
}

/**
 * Every payment of the organization as CSV, amounts as exact decimals. `escape_formulas` keeps a cell that
 * starts with = + - @ from running as a formula when the file is opened in a spreadsheet (a counterparty's
 * name or a transfer reference is typed by someone else).
 */
export async function exportPaymentsCsv(db: Db, orgId: string, side: Side) {
  return withOrg(db, orgId, async (tx) => {
    const rows = await listRows(tx, orgId, side, {});
    const header = ["For", side === "brand" ? "Workshop" : "Brand", "Kind", "Amount", "Currency", "Status", "Method", "Due on", "Paid on", "Refunded", ...(side === "workshop" ? ["Platform fee"] : []), "Transfer reference"];
    const body = rows.map((r) => [
      r.subject,
      r.counterparty,
      PAYMENT_KIND_LABELS[r.kind],
      toDecimalString(r.amountMinor, r.currency),
      r.currency,
      PAYMENT_STATUS_LABELS[r.status],
      r.method ? PAYMENT_METHOD_LABELS[r.method] : "",
      r.dueOn ?? "",
      r.paidOn ?? "",
      toDecimalString(r.refundedMinor, r.currency),
      ...(side === "workshop" ? [toDecimalString(r.platformFeeMinor, r.currency)] : []),
      r.transferReference,
    ]);
    return { filename: `payments-${new Date().toISOString().slice(0, 10)}.csv`, csv: stringify([header, ...body], { escape_formulas: true }) };
  });
}
