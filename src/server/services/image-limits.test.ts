import { rmSync } from "node:fs";
import { crc32 } from "node:zlib";
import sharp from "sharp";
import { afterAll, describe, expect, it, vi } from "vitest";
import { testDb } from "~/test/db";
import { createFixture } from "~/test/fixtures";
import { files } from "../db/schema";
import { AppError } from "../errors";
import { decodeQueue, storeUpload, withDecodeSlot } from "./files";

const uploadsDir = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const os = await import("node:os");
  const p = await import("node:path");
  const dir = mkdtempSync(p.join(os.tmpdir(), "bezel-image-limits-"));
  process.env.UPLOADS_DIR = dir;
  return dir;
});
afterAll(() => rmSync(uploadsDir, { recursive: true, force: true }));

/** Every sharp() call the upload service makes, by what it was given to read. */
const sharpCalls = vi.hoisted(() => [] as { input: unknown; options: Record<string, unknown> | undefined }[]);
vi.mock("sharp", async (importOriginal) => {
  const real = (await importOriginal<{ default: (...args: unknown[]) => unknown }>()).default;
  const counted = (...args: unknown[]) => {
    sharpCalls.push({ input: args[0], options: args[1] as Record<string, unknown> | undefined });
    return real(...args);
  };
  return { default: Object.assign(counted, real) };
});

const db = await testDb();
const f = await createFixture(db);

/** A tiny PNG whose header claims `width` × `height`: decoding it would fail, reading the header does not. */
async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const bytes = Buffer.from(await sharp({ create: { width: 8, height: 8, channels: 3, background: "#b08d57" } }).png().toBuffer());
  // IHDR starts at byte 8: length (4), "IHDR" (4), width (4), height (4), 5 more bytes, then the CRC.
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(height, 20);
  bytes.writeUInt32BE(crc32(bytes.subarray(12, 29)), 29);
  return bytes;
}

const upload = (bytes: Buffer) => storeUpload(db, { orgId: f.workshop.org.id, userId: f.workshop.owner.id, purpose: "portfolio_photo", fileName: "huge.png", bytes });

describe("image uploads", () => {
  it("refuses more than 40 megapixels from the header alone, before any decoding", async () => {
    const before = await db.select().from(files);
    for (const [w, h] of [
      [8000, 8000],
      [7000, 6000],
    ] as const) {
      const err = await upload(await pngClaiming(w, h)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).message).toBe(`“huge.png” is ${w} × ${h} pixels; images may have at most 40 megapixels.`);
      expect((err as AppError).field).toBe("file");
    }
    // Nothing was decoded: the queue was never entered.
    expect(decodeQueue()).toEqual({ running: 0, waiting: 0 });
    expect(await db.select().from(files)).toEqual(before);
  });

  it("decodes an upload once: the header is read, the pixels decoded once, the original and both variants made from them", async () => {
    const real = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: "#6b8f71" } }).jpeg().toBuffer();
    sharpCalls.length = 0;
    const stored = await storeUpload(db, { orgId: f.workshop.org.id, userId: f.workshop.owner.id, purpose: "portfolio_photo", fileName: "ok.jpg", bytes: real });
    expect([stored.width, stored.height, stored.contentType]).toEqual([1600, 1200, "image/jpeg"]);
    expect(Object.keys(stored.variants).sort()).toEqual(["display", "thumb"]);
    // Two reads of the uploaded bytes (header, then the one decode); the three outputs start from raw pixels.
    const ofUpload = sharpCalls.filter((c) => c.input === real);
    expect(ofUpload.map((c) => c.options?.limitInputPixels)).toEqual([false, 40_000_000]);
    const fromPixels = sharpCalls.filter((c) => c.input !== real);
    expect(fromPixels).toHaveLength(3);
    expect(fromPixels.every((c) => typeof c.options?.raw === "object")).toBe(true);
  });

  it("decodes at most 2 images at a time; the others wait their turn and all finish", async () => {
    let running = 0;
    let most = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        withDecodeSlot(async () => {
          running++;
          most = Math.max(most, running);
          await new Promise((r) => setTimeout(r, 30));
          running--;
          order.push(i);
        }),
      ),
    );
    expect(most).toBe(2);
    expect(order.sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(decodeQueue()).toEqual({ running: 0, waiting: 0 });
  });

  it("a failing decode gives its slot back", async () => {
    await expect(withDecodeSlot(async () => Promise.reject(new Error("broken")))).rejects.toThrow("broken");
    expect(decodeQueue()).toEqual({ running: 0, waiting: 0 });
  });
});
