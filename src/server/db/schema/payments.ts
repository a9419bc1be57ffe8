import { sql } from "drizzle-orm";
import { bigint, char, check, date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ONBOARDING_STATUSES, PAYMENT_KINDS, PAYMENT_METHODS, PAYMENT_STATUSES } from "~/lib/payment-schemas";
import { organizations } from "./organizations";
import { orders } from "./rfqs";
import { users } from "./users";
import { sampleRequests } from "./vetting";

export const paymentKind = pgEnum("payment_kind", PAYMENT_KINDS);
export const paymentStatus = pgEnum("payment_status", PAYMENT_STATUSES);
export const paymentMethod = pgEnum("payment_method", PAYMENT_METHODS);
export const onboardingStatus = pgEnum("payout_onboarding_status", ONBOARDING_STATUSES);

/**
 * One payment a brand owes a workshop: an order's deposit or balance, or a sample request's fee. Visible to
 * exactly its two parties. Each is its own charge when it falls due; only a verified webhook or the
 * workshop's confirmation of a transfer marks it paid.
 */
export const payments = pgTable(
  "payments",
  {
    id: uuid().primaryKey().defaultRandom(),
    brandOrgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    workshopOrgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    orderId: uuid().references(() => orders.id, { onDelete: "cascade" }),
    sampleRequestId: uuid().references(() => sampleRequests.id, { onDelete: "cascade" }),
    kind: paymentKind().notNull(),
    amountMinor: bigint({ mode: "number" }).notNull(),
    currency: char({ length: 3 }).notNull(),
    /** The day it is due (the deposit: the order's day); null while it waits for a milestone. */
    dueOn: date({ mode: "string" }),
    /** The milestone the balance falls due at, by name, as the terms say ("" for none). */
    dueMilestone: text().notNull().default(""),
    status: paymentStatus().notNull().default("due"),
    method: paymentMethod(),
    /** The brand's reference of a bank transfer, and when it said it was sent. */
    transferReference: text().notNull().default(""),
    transferSentAt: timestamp({ withTimezone: true }),
    stripeCheckoutSessionId: text(),
    stripePaymentIntentId: text(),
    stripeChargeId: text(),
    /** Counts the Checkout Sessions started for it: part of each one's idempotency key. */
    checkoutAttempt: integer().notNull().default(0),
    platformFeeMinor: bigint({ mode: "number" }).notNull().default(0),
    refundedMinor: bigint({ mode: "number" }).notNull().default(0),
    /** A card refund asked of Stripe and not yet final (its webhook or its answer records it in refundedMinor). */
    refundPendingMinor: bigint({ mode: "number" }).notNull().default(0),
    /** Counts the refunds asked of Stripe: part of each one's idempotency key. */
    refundAttempt: integer().notNull().default(0),
    stripeRefundId: text(),
    /** The reference of the workshop's transfer back, for a bank transfer's refund. */
    refundReference: text().notNull().default(""),
    /** When the last refund was recorded (the workshop's day) and by whom. */
    refundedOn: date({ mode: "string" }),
    refundedById: uuid().references(() => users.id, { onDelete: "set null" }),
    failureMessage: text().notNull().default(""),
    /** The day it was received (the workshop's time zone), and who confirmed a transfer. */
    paidOn: date({ mode: "string" }),
    paidAt: timestamp({ withTimezone: true }),
    confirmedById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("payments_order_kind_key").on(t.orderId, t.kind).where(sql`${t.orderId} is not null`),
    uniqueIndex("payments_sample_request_key").on(t.sampleRequestId).where(sql`${t.sampleRequestId} is not null`),
    uniqueIndex("payments_checkout_session_key").on(t.stripeCheckoutSessionId),
    uniqueIndex("payments_payment_intent_key").on(t.stripePaymentIntentId),
    index().on(t.brandOrgId, t.createdAt),
    index().on(t.workshopOrgId, t.createdAt),
    check("payments_subject", sql`(${t.orderId} is not null) <> (${t.sampleRequestId} is not null)`),
    check("payments_amounts", sql`${t.amountMinor} >= 0 and ${t.platformFeeMinor} >= 0 and ${t.refundedMinor} between 0 and ${t.amountMinor}`),
    check("payments_refund_pending", sql`${t.refundPendingMinor} >= 0 and ${t.refundedMinor} + ${t.refundPendingMinor} <= ${t.amountMinor}`),
  ],
);

/** Every Stripe event received, once: the unique event id is what makes a repeated delivery do nothing. */
export const stripeEvents = pgTable(
  "stripe_events",
  {
    eventId: text().primaryKey(),
    /** The workshop the event was processed for (its connected account, or the payment's workshop). */
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    type: text().notNull(),
    /** Stripe's own time of the event, to put events that arrive out of order back in order. */
    stripeCreatedAt: timestamp({ withTimezone: true }).notNull(),
    paymentId: uuid().references(() => payments.id, { onDelete: "set null" }),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.orgId, t.receivedAt)],
);

/** A workshop's way of getting paid: its Stripe connected account and its bank details for transfers. */
export const payoutAccounts = pgTable(
  "payout_accounts",
  {
    orgId: uuid()
      .primaryKey()
      .references(() => organizations.id, { onDelete: "cascade" }),
    stripeAccountId: text(),
    onboardingStatus: onboardingStatus().notNull().default("not_started"),
    /** What Stripe still needs, in its words (currently due and past due requirements). */
    requirements: jsonb().$type<string[]>().notNull().default([]),
    /** Stripe's time of the account state last applied, so an older account.updated never overwrites a newer one. */
    stripeStatusAt: timestamp({ withTimezone: true }),
    bankAccountHolder: text().notNull().default(""),
    bankName: text().notNull().default(""),
    bankIban: text().notNull().default(""),
    bankBic: text().notNull().default(""),
    bankOtherDetails: text().notNull().default(""),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("payout_accounts_stripe_account_key").on(t.stripeAccountId)],
);

export type Payment = typeof payments.$inferSelect;
export type PayoutAccount = typeof payoutAccounts.$inferSelect;
