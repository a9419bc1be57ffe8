import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { callerFor, createFixture, createUser } from "~/test/fixtures";
import { users, workshopArtisans } from "../db/schema";
import { handleTrpcRequest } from "./http-handler";

const db = await testDb();
const f = await createFixture(db);

const SAME_ORIGIN = { "content-type": "application/json", origin: "http://test" };

type ErrorJson = { message: string; data: { code: string; fieldErrors: Record<string, string[]> | null; stack?: string } };

/** A request to /api/trpc as the browser sends it, through the same handler as the app's route. */
function send(path: string, init: RequestInit, userId: string | null = null) {
  return handleTrpcRequest(new Request(`http://test/api/trpc/${path}`, init), async () => ({ db, userId, ip: "203.0.113.1" }));
}

async function post(path: string, input: unknown, userId: string | null = null) {
  const res = await send(path, { method: "POST", headers: SAME_ORIGIN, body: JSON.stringify({ json: input }) }, userId);
  const body = (await res.json()) as { error?: { json: ErrorJson } };
  return { status: res.status, error: body.error?.json, headers: res.headers };
}

describe("health", () => {
  it("health.ping answers without a session or the database", async () => {
    const res = await handleTrpcRequest(new Request("http://test/api/trpc/health.ping"), async () => ({ db: undefined as never, userId: null, ip: "203.0.113.1" }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ result: { data: { json: { ok: true } } } });
  });
});

describe("errors over HTTP", () => {
  it("invalid input: 400 with a readable message and the field it belongs to", async () => {
    const { status, error } = await post("auth.signUp", { name: "", email: "not-an-email", password: "short" });
    expect(status).toBe(400);
    expect(error?.data.code).toBe("BAD_REQUEST");
    expect(error?.message).not.toMatch(/^\[/);
    expect(error?.data.fieldErrors).toMatchObject({
      name: ["Enter your name."],
      email: ["Enter a valid email address."],
      password: ["Use at least 10 characters."],
    });
    expect(error?.data.stack).toBeUndefined();
  });

  it("a service's AppError keeps its code, message and field", async () => {
    const user = await createUser(db, "Changer");
    const { status, error } = await post("auth.changePassword", { currentPassword: "not my password", newPassword: "long-enough-password" }, user.id);
    expect(status).toBe(400);
    expect(error?.message).toBe("This is not your current password.");
    expect(error?.data.fieldErrors).toEqual({ currentPassword: ["This is not your current password."] });
  });

  it("signed out on a protected procedure: 401", async () => {
    const { status, error } = await post("organization.create", { kind: "brand", name: "X brand", country: "FR", timeZone: "Europe/Paris", currency: "EUR" });
    expect(status).toBe(401);
    expect(error?.message).toBe("Sign in to continue.");
  });

  it("malformed requests answer one fixed, readable message, never the parser's own words", async () => {
    let deep = "null";
    for (let i = 0; i < 20_000; i++) deep = `{"a":${deep}}`;
    const bodies = [
      "null", // Cannot destructure property 'json' of … as it is null
      '{"0":{"json":1}}',
      "{not json",
      `{"json":${deep}}`,
      JSON.stringify({ json: { name: "A", email: "a@example.test", password: "long-enough-password" }, meta: { values: "x" } }), // Maximum call stack size exceeded
      JSON.stringify({ json: { name: "A", email: "a@example.test", password: "long-enough-password" }, meta: { values: ["map"] } }), // object is not iterable
    ];
    for (const body of bodies) {
      const res = await send("auth.signUp", { method: "POST", headers: SAME_ORIGIN, body });
      expect([body.slice(0, 20), res.status]).toEqual([body.slice(0, 20), 400]);
      const json = (await res.json()) as { error: { json: ErrorJson } };
      expect(json.error.json.message).toBe("This request could not be read. Reload the page and try again.");
    }
  });
});

describe("unstorable text", () => {
  it("a lone surrogate is refused like NUL, naming the field, and nothing is stored", async () => {
    const before = await db.select().from(users);
    const { status, error } = await post("auth.signUp", { name: "ab\ud800cd", email: "surrogate@example.test", password: "long-enough-password" });
    expect(status).toBe(400);
    expect(error?.message).toBe("This text contains an invisible control character that cannot be saved. Retype it and try again.");
    expect(error?.data.fieldErrors).toEqual({ name: [error!.message] });
    expect(await db.select().from(users)).toEqual(before);
    // The low half alone too, in a nested field; a whole pair (an emoji) is fine.
    const c = callerFor(db, f.workshop.owner);
    await expect(c.workshopProfile.artisans.create({ orgId: f.workshop.org.id, name: "Lia \udc00", role: "Setter", bio: "", photoFileId: null })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(c.workshopProfile.artisans.create({ orgId: f.workshop.org.id, name: "Lia 💎", role: "Setter", bio: "", photoFileId: null })).resolves.toMatchObject({ name: "Lia 💎" });
    expect(await db.select({ name: workshopArtisans.name }).from(workshopArtisans).where(eq(workshopArtisans.orgId, f.workshop.org.id))).toEqual([{ name: "Lia 💎" }]);
  });
});

describe("limits on /api/trpc", () => {
  it("a batch of more than 20 calls is refused whole; 20 run", async () => {
    const batch = (n: number) => {
      const paths = Array.from({ length: n }, () => "auth.requestPasswordReset").join(",");
      const input = Object.fromEntries(Array.from({ length: n }, (_, i) => [i, { json: { email: `batch${n}.${i}@example.test` } }]));
      return send(`${paths}?batch=1`, { method: "POST", headers: SAME_ORIGIN, body: JSON.stringify(input) });
    };
    const refused = await batch(21);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { json: ErrorJson } }).error.json.message).toBe("This request could not be read. Reload the page and try again.");
    // Twenty run, each on its own (past the first ten, the per-IP reset limit answers).
    const accepted = await batch(20);
    expect(accepted.status).toBe(207);
    expect((await accepted.json()) as unknown[]).toHaveLength(20);
  });

  it("a body over 1 MB answers 413 before anything runs", async () => {
    const big = JSON.stringify({ json: { email: `${"a".repeat(1024 * 1024)}@example.test` } });
    const res = await send("auth.requestPasswordReset", { method: "POST", headers: SAME_ORIGIN, body: big });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: { message: "This request is too large.", code: "PAYLOAD_TOO_LARGE" } });
    // Declared too large: refused on the header alone.
    const declared = await send("auth.requestPasswordReset", { method: "POST", headers: { ...SAME_ORIGIN, "content-length": String(2 * 1024 * 1024) }, body: "{}" });
    expect(declared.status).toBe(413);
  });
});

