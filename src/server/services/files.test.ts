import { readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { testDb } from "~/test/db";
import { createFixture, type Fixture } from "~/test/fixtures";
import { events, files, workshopArtisans, workshopProfiles } from "~/server/db/schema";
import { AppError } from "~/server/errors";
import { getStorage, isSafeKey } from "~/server/storage";
import { LocalStorage } from "~/server/storage/local";
import { canReadFile, FileTooLargeError, MAX_IMAGE_BYTES, sniffContent, storeUpload } from "./files";
import { insertPiece, insertSampleRequest, setPhotos } from "~/test/files";

// Each test file gets its own uploads directory; the env module reads it on first import, after this.
const uploadsDir = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const os = await import("node:os");
  const p = await import("node:path");
  const dir = mkdtempSync(p.join(os.tmpdir(), "bezel-uploads-"));
  process.env.UPLOADS_DIR = dir;
  return dir;
});

const db = await testDb();
let f: Fixture;

function storedPaths(): string[] {
  return (readdirSync(uploadsDir, { recursive: true }) as string[]).filter((p) => statSync(path.join(uploadsDir, p)).isFile());
}

async function fileCount() {
  return (await db.select({ id: files.id }).from(files)).length;
}

const png = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: "#b08d57" } }).png().toBuffer();

async function expectRefused(attempt: () => Promise<unknown>, message: RegExp) {
  const before = { rows: await fileCount(), stored: storedPaths().length };
  const err = await attempt().then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe("BAD_REQUEST");
  expect((err as AppError).message).toMatch(message);
  expect(await fileCount()).toBe(before.rows);
  expect(storedPaths()).toHaveLength(before.stored);
}

beforeAll(async () => {
  f = await createFixture(db);
});
afterAll(() => rmSync(uploadsDir, { recursive: true, force: true }));

const upload = (over: Partial<Parameters<typeof storeUpload>[1]> & { bytes: Buffer }) =>
  storeUpload(db, { orgId: f.workshop.org.id, userId: f.workshop.member.id, purpose: "portfolio_photo", fileName: "photo.png", ...over });

describe("storeUpload refuses", () => {
  it("a GIF as a portfolio photo", async () => {
    const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: "#fff" } }).gif().toBuffer();
    await expectRefused(() => upload({ fileName: "ring.gif", bytes: gif }), /^“ring\.gif” is not a JPEG, PNG or WebP image: it is a GIF\.$/);
  });

  it("a PDF as a portfolio photo, though a sample request attachment accepts it", async () => {
    const pdf = Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    await expectRefused(() => upload({ fileName: "spec.pdf", bytes: pdf }), /is not a JPEG, PNG or WebP image: it is a PDF/);
    const stored = await storeUpload(db, { orgId: f.brand.org.id, userId: f.brand.member.id, purpose: "sample_request_attachment", fileName: "spec.pdf", bytes: pdf });
    expect(stored).toMatchObject({ contentType: "application/pdf", width: null, variants: {} });
  });

  it("a file over 10 MB", async () => {
    const big = Buffer.alloc(11 * 1024 * 1024, 0);
    big.set(await png(4, 4));
    expect(big.length).toBeGreaterThan(MAX_IMAGE_BYTES);
    await expectRefused(() => upload({ fileName: "huge.png", bytes: big }), /^“huge\.png” is larger than 10 MB\.$/);
    await expect(upload({ fileName: "huge.png", bytes: big })).rejects.toBeInstanceOf(FileTooLargeError);
  });

  it("a text file renamed to .jpg", async () => {
    await expectRefused(() =>
      upload({ fileName: "photo.jpg", bytes: Buffer.from("this is not a photo, just some text\n") }),
      /^“photo\.jpg” is not a JPEG, PNG or WebP image: its name ends in \.jpg, but its content is something else\.$/,
    );
  });

  it("a damaged image whose header looks right", async () => {
    const header = (await png(50, 50)).subarray(0, 40);
    await expectRefused(() => upload({ fileName: "cut.png", bytes: header }), /could not be read as an image/);
  });

  it("an empty file, and workshop photos from a brand", async () => {
    await expectRefused(() => upload({ fileName: "empty.png", bytes: Buffer.alloc(0) }), /is empty/);
    const bytes = await png(10, 10);
    await expectRefused(() => upload({ orgId: f.brand.org.id, userId: f.brand.member.id, bytes }), /Only workshops/);
  });

  it("an unknown purpose", async () => {
    const err = await upload({ purpose: "anything" as never, bytes: await png(10, 10) }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "BAD_REQUEST", field: "purpose" });
  });
});

