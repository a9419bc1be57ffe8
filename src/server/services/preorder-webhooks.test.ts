import { eq, sql } from "drizzle-orm";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { appDbOf, testDb } from "~/test/db";
import { startFakeStripe, type FakeStripe } from "~/test/fake-stripe";
import { createFixture, type Fixture } from "~/test/fixtures";
import { campaignFor, readyBrandPayout, reserveAs, type TestCampaign } from "~/test/preorders";
import type { Db } from "../db/client";
import { emails, preorderCampaigns, preorderReservations, stripeEvents } from "../db/schema";
import { createBalanceCheckout, reserve } from "./preorder-reservations";
import { setStripeClient } from "./stripe";

/**
 * Stripe's events about reservations, signed with the SDK's test-header helper and posted to the webhook
 * route; refunds they cause are asked of a local Stripe stand-in.
 */
const h = vi.hoisted(() => {
  process.env.STRIPE_WEBHOOK_SECRET = "whsec_preorder_secret";
  const holder: { db: unknown } = { db: null };
  return holder;
});
vi.mock("~/server/db", () => ({ getDb: async () => h.db }));
const { POST } = await import("~/app/api/webhooks/stripe/route");

const db: Db = await testDb();
h.db = appDbOf(db);
const signer = new Stripe("sk_test_unused");
let fake: FakeStripe;
beforeAll(async () => {
  fake = await startFakeStripe();
  setStripeClient(fake.client());
});
afterAll(async () => {
  setStripeClient(undefined);
  await fake.close();
});

let n = 0;
async function send(type: string, object: Record<string, unknown>, id = `evt_pre_${++n}_${crypto.randomUUID().slice(0, 8)}`) {
  const payload = JSON.stringify({ id, object: "event", api_version: "2025-01-01", created: Math.floor(Date.now() / 1000), livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null }, type, data: { object } });
  const res = await POST(new Request("http://localhost/api/webhooks/stripe", { method: "POST", body: payload, headers: { "stripe-signature": signer.webhooks.generateTestHeaderString({ payload, secret: "whsec_preorder_secret" }), "content-type": "application/json" } }));
  return { status: res.status, outcome: ((await res.json()) as { outcome?: string }).outcome, id };
}
const completed = (r: { id: string; stripeCheckoutSessionId: string | null }, intent: string, amount: number, extra: Record<string, string> = {}) => ({
  id: r.stripeCheckoutSessionId ?? `cs_${intent}`,
  object: "checkout.session",
  payment_status: "paid",
  status: "complete",
  amount_total: amount,
  client_reference_id: r.id,
  metadata: { preorder_reservation_id: r.id, ...extra },
  payment_intent: intent,
});

const rowOf = async (id: string) => (await db.select().from(preorderReservations).where(eq(preorderReservations.id, id)))[0]!;
const countersOf = async (c: TestCampaign) => {
  const [row] = await db.select({ held: preorderCampaigns.heldUnits, paid: preorderCampaigns.paidUnits }).from(preorderCampaigns).where(eq(preorderCampaigns.id, c.id));
  const { rows } = await db.execute<{ held: number; paid: number }>(sql`select coalesce(sum(quantity) filter (where status = 'held'), 0)::int as held, coalesce(sum(quantity) filter (where status = 'paid'), 0)::int as paid from preorder_reservations where campaign_id = ${c.id}`);
  const { rows: sizes } = await db.execute<{ held: number; paid: number }>(sql`select sum(held_units)::int as held, sum(paid_units)::int as paid from preorder_campaign_sizes where campaign_id = ${c.id}`);
  return { campaign: row!, sizes: sizes[0]!, rows: rows[0]! };
};

