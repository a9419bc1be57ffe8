import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

/**
 * A local HTTP server standing in for api.stripe.com, for tests, e2e and the preorder bench: Checkout
 * Sessions (create, expire), refunds and connected accounts, answered like Stripe's v1 API. It records
 * every request (path, idempotency key, form body) and answers what is queued for a path first. The same
 * idempotency key gets the same answer, as Stripe does, a refusal (4xx) included.
 */

export type SeenRequest = { method: string; path: string; idempotencyKey: string | undefined; body: URLSearchParams };
export type QueuedAnswer = { status: number; body: unknown };

export type FakeStripe = {
  url: string;
  port: number;
  seen: SeenRequest[];
  /** Answers for the next requests to a path, in order. */
  queue: (path: string, ...answers: QueuedAnswer[]) => void;
  /** How refunds end: "succeeded" (default) or "pending". */
  refundStatus: { value: "succeeded" | "pending" };
  /** A client of the SDK pointed at this server. */
  client: () => Stripe;
  close: () => Promise<void>;
};

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let data = "";
    req.on("data", (c: Buffer) => (data += c.toString()));
    req.on("end", () => resolve(data));
  });

export async function startFakeStripe(opts: { port?: number; host?: string } = {}): Promise<FakeStripe> {
  const seen: SeenRequest[] = [];
  const queued = new Map<string, QueuedAnswer[]>();
  const byKey = new Map<string, QueuedAnswer>();
  const refundStatus = { value: "succeeded" as "succeeded" | "pending" };
  let n = 0;

  function answer(method: string, path: string, body: URLSearchParams): { status: number; body: unknown } {
    n += 1;
    if (method === "POST" && path === "/v1/checkout/sessions") {
      const id = `cs_test_${n}_${Math.random().toString(36).slice(2, 10)}`;
      return {
        status: 200,
        body: {
          id,
          object: "checkout.session",
          url: `https://checkout.stripe.test/pay/${id}`,
          status: "open",
          payment_status: "unpaid",
          expires_at: Number(body.get("expires_at") ?? 0),
          metadata: Object.fromEntries([...body].filter(([k]) => k.startsWith("metadata[")).map(([k, v]) => [k.slice(9, -1), v])),
        },
      };
    }
    const expire = /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/.exec(path);
    if (method === "POST" && expire) return { status: 200, body: { id: expire[1], object: "checkout.session", status: "expired" } };
    if (method === "POST" && path === "/v1/refunds") {
      return { status: 200, body: { id: `re_test_${n}`, object: "refund", amount: Number(body.get("amount") ?? 0), status: refundStatus.value, payment_intent: body.get("payment_intent") } };
    }
    if (method === "POST" && path === "/v1/accounts") return { status: 200, body: { id: `acct_test_${n}`, object: "account", details_submitted: false } };
    if (method === "POST" && path === "/v1/account_links") return { status: 200, body: { object: "account_link", url: `https://connect.stripe.test/setup/${body.get("account")}`, expires_at: 0 } };
    return { status: 404, body: { error: { type: "invalid_request_error", message: `No such path ${path}` } } };
  }

  const server: Server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      const path = (req.url ?? "").split("?")[0]!;
      const method = req.method ?? "";
      const body = new URLSearchParams(raw);
      const idempotencyKey = req.headers["idempotency-key"] as string | undefined;
      seen.push({ method, path, idempotencyKey, body });
      const key = idempotencyKey ? `${path} ${idempotencyKey}` : null;
      let out: QueuedAnswer;
      const known = key ? byKey.get(key) : undefined;
      if (known) out = known;
      else {
        out = queued.get(path)?.shift() ?? answer(method, path, body);
        // Stripe keeps the answer to a key, a refusal (4xx) included; only a server error (5xx) may be retried.
        if (key && out.status < 500) byKey.set(key, out);
      }
      res.writeHead(out.status, { "content-type": "application/json", "request-id": `req_${seen.length}` });
      res.end(JSON.stringify(out.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    seen,
    refundStatus,
    queue: (path, ...answers) => queued.set(path, [...(queued.get(path) ?? []), ...answers]),
    client: () => new Stripe("sk_test_local", { host: "127.0.0.1", port, protocol: "http", maxNetworkRetries: 0 }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
