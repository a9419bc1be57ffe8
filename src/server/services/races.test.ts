import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { callerFor, createFixture, createUser } from "~/test/fixtures";
import { invitations, portfolioPieces, workshopArtisans } from "../db/schema";

/**
 * Requests that arrive at the same moment. On PGlite (one connection) they take turns anyway; on
 * PostgreSQL (`DATABASE_URL=… npm test`) they really run at once, which is what these tests are for.
 */
const db = await testDb();
const f = await createFixture(db);

describe("at the same moment", () => {
  it("20 organizations created with one name all succeed, each with its own slug", async () => {
    const founders = await Promise.all(Array.from({ length: 20 }, (_, i) => createUser(db, `Same Name ${i}`)));
    const results = await Promise.allSettled(
      founders.map((u) => callerFor(db, u).organization.create({ kind: "brand", name: "Maison Pareille", country: "FR", timeZone: "Europe/Paris", currency: "EUR" })),
    );
    const failed = results.filter((r) => r.status === "rejected");
    expect(failed).toEqual([]);
    const slugs = results.map((r) => (r as PromiseFulfilledResult<{ slug: string }>).value.slug);
    expect(new Set(slugs).size).toBe(20);
    expect(slugs).toContain("maison-pareille");
    expect(slugs.every((s) => /^maison-pareille(-[a-z0-9]+)?$/.test(s))).toBe(true);
  });

  it("20 invitations of one email leave exactly one open invitation with one working link", async () => {
    const owner = callerFor(db, f.brand.owner);
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => owner.member.invite({ orgId: f.brand.org.id, email: "race@elsewhere.example", role: "member" })));
    expect(results.filter((r) => r.status === "fulfilled").length).toBeGreaterThanOrEqual(1);
    const open = await db
      .select()
      .from(invitations)
      .where(and(eq(invitations.orgId, f.brand.org.id), eq(invitations.email, "race@elsewhere.example"), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
    expect(open).toHaveLength(1);
  });

  it("the database itself refuses a second open invitation for one (organization, email)", async () => {
    const row = { orgId: f.workshop.org.id, email: "twice@elsewhere.example", role: "member" as const, expiresAt: new Date(Date.now() + 86_400_000) };
    await db.insert(invitations).values({ ...row, tokenHash: "hash-one" });
    await expect(db.insert(invitations).values({ ...row, tokenHash: "hash-two" })).rejects.toThrow();
    // Once withdrawn, a new one may be opened.
    await db.update(invitations).set({ revokedAt: new Date() }).where(eq(invitations.tokenHash, "hash-one"));
    await expect(db.insert(invitations).values({ ...row, tokenHash: "hash-three" })).resolves.toBeDefined();
  });

  it("30 artisans added at once stop at the cap of 24, with positions 0 to 23", async () => {
    const editor = callerFor(db, f.workshop.owner);
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) => editor.workshopProfile.artisans.create({ orgId: f.workshop.org.id, name: `Artisan ${i}`, role: "Setter", bio: "", photoFileId: null })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(24);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected.map((r) => (r.reason as Error).message)).toEqual(Array<string>(6).fill("A profile shows at most 24 artisans. Remove one to add another."));
    const rows = await db.select({ position: workshopArtisans.position }).from(workshopArtisans).where(eq(workshopArtisans.orgId, f.workshop.org.id));
    expect(rows.map((r) => r.position).sort((a, b) => a - b)).toEqual(Array.from({ length: 24 }, (_, i) => i));
  });

  it("50 portfolio pieces added at once stop at the cap of 48, with positions 0 to 47", async () => {
    const editor = callerFor(db, f.outsider.workshop.owner);
    const orgId = f.outsider.workshop.org.id;
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => editor.workshopProfile.portfolio.create({ orgId, title: `Piece ${i}`, description: "", metals: [], techniques: [], photoFileIds: [] })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(48);
    const rows = await db.select({ position: portfolioPieces.position }).from(portfolioPieces).where(eq(portfolioPieces.orgId, orgId));
    expect(rows.map((r) => r.position).sort((a, b) => a - b)).toEqual(Array.from({ length: 48 }, (_, i) => i));
  });
});
