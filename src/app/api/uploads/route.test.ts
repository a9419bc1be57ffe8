import { rmSync } from "node:fs";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { testDb } from "~/test/db";
import { createFixture, type Fixture } from "~/test/fixtures";
import type { Db } from "~/server/db/client";
import { files, workshopProfiles } from "~/server/db/schema";
import type { UploadResult } from "~/lib/files";
import { POST } from "./route";
import { GET } from "../files/[id]/route";
import { insertPiece } from "~/test/files";

// The session and the app database are the only things swapped out; everything else runs for real.
const h = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const os = await import("node:os");
  const p = await import("node:path");
  const uploadsDir = mkdtempSync(p.join(os.tmpdir(), "bezel-uploads-route-"));
  process.env.UPLOADS_DIR = uploadsDir;
  return { uploadsDir, userId: null as string | null, db: null as unknown };
});
vi.mock("~/server/auth", () => ({ getSessionUserId: async () => h.userId, clientIp: () => "203.0.113.50" }));
vi.mock("~/server/db", () => ({ getDb: async () => h.db }));

const db: Db = await testDb();
h.db = db;
let f: Fixture;

beforeAll(async () => {
  f = await createFixture(db);
});
afterAll(() => rmSync(h.uploadsDir, { recursive: true, force: true }));

const png = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: "#6b8f71" } }).png().toBuffer();

function post(fields: Record<string, string>, file?: { name: string; bytes: Buffer }) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  if (file) form.set("file", new File([new Uint8Array(file.bytes)], file.name));
  return POST(new Request("http://localhost/api/uploads", { method: "POST", body: form, headers: { origin: "http://localhost" } }));
}

const get = (id: string, query = "") => GET(new Request(`http://localhost/api/files/${id}${query}`), { params: Promise.resolve({ id }) });

const fileRows = async () => (await db.select({ id: files.id }).from(files)).length;

describe("POST /api/uploads", () => {
  it("answers 401 signed out, 404 for another organization, 400 for missing or wrong fields", async () => {
    const bytes = await png(20, 20);
    h.userId = null;
    expect((await post({ orgId: f.workshop.org.id, purpose: "portfolio_photo" }, { name: "a.png", bytes })).status).toBe(401);

    h.userId = f.outsider.workshop.owner.id;
    const outsider = await post({ orgId: f.workshop.org.id, purpose: "portfolio_photo" }, { name: "a.png", bytes });
    expect(outsider.status).toBe(404);
    expect(await outsider.json()).toEqual({ error: "Organization was not found." });

    h.userId = f.workshop.member.id;
    const purpose = await post({ orgId: f.workshop.org.id, purpose: "selfie" }, { name: "a.png", bytes });
    expect(purpose.status).toBe(400);
    expect(await purpose.json()).toEqual({ error: "Choose what the file is for." });
    const noFile = await post({ orgId: f.workshop.org.id, purpose: "portfolio_photo" });
    expect(await noFile.json()).toEqual({ error: "Choose a file to upload." });
    expect((await post({ orgId: "nope", purpose: "portfolio_photo" }, { name: "a.png", bytes })).status).toBe(400);
    const notMultipart = await POST(new Request("http://localhost/api/uploads", { method: "POST", body: "hello", headers: { "content-type": "text/plain", origin: "http://localhost" } }));
    expect(notMultipart.status).toBe(400);
    expect(await fileRows()).toBe(0);
  });

  it("refuses a renamed text file with 400 and an oversized one with 413, storing nothing", async () => {
    h.userId = f.workshop.member.id;
    const renamed = await post({ orgId: f.workshop.org.id, purpose: "portfolio_photo" }, { name: "photo.jpg", bytes: Buffer.from("plain text") });
    expect(renamed.status).toBe(400);
    expect((await renamed.json()).error).toMatch(/“photo\.jpg” is not a JPEG, PNG or WebP image/);

    const big = await post({ orgId: f.workshop.org.id, purpose: "portfolio_photo" }, { name: "big.png", bytes: Buffer.alloc(11 * 1024 * 1024) });
    expect(big.status).toBe(413);
    expect((await big.json()).error).toMatch(/larger than 10 MB/);
    expect(await fileRows()).toBe(0);
  });

  it("stores an image for the lowest role with the permission and serves it by the file rules", async () => {
    h.userId = f.workshop.member.id;
    const res = await post({ orgId: f.workshop.org.id, purpose: "portfolio_photo" }, { name: "bracelet.png", bytes: await png(1600, 900) });
    expect(res.status).toBe(201);
    const body = (await res.json()) as UploadResult;
    expect(body).toMatchObject({ url: `/api/files/${body.id}`, thumbUrl: `/api/files/${body.id}?variant=thumb`, width: 1600, height: 900, name: "bracelet.png" });

    const thumb = await get(body.id, "?variant=thumb");
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get("content-type")).toBe("image/webp");
    expect(thumb.headers.get("cache-control")).toBe("private, no-store");
    expect((await sharp(Buffer.from(await thumb.arrayBuffer())).metadata()).width).toBe(320);
    expect((await get(body.id, "?variant=huge")).status).toBe(400);

    h.userId = f.brand.owner.id;
    expect((await get(body.id)).status).toBe(404);
    h.userId = null;
    expect((await get(body.id)).status).toBe(404);

    await db.update(workshopProfiles).set({ publishedAt: new Date() }).where(eq(workshopProfiles.orgId, f.workshop.org.id));
    expect((await get(body.id)).status).toBe(404); // published, but not on the profile yet
    await insertPiece(db, { orgId: f.workshop.org.id, title: "Bracelet", photoFileIds: [body.id] });
    const original = await get(body.id);
    expect(original.status).toBe(200);
    expect(original.headers.get("content-type")).toBe("image/png");
    // Browsers keep it (the bytes of a file id never change); shared caches only ten minutes.
    expect(original.headers.get("cache-control")).toBe("public, max-age=31536000, immutable, s-maxage=600");
    expect(original.headers.get("content-disposition")).toContain('inline; filename="bracelet.png"');
    await db.update(workshopProfiles).set({ publishedAt: null }).where(eq(workshopProfiles.orgId, f.workshop.org.id));
  });
});