describe("cross-site requests", () => {
  const input = JSON.stringify({ json: { kind: "brand", name: "Forged Brand", country: "FR", timeZone: "Europe/Paris", currency: "EUR" } });

  it("a mutation from another origin, or with no origin at all, answers 403 and changes nothing", async () => {
    const user = await createUser(db, "Victim");
    for (const headers of <Record<string, string>[]>[
      { "content-type": "application/json", origin: "http://evil.example" },
      { "content-type": "application/json", "sec-fetch-site": "cross-site" },
      { "content-type": "application/json", origin: "http://test", "sec-fetch-site": "same-site" },
      { "content-type": "application/json" },
    ]) {
      const res = await send("organization.create", { method: "POST", headers, body: input }, user.id);
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ error: "This request came from another site and was refused." });
    }
    expect(await callerFor(db, user).organization.mine()).toEqual([]);
  });

  it("the app's own pages pass: same Origin, or Sec-Fetch-Site same-origin", async () => {
    const user = await createUser(db, "Own Page");
    const ok1 = await send("organization.create", { method: "POST", headers: SAME_ORIGIN, body: input }, user.id);
    const ok2 = await send("organization.create", { method: "POST", headers: { "content-type": "application/json", "sec-fetch-site": "same-origin" }, body: input }, user.id);
    expect([ok1.status, ok2.status]).toEqual([200, 200]);
  });
});

describe("caching", () => {
  it("answers to a signed-in caller are private, no-store; public ones are not marked", async () => {
    const signedIn = await send(`member.list?input=${encodeURIComponent(JSON.stringify({ json: { orgId: f.brand.org.id } }))}`, { method: "GET" }, f.brand.owner.id);
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get("cache-control")).toBe("private, no-store");
    const signedOut = await send("health.ping", { method: "GET" });
    expect(signedOut.headers.get("cache-control")).toBeNull();
  });
});
