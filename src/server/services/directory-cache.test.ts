import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { directorySearchSchema } from "~/lib/directory-schemas";
import { organizations, workshopProfiles } from "../db/schema";
import { searchWorkshopsCached } from "./directory";
import { fileRow, insertPiece } from "~/test/files";

const db = await testDb();
const params = directorySearchSchema.parse({ q: "cloisonne" });
const search = () => searchWorkshopsCached(db, params);

async function addWorkshop(name: string) {
  const [org] = await db
    .insert(organizations)
    .values({ kind: "workshop", name, slug: `cache-${randomUUID().slice(0, 8)}`, country: "IT", timeZone: "Europe/Rome", currency: "EUR" })
    .returning();
  await db.insert(workshopProfiles).values({ orgId: org!.id, name, country: "IT", headline: "Cloisonne enamel", publishedAt: new Date() });
  return org!;
}

describe("directory search cache", () => {
  it("answers a repeated search from the cache while nothing changed", async () => {
    await addWorkshop("Smalto Uno");
    const first = await search();
    expect(await search()).toBe(first);
  });

  it("never serves a result older than the last commit: publish, unpublish, rename and portfolio changes show at once", async () => {
    const before = await search();
    const org = await addWorkshop("Smalto Due");
    const added = await search();
    expect(added).not.toBe(before);
    expect(added.items.map((i) => i.name)).toContain("Smalto Due");

    await db.update(workshopProfiles).set({ publishedAt: null }).where(eq(workshopProfiles.orgId, org.id));
    expect((await search()).items.map((i) => i.name)).not.toContain("Smalto Due");

    await db.update(workshopProfiles).set({ publishedAt: new Date() }).where(eq(workshopProfiles.orgId, org.id));
    await db.update(organizations).set({ slug: `renamed-${randomUUID().slice(0, 8)}` }).where(eq(organizations.id, org.id));
    const [renamed] = await db.select({ slug: organizations.slug }).from(organizations).where(eq(organizations.id, org.id));
    expect((await search()).items.find((i) => i.name === "Smalto Due")?.slug).toBe(renamed!.slug);

    const fileId = (await fileRow(db, org.id)).id;
    await insertPiece(db, { orgId: org.id, title: "Brooch", photoFileIds: [fileId] });
    expect((await search()).items.find((i) => i.name === "Smalto Due")?.thumbFileId).toBe(fileId);
  });

  // Needs a second connection while the transaction is open, which PGlite (one connection) does not have.
  it.skipIf(!process.env.DATABASE_URL)("[PostgreSQL only: needs two connections at once] a change inside an open transaction is not visible to the cache until it commits", async () => {
    const org = await addWorkshop("Smalto Tre");
    const seen = await search();
    await db.transaction(async (tx) => {
      await tx.update(workshopProfiles).set({ publishedAt: null }).where(eq(workshopProfiles.orgId, org.id));
      // Another caller during the transaction still gets the committed state, from the cache.
      expect(await search()).toBe(seen);
    });
    expect((await search()).items.map((i) => i.name)).not.toContain("Smalto Tre");
  });
});
