import { and, eq } from "drizzle-orm";
import Stripe from "stripe";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { todayIn } from "~/lib/sample-request-schemas";
import { testDb } from "~/test/db";
import { createFixture, type Fixture } from "~/test/fixtures";
import { rfqBetween } from "~/test/rfqs";
import type { Db } from "~/server/db/client";
import { events, notifications, orderMilestones, orders, payments, payoutAccounts, stripeEvents } from "~/server/db/schema";

const h = vi.hoisted(() => {
  process.env.STRIPE_WEBHOOK_SECRET = "whsec_test_secret";
  const holder: { db: unknown } = { db: null };
  return holder;
});
vi.mock("~/server/db", () => ({ getDb: async () => h.db }));
const { POST } = await import("./route");

const db: Db = await testDb();
h.db = db;
const SECRET = "whsec_test_secret";
const stripe = new Stripe("sk_test_unused");

let n = 0;
/** A Stripe event as Stripe sends it; `created` in seconds. */
function event(type: string, object: Record<string, unknown>, created = Math.floor(Date.now() / 1000), id = `evt_test_${++n}_${crypto.randomUUID().slice(0, 8)}`) {
  return { id, object: "event", api_version: "2025-01-01", created, livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null }, type, data: { object } };
}

function post(payload: string, header: string) {
  return POST(new Request("http://localhost/api/webhooks/stripe", { method: "POST", body: payload, headers: { "stripe-signature": header, "content-type": "application/json" } }));
}
function send(e: object, opts: { secret?: string; timestamp?: number } = {}) {
  const payload = JSON.stringify(e);
  return post(payload, stripe.webhooks.generateTestHeaderString({ payload, secret: opts.secret ?? SECRET, ...(opts.timestamp ? { timestamp: opts.timestamp } : {}) }));
}

const paymentsOf = async (orderId: string) => {
  const rows = await db.select().from(payments).where(eq(payments.orderId, orderId));
  return { deposit: rows.find((p) => p.kind === "deposit")!, balance: rows.find((p) => p.kind === "balance")! };
};
const completed = (paymentId: string, session: string, intent: string) => ({ id: session, object: "checkout.session", payment_status: "paid", status: "complete", client_reference_id: paymentId, metadata: { payment_id: paymentId }, payment_intent: intent });

