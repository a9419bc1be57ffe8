import Stripe from "stripe";
import { env } from "~/env";
import { getDb } from "~/server/db";
import { handleStripeEvent } from "~/server/services/payment-webhooks";

// Webhooks are small; a body past this is not Stripe's.
const MAX_BODY_BYTES = 512 * 1024;
/** How old a signed event may be (seconds): Stripe's default tolerance, against replays. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

// Signature checks need no API key; the key here is never used to call Stripe.
const verifier = new Stripe("sk_webhook_verification_only");

const answer = (status: number, body: Record<string, unknown>) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

/**
 * Stripe's events. The raw body is verified against the signing secret before anything is read from it; a
 * bad or stale signature answers 400. A verified event is processed once (see handleStripeEvent); an error
 * while processing answers 500 so Stripe delivers it again, and nothing of it was written.
 */
export async function POST(req: Request): Promise<Response> {
  const secret = env.STRIPE_WEBHOOK_SECRET;
  if (!secret) return answer(503, { error: "Stripe webhooks are not configured." });
  const signature = req.headers.get("stripe-signature");
  if (!signature) return answer(400, { error: "Missing Stripe-Signature header." });
  const length = Number(req.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) return answer(413, { error: "Body too large." });
  const body = await req.text();
  if (body.length > MAX_BODY_BYTES) return answer(413, { error: "Body too large." });
  let event: Stripe.Event;
  try {
    event = verifier.webhooks.constructEvent(body, signature, secret, SIGNATURE_TOLERANCE_SECONDS);
  } catch {
    return answer(400, { error: "The signature does not match or is too old." });
  }
  try {
    const outcome = await handleStripeEvent(await getDb(), event);
    return answer(200, { received: true, outcome });
  } catch (err) {
    console.error(`stripe webhook ${event.type} ${event.id} failed`, err);
    return answer(500, { error: "The event could not be processed; Stripe will retry." });
  }
}