describe("preorder webhooks", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(db);
    await readyBrandPayout(db, f.brand);
  });

  it("checkout.session.completed pays a held reservation once: units move from held to paid, the customer is emailed, the event is stored for the brand", async () => {
    const c = await campaignFor(db, f);
    const out = await reserve(appDbOf(db), { brandSlug: c.brandSlug, campaignSlug: c.slug, name: "Grace Hopper", email: "grace@example.test", size: "6", quantity: 2 }, { ip: "203.0.113.9" }, new Date(), fake.client(), 250);
    const r = (await db.select().from(preorderReservations).where(eq(preorderReservations.reference, out.reference)))[0]!;
    const e = completed(r, "pi_paid_once", r.amountDueMinor);
    const first = await send("checkout.session.completed", e);
    const again = await send("checkout.session.completed", e, first.id);
    expect([first.outcome, again.outcome]).toEqual(["processed", "duplicate"]);
    expect(await rowOf(r.id)).toMatchObject({ status: "paid", paidMinor: 7200, stripePaymentIntentId: "pi_paid_once", balanceStatus: "not_due" });
    expect(await countersOf(c)).toEqual({ campaign: { held: 0, paid: 2 }, sizes: { held: 0, paid: 2 }, rows: { held: 0, paid: 2 } });
    expect((await db.select().from(stripeEvents).where(eq(stripeEvents.eventId, first.id)))[0]).toMatchObject({ orgId: f.brand.org.id, type: "checkout.session.completed" });
    const mails = await db.select({ subject: emails.subject }).from(emails).where(eq(emails.to, "grace@example.test"));
    expect(mails.map((m) => m.subject).sort()).toEqual([`Payment received: ${c.title} (${r.reference})`, `Your reservation ${r.reference}: ${c.title}`].sort());
  });

  it("checkout.session.expired frees the hold of the reservation's current session, and not of an older one", async () => {
    const c = await campaignFor(db, f);
    const r = await reserveAs(db, c.id, { size: "5", quantity: 3 });
    await db.update(preorderReservations).set({ stripeCheckoutSessionId: `cs_now_${r.id.slice(0, 8)}` }).where(eq(preorderReservations.id, r.id));
    expect((await send("checkout.session.expired", { id: `cs_old_${r.id.slice(0, 8)}`, object: "checkout.session", status: "expired", metadata: { preorder_reservation_id: r.id } })).outcome).toBe("processed");
    expect((await rowOf(r.id)).status).toBe("held");
    await send("checkout.session.expired", { id: `cs_now_${r.id.slice(0, 8)}`, object: "checkout.session", status: "expired", metadata: { preorder_reservation_id: r.id } });
    expect((await rowOf(r.id)).status).toBe("expired");
    expect(await countersOf(c)).toEqual({ campaign: { held: 0, paid: 0 }, sizes: { held: 0, paid: 0 }, rows: { held: 0, paid: 0 } });
  });

  it("the late-payment rule: a payment after the hold expired is honoured while there is room, refunded in full when the campaign is full; never oversold", async () => {
    const c = await campaignFor(db, f, { totalCap: 2 });
    const late = await reserveAs(db, c.id, { size: "7", quantity: 1, status: "expired" });
    expect((await send("checkout.session.completed", completed(late, "pi_late_room", 3600))).outcome).toBe("processed");
    expect(await rowOf(late.id)).toMatchObject({ status: "paid", paidMinor: 3600, latePayment: expect.stringContaining("honoured") });
    expect((await countersOf(c)).campaign).toEqual({ held: 0, paid: 1 });

    await reserveAs(db, c.id, { size: "8", quantity: 1 }); // the last unit, held by someone else
    const tooLate = await reserveAs(db, c.id, { size: "7", quantity: 1, status: "expired" });
    fake.seen.length = 0;
    expect((await send("checkout.session.completed", completed(tooLate, "pi_late_full", 3600))).outcome).toBe("processed");
    expect(fake.seen.map((s) => [s.path, s.body.get("payment_intent"), s.body.get("amount"), s.body.get("reverse_transfer")])).toEqual([["/v1/refunds", "pi_late_full", "3600", "true"]]);
    expect(await rowOf(tooLate.id)).toMatchObject({ status: "refunded", paidMinor: 3600, refundedMinor: 3600, latePayment: expect.stringContaining("refunded in full") });
    expect(await countersOf(c)).toEqual({ campaign: { held: 1, paid: 1 }, sizes: { held: 1, paid: 1 }, rows: { held: 1, paid: 1 } });
    const [mail] = await db.select().from(emails).where(eq(emails.to, tooLate.customerEmail));
    expect(mail!.subject).toBe(`Payment refunded: ${c.title} (${tooLate.reference})`);

    // A payment for a reservation its customer cancelled is refunded too.
    const cancelled = await reserveAs(db, c.id, { size: "7", quantity: 1, status: "cancelled" });
    await send("checkout.session.completed", completed(cancelled, "pi_after_cancel", 3600));
    expect(await rowOf(cancelled.id)).toMatchObject({ status: "refunded", refundedMinor: 3600 });
    expect((await countersOf(c)).campaign).toEqual({ held: 1, paid: 1 });
  });

  it("a second paid session of a paid reservation is refunded; charge.refunded finalizes a pending refund", async () => {
    const c = await campaignFor(db, f);
    const r = await reserveAs(db, c.id, { size: "9", quantity: 1, status: "paid" });
    fake.refundStatus.value = "pending";
    try {
      await send("checkout.session.completed", completed({ id: r.id, stripeCheckoutSessionId: "cs_second" }, "pi_second", 3600));
    } finally {
      fake.refundStatus.value = "succeeded";
    }
    expect(await rowOf(r.id)).toMatchObject({ status: "paid", paidMinor: 7200, refundedMinor: 0, refundPendingMinor: 3600, stripePaymentIntentId: r.stripePaymentIntentId });
    expect((await countersOf(c)).campaign).toEqual({ held: 0, paid: 1 });
    await send("charge.refunded", { id: "ch_second", object: "charge", amount: 3600, amount_refunded: 3600, refunded: true, payment_intent: "pi_second", metadata: { preorder_reservation_id: r.id } });
    expect(await rowOf(r.id)).toMatchObject({ status: "paid", refundedMinor: 3600, refundPendingMinor: 0 });
  });

  it("the balance: a Checkout Session of the balance, paid by its webhook; a reservation paid in full has none", async () => {
    const c = await campaignFor(db, f);
    const r = await reserveAs(db, c.id, { size: "5", quantity: 1, status: "paid" });
    fake.seen.length = 0;
    const { url } = await createBalanceCheckout(appDbOf(db), r.id, {}, new Date(), fake.client(), 250);
    expect(url).toMatch(/^https:\/\/checkout\.stripe\.test\/pay\//);
    expect(Object.fromEntries(fake.seen[0]!.body)).toMatchObject({ "line_items[0][price_data][unit_amount]": "8400", "metadata[preorder_balance]": "1", "payment_intent_data[metadata][preorder_balance]": "1" });
    expect(fake.seen[0]!.idempotencyKey).toBe(`preorder-balance-${r.id}-1`);
    const due = await rowOf(r.id);
    expect(due.balanceStatus).toBe("due");
    await send("checkout.session.completed", { ...completed({ id: r.id, stripeCheckoutSessionId: due.balanceCheckoutSessionId }, "pi_balance", 8400), metadata: { preorder_reservation_id: r.id, preorder_balance: "1" } });
    expect(await rowOf(r.id)).toMatchObject({ status: "paid", balanceStatus: "paid", balancePaymentIntentId: "pi_balance", paidMinor: 12_000 });
    await expect(createBalanceCheckout(appDbOf(db), r.id, {}, new Date(), fake.client(), 250)).rejects.toMatchObject({ code: "CONFLICT" });
    const full = await campaignFor(db, f, { paymentMode: "full", depositPercent: 100 });
    const paidInFull = await reserveAs(db, full.id, { size: "5", quantity: 1, status: "paid" });
    await expect(createBalanceCheckout(appDbOf(db), paidInFull.id, {}, new Date(), fake.client(), 250)).rejects.toMatchObject({ message: "This reservation was paid in full: there is no balance." });
  });

  it("an order's payment events still go to orders' payments (no reservation is touched)", async () => {
    const res = await send("checkout.session.completed", { id: "cs_not_preorder", object: "checkout.session", payment_status: "paid", metadata: { payment_id: crypto.randomUUID() }, payment_intent: "pi_x" });
    expect(res).toMatchObject({ status: 200, outcome: "ignored" });
  });
});