describe("POST /api/webhooks/stripe", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(db);
  });

  it("refuses a bad signature and a stale timestamp with 400, writing nothing", async () => {
    const { order } = await rfqBetween(db, f);
    const { deposit } = await paymentsOf(order.id);
    const e = event("checkout.session.completed", completed(deposit.id, "cs_bad_1", "pi_bad_1"));
    expect((await send(e, { secret: "whsec_someone_else" })).status).toBe(400);
    expect((await send(e, { timestamp: Math.floor(Date.now() / 1000) - 600 })).status).toBe(400);
    expect((await post(JSON.stringify(e), "t=1,v1=deadbeef")).status).toBe(400);
    // A body changed after signing.
    const payload = JSON.stringify(e);
    const header = stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET });
    expect((await post(payload.replace("cs_bad_1", "cs_bad_2"), header)).status).toBe(400);
    expect(await db.select().from(stripeEvents).where(eq(stripeEvents.eventId, e.id))).toEqual([]);
    expect((await paymentsOf(order.id)).deposit).toEqual(deposit);
  });

  it("the same checkout.session.completed five times: paid once, one order transition, one notification", async () => {
    const g = await createFixture(db);
    const { order } = await rfqBetween(db, g);
    const { deposit } = await paymentsOf(order.id);
    const e = event("checkout.session.completed", completed(deposit.id, "cs_five", "pi_five"));
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await (await send(e)).json());
    expect(answers.map((a: { outcome: string }) => a.outcome)).toEqual(["processed", "duplicate", "duplicate", "duplicate", "duplicate"]);
    const { deposit: after } = await paymentsOf(order.id);
    const today = todayIn(g.workshop.org.timeZone);
    expect(after).toMatchObject({ status: "paid", method: "card", stripePaymentIntentId: "pi_five", paidOn: today, confirmedById: null });
    expect((await db.select().from(orders).where(eq(orders.id, order.id)))[0]!.status).toBe("in_production");
    const [dep] = await db.select().from(orderMilestones).where(and(eq(orderMilestones.orderId, order.id), eq(orderMilestones.key, "deposit_received")));
    expect(dep).toMatchObject({ status: "completed", completedOn: today });
    expect(await db.select().from(events).where(and(eq(events.orgId, g.brand.org.id), eq(events.action, "order.in_production")))).toHaveLength(1);
    expect(await db.select().from(events).where(and(eq(events.orgId, g.brand.org.id), eq(events.action, "payment.paid")))).toHaveLength(1);
    const told = (await db.select().from(notifications).where(eq(notifications.orgId, g.brand.org.id))).filter((x) => x.title.includes("received your deposit"));
    expect(told).toHaveLength(1);
    expect(await db.select().from(stripeEvents).where(eq(stripeEvents.eventId, e.id))).toHaveLength(1);
  });

  it("events out of order end in the same state: succeeded, then an older expiry, the completion, a late failure", async () => {
    const g = await createFixture(db);
    const { order } = await rfqBetween(db, g);
    const { balance } = await paymentsOf(order.id);
    const t = Math.floor(Date.now() / 1000);
    await db.update(payments).set({ method: "card", stripeCheckoutSessionId: "cs_ooo" }).where(eq(payments.id, balance.id));
    const pi = { id: "pi_ooo", object: "payment_intent", status: "succeeded", metadata: { payment_id: balance.id }, latest_charge: "ch_ooo" };
    for (const e of [
      event("payment_intent.succeeded", pi, t),
      event("checkout.session.expired", { id: "cs_ooo", object: "checkout.session", payment_status: "unpaid", status: "expired", metadata: { payment_id: balance.id } }, t - 120),
      event("checkout.session.completed", completed(balance.id, "cs_ooo", "pi_ooo"), t - 1),
      event("payment_intent.payment_failed", { ...pi, status: "requires_payment_method", last_payment_error: { message: "Your card was declined." } }, t - 60),
    ]) {
      expect((await send(e)).status).toBe(200);
    }
    const { balance: after } = await paymentsOf(order.id);
    expect(after).toMatchObject({ status: "paid", method: "card", stripePaymentIntentId: "pi_ooo", stripeChargeId: "ch_ooo", failureMessage: "" });
    expect(await db.select().from(events).where(and(eq(events.orgId, g.workshop.org.id), eq(events.action, "payment.paid"), eq(events.subjectId, balance.id)))).toHaveLength(1);
    // The balance is not the deposit: the order stays open.
    expect((await db.select().from(orders).where(eq(orders.id, order.id)))[0]!.status).toBe("open");
  });

  it("a refund before the success is applied after it: partially refunded, then refunded; repeats change nothing", async () => {
    const g = await createFixture(db);
    const { order } = await rfqBetween(db, g);
    const { deposit } = await paymentsOf(order.id);
    const t = Math.floor(Date.now() / 1000);
    const charge = (refunded: number) => ({ id: "ch_ref", object: "charge", amount: 26_340, amount_refunded: refunded, payment_intent: "pi_ref", metadata: { payment_id: deposit.id } });
    const partial = event("charge.refunded", charge(10_000), t);
    expect((await send(partial)).status).toBe(200);
    expect((await send(event("payment_intent.succeeded", { id: "pi_ref", object: "payment_intent", metadata: { payment_id: deposit.id }, latest_charge: "ch_ref" }, t - 30))).status).toBe(200);
    expect((await paymentsOf(order.id)).deposit).toMatchObject({ status: "partially_refunded", refundedMinor: 10_000 });
    // The deposit did arrive before its refund: the order went into production.
    expect((await db.select().from(orders).where(eq(orders.id, order.id)))[0]!.status).toBe("in_production");
    await send(event("charge.refunded", charge(26_340), t + 5));
    await send(partial);
    expect((await paymentsOf(order.id)).deposit).toMatchObject({ status: "refunded", refundedMinor: 26_340 });
    const refundNotices = (await db.select().from(notifications).where(eq(notifications.orgId, g.brand.org.id))).filter((x) => x.title.includes("was refunded"));
    expect(refundNotices.map((x) => x.title)).toEqual(expect.arrayContaining(["€100.00 of the deposit was refunded", "€263.40 of the deposit was refunded"]));
    expect(refundNotices).toHaveLength(2);
  });

  it("account.updated keeps the newest state of the connected account, whatever the order of arrival", async () => {
    const g = await createFixture(db);
    await db.insert(payoutAccounts).values({ orgId: g.workshop.org.id, stripeAccountId: "acct_upd", onboardingStatus: "pending" });
    const t = Math.floor(Date.now() / 1000);
    const ready = { id: "acct_upd", object: "account", details_submitted: true, charges_enabled: true, payouts_enabled: true, capabilities: { transfers: "active" }, requirements: { currently_due: [], past_due: [], disabled_reason: null } };
    const restricted = { ...ready, payouts_enabled: false, capabilities: { transfers: "inactive" }, requirements: { currently_due: ["external_account", "individual.verification.document"], past_due: [], disabled_reason: "requirements.past_due" } };
    await send(event("account.updated", restricted, t - 100));
    expect((await db.select().from(payoutAccounts).where(eq(payoutAccounts.orgId, g.workshop.org.id)))[0]).toMatchObject({ onboardingStatus: "restricted", requirements: ["external_account", "individual.verification.document"] });
    await send(event("account.updated", ready, t));
    await send(event("account.updated", restricted, t - 50));
    expect((await db.select().from(payoutAccounts).where(eq(payoutAccounts.orgId, g.workshop.org.id)))[0]).toMatchObject({ onboardingStatus: "ready", requirements: [] });
  });

  it("an event for nothing of ours, or of a type not handled, is answered 200 and ignored", async () => {
    const a = await (await send(event("payment_intent.succeeded", { id: "pi_unknown", object: "payment_intent", metadata: {} }))).json();
    const b = await (await send(event("customer.created", { id: "cus_1", object: "customer" }))).json();
    expect([a, b]).toEqual([
      { received: true, outcome: "ignored" },
      { received: true, outcome: "ignored" },
    ]);
  });
});
