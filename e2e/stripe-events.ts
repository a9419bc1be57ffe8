import { randomUUID } from "node:crypto";
import Stripe from "stripe";

/** The secret playwright.config.ts gives the servers for Stripe's webhook signatures. */
export const WEBHOOK_SECRET = process.env.STRIPE_WEBHOOK_SECRET || "whsec_e2e_payments_secret";

const stripe = new Stripe("sk_test_unused");

/** A Stripe event of `type` about `object`, as Stripe posts it, with an id of its own. */
export function stripeEventPayload(type: string, object: Record<string, unknown>): string {
  return JSON.stringify({
    id: `evt_e2e_${randomUUID()}`,
    object: "event",
    api_version: "2025-01-01",
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  });
}

/** Posts an event's payload to the app's webhook, signed with `secret` (the servers' one by default). */
export function postStripeEvent(baseURL: string, payload: string, secret = WEBHOOK_SECRET): Promise<Response> {
  return fetch(`${baseURL}/api/webhooks/stripe`, {
    method: "POST",
    body: payload,
    headers: { "content-type": "application/json", "stripe-signature": stripe.webhooks.generateTestHeaderString({ payload, secret }) },
  });
}
