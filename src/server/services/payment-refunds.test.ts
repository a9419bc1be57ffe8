import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refundRuleFor } from "~/lib/refunds";
import { todayIn } from "~/lib/sample-request-schemas";
import { testDb } from "~/test/db";
import { createFixture, type Fixture } from "~/test/fixtures";
import { rfqBetween } from "~/test/rfqs";
import { actorOf } from "~/test/vetting";
import { events, notifications, orderMilestones, orders, payments, type Payment } from "../db/schema";
import { changeMilestone } from "./milestones";
import { cancelOrder } from "./order-status";
import { refundPayment } from "./payment-refunds";
import { getOrderPayments } from "./payment-views";
import { handleStripeEvent } from "./payment-webhooks";
import { confirmTransferReceived, markTransferSent } from "./payments";
import { orderNumberLabel } from "~/lib/rfq-schemas";

/**
 * Refunds of a cancelled order's payments: the rule, a bank transfer's recorded refund, and a card's Stripe
 * refund against a local HTTP server standing in for api.stripe.com, with its webhook.
 */
const db = await testDb();

type Seen = { path: string; idempotencyKey: string | undefined; body: URLSearchParams };
const seen: Seen[] = [];
const queued: { status: number; body: unknown; headers?: Record<string, string> }[] = [];
let refunds = 0;

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let data = "";
    req.on("data", (c: Buffer) => (data += c.toString()));
    req.on("end", () => resolve(data));
  });

