import Stripe from "stripe";
import { env } from "~/env";
import type { OnboardingStatus } from "~/lib/payment-schemas";
import { AppError } from "../errors";

/**
 * The one door to Stripe. Every call passes its own idempotency key (the SDK retries twice by itself), and
 * every Stripe error becomes an AppError written for people. The client is injectable: tests point one at
 * a local HTTP server (`new Stripe(key, { host, port, protocol: "http" })`).
 */
export type StripeClient = Stripe;

let configured: StripeClient | null | undefined;
let override: StripeClient | null | undefined;

/** The app's client from STRIPE_SECRET_KEY, or null when card payments are not configured. */
export function stripeClient(): StripeClient | null {
  if (override !== undefined) return override;
  if (configured === undefined) configured = env.STRIPE_SECRET_KEY ? new Stripe(env.STRIPE_SECRET_KEY, { maxNetworkRetries: 2, appInfo: { name: "Bezel" }, ...apiBaseOf(env.STRIPE_API_BASE) }) : null;
  return configured;
}

/** The SDK's host/port/protocol for STRIPE_API_BASE (a local stand-in for api.stripe.com); nothing when unset. */
export function apiBaseOf(base: string | undefined): { host?: string; port?: number; protocol?: "http" | "https" } {
  if (!base) return {};
  const url = new URL(base);
  const protocol = url.protocol === "http:" ? "http" : "https";
  return { host: url.hostname, port: url.port ? Number(url.port) : protocol === "http" ? 80 : 443, protocol };
}

/** For tests: the client every service uses until reset with `undefined`. */
export function setStripeClient(client: StripeClient | null | undefined) {
  override = client;
}

export const platformFeeBasisPoints = () => env.PLATFORM_FEE_BASIS_POINTS;

export const cardNotConfigured = () => new AppError("CONFLICT", "Card payments are not configured on this Bezel. Pay by bank transfer instead.");

/** A Stripe failure in words; the raw message stays in the server log. */
export function stripeFailure(err: unknown, nothing = "Nothing was charged"): AppError {
  if (err instanceof Stripe.errors.StripeError) {
    console.error(`stripe ${err.type}${err.code ? ` ${err.code}` : ""}: ${err.message}`);
    if (err instanceof Stripe.errors.StripeConnectionError) return new AppError("CONFLICT", `Stripe could not be reached. ${nothing}; try again in a minute.`);
    if (err instanceof Stripe.errors.StripeRateLimitError) return new AppError("TOO_MANY_REQUESTS", `Stripe is busy. ${nothing}; try again in a minute.`);
    if (err instanceof Stripe.errors.StripeInvalidRequestError) return new AppError("CONFLICT", `Stripe refused the request: ${err.message}`);
    return new AppError("CONFLICT", `Stripe could not take the request. ${nothing}; try again later.`);
  }
  throw err;
}

async function call<T>(run: () => Promise<T>, nothing?: string): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw stripeFailure(err, nothing);
  }
}

/**
 * A connected account the platform controls (fees and losses on the platform, Express dashboard), for
 * destination charges: a workshop's (paid by brands) or a brand's (paid by its preorder customers). Only
 * `transfers` is asked for: the platform makes the charge and transfers to the account, whichever kind.
 */
export function createConnectedAccount(stripe: StripeClient, input: { orgId: string; name: string; country: string; email: string | null }) {
  return call(() =>
    stripe.accounts.create(
      {
        country: input.country,
        ...(input.email ? { email: input.email } : {}),
        business_profile: { name: input.name },
        controller: { fees: { payer: "application" }, losses: { payments: "application" }, stripe_dashboard: { type: "express" }, requirement_collection: "stripe" },
        capabilities: { transfers: { requested: true } },
        metadata: { org_id: input.orgId },
      },
      { idempotencyKey: `payout-account-${input.orgId}` },
    ),
  );
}

/** A one-time onboarding link: Stripe sends the organization back to `returnUrl`, or to `refreshUrl` when the link expired. */
export function createOnboardingLink(stripe: StripeClient, input: { accountId: string; returnUrl: string; refreshUrl: string; key: string }) {
  return call(() =>
    stripe.accountLinks.create({ account: input.accountId, type: "account_onboarding", return_url: input.returnUrl, refresh_url: input.refreshUrl }, { idempotencyKey: input.key }),
  );
}

export type CheckoutInput = {
  paymentId: string;
  orderId: string | null;
  description: string;
  amount: number;
  currency: string;
  applicationFeeAmount: number;
  destination: string;
  customerEmail: string | null;
  successUrl: string;
  cancelUrl: string;
  idempotencyKey: string;
};

/**
 * A Checkout Session for one payment, as a destination charge: the workshop's connected account receives
 * the amount less the platform's application fee. Payment methods are Stripe's dynamic ones (SDK 23 has no
 * `payment_method_types`). The payment id rides in the metadata of the session and of its PaymentIntent,
 * which is how the webhook finds the payment again.
 */
