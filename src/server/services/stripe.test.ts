import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { createFixture, type Fixture } from "~/test/fixtures";
import { rfqBetween } from "~/test/rfqs";
import { actorOf } from "~/test/vetting";
import { payments, payoutAccounts } from "../db/schema";
import { startCardPayment } from "./payments";
import { startOnboarding } from "./payouts";

/**
 * Stripe calls against a local HTTP server standing in for api.stripe.com: what each request carries, how
 * Stripe's errors come back, and that a retried request reuses its idempotency key.
 */
const db = await testDb();

type Seen = { method: string; path: string; idempotencyKey: string | undefined; body: URLSearchParams };
const seen: Seen[] = [];
/** What the server answers next, per path: status and body, taken in order; otherwise a default. */
const queued = new Map<string, { status: number; body: unknown; headers?: Record<string, string> }[]>();

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let data = "";
    req.on("data", (c: Buffer) => (data += c.toString()));
    req.on("end", () => resolve(data));
  });

let sessions = 0;
function defaultAnswer(path: string, body: URLSearchParams): unknown {
  if (path === "/v1/checkout/sessions") {
    sessions += 1;
    return { id: `cs_test_${sessions}`, object: "checkout.session", url: `https://checkout.stripe.test/pay/cs_test_${sessions}` };
  }
  if (path === "/v1/accounts") return { id: "acct_test_workshop", object: "account", details_submitted: false };
  if (path === "/v1/account_links") return { object: "account_link", url: `https://connect.stripe.test/setup/${body.get("account")}`, expires_at: 0 };
  return { error: { type: "invalid_request_error", message: `No such path ${path}` } };
}

let server: Server;
let stripe: Stripe;

beforeAll(async () => {
  server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      const path = (req.url ?? "").split("?")[0]!;
      const body = new URLSearchParams(raw);
      seen.push({ method: req.method ?? "", path, idempotencyKey: req.headers["idempotency-key"] as string | undefined, body });
      const next = queued.get(path)?.shift();
      res.writeHead(next?.status ?? 200, { "content-type": "application/json", "request-id": `req_${seen.length}`, ...(next?.headers ?? {}) });
      res.end(JSON.stringify(next?.body ?? defaultAnswer(path, body)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  stripe = new Stripe("sk_test_local", { host: "127.0.0.1", port, protocol: "http", maxNetworkRetries: 2 });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function readyWorkshop(f: Fixture) {
  await db.insert(payoutAccounts).values({ orgId: f.workshop.org.id, stripeAccountId: `acct_${f.workshop.org.id.slice(0, 8)}`, onboardingStatus: "ready" }).onConflictDoNothing();
}

describe("a card payment's Checkout Session", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(db);
    await readyWorkshop(f);
  });

  it("is a destination charge of the deposit with the platform fee and an idempotency key of the payment's attempt", async () => {
    const { order } = await rfqBetween(db, f);
    const [deposit] = await db.select().from(payments).where(eq(payments.orderId, order.id)).orderBy(payments.kind);
    seen.length = 0;
    const { url } = await startCardPayment(db, actorOf(f.brand), { paymentId: deposit!.id }, stripe, 250);
    expect(url).toBe("https://checkout.stripe.test/pay/cs_test_1");
    expect(seen).toHaveLength(1);
    const req = seen[0]!;
    expect(req).toMatchObject({ method: "POST", path: "/v1/checkout/sessions", idempotencyKey: `checkout-${deposit!.id}-1` });
    expect(Object.fromEntries(req.body)).toMatchObject({
      mode: "payment",
      "line_items[0][price_data][unit_amount]": "26340",
      "line_items[0][price_data][currency]": "eur",
      "line_items[0][quantity]": "1",
      // 263.40 × 2.5 % = 6.585 → 6.58 (half-even).
      "payment_intent_data[application_fee_amount]": "658",
      "payment_intent_data[transfer_data][destination]": `acct_${f.workshop.org.id.slice(0, 8)}`,
      "payment_intent_data[metadata][payment_id]": deposit!.id,
      "metadata[payment_id]": deposit!.id,
      client_reference_id: deposit!.id,
    });
    expect(req.body.has("payment_method_types[0]")).toBe(false);
    // Still due: only the webhook marks it paid.
    const [after] = await db.select().from(payments).where(eq(payments.id, deposit!.id));
    expect(after).toMatchObject({ status: "due", method: "card", stripeCheckoutSessionId: "cs_test_1", platformFeeMinor: 658, checkoutAttempt: 1 });
  });

  it("an error from Stripe is a clear message and nothing is written; trying again reuses the same key", async () => {
    const g = await createFixture(db);
    await readyWorkshop(g);
    const { order } = await rfqBetween(db, g);
    const [deposit] = await db.select().from(payments).where(eq(payments.orderId, order.id)).orderBy(payments.kind);
    seen.length = 0;
    queued.set("/v1/checkout/sessions", [{ status: 400, body: { error: { type: "invalid_request_error", message: "The destination account cannot receive transfers." } } }]);
    await expect(startCardPayment(db, actorOf(g.brand), { paymentId: deposit!.id }, stripe, 250)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Stripe refused the request: The destination account cannot receive transfers.",
    });
    const [unchanged] = await db.select().from(payments).where(eq(payments.id, deposit!.id));
    expect(unchanged).toEqual(deposit);
    await startCardPayment(db, actorOf(g.brand), { paymentId: deposit!.id }, stripe, 250);
    expect(seen.map((s) => s.idempotencyKey)).toEqual([`checkout-${deposit!.id}-1`, `checkout-${deposit!.id}-1`]);
  });

  it("the SDK's own retry after a 500 carries the same idempotency key", async () => {
    const g = await createFixture(db);
    await readyWorkshop(g);
    const { order } = await rfqBetween(db, g);
    const [, balance] = await db.select().from(payments).where(eq(payments.orderId, order.id)).orderBy(payments.kind);
    seen.length = 0;
    queued.set("/v1/checkout/sessions", [{ status: 500, body: { error: { type: "api_error", message: "Something went wrong." } }, headers: { "stripe-should-retry": "true" } }]);
    await startCardPayment(db, actorOf(g.brand), { paymentId: balance!.id }, stripe, 250);
    expect(seen).toHaveLength(2);
    expect(new Set(seen.map((s) => s.idempotencyKey))).toEqual(new Set([`checkout-${balance!.id}-1`]));
    // 614.60 × 2.5 % = 15.365 → 15.36 (half-even).
    expect(seen[1]!.body.get("payment_intent_data[application_fee_amount]")).toBe("1536");
  });

  it("refuses a workshop that has not finished onboarding, without calling Stripe", async () => {
    const g = await createFixture(db);
    const { order } = await rfqBetween(db, g);
    const [deposit] = await db.select().from(payments).where(eq(payments.orderId, order.id)).orderBy(payments.kind);
    seen.length = 0;
    await expect(startCardPayment(db, actorOf(g.brand), { paymentId: deposit!.id }, stripe, 250)).rejects.toMatchObject({ message: "This workshop cannot take card payments yet. Pay by bank transfer." });
    expect(seen).toHaveLength(0);
  });
});

