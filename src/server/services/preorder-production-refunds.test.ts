import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq, inArray } from "drizzle-orm";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { createFixture, type Fixture } from "~/test/fixtures";
import { campaignRow, publishedCampaign, reservationOf } from "~/test/preorder-production";
import { approvedDesign } from "~/test/rfqs";
import { actorOf } from "~/test/vetting";
import { emails, preorderCampaignSizes, preorderReservations } from "../db/schema";
import { cancelCampaign, getCampaignProduction, retryRefunds } from "./preorder-production";

/**
 * Cancelling a campaign whose minimum was not reached, against a local HTTP server standing in for
 * api.stripe.com: every paid reservation refunded, every held one cancelled, and a refund Stripe refuses
 * midway leaves that one paid for "Retry refunds" while the campaign stays cancelled.
 */
const db = await testDb();

type Seen = { path: string; idempotencyKey: string | undefined; body: URLSearchParams };
const seen: Seen[] = [];
/** Refunds of these reservations are refused (as Stripe refuses one whose charge is disputed). */
const refusing = new Set<string>();
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
      const reservation = body.get("metadata[preorder_reservation_id]") ?? "";
      if (path === "/v1/refunds" && refusing.has(reservation)) {
        res.writeHead(400, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { type: "invalid_request_error", code: "charge_disputed", message: "Charge has been disputed." } }));
        return;
      }
      res.writeHead(200, { "content-type": "application/json" });
      if (path === "/v1/refunds") {
        refunds += 1;
        res.end(JSON.stringify({ id: `re_test_${refunds}`, object: "refund", status: "succeeded", amount: Number(body.get("amount")), payment_intent: body.get("payment_intent") }));
        return;
      }
      res.end(JSON.stringify({ error: { type: "invalid_request_error", message: `No such path ${path}` } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  stripe = new Stripe("sk_test_local", { host: "127.0.0.1", port, protocol: "http", maxNetworkRetries: 0 });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("cancelling a campaign", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(db);
  });

  it("refunds every paid reservation through Stripe (its own idempotency key), cancels the held one, and tells every customer why", async () => {
    const { revision } = await approvedDesign(db, f.brand);
    const c = await publishedCampaign(db, f, revision);
    const paid = [await reservationOf(db, c, { size: "5", quantity: 1 }), await reservationOf(db, c, { size: "6", quantity: 2 }), await reservationOf(db, c, { size: "7", quantity: 1 })];
    const held = await reservationOf(db, c, { size: "8", quantity: 1, status: "held" });
    seen.length = 0;
    const tally = await cancelCampaign(db, actorOf(f.brand, "admin"), { campaignId: c.id, reason: "The workshop's minimum of 20 was not reached." }, new Date(), stripe);
    expect(tally).toEqual({ campaignId: c.id, refunded: 3, pending: 0, cancelled: 1, failed: 0, left: 0 });

    expect(seen.map((s) => [s.path, s.idempotencyKey, s.body.get("payment_intent"), s.body.get("amount")])).toEqual(
      paid.map((r) => ["/v1/refunds", `preorder-refund-${r.id}-1`, r.stripePaymentIntentId, String(r.paidMinor)]),
    );
    const rows = await db.select().from(preorderReservations).where(eq(preorderReservations.campaignId, c.id));
    expect(rows.map((r) => [r.id, r.status, r.refundedMinor]).sort()).toEqual(
      [...paid.map((r) => [r.id, "refunded", r.paidMinor]), [held.id, "cancelled", 0]].sort(),
    );
    const row = await campaignRow(db, c.id);
    expect([row.status, row.cancelReason, row.paidUnits, row.heldUnits]).toEqual(["cancelled", "The workshop's minimum of 20 was not reached.", 0, 0]);
    const sizes = await db.select().from(preorderCampaignSizes).where(eq(preorderCampaignSizes.campaignId, c.id));
    expect(sizes.every((s) => s.paidUnits === 0 && s.heldUnits === 0)).toBe(true);

    // Every customer is told the campaign is cancelled, with the reason.
    const told = await db.select().from(emails).where(inArray(emails.to, [...paid, held].map((r) => r.customerEmail)));
    const notices = told.filter((e) => e.subject === "The Signet, made in Florence is cancelled");
    expect(notices.map((e) => e.to).sort()).toEqual([...paid, held].map((r) => r.customerEmail).sort());
    expect(notices[0]!.text).toContain("The workshop's minimum of 20 was not reached.");

    await expect(cancelCampaign(db, actorOf(f.brand), { campaignId: c.id, reason: "Again" }, new Date(), stripe)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("a refund Stripe refuses midway: the campaign stays cancelled, that reservation stays paid, and Retry refunds takes exactly it", async () => {
    const { revision } = await approvedDesign(db, f.brand);
    const c = await publishedCampaign(db, f, revision);
    const first = await reservationOf(db, c, { size: "5", quantity: 1 });
    const disputed = await reservationOf(db, c, { size: "6", quantity: 2 });
    const last = await reservationOf(db, c, { size: "7", quantity: 1 });
    refusing.add(disputed.id);
    const tally = await cancelCampaign(db, actorOf(f.brand), { campaignId: c.id, reason: "Casting failed twice." }, new Date(), stripe);
    expect(tally).toEqual({ campaignId: c.id, refunded: 2, pending: 0, cancelled: 0, failed: 1, left: 1 });
    const status = async () => Object.fromEntries((await db.select().from(preorderReservations).where(eq(preorderReservations.campaignId, c.id))).map((r) => [r.id, r.status]));
    expect(await status()).toEqual({ [first.id]: "refunded", [disputed.id]: "paid", [last.id]: "refunded" });
    let row = await campaignRow(db, c.id);
    expect([row.status, row.paidUnits]).toEqual(["cancelled", 2]);

    const view = await getCampaignProduction(db, f.brand.org.id, c.id);
    expect([view.refundsLeft, view.actions.retryRefunds, view.actions.cancel, view.actions.createRfq]).toEqual([1, true, false, false]);

    // Still refused: nothing changes, and it is still left.
    expect(await retryRefunds(db, actorOf(f.brand), { campaignId: c.id }, new Date(), stripe)).toEqual({ campaignId: c.id, refunded: 0, pending: 0, cancelled: 0, failed: 1, left: 1 });
    refusing.delete(disputed.id);
    seen.length = 0;
    expect(await retryRefunds(db, actorOf(f.brand), { campaignId: c.id }, new Date(), stripe)).toEqual({ campaignId: c.id, refunded: 1, pending: 0, cancelled: 0, failed: 0, left: 0 });
    // Only the one left is asked for again; the refunded ones are never refunded twice.
    expect(seen.map((s) => s.body.get("metadata[preorder_reservation_id]"))).toEqual([disputed.id]);
    expect(await status()).toEqual({ [first.id]: "refunded", [disputed.id]: "refunded", [last.id]: "refunded" });
    row = await campaignRow(db, c.id);
    expect([row.status, row.paidUnits]).toEqual(["cancelled", 0]);
    expect((await getCampaignProduction(db, f.brand.org.id, c.id)).actions.retryRefunds).toBe(false);
  });

  it("a campaign still open cannot be retried, and another brand's campaign is not found", async () => {
    const { revision } = await approvedDesign(db, f.brand);
    const c = await publishedCampaign(db, f, revision);
    await expect(retryRefunds(db, actorOf(f.brand), { campaignId: c.id }, new Date(), stripe)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(cancelCampaign(db, actorOf(f.outsider.brand), { campaignId: c.id, reason: "Mine now" }, new Date(), stripe)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await campaignRow(db, c.id)).status).toBe("published");
    const held = await db.select().from(preorderReservations).where(and(eq(preorderReservations.campaignId, c.id)));
    expect(held).toEqual([]);
  });
});