export function createCheckoutSession(stripe: StripeClient, input: CheckoutInput) {
  const metadata = { payment_id: input.paymentId, ...(input.orderId ? { order_id: input.orderId } : {}) };
  return call(() =>
    stripe.checkout.sessions.create(
      {
        mode: "payment",
        client_reference_id: input.paymentId,
        line_items: [{ quantity: 1, price_data: { currency: input.currency.toLowerCase(), unit_amount: input.amount, product_data: { name: input.description } } }],
        payment_intent_data: { application_fee_amount: input.applicationFeeAmount, transfer_data: { destination: input.destination }, metadata, description: input.description },
        metadata,
        ...(input.customerEmail ? { customer_email: input.customerEmail } : {}),
        success_url: input.successUrl,
        cancel_url: input.cancelUrl,
      },
      { idempotencyKey: input.idempotencyKey },
    ),
  );
}

/**
 * The onboarding status of a connected account, from its v1 object (as account.updated carries it): ready
 * when it can receive transfers and be paid out with nothing missing; restricted when its details were
 * submitted and Stripe still needs something (listed); pending while onboarding is unfinished or checked.
 */
export function onboardingStatusOf(account: Pick<Stripe.Account, "details_submitted" | "payouts_enabled" | "requirements" | "capabilities">): { status: OnboardingStatus; requirements: string[] } {
  const r = account.requirements;
  const missing = [...new Set([...(r?.past_due ?? []), ...(r?.currently_due ?? [])])].sort();
  if (account.payouts_enabled && account.capabilities?.transfers === "active" && missing.length === 0) return { status: "ready", requirements: [] };
  if (account.details_submitted && (missing.length > 0 || r?.disabled_reason)) return { status: "restricted", requirements: missing };
  return { status: "pending", requirements: missing };
}

export type RefundInput = { paymentId: string; paymentIntentId: string; amount: number; refundApplicationFee: boolean; idempotencyKey: string };

/**
 * A refund of a destination charge: `reverse_transfer` takes the amount back from the workshop's connected
 * account (the platform made the charge), and `refund_application_fee` returns the platform's fee in
 * proportion when the refund rule says so (src/lib/refunds.ts).
 */
export function createRefund(stripe: StripeClient, input: RefundInput) {
  return call(() =>
    stripe.refunds.create(
      {
        payment_intent: input.paymentIntentId,
        amount: input.amount,
        reverse_transfer: true,
        refund_application_fee: input.refundApplicationFee,
        reason: "requested_by_customer",
        metadata: { payment_id: input.paymentId },
      },
      { idempotencyKey: input.idempotencyKey },
    ),
    "Nothing was refunded",
  );
}

// ─── Preorders: the customer pays the brand ─────────────────────────────────────────────────────────────

export type PreorderCheckoutInput = {
  reservationId: string;
  campaignId: string;
  /** "deposit" (or full price) at reservation, "balance" before shipping. */
  part: "deposit" | "balance";
  description: string;
  amount: number;
  currency: string;
  applicationFeeAmount: number;
  /** The brand's connected account. */
  destination: string;
  customerEmail: string;
  successUrl: string;
  cancelUrl: string;
  /** Unix seconds; Stripe wants 30 minutes to 24 hours from now. */
  expiresAt: number;
  idempotencyKey: string;
};

/**
 * A customer's Checkout Session for a preorder reservation, as a destination charge to the brand's
 * connected account less the platform's fee. The reservation id rides in the metadata of the session and of
 * its PaymentIntent (so its charge's refund events find it too); a balance payment says so with
 * `preorder_balance=1`.
 */
export function createPreorderCheckoutSession(stripe: StripeClient, input: PreorderCheckoutInput) {
  const metadata: Record<string, string> = { preorder_reservation_id: input.reservationId, preorder_campaign_id: input.campaignId, ...(input.part === "balance" ? { preorder_balance: "1" } : {}) };
  return call(() =>
    stripe.checkout.sessions.create(
      {
        mode: "payment",
        client_reference_id: input.reservationId,
        line_items: [{ quantity: 1, price_data: { currency: input.currency.toLowerCase(), unit_amount: input.amount, product_data: { name: input.description } } }],
        payment_intent_data: { application_fee_amount: input.applicationFeeAmount, transfer_data: { destination: input.destination }, metadata, description: input.description },
        metadata,
        customer_email: input.customerEmail,
        success_url: input.successUrl,
        cancel_url: input.cancelUrl,
        expires_at: input.expiresAt,
      },
      { idempotencyKey: input.idempotencyKey },
    ),
    "Nothing was charged and nothing is reserved",
  );
}

/** Closes an open Checkout Session so it can no longer be paid; a session already closed is no error. */
export async function expireCheckoutSessionQuietly(stripe: StripeClient, sessionId: string): Promise<void> {
  try {
    await stripe.checkout.sessions.expire(sessionId, {}, { idempotencyKey: `expire-${sessionId}` });
  } catch (err) {
    if (!(err instanceof Stripe.errors.StripeError)) throw err;
    // Already completed or expired, or Stripe unreachable: the webhook rules handle whatever happens next.
  }
}

/** A full or partial refund of a preorder payment (destination charge): the brand's transfer is reversed, the platform's fee returned. */
export function createPreorderRefund(stripe: StripeClient, input: { reservationId: string; paymentIntentId: string; amount: number; idempotencyKey: string }) {
  return call(
    () =>
      stripe.refunds.create(
        {
          payment_intent: input.paymentIntentId,
          amount: input.amount,
          reverse_transfer: true,
          refund_application_fee: true,
          reason: "requested_by_customer",
          metadata: { preorder_reservation_id: input.reservationId },
        },
        { idempotencyKey: input.idempotencyKey },
      ),
    "Nothing was refunded",
  );
}