describe("connecting a workshop's Stripe account", () => {
  it("creates a controller-properties account once (keyed by the organization) and an onboarding link back to the payout settings", async () => {
    const f = await createFixture(db);
    seen.length = 0;
    const { url } = await startOnboarding(db, actorOf(f.workshop), stripe);
    expect(url).toBe("https://connect.stripe.test/setup/acct_test_workshop");
    expect(seen.map((s) => [s.path, s.idempotencyKey?.startsWith(s.path === "/v1/accounts" ? `payout-account-${f.workshop.org.id}` : "account-link-acct_test_workshop-")])).toEqual([
      ["/v1/accounts", true],
      ["/v1/account_links", true],
    ]);
    expect(Object.fromEntries(seen[0]!.body)).toMatchObject({
      "controller[fees][payer]": "application",
      "controller[losses][payments]": "application",
      "controller[stripe_dashboard][type]": "express",
      "capabilities[transfers][requested]": "true",
    });
    expect(seen[0]!.body.has("type")).toBe(false);
    expect(seen[1]!.body.get("type")).toBe("account_onboarding");
    expect(seen[1]!.body.get("return_url")).toMatch(new RegExp(`/workshop/${f.workshop.org.slug}/settings/payouts\\?onboarding=returned$`));
    const [row] = await db.select().from(payoutAccounts).where(eq(payoutAccounts.orgId, f.workshop.org.id));
    expect(row).toMatchObject({ stripeAccountId: "acct_test_workshop", onboardingStatus: "pending" });

    // A second visit makes a new link for the same account, no second account.
    seen.length = 0;
    await startOnboarding(db, actorOf(f.workshop), stripe);
    expect(seen.map((s) => s.path)).toEqual(["/v1/account_links"]);
  });

  it("a Stripe error while creating the account writes nothing", async () => {
    const f = await createFixture(db);
    queued.set("/v1/accounts", [{ status: 400, body: { error: { type: "invalid_request_error", message: "Country XX is not supported." } } }]);
    await expect(startOnboarding(db, actorOf(f.workshop), stripe)).rejects.toMatchObject({ message: "Stripe refused the request: Country XX is not supported." });
    expect(await db.select().from(payoutAccounts).where(eq(payoutAccounts.orgId, f.workshop.org.id))).toEqual([]);
  });
});