describe("storeUpload stores an image", () => {
  it("with its original and WebP variants of the right sizes, plus an event", async () => {
    const stored = await upload({ fileName: "C:\\fakepath\\Ring photo.png", bytes: await png(2000, 1500) });
    expect(stored).toMatchObject({ orgId: f.workshop.org.id, originalName: "Ring photo.png", contentType: "image/png", width: 2000, height: 1500 });
    expect(stored.variants.thumb).toMatchObject({ width: 320, height: 240, contentType: "image/webp" });
    expect(stored.variants.display).toMatchObject({ width: 1280, height: 960, contentType: "image/webp" });

    const storage = getStorage();
    expect(storage).toBeInstanceOf(LocalStorage);
    for (const key of [stored.storageKey, stored.variants.thumb!.key, stored.variants.display!.key]) {
      expect(isSafeKey(key)).toBe(true);
      const object = await storage.get(key);
      expect(object).not.toBeNull();
      const meta = await sharp(object!.body as Buffer).metadata();
      expect(meta.width).toBe(key === stored.storageKey ? 2000 : key.includes("thumb") ? 320 : 1280);
    }
    expect(storedPaths().filter((p) => p.includes(stored.id))).toHaveLength(3);
    const [event] = await db.select().from(events).where(eq(events.subjectId, stored.id));
    expect(event).toMatchObject({ action: "file.uploaded", orgId: f.workshop.org.id, actorId: f.workshop.member.id });
  });

  it("auto-rotated, without its camera metadata, and never enlarged", async () => {
    const jpeg = await sharp({ create: { width: 600, height: 200, channels: 3, background: "#345" } })
      .jpeg()
      .withMetadata({ orientation: 6, exif: { IFD0: { Make: "Secret Camera", Copyright: "gps-here" } } })
      .toBuffer();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const stored = await upload({ fileName: "portrait.jpg", bytes: jpeg });
    expect(stored).toMatchObject({ contentType: "image/jpeg", width: 200, height: 600 });
    expect(stored.storageKey).toMatch(/\/original\.jpg$/);
    expect(stored.variants.thumb).toMatchObject({ width: 200, height: 600 });
    const original = await getStorage().get(stored.storageKey);
    const meta = await sharp(original!.body as Buffer).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
  });

  it("judged by content, not by name: a PNG named .jpg is stored as a PNG", async () => {
    const stored = await upload({ fileName: "mislabelled.jpg", bytes: await png(100, 80) });
    expect(stored).toMatchObject({ contentType: "image/png", width: 100 });
    expect(sniffContent(Buffer.from("RIFF\0\0\0\0WEBPVP8 "))).toBe("webp");
  });
});

