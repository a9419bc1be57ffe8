import { eq } from "drizzle-orm";
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { startFakeStripe, type FakeStripe } from "~/test/fake-stripe";
import { createFixture, type Fixture } from "~/test/fixtures";
import { publishedCampaign, reservationOf } from "~/test/preorder-production";
import { approvedDesign } from "~/test/rfqs";
import { actorOf } from "~/test/vetting";
import { preorderReservations } from "../db/schema";
import { cancelCampaign, retryRefunds } from "./preorder-production";
import { refundReservation } from "./preorder-reservations";

/**
 * Refund attempts and Stripe's idempotency keys, against the local stand-in for api.stripe.com, which
 * (like Stripe) keeps its answer to a key, a refusal included. A retry after a refusal must send a new key,
 * or it gets the same refusal back forever; the SDK's own retries of one request keep theirs.
 */
const db = await testDb();
let fake: FakeStripe;
let f: Fixture;

beforeAll(async () => {
  fake = await startFakeStripe();
  f = await createFixture(db);
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.seen.length = 0;
});

const refused = { status: 400, body: { error: { type: "invalid_request_error", code: "charge_disputed", message: "Charge has been disputed." } } };
const row = async (id: string) => (await db.select().from(preorderReservations).where(eq(preorderReservations.id, id)))[0]!;
const refundKeys = () => fake.seen.filter((s) => s.path === "/v1/refunds").map((s) => s.idempotencyKey);

describe("refund attempts", () => {
  it("a refund Stripe refused is retried with a new key, and the retry refunds it", async () => {
    const { revision } = await approvedDesign(db, f.brand);
    const c = await publishedCampaign(db, f, revision);
    const r = await reservationOf(db, c, { size: "6", quantity: 2 });
    fake.queue("/v1/refunds", refused);

    const tally = await cancelCampaign(db, actorOf(f.brand), { campaignId: c.id, reason: "The minimum was not reached." }, new Date(), fake.client());
    expect(tally).toMatchObject({ refunded: 0, failed: 1, left: 1 });
    expect(await row(r.id)).toMatchObject({ status: "paid", refundedMinor: 0, refundAttempt: 1 });

    expect(await retryRefunds(db, actorOf(f.brand), { campaignId: c.id }, new Date(), fake.client())).toMatchObject({ refunded: 1, failed: 0, left: 0 });
    expect(refundKeys()).toEqual([`preorder-refund-${r.id}-1`, `preorder-refund-${r.id}-2`]);
    expect(await row(r.id)).toMatchObject({ status: "refunded", refundedMinor: 7200, refundAttempt: 2 });
  });

  it("a refusal of the balance after the deposit was refunded: the deposit is recorded, and the retry asks only for the balance", async () => {
    const { revision } = await approvedDesign(db, f.brand);
    const c = await publishedCampaign(db, f, revision);
    const r = await reservationOf(db, c, { size: "7", quantity: 1 });
    // 120.00 in all: 36.00 deposit, then the 84.00 balance paid on its own payment intent.
    await db.update(preorderReservations).set({ paidMinor: 12_000, balanceStatus: "paid", balancePaymentIntentId: "pi_test_balance_7" }).where(eq(preorderReservations.id, r.id));
    fake.queue("/v1/refunds", { status: 200, body: { id: "re_test_deposit", object: "refund", amount: 3600, status: "succeeded", payment_intent: r.stripePaymentIntentId } }, refused);

    await expect(refundReservation(db, { brandOrgId: f.brand.org.id, userId: null, reservationId: r.id, reason: "Asked by the customer" }, new Date(), fake.client())).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Stripe refused the request: Charge has been disputed.",
    });
    expect(await row(r.id)).toMatchObject({ status: "paid", refundedMinor: 3600, refundAttempt: 1, stripeRefundId: "re_test_deposit" });

    expect(await refundReservation(db, { brandOrgId: f.brand.org.id, userId: null, reservationId: r.id, reason: "Asked by the customer" }, new Date(), fake.client())).toEqual({ status: "refunded" });
    const asked = fake.seen.filter((s) => s.path === "/v1/refunds").map((s) => [s.idempotencyKey, s.body.get("payment_intent"), s.body.get("amount")]);
    expect(asked).toEqual([
      [`preorder-refund-${r.id}-1`, r.stripePaymentIntentId, "3600"],
      [`preorder-refund-${r.id}-1-balance`, "pi_test_balance_7", "8400"],
      [`preorder-refund-${r.id}-2-balance`, "pi_test_balance_7", "8400"],
    ]);
    expect(await row(r.id)).toMatchObject({ status: "refunded", refundedMinor: 12_000, refundAttempt: 2 });
  });

  it("the SDK's own retry of a request Stripe failed to answer keeps the attempt's key", async () => {
    const { revision } = await approvedDesign(db, f.brand);
    const c = await publishedCampaign(db, f, revision);
    const r = await reservationOf(db, c, { size: "8", quantity: 1 });
    fake.queue("/v1/refunds", { status: 500, body: { error: { type: "api_error", message: "Something went wrong." } } });
    const retrying = new Stripe("sk_test_local", { host: "127.0.0.1", port: fake.port, protocol: "http", maxNetworkRetries: 1 });

    expect(await refundReservation(db, { brandOrgId: f.brand.org.id, userId: null, reservationId: r.id, reason: "Asked by the customer" }, new Date(), retrying)).toEqual({ status: "refunded" });
    expect(refundKeys()).toEqual([`preorder-refund-${r.id}-1`, `preorder-refund-${r.id}-1`]);
    expect(await row(r.id)).toMatchObject({ status: "refunded", refundedMinor: 3600, refundAttempt: 1 });
  });
});
