import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appDbOf, testDatabase } from "~/test/db";
import { createPgDb } from "../db/client";
import { startFakeStripe, type FakeStripe } from "~/test/fake-stripe";
import { createFixture, type Fixture } from "~/test/fixtures";
import { campaignFor, readyBrandPayout, reserveAs, type TestCampaign } from "~/test/preorders";
import { emails, preorderCampaignSizes, preorderCampaigns, preorderReservations } from "../db/schema";
import { APP_ROLE, withOrg } from "../db/tenant";
import {
  GENERIC_REFUSAL,
  cancelByCustomer,
  emailReservationCustomers,
  expireHolds,
  hashToken,
  payAgain,
  refundReservation,
  reservationLink,
  reserve,
} from "./preorder-reservations";

/**
 * Reservations through the service as the app runs it (the tenant role), with Stripe's API answered by a
 * local server: the cap under a crowd, holds that run out, refusals that leave nothing behind, and the
 * customer's cancel by the campaign's policy.
 */
const t = await testDatabase();
const db = t.db;
const app = appDbOf(db);
/** The crowd goes through a pool as large as the app's own (10 connections), as the tenant role. */
const crowd = t.url ? createPgDb(t.url, 10, { role: APP_ROLE }) : null;
if (crowd) t.beforeClose(crowd.close);
let fake: FakeStripe;
beforeAll(async () => {
  fake = await startFakeStripe();
});
afterAll(() => fake.close());

let ipSeq = 0;
const ip = () => `198.51.${(++ipSeq >> 8) & 255}.${ipSeq & 255}`;
const input = (c: TestCampaign, over: Partial<{ size: string; quantity: number; email: string; name: string; website: string }> = {}) => ({
  brandSlug: c.brandSlug,
  campaignSlug: c.slug,
  name: "Ada Lovelace",
  email: `ada.${++ipSeq}@example.test`,
  size: "7",
  quantity: 1,
  ...over,
});

async function counters(campaignId: string) {
  const [c] = await db.select({ held: preorderCampaigns.heldUnits, paid: preorderCampaigns.paidUnits }).from(preorderCampaigns).where(eq(preorderCampaigns.id, campaignId));
  const sizes = await db.select({ size: preorderCampaignSizes.size, held: preorderCampaignSizes.heldUnits, paid: preorderCampaignSizes.paidUnits }).from(preorderCampaignSizes).where(eq(preorderCampaignSizes.campaignId, campaignId)).orderBy(preorderCampaignSizes.position);
  const { rows } = await db.execute<{ held: number; paid: number }>(sql`select coalesce(sum(quantity) filter (where status = 'held'), 0)::int as held, coalesce(sum(quantity) filter (where status = 'paid'), 0)::int as paid from preorder_reservations where campaign_id = ${campaignId}`);
  return { campaign: c!, sizes, rows: rows[0]! };
}