let server: Server;
let stripe: Stripe;
beforeAll(async () => {
  server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      const path = (req.url ?? "").split("?")[0]!;
      const body = new URLSearchParams(raw);
      seen.push({ path, idempotencyKey: req.headers["idempotency-key"] as string | undefined, body });
      const next = queued.shift();
      res.writeHead(next?.status ?? 200, { "content-type": "application/json", "request-id": `req_${seen.length}`, ...(next?.headers ?? {}) });
      const answer = path === "/v1/refunds" ? { id: `re_test_${++refunds}`, object: "refund", amount: Number(body.get("amount")), currency: "eur", status: "succeeded", payment_intent: body.get("payment_intent") } : { error: { type: "invalid_request_error", message: `No such path ${path}` } };
      res.end(JSON.stringify(next?.body ?? answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  stripe = new Stripe("sk_test_local", { host: "127.0.0.1", port, protocol: "http", maxNetworkRetries: 2 });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const paymentsOf = async (orderId: string) => {
  const rows = await db.select().from(payments).where(eq(payments.orderId, orderId));
  return { deposit: rows.find((p) => p.kind === "deposit")!, balance: rows.find((p) => p.kind === "balance")! };
};
const row = async (id: string) => (await db.select().from(payments).where(eq(payments.id, id)))[0]!;
const titles = async (orgId: string, contains: string) => (await db.select().from(notifications).where(eq(notifications.orgId, orgId))).map((n) => n.title).filter((t) => t.includes(contains));
const refundEvents = (orgId: string, paymentId: string) => db.select().from(events).where(and(eq(events.orgId, orgId), eq(events.subjectId, paymentId), eq(events.action, "payment.refunded")));

/** An order whose deposit was paid by transfer (in production), cancelled by the brand's owner; production started or not. */
async function cancelledAfterTransfer(f: Fixture, opts: { productionStarted: boolean }) {
  const { order } = await rfqBetween(db, f);
  const { deposit } = await paymentsOf(order.id);
  await markTransferSent(db, actorOf(f.brand), { paymentId: deposit.id, reference: "SEPA 2027-0042" });
  await confirmTransferReceived(db, actorOf(f.workshop), { paymentId: deposit.id, receivedOn: todayIn(f.workshop.org.timeZone) });
  if (opts.productionStarted) {
    const [cad] = await db.select().from(orderMilestones).where(and(eq(orderMilestones.orderId, order.id), eq(orderMilestones.key, "cad_approved")));
    await changeMilestone(db, actorOf(f.workshop), "workshop", "start", { milestoneId: cad!.id, note: "", photoFileIds: [] });
  }
  await cancelOrder(db, actorOf(f.brand), { orderId: order.id, reason: "The collection was dropped." });
  return { order, deposit: await row(deposit.id) };
}

/**
 * An order cancelled while awaiting its deposit, whose deposit a card paid (as the webhook would have
 * recorded it), in the currency and amount given: the payment row is put in as it would be.
 */
async function cancelledAfterCard(f: Fixture, money?: { currency: string; amountMinor: number }) {
  const { order } = await rfqBetween(db, f);
  const { deposit } = await paymentsOf(order.id);
  const intent = `pi_${deposit.id.slice(0, 8)}`;
  const paid = { status: "paid" as const, method: "card" as const, stripePaymentIntentId: intent, stripeChargeId: `ch_${deposit.id.slice(0, 8)}`, paidOn: todayIn(f.workshop.org.timeZone), platformFeeMinor: 658 };
  let p: Payment;
  if (money) {
    await db.delete(payments).where(eq(payments.id, deposit.id));
    [p] = (await db.insert(payments).values({ ...deposit, ...money, ...paid, id: undefined }).returning()) as [Payment];
  } else {
    [p] = (await db.update(payments).set(paid).where(eq(payments.id, deposit.id)).returning()) as [Payment];
  }
  await cancelOrder(db, actorOf(f.workshop), { orderId: order.id, reason: "We cannot source the stones." });
  return { order, deposit: p, intent };
}

function chargeRefunded(p: Payment, amountRefunded: number, created: number, id = `evt_${crypto.randomUUID().slice(0, 12)}`) {
  const object = { id: p.stripeChargeId, object: "charge", amount: p.amountMinor, amount_refunded: amountRefunded, payment_intent: p.stripePaymentIntentId, metadata: { payment_id: p.id } };
  return { id, object: "event", api_version: "2025-01-01", created, livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null }, type: "charge.refunded", data: { object } } as unknown as Stripe.Event;
}

describe("the refund rule", () => {
  it("before production started: everything paid back in full, with Bezel's fee", () => {
    expect(refundRuleFor({ kind: "deposit", productionStarted: false, amountMinor: 26_340, refundedMinor: 0 })).toMatchObject({ mode: "full", minMinor: 26_340, maxMinor: 26_340, refundApplicationFee: true });
    expect(refundRuleFor({ kind: "balance", productionStarted: false, amountMinor: 61_460, refundedMinor: 1_460 })).toMatchObject({ mode: "full", minMinor: 60_000, maxMinor: 60_000 });
  });
  it("after production started: the workshop decides on the deposit (Bezel keeps its fee); a balance goes back in full", () => {
    expect(refundRuleFor({ kind: "deposit", productionStarted: true, amountMinor: 26_340, refundedMinor: 0 })).toMatchObject({ mode: "workshop_decides", minMinor: 1, maxMinor: 26_340, refundApplicationFee: false });
    expect(refundRuleFor({ kind: "balance", productionStarted: true, amountMinor: 61_460, refundedMinor: 0 })).toMatchObject({ mode: "full", minMinor: 61_460, maxMinor: 61_460, refundApplicationFee: true });
  });
});

describe("a bank transfer's refund", () => {
  it("cancelled before production started: the workshop records the whole deposit sent back, both sides are told, once", async () => {
    const f = await createFixture(db);
    const { order, deposit } = await cancelledAfterTransfer(f, { productionStarted: false });
    const workshopView = await getOrderPayments(db, f.workshop.org.id, "workshop", order.id, null);
    const brandView = await getOrderPayments(db, f.brand.org.id, "brand", order.id, null);
    expect(workshopView.cancelled).toBe(true);
    expect(workshopView.payments.map((p) => [p.kind, p.actions, p.refund?.mode ?? null, p.refund?.maxMinor ?? null])).toEqual([
      ["deposit", ["refund"], "full", 26_340],
      ["balance", [], null, null],
    ]);
    // The brand pays nothing more on a cancelled order.
    expect(brandView.payments.map((p) => [p.kind, p.actions, p.refund])).toEqual([
      ["deposit", [], null],
      ["balance", [], null],
    ]);

    await expect(refundPayment(db, actorOf(f.workshop), { paymentId: deposit.id, amountMinor: 10_000, reference: "Back 1" })).rejects.toMatchObject({ code: "BAD_REQUEST", field: "amountMinor", message: "Production had not started: everything paid is refunded in full. Refund €263.40." });
    await expect(refundPayment(db, actorOf(f.workshop), { paymentId: deposit.id, amountMinor: 30_000, reference: "Back 1" })).rejects.toMatchObject({ field: "amountMinor", message: "At most €263.40 can be refunded." });
    await expect(refundPayment(db, actorOf(f.workshop), { paymentId: deposit.id, amountMinor: 26_340, reference: "  " })).rejects.toMatchObject({ field: "reference" });
    // The brand cannot refund a payment to itself: not its payment to act on.
    await expect(refundPayment(db, actorOf(f.brand), { paymentId: deposit.id, amountMinor: 26_340, reference: "Back 1" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await row(deposit.id)).toEqual(deposit);

    const done = await refundPayment(db, actorOf(f.workshop), { paymentId: deposit.id, amountMinor: 26_340, reference: "SEPA back 7" }, new Date(), null);
    expect(done).toMatchObject({ status: "refunded", refundedMinor: 26_340, refundPendingMinor: 0, refund: "recorded" });
    expect(await row(deposit.id)).toMatchObject({ status: "refunded", refundedMinor: 26_340, refundReference: "SEPA back 7", refundedById: f.workshop.owner.id, refundedOn: todayIn(f.workshop.org.timeZone) });
    await expect(refundPayment(db, actorOf(f.workshop), { paymentId: deposit.id, amountMinor: 1, reference: "again" })).rejects.toMatchObject({ code: "CONFLICT", message: "This payment is refunded already." });
    expect(await titles(f.brand.org.id, "refunded")).toEqual([`${f.workshop.org.name} refunded €263.40 of the deposit for order ${orderNumberLabel(order.year, order.seq)}`]);
    expect(await titles(f.workshop.org.id, "refunded")).toEqual([`€263.40 of the deposit for order ${orderNumberLabel(order.year, order.seq)} was refunded`]);
    expect(await refundEvents(f.brand.org.id, deposit.id)).toHaveLength(1);
    expect(await refundEvents(f.workshop.org.id, deposit.id)).toHaveLength(1);
    const after = await getOrderPayments(db, f.brand.org.id, "brand", order.id, null);
    expect(after.payments[0]).toMatchObject({ status: "refunded", refundedMinor: 26_340, refundReference: "SEPA back 7", actions: [] });
  });

  it("cancelled after production started: the workshop refunds the part of the deposit it decides", async () => {
    const f = await createFixture(db);
    const { deposit } = await cancelledAfterTransfer(f, { productionStarted: true });
    const done = await refundPayment(db, actorOf(f.workshop), { paymentId: deposit.id, amountMinor: 16_340, reference: "SEPA back 8" }, new Date(), null);
    expect(done).toMatchObject({ status: "partially_refunded", refundedMinor: 16_340 });
    // What is left may still be refunded, up to what was paid.
    await expect(refundPayment(db, actorOf(f.workshop), { paymentId: deposit.id, amountMinor: 10_001, reference: "SEPA back 9" }, new Date(), null)).rejects.toMatchObject({ message: "At most €100.00 can be refunded." });
  });

  it("an order not cancelled refunds nothing", async () => {
    const f = await createFixture(db);
    const { order } = await rfqBetween(db, f);
    const { deposit } = await paymentsOf(order.id);
    await markTransferSent(db, actorOf(f.brand), { paymentId: deposit.id, reference: "SEPA 1" });
    await confirmTransferReceived(db, actorOf(f.workshop), { paymentId: deposit.id, receivedOn: todayIn(f.workshop.org.timeZone) });
    await expect(refundPayment(db, actorOf(f.workshop), { paymentId: deposit.id, amountMinor: 26_340, reference: "x" }, new Date(), null)).rejects.toMatchObject({ code: "CONFLICT", message: "Payments are refunded when their order is cancelled." });
  });
});

describe("a card payment's refund through Stripe", () => {
  it("asks Stripe for the refund of the PaymentIntent, reversing the transfer and the fee, keyed by the payment's attempt; recorded once with its webhook", async () => {
    const f = await createFixture(db);
    const { order, deposit, intent } = await cancelledAfterCard(f);
    seen.length = 0;
    const done = await refundPayment(db, actorOf(f.workshop), { paymentId: deposit.id, amountMinor: 26_340, reference: "" }, new Date(), stripe);
    expect(done).toMatchObject({ status: "refunded", refundedMinor: 26_340, refund: "recorded" });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ path: "/v1/refunds", idempotencyKey: `refund-${deposit.id}-1` });
    expect(Object.fromEntries(seen[0]!.body)).toMatchObject({ payment_intent: intent, amount: "26340", reverse_transfer: "true", refund_application_fee: "true", "metadata[payment_id]": deposit.id });
    expect(await row(deposit.id)).toMatchObject({ status: "refunded", refundedMinor: 26_340, refundPendingMinor: 0, refundAttempt: 1, stripeRefundId: "re_test_" + refunds });

    // Stripe's charge.refunded then arrives (twice): nothing changes, nobody is told again.
    const t = Math.floor(Date.now() / 1000);
    const e = chargeRefunded(deposit, 26_340, t);
    expect(await handleStripeEvent(db, e)).toBe("processed");
    expect(await handleStripeEvent(db, e)).toBe("duplicate");
    expect(await row(deposit.id)).toMatchObject({ status: "refunded", refundedMinor: 26_340 });
    expect(await titles(f.brand.org.id, "refunded")).toEqual([`${f.workshop.org.name} refunded €263.40 of the deposit for order ${orderNumberLabel(order.year, order.seq)}`]);
    expect(await refundEvents(f.brand.org.id, deposit.id)).toHaveLength(1);
  });

  it("an error from Stripe is a clear message and nothing is written; trying again reuses the key, and so does the SDK's retry after a 500", async () => {
    const f = await createFixture(db);
    const { deposit } = await cancelledAfterCard(f);
    seen.length = 0;
    queued.push({ status: 400, body: { error: { type: "invalid_request_error", message: "The transfer cannot be reversed: the connected account's balance is too low." } } });
    await expect(refundPayment(db, actorOf(f.workshop), { paymentId: deposit.id, amountMinor: 26_340, reference: "" }, new Date(), stripe)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Stripe refused the request: The transfer cannot be reversed: the connected account's balance is too low.",
    });
    expect(await row(deposit.id)).toEqual(deposit);
    expect(await titles(f.brand.org.id, "refunded")).toEqual([]);
    queued.push({ status: 500, body: { error: { type: "api_error", message: "Something went wrong." } }, headers: { "stripe-should-retry": "true" } });
    await refundPayment(db, actorOf(f.workshop), { paymentId: deposit.id, amountMinor: 26_340, reference: "" }, new Date(), stripe);
    expect(seen.map((s) => s.idempotencyKey)).toEqual([`refund-${deposit.id}-1`, `refund-${deposit.id}-1`, `refund-${deposit.id}-1`]);
    expect(await row(deposit.id)).toMatchObject({ status: "refunded", refundAttempt: 1 });
  });

  it("a pending refund waits for charge.refunded; repeated and out-of-order events end refunded, told once", async () => {
    const f = await createFixture(db);
    const { deposit } = await cancelledAfterCard(f);
    queued.push({ status: 200, body: { id: "re_pending", object: "refund", amount: 26_340, currency: "eur", status: "pending" } });
    const done = await refundPayment(db, actorOf(f.workshop), { paymentId: deposit.id, amountMinor: 26_340, reference: "" }, new Date(), stripe);
    expect(done).toMatchObject({ status: "paid", refundedMinor: 0, refundPendingMinor: 26_340, refund: "processing" });
    const view = await getOrderPayments(db, f.brand.org.id, "brand", deposit.orderId!, stripe);
    expect(view.payments.find((p) => p.kind === "deposit")).toMatchObject({ status: "paid", refundPendingMinor: 26_340, actions: [] });
    // While it is pending, no second refund is asked.
    await expect(refundPayment(db, actorOf(f.workshop), { paymentId: deposit.id, amountMinor: 26_340, reference: "" }, new Date(), stripe)).rejects.toMatchObject({ message: "A refund of this payment is being processed by Stripe." });

    const t = Math.floor(Date.now() / 1000);
    const partial = chargeRefunded(deposit, 10_000, t - 60);
    const full = chargeRefunded(deposit, 26_340, t);
    for (const e of [full, full, partial, full, partial]) await handleStripeEvent(db, e);
    expect(await row(deposit.id)).toMatchObject({ status: "refunded", refundedMinor: 26_340, refundPendingMinor: 0 });
    expect(await titles(f.brand.org.id, "refunded")).toEqual(["€263.40 of the deposit was refunded"]);
    expect(await refundEvents(f.workshop.org.id, deposit.id)).toHaveLength(1);
  });

  it("JPY (no decimals) and KWD (three, in tens) go to Stripe as the amounts they are", async () => {
    const f = await createFixture(db);
    const yen = await cancelledAfterCard(f, { currency: "JPY", amountMinor: 45_000 });
    seen.length = 0;
    await refundPayment(db, actorOf(f.workshop), { paymentId: yen.deposit.id, amountMinor: 45_000, reference: "" }, new Date(), stripe);
    expect(seen[0]!.body.get("amount")).toBe("45000");
    expect(await titles(f.brand.org.id, "refunded")).toEqual([`${f.workshop.org.name} refunded JP¥45,000 of the deposit for order ${orderNumberLabel(yen.order.year, yen.order.seq)}`]);

    const g = await createFixture(db);
    const dinar = await cancelledAfterCard(g, { currency: "KWD", amountMinor: 12_340 });
    seen.length = 0;
    await refundPayment(db, actorOf(g.workshop), { paymentId: dinar.deposit.id, amountMinor: 12_340, reference: "" }, new Date(), stripe);
    expect(seen[0]!.body.get("amount")).toBe("12340");
    expect(await row(dinar.deposit.id)).toMatchObject({ status: "refunded", refundedMinor: 12_340, currency: "KWD" });
    expect((await db.select().from(orders).where(eq(orders.id, dinar.order.id)))[0]!.status).toBe("cancelled");
  });
});
