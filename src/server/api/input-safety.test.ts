import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { callerFor, createFixture } from "~/test/fixtures";
import { expectCode } from "~/test/tenancy";
import { organizations, shortlistEntries } from "../db/schema";
import { getMembership } from "../services/organizations";
import { appRouter } from "./root";

/**
 * Anything a person can type or put in a URL is answered with a 4xx, never a 500. PostgreSQL text cannot
 * hold U+0000 and timestamptz has a narrower range than a JavaScript Date: both used to fail the query.
 */
const db = await testDb();
const f = await createFixture(db);

describe("a NUL character in any text", () => {
  it("is refused with BAD_REQUEST next to its field, for public, signed-in and organization procedures", async () => {
    const signedOut = callerFor(db, null);
    await expectCode(signedOut.directory.search({ q: "gold\u0000" }), "BAD_REQUEST");
    await expectCode(signedOut.workshopProfile.public({ slug: "a\u0000b" }), "BAD_REQUEST");

    const owner = callerFor(db, f.brand.owner);
    const before = await db.select().from(organizations);
    const err = await owner.organization
      .update({ orgId: f.brand.org.id, name: "Bad\u0000Name", slug: f.brand.org.slug, country: "FR", timeZone: "Europe/Paris", currency: "EUR" })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "BAD_REQUEST" });
    expect((err as { cause?: { field?: string } }).cause?.field).toBe("name");
    expect(await db.select().from(organizations)).toEqual(before);
  });

  it("over HTTP: 400 with a message for people, next to the field", async () => {
    const res = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: new Request("http://test/api/trpc/auth.signUp", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ json: { name: "Ann\u0000", email: "ann@example.test", password: "long-enough-password" } }),
      }),
      router: appRouter,
      createContext: async () => ({ db, userId: null, ip: "203.0.113.1" }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { json: { message: string; data: { fieldErrors: Record<string, string[]> } } } };
    expect(body.error.json.message).toMatch(/invisible control character/);
    expect(Object.keys(body.error.json.data.fieldErrors)).toEqual(["name"]);
  });

  it("is found inside arrays and nested objects too", async () => {
    const [entry] = await db.insert(shortlistEntries).values({ brandOrgId: f.brand.org.id, workshopOrgId: f.workshop.org.id }).returning();
    const entries = await db.select().from(shortlistEntries);
    await expectCode(
      callerFor(db, f.brand.member).shortlist.update({ orgId: f.brand.org.id, entryId: entry!.id, tags: ["fine", "bad\u0000tag"] }),
      "BAD_REQUEST",
    );
    expect(await db.select().from(shortlistEntries)).toEqual(entries);
  });

  it("in a portal address finds no organization instead of failing", async () => {
    expect(await getMembership(db, f.brand.owner.id, { slug: "brand\u0000" })).toBeNull();
    expect(await getMembership(db, f.brand.owner.id, { slug: f.brand.org.slug })).not.toBeNull();
  });
});

describe("list cursors", () => {
  it("with a date PostgreSQL cannot store are refused with BAD_REQUEST", async () => {
    const c = callerFor(db, f.brand.member);
    for (const createdAt of [new Date(-8.64e15), new Date(8.64e15), new Date("0000-06-01T00:00:00Z")]) {
      const cursor = { createdAt, id: crypto.randomUUID() };
      await expectCode(c.activity.list({ orgId: f.brand.org.id, cursor }), "BAD_REQUEST");
      await expectCode(c.notification.list({ orgId: f.brand.org.id, cursor }), "BAD_REQUEST");
    }
    const ok = { createdAt: new Date(), id: crypto.randomUUID() };
    await expect(c.activity.list({ orgId: f.brand.org.id, cursor: ok })).resolves.toMatchObject({ items: [] });
    await expect(c.notification.list({ orgId: f.brand.org.id, cursor: ok })).resolves.toMatchObject({ items: [] });
  });
});
