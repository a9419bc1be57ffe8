import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { insertPiece, insertSampleRequest } from "~/test/files";
import { createFixture } from "~/test/fixtures";
import { files, workshopArtisans } from "../db/schema";
import type { Storage } from "../storage";
import { sweepUnattachedFiles } from "./file-attachments";

const db = await testDb();
const f = await createFixture(db);
const HOUR = 60 * 60 * 1000;

async function file(orgId: string, purpose: "portfolio_photo" | "artisan_photo" | "sample_request_attachment", name: string, ageHours: number) {
  const key = `${orgId}/${crypto.randomUUID()}`;
  const [row] = await db
    .insert(files)
    .values({
      orgId,
      purpose,
      originalName: name,
      contentType: "image/jpeg",
      byteSize: 10,
      storageKey: `${key}/original.jpg`,
      variants: { thumb: { key: `${key}/thumb.webp`, width: 10, height: 10, byteSize: 5, contentType: "image/webp" } },
      createdAt: new Date(Date.now() - ageHours * HOUR),
    })
    .returning();
  return row!;
}

describe("the sweep of unattached uploads", () => {
  it("removes files attached to nothing for more than 24 hours, rows and bytes, and keeps every other file", async () => {
    const onPiece = await file(f.workshop.org.id, "portfolio_photo", "on-piece.jpg", 48);
    const onArtisan = await file(f.workshop.org.id, "artisan_photo", "on-artisan.jpg", 48);
    const onRequest = await file(f.brand.org.id, "sample_request_attachment", "on-request.jpg", 48);
    const abandoned = await file(f.workshop.org.id, "portfolio_photo", "abandoned.jpg", 25);
    const fresh = await file(f.workshop.org.id, "portfolio_photo", "fresh.jpg", 23);
    await insertPiece(db, { orgId: f.workshop.org.id, title: "Ring", photoFileIds: [onPiece.id] });
    await db.insert(workshopArtisans).values({ orgId: f.workshop.org.id, name: "Giulia", role: "Setter", photoFileId: onArtisan.id });
    await insertSampleRequest(db, { brandOrgId: f.brand.org.id, workshopOrgId: f.workshop.org.id, number: 1, description: "A ring", quantity: 1, attachmentFileIds: [onRequest.id] });

    const deleted: string[] = [];
    const storage: Storage = { put: async () => {}, get: async () => null, delete: async (key) => void deleted.push(key) };
    expect(await sweepUnattachedFiles(db, { storage })).toBe(1);

    const left = await db.select({ name: files.originalName }).from(files);
    expect(left.map((r) => r.name).sort()).toEqual(["fresh.jpg", "on-artisan.jpg", "on-piece.jpg", "on-request.jpg"]);
    expect(deleted.sort()).toEqual([abandoned.storageKey, abandoned.variants.thumb!.key].sort());
    expect(await db.select().from(files).where(eq(files.id, fresh.id))).toHaveLength(1);
  });

  it("runs hourly as a scheduled job", async () => {
    const { rows } = await db.execute<{ name: string; cron: string }>(sql`select name, cron from pgboss.schedule`);
    expect(rows).toContainEqual({ name: "files-sweep", cron: "17 * * * *" });
  });
});
