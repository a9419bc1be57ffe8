import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { createUser } from "~/test/fixtures";
import { appRouter } from "./root";

const db = await testDb();

/** Calls a mutation over HTTP, as the browser does, so the error formatter is part of what is tested. */
async function post(path: string, input: unknown) {
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(`http://test/api/trpc/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ json: input }) }),
    router: appRouter,
    createContext: async () => ({ db, userId: null, ip: "203.0.113.1" }),
  });
  const body = (await res.json()) as { error?: { json: { message: string; data: { code: string; fieldErrors: Record<string, string[]> | null; stack?: string } } } };
  return { status: res.status, error: body.error?.json };
}

describe("health", () => {
  it("health.ping answers without a session or the database", async () => {
    const res = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: new Request("http://test/api/trpc/health.ping"),
      router: appRouter,
      createContext: async () => ({ db: undefined as never, userId: null, ip: "203.0.113.1" }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ result: { data: { json: { ok: true } } } });
  });
});

describe("errors over HTTP", () => {
  it("invalid input: 400 with a readable message and the field it belongs to", async () => {
    const { status, error } = await post("auth.signUp", { name: "", email: "not-an-email", password: "short" });
    expect(status).toBe(400);
    expect(error?.data.code).toBe("BAD_REQUEST");
    expect(error?.message).not.toMatch(/^\[/); // not a JSON dump of zod issues
    expect(error?.data.fieldErrors).toMatchObject({
      name: ["Enter your name."],
      email: ["Enter a valid email address."],
      password: ["Use at least 10 characters."],
    });
    expect(error?.data.stack).toBeUndefined();
  });

  it("a service's AppError keeps its code, message and field", async () => {
    const existing = await createUser(db, "Taken Name");
    const { status, error } = await post("auth.signUp", { name: "Someone", email: existing.email.toUpperCase(), password: "long-enough-password" });
    expect(status).toBe(409);
    expect(error?.message).toBe("An account with this email already exists. Sign in instead.");
    expect(error?.data.fieldErrors).toEqual({ email: ["An account with this email already exists. Sign in instead."] });
  });

  it("signed out on a protected procedure: 401", async () => {
    const { status, error } = await post("organization.create", { kind: "brand", name: "X brand", country: "FR", timeZone: "Europe/Paris", currency: "EUR" });
    expect(status).toBe(401);
    expect(error?.message).toBe("Sign in to continue.");
  });
});