describe("canReadFile", () => {
  it("lets members read, keeps outsiders out, and makes workshop photos public only once published", async () => {
    const photo = await upload({ purpose: "artisan_photo", bytes: await png(40, 40) });
    await db.insert(workshopArtisans).values({ orgId: f.workshop.org.id, name: "Giulia", role: "Setter", photoFileId: photo.id });
    expect(await canReadFile(db, f.workshop.member.id, photo.id)).toBe(true);
    expect(await canReadFile(db, f.outsider.workshop.owner.id, photo.id)).toBe(false);
    expect(await canReadFile(db, f.brand.owner.id, photo.id)).toBe(false);
    expect(await canReadFile(db, null, photo.id)).toBe(false);

    expect(await canReadFile(db, null, photo.id)).toBe(false);
    await db.update(workshopProfiles).set({ publishedAt: new Date() }).where(eq(workshopProfiles.orgId, f.workshop.org.id));
    expect(await canReadFile(db, null, photo.id)).toBe(true);
    expect(await canReadFile(db, f.outsider.brand.member.id, photo.id)).toBe(true);

    await db.update(workshopProfiles).set({ publishedAt: null }).where(eq(workshopProfiles.orgId, f.workshop.org.id));
    expect(await canReadFile(db, null, photo.id)).toBe(false);
    expect(await canReadFile(db, null, "not-a-uuid")).toBe(false);
    expect(await canReadFile(db, null, crypto.randomUUID())).toBe(false);
  });

  it("keeps a photo of a published workshop private while no artisan or piece shows it", async () => {
    await db.update(workshopProfiles).set({ publishedAt: new Date() }).where(eq(workshopProfiles.orgId, f.workshop.org.id));
    const loose = await upload({ purpose: "portfolio_photo", bytes: await png(30, 30) });
    const shown = await upload({ purpose: "portfolio_photo", bytes: await png(30, 30) });
    const piece = await insertPiece(db, { orgId: f.workshop.org.id, title: "Ring", photoFileIds: [shown.id, loose.id] });
    expect(await canReadFile(db, null, shown.id)).toBe(true);
    expect(await canReadFile(db, null, loose.id)).toBe(true);

    // Taken off the piece (a client's design shown by mistake): no longer public, still the workshop's.
    await setPhotos(db, piece, [shown.id]);
    expect(await canReadFile(db, null, loose.id)).toBe(false);
    expect(await canReadFile(db, f.outsider.brand.member.id, loose.id)).toBe(false);
    expect(await canReadFile(db, f.workshop.member.id, loose.id)).toBe(true);
    expect(await canReadFile(db, null, shown.id)).toBe(true);

    // Another workshop listing this file on its own piece does not make it public either.
    await insertPiece(db, { orgId: f.outsider.workshop.org.id, title: "Borrowed", photoFileIds: [loose.id] });
    await db.update(workshopProfiles).set({ publishedAt: new Date() }).where(eq(workshopProfiles.orgId, f.outsider.workshop.org.id));
    expect(await canReadFile(db, null, loose.id)).toBe(false);
  });

  it("shows a sample request attachment to the two parties only, never public", async () => {
    await db.update(workshopProfiles).set({ publishedAt: new Date() }).where(eq(workshopProfiles.orgId, f.workshop.org.id));
    const attachment = await storeUpload(db, { orgId: f.brand.org.id, userId: f.brand.member.id, purpose: "sample_request_attachment", fileName: "sketch.png", bytes: await png(60, 60) });
    expect(await canReadFile(db, f.workshop.member.id, attachment.id)).toBe(false);

    await insertSampleRequest(db, { brandOrgId: f.brand.org.id, workshopOrgId: f.workshop.org.id, number: 1, description: "A signet ring", quantity: 1, attachmentFileIds: [attachment.id] });
    expect(await canReadFile(db, f.brand.member.id, attachment.id)).toBe(true);
    expect(await canReadFile(db, f.workshop.member.id, attachment.id)).toBe(true);
    expect(await canReadFile(db, f.outsider.workshop.owner.id, attachment.id)).toBe(false);
    expect(await canReadFile(db, f.outsider.brand.owner.id, attachment.id)).toBe(false);
    expect(await canReadFile(db, null, attachment.id)).toBe(false);
  });

  it("does not open another organization's file that someone listed on their own request", async () => {
    const secret = await storeUpload(db, { orgId: f.outsider.brand.org.id, userId: f.outsider.brand.owner.id, purpose: "sample_request_attachment", fileName: "private.png", bytes: await png(20, 20) });
    await insertSampleRequest(db, { brandOrgId: f.brand.org.id, workshopOrgId: f.workshop.org.id, number: 2, description: "Borrowed file", quantity: 1, attachmentFileIds: [secret.id] });
    expect(await canReadFile(db, f.brand.owner.id, secret.id)).toBe(false);
    expect(await canReadFile(db, f.workshop.owner.id, secret.id)).toBe(false);
    expect(await canReadFile(db, f.outsider.brand.member.id, secret.id)).toBe(true);
  });
});

describe("storage keys", () => {
  it("never leave the uploads directory", async () => {
    for (const key of ["../etc/passwd", "/etc/passwd", "a/../../b", "a//b", "a\\..\\b", "A/b", "", "a/./b", "a/.hidden"]) {
      expect(isSafeKey(key), key).toBe(false);
      await expect(getStorage().put(key, Buffer.from("x"), "text/plain")).rejects.toThrow(/unsafe storage key/);
      await expect(getStorage().get(key)).rejects.toThrow(/unsafe storage key/);
    }
    expect(await getStorage().get("missing/key.png")).toBeNull();
    await getStorage().delete("missing/key.png");
  });
});