describe("POST /api/uploads: doors and limits", () => {
  it("refuses a post from another site with 403 before reading it", async () => {
    h.userId = f.workshop.owner.id;
    const form = new FormData();
    form.set("orgId", f.workshop.org.id);
    form.set("purpose", "portfolio_photo");
    form.set("file", new File([new Uint8Array(await png(20, 20))], "a.png"));
    const before = await fileRows();
    for (const headers of [{ origin: "http://evil.example" }, { "sec-fetch-site": "cross-site" }, {}] as Record<string, string>[]) {
      const res = await POST(new Request("http://localhost/api/uploads", { method: "POST", body: form, headers }));
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ error: "This request came from another site and was refused." });
    }
    expect(await fileRows()).toBe(before);
  });

  it("answers 429 past 200 uploads an hour for one organization", async () => {
    const { rateLimitHits } = await import("~/server/db/schema");
    const orgId = f.outsider.workshop.org.id;
    await db.insert(rateLimitHits).values(Array.from({ length: 200 }, () => ({ key: `upload.org:${orgId}` })));
    h.userId = f.outsider.workshop.owner.id;
    const res = await post({ orgId, purpose: "portfolio_photo" }, { name: "one-more.png", bytes: await png(20, 20) });
    expect(res.status).toBe(429);
    expect(await res.json()).toEqual({ error: "Too many uploads for this organization. Try again in 60 minutes." });
  });

  it("refuses an upload past 2 GB stored by the organization", async () => {
    const orgId = f.outsider.brand.org.id;
    await db.insert(files).values({ orgId, purpose: "sample_request_attachment", originalName: "big.pdf", contentType: "application/pdf", byteSize: 2 * 1024 ** 3 - 100, storageKey: `${orgId}/x/original.pdf` });
    h.userId = f.outsider.brand.owner.id;
    const res = await post({ orgId, purpose: "sample_request_attachment" }, { name: "small.png", bytes: await png(20, 20) });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "This organization has used its 2 GB of file storage. Remove files it no longer needs, then try again." });
  });
});
