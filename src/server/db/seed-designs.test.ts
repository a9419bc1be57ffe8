import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { createOrg } from "~/test/fixtures";
import { parseStl, meshVolumeMm3 } from "~/lib/mesh";
import type { Storage } from "../storage";
import { collections, designRevisionAttachments, designRevisions, designs, files } from "./schema";
import { sniffContent } from "../services/files";
import { demoSketch, seedBrandDesigns } from "./seed-designs";

const db = await testDb();

/** Bytes kept in memory, so the seed's uploads leave nothing on disk. */
function memoryStorage(): Storage & { objects: Map<string, Buffer> } {
  const objects = new Map<string, Buffer>();
  return {
    objects,
    put: async (key, bytes) => void objects.set(key, bytes),
    get: async (key) => (objects.has(key) ? { body: objects.get(key)! } : null),
    delete: async (key) => void objects.delete(key),
  };
}

describe("demo designs", () => {
  it("give a brand 2 collections and 8 designs: approved, approved with a draft on top, and drafts; a sketch each and one STL per collection", async () => {
    const brand = await createOrg(db, "brand", "Seed Brand");
    const storage = memoryStorage();
    expect(await seedBrandDesigns(db, { orgId: brand.org.id, userId: brand.owner.id, role: "owner" }, "EUR", storage)).toBe(8);
    expect(await db.$count(collections, eq(collections.orgId, brand.org.id))).toBe(2);
    expect(await db.$count(designs, eq(designs.orgId, brand.org.id))).toBe(8);
    const revisions = await db.select({ status: designRevisions.status, number: designRevisions.number }).from(designRevisions).where(eq(designRevisions.orgId, brand.org.id));
    expect(revisions.filter((r) => r.status === "approved")).toHaveLength(6);
    expect(revisions.filter((r) => r.status === "draft")).toHaveLength(4);
    expect(revisions.filter((r) => r.number === 2)).toHaveLength(2);
    const stls = await db.select({ key: files.storageKey }).from(files).where(and(eq(files.orgId, brand.org.id), eq(files.contentType, "model/stl")));
    expect(stls).toHaveLength(2);
    const volume = meshVolumeMm3(parseStl(new Uint8Array(storage.objects.get(stls[0]!.key)!)));
    expect(volume).toBeGreaterThan(200); // a 2.4 mm × 1.6 mm band around a 17.3 mm finger: about 230 mm³
    expect(volume).toBeLessThan(260);
    const cad = await db.select().from(designRevisionAttachments).where(and(eq(designRevisionAttachments.orgId, brand.org.id), eq(designRevisionAttachments.kind, "cad")));
    expect(cad.length).toBeGreaterThanOrEqual(2);
  });

  it("draws sketches locally as PNG images", async () => {
    const png = await demoSketch("ring", 1);
    expect(sniffContent(png)).toBe("png");
    expect(png.length).toBeGreaterThan(2_000);
  });
});