describe("reserving", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(db);
    await readyBrandPayout(db, f.brand);
  });

  it("300 customers at once on a cap of 100: exactly 100 are held, the rest told it is sold out, and the counters equal the rows", async () => {
    const c = await campaignFor(db, f, { totalCap: 100 });
    const stripe = fake.client();
    const results = await Promise.allSettled(
      Array.from({ length: 300 }, (_, i) => reserve(crowd?.db ?? app, input(c, { size: c.sizes[i % c.sizes.length]!, email: `crowd.${i}@example.test` }), { ip: ip() }, new Date(), stripe, 250)),
    );
    const held = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(held).toHaveLength(100);
    expect(new Set(refused.map((r) => (r.reason as Error).message))).toEqual(new Set(["Sold out: every piece of this preorder is reserved."]));
    const after = await counters(c.id);
    expect(after.campaign).toEqual({ held: 100, paid: 0 });
    expect(after.rows).toEqual({ held: 100, paid: 0 });
    expect(after.sizes.reduce((n, s) => n + s.held, 0)).toBe(100);
    const bySize = await db.execute<{ size: string; n: number }>(sql`select size, sum(quantity)::int as n from preorder_reservations where campaign_id = ${c.id} and status = 'held' group by size order by size`);
    expect(after.sizes.map((s) => ({ size: s.size, n: s.held }))).toEqual(bySize.rows);
    // Each hold has its own Checkout Session and a confirmation email with the reservation page's link.
    const rows = await db.select().from(preorderReservations).where(eq(preorderReservations.campaignId, c.id));
    expect(new Set(rows.map((r) => r.stripeCheckoutSessionId)).size).toBe(100);
    const first = held[0]!.status === "fulfilled" ? held[0]!.value : null;
    const [row] = rows.filter((r) => r.reference === first!.reference);
    expect(row!.tokenHash).toBe(hashToken(first!.token));
    expect(first!.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [mail] = await db.select().from(emails).where(and(eq(emails.to, row!.customerEmail)));
    expect(mail!.text).toContain(reservationLink(first!.token, c));
    expect(mail!.text).toContain(first!.checkoutUrl);
  });

  it("asks Stripe for a destination charge of the deposit to the brand, with the fee, the reservation in the metadata and a key of its attempt", async () => {
    const c = await campaignFor(db, f);
    fake.seen.length = 0;
    const now = new Date();
    const out = await reserve(app, input(c, { quantity: 2 }), { ip: ip() }, now, fake.client(), 250);
    const [r] = await db.select().from(preorderReservations).where(eq(preorderReservations.reference, out.reference));
    expect(fake.seen).toHaveLength(1);
    const req = fake.seen[0]!;
    expect(req.idempotencyKey).toBe(`preorder-${r!.id}-1`);
    const expiresAt = Number(req.body.get("expires_at"));
    expect(expiresAt - Math.floor(now.getTime() / 1000)).toBeGreaterThanOrEqual(30 * 60);
    expect(Object.fromEntries(req.body)).toMatchObject({
      mode: "payment",
      // 2 × 120.00 at 30 %: 72.00; the fee 2.5 % of it.
      "line_items[0][price_data][unit_amount]": "7200",
      "line_items[0][price_data][currency]": "eur",
      "payment_intent_data[application_fee_amount]": "180",
      "payment_intent_data[transfer_data][destination]": `acct_brand_${f.brand.org.id.slice(0, 8)}`,
      "payment_intent_data[metadata][preorder_reservation_id]": r!.id,
      "metadata[preorder_reservation_id]": r!.id,
      customer_email: r!.customerEmail,
      success_url: `${reservationLink(out.token, c)}?checkout=returned`,
    });
    expect(r).toMatchObject({ status: "held", quantity: 2, totalMinor: 24_000, amountDueMinor: 7200, balanceMinor: 16_800, balanceStatus: "not_due", checkoutAttempt: 1 });
    expect(r!.holdExpiresAt.getTime()).toBe(now.getTime() + 30 * 60_000);
  });

  it("a Stripe failure leaves nothing held and says so in words; trying again works", async () => {
    const c = await campaignFor(db, f, { totalCap: 3 });
    fake.queue("/v1/checkout/sessions", { status: 400, body: { error: { type: "invalid_request_error", message: "The destination account cannot receive transfers." } } });
    await expect(reserve(app, input(c, { quantity: 3 }), { ip: ip() }, new Date(), fake.client(), 250)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Stripe refused the request: The destination account cannot receive transfers.",
    });
    expect(await counters(c.id)).toMatchObject({ campaign: { held: 0, paid: 0 }, rows: { held: 0, paid: 0 } });
    expect(await db.select().from(preorderReservations).where(eq(preorderReservations.campaignId, c.id))).toEqual([]);
    await reserve(app, input(c, { quantity: 3 }), { ip: ip() }, new Date(), fake.client(), 250);
    expect((await counters(c.id)).campaign).toEqual({ held: 3, paid: 0 });
  });

  it("refusals in words that write nothing: a size's own cap, a closed window, no Stripe, no payout account, a filled honeypot", async () => {
    const c = await campaignFor(db, f, { totalCap: 10, sizes: [{ size: "6", cap: 2 }, { size: "7", cap: null }] });
    await reserve(app, input(c, { size: "6", quantity: 1 }), { ip: ip() }, new Date(), fake.client(), 250);
    await expect(reserve(app, input(c, { size: "6", quantity: 2 }), { ip: ip() }, new Date(), fake.client(), 250)).rejects.toMatchObject({ code: "CONFLICT", message: "Only 1 left in size 6.", field: "quantity" });
    await expect(reserve(app, input(c, { size: "9" }), { ip: ip() }, new Date(), fake.client(), 250)).rejects.toMatchObject({ code: "BAD_REQUEST", field: "size" });
    await expect(reserve(app, input(c, { quantity: 10 }), { ip: ip() }, new Date(), fake.client(), 250)).rejects.toMatchObject({ message: "Only 9 left." });
    await expect(reserve(app, input(c), { ip: ip() }, new Date(Date.now() + 30 * 86_400_000), fake.client(), 250)).rejects.toMatchObject({ message: "This preorder has closed." });
    await expect(reserve(app, input(c), { ip: ip() }, new Date(), null, 250)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("not open for payment") });
    const g = await createFixture(db);
    const unpaid = await campaignFor(db, g);
    await expect(reserve(app, input(unpaid), { ip: ip() }, new Date(), fake.client(), 250)).rejects.toMatchObject({ message: `${g.brand.org.name} cannot take card payments yet, so reservations are not open for payment. Nothing was reserved.` });
    await expect(reserve(app, input(c, { website: "http://spam.example" }), { ip: ip() }, new Date(), fake.client(), 250)).rejects.toMatchObject({ code: "BAD_REQUEST", message: GENERIC_REFUSAL });
    expect((await counters(c.id)).campaign).toEqual({ held: 1, paid: 0 });
    expect((await counters(unpaid.id)).rows).toEqual({ held: 0, paid: 0 });
  });

  it("one network gets 30 reservations an hour", async () => {
    const c = await campaignFor(db, f, { totalCap: 100 });
    const same = ip();
    for (let i = 0; i < 30; i++) await reserve(app, input(c), { ip: same }, new Date(), fake.client(), 250);
    await expect(reserve(app, input(c), { ip: same }, new Date(), fake.client(), 250)).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    expect((await counters(c.id)).campaign.held).toBe(30);
  });

  it("holds that ran out are freed: by the job, and by the next reservation of the campaign", async () => {
    const c = await campaignFor(db, f, { totalCap: 4 });
    const past = new Date(Date.now() - 60_000);
    await reserveAs(db, c.id, { size: "5", quantity: 2, holdExpiresAt: past });
    await reserveAs(db, c.id, { size: "6", quantity: 1, holdExpiresAt: past });
    const kept = await reserveAs(db, c.id, { size: "7", quantity: 1 });
    expect((await counters(c.id)).campaign).toEqual({ held: 4, paid: 0 });
    // Full, until the next reservation expires the stale holds first.
    const out = await reserve(app, input(c, { size: "5", quantity: 3 }), { ip: ip() }, new Date(), fake.client(), 250);
    expect(out.reference).toMatch(/^R-[2-9A-Z]{6}$/);
    expect(await counters(c.id)).toMatchObject({ campaign: { held: 4, paid: 0 }, rows: { held: 4, paid: 0 } });

    const d = await campaignFor(db, f, { totalCap: 4 });
    await reserveAs(db, d.id, { size: "5", quantity: 3, holdExpiresAt: past });
    const result = await expireHolds(db, new Date(), fake.client());
    expect(result.units).toBeGreaterThanOrEqual(3);
    expect(await counters(d.id)).toMatchObject({ campaign: { held: 0, paid: 0 }, rows: { held: 0, paid: 0 } });
    expect((await db.select({ s: preorderReservations.status }).from(preorderReservations).where(eq(preorderReservations.id, kept.id)))[0]!.s).toBe("held");
  });

  it("pay again while held: a new session with the next attempt's key, the old one closed", async () => {
    const c = await campaignFor(db, f);
    const out = await reserve(app, input(c), { ip: ip() }, new Date(), fake.client(), 250);
    const [before] = await db.select().from(preorderReservations).where(eq(preorderReservations.reference, out.reference));
    fake.seen.length = 0;
    const again = await payAgain(app, out.token, new Date(), fake.client(), 250);
    expect(again.checkoutUrl).toMatch(/^https:\/\/checkout\.stripe\.test\/pay\//);
    expect(fake.seen.map((s) => [s.path, s.idempotencyKey])).toEqual([
      ["/v1/checkout/sessions", `preorder-${before!.id}-2`],
      [`/v1/checkout/sessions/${before!.stripeCheckoutSessionId}/expire`, `expire-${before!.stripeCheckoutSessionId}`],
    ]);
    await expect(payAgain(app, "A".repeat(43), new Date(), fake.client(), 250)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("cancelling and refunding", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(db);
    await readyBrandPayout(db, f.brand);
  });

  it("a held reservation is cancelled by its customer: units freed, its Checkout closed, the customer emailed", async () => {
    const c = await campaignFor(db, f);
    const r = await reserveAs(db, c.id, { size: "7", quantity: 2 });
    await db.update(preorderReservations).set({ stripeCheckoutSessionId: `cs_cancel_${r.id.slice(0, 8)}` }).where(eq(preorderReservations.id, r.id));
    fake.seen.length = 0;
    expect(await cancelByCustomer(app, r.token, new Date(), fake.client())).toEqual({ status: "cancelled" });
    expect(await counters(c.id)).toMatchObject({ campaign: { held: 0, paid: 0 }, rows: { held: 0, paid: 0 } });
    expect(fake.seen.map((s) => s.path)).toEqual([`/v1/checkout/sessions/cs_cancel_${r.id.slice(0, 8)}/expire`]);
    const mails = await db.select().from(emails).where(eq(emails.to, r.customerEmail));
    expect(mails.map((m) => m.subject)).toEqual([`Reservation cancelled: ${c.title} (${r.reference})`]);
    await expect(cancelByCustomer(app, r.token, new Date(), fake.client())).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("a paid reservation is refunded in full inside the policy's days, refused after them and once the campaign is linked to an order", async () => {
    const c = await campaignFor(db, f, { cancelWithinDays: 14 });
    const inside = await reserveAs(db, c.id, { size: "7", quantity: 1, status: "paid", paidAt: new Date(Date.now() - 13 * 86_400_000) });
    const outside = await reserveAs(db, c.id, { size: "7", quantity: 1, status: "paid", paidAt: new Date(Date.now() - 15 * 86_400_000) });
    fake.seen.length = 0;
    expect(await cancelByCustomer(app, inside.token, new Date(), fake.client())).toEqual({ status: "refunded" });
    expect(fake.seen.map((s) => [s.path, s.idempotencyKey, s.body.get("amount"), s.body.get("payment_intent")])).toEqual([["/v1/refunds", `preorder-refund-${inside.id}-1`, "3600", inside.stripePaymentIntentId]]);
    const [after] = await db.select().from(preorderReservations).where(eq(preorderReservations.id, inside.id));
    expect(after).toMatchObject({ status: "refunded", paidMinor: 3600, refundedMinor: 3600, refundPendingMinor: 0, cancelReason: "Cancelled by the customer" });
    await expect(cancelByCustomer(app, outside.token, new Date(), fake.client())).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("for 14 days after payment") });
    expect(await counters(c.id)).toMatchObject({ campaign: { held: 0, paid: 1 }, rows: { held: 0, paid: 1 } });

    const d = await campaignFor(db, f, { cancelWithinDays: 14, status: "completed" });
    const linked = await reserveAs(db, d.id, { size: "7", quantity: 1, status: "paid" });
    await expect(cancelByCustomer(app, linked.token, new Date(), fake.client())).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("in production") });
    const never = await campaignFor(db, f, { cancelWithinDays: 0 });
    const paid = await reserveAs(db, never.id, { size: "7", quantity: 1, status: "paid" });
    await expect(cancelByCustomer(app, paid.token, new Date(), fake.client())).rejects.toMatchObject({ message: expect.stringContaining("does not allow cancelling") });
  });

  it("the brand refunds any of its reservations (pending at Stripe until charge.refunded); another brand's id is not found", async () => {
    const c = await campaignFor(db, f);
    const r = await reserveAs(db, c.id, { size: "8", quantity: 2, status: "paid", paidAt: new Date(Date.now() - 60 * 86_400_000) });
    fake.refundStatus.value = "pending";
    try {
      const out = await refundReservation(app, { brandOrgId: f.brand.org.id, userId: f.brand.owner.id, reservationId: r.id, reason: "Out of stones" }, new Date(), fake.client());
      expect(out).toEqual({ status: "refund_pending" });
    } finally {
      fake.refundStatus.value = "succeeded";
    }
    const [after] = await db.select().from(preorderReservations).where(eq(preorderReservations.id, r.id));
    expect(after).toMatchObject({ status: "refunded", refundedMinor: 0, refundPendingMinor: 7200, cancelReason: "Out of stones" });
    expect(await counters(c.id)).toMatchObject({ campaign: { held: 0, paid: 0 }, rows: { held: 0, paid: 0 } });
    const held = await reserveAs(db, c.id, { size: "8", quantity: 1 });
    await expect(refundReservation(app, { brandOrgId: f.outsider.brand.org.id, userId: f.outsider.brand.owner.id, reservationId: held.id, reason: "" }, new Date(), fake.client())).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await refundReservation(app, { brandOrgId: f.brand.org.id, userId: null, reservationId: held.id, reason: "" }, new Date(), fake.client())).toEqual({ status: "cancelled" });
  });

  it("emails all customers of a campaign: the paid ones by default, one each", async () => {
    const c = await campaignFor(db, f);
    await reserveAs(db, c.id, { size: "5", quantity: 1, status: "paid", email: "one@example.test" });
    await reserveAs(db, c.id, { size: "6", quantity: 1, status: "paid", email: "two@example.test" });
    await reserveAs(db, c.id, { size: "6", quantity: 1, status: "held", email: "three@example.test" });
    const n = await withOrg(app, f.brand.org.id, (tx) => emailReservationCustomers(tx, { campaignId: c.id, subject: "Casting started", body: "Your rings are in the wax." }));
    expect(n).toBe(2);
    const sent = await db.select().from(emails).where(eq(emails.subject, "Casting started"));
    expect(sent.map((m) => m.to).sort()).toEqual(["one@example.test", "two@example.test"]);
    expect(await withOrg(app, f.outsider.brand.org.id, (tx) => emailReservationCustomers(tx, { campaignId: c.id, subject: "x", body: "y" })).catch((e: Error) => e.message)).toBe("That preorder was not found.");
  });
});
