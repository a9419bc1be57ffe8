import { eq } from "drizzle-orm";
import sharp, { type Metadata } from "sharp";
import type { Db } from "../db/client";
import { withOrg } from "../db/tenant";
import { files, organizations, type FileVariant, type StoredFile } from "../db/schema";
import { AppError } from "../errors";
import { getStorage, type Storage } from "../storage";
import { acceptsCad, acceptsPdf, CAD_FILE_EXTENSIONS, FILE_PURPOSES, MAX_UPLOAD_BYTES, MAX_UPLOAD_LABEL, VARIANT_WIDTHS, type FilePurpose } from "~/lib/files";
import { recordEvent } from "./events";

export { MAX_IMAGE_BYTES, MAX_UPLOAD_BYTES } from "~/lib/files";

/** Decoding cost grows with pixels, not bytes: a small PNG can unpack into gigabytes. Checked from the header. */
export const MAX_IMAGE_PIXELS = 40_000_000;

/**
 * At most this many images are decoded at once in a process; the others wait their turn, so a burst of
 * large uploads cannot take every core and all the memory while the rest of the app waits.
 */
export const MAX_CONCURRENT_DECODES = 2;

let decoding = 0;
const waiting: (() => void)[] = [];

/** Runs `work` when a decode slot is free. */
export async function withDecodeSlot<T>(work: () => Promise<T>): Promise<T> {
  if (decoding >= MAX_CONCURRENT_DECODES) await new Promise<void>((resolve) => waiting.push(resolve));
  else decoding++;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    // The slot passes straight to the next in line; only when nobody waits is it given back.
    if (next) next();
    else decoding--;
  }
}

/** How many decodes run and wait right now (for tests and the upload benchmark). */
export const decodeQueue = () => ({ running: decoding, waiting: waiting.length });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const WORKSHOP_PURPOSES: readonly FilePurpose[] = ["artisan_photo", "portfolio_photo", "quote_attachment"];
const BRAND_PURPOSES: readonly FilePurpose[] = ["design_attachment", "collection_style_file", "rfq_attachment"];

/** A file the size check refused; the upload route answers it with 413. */
export class FileTooLargeError extends AppError {
  constructor(name: string) {
    super("BAD_REQUEST", `${quote(name)} is larger than ${MAX_UPLOAD_LABEL}.`, "file");
  }
}

type Sniffed = "jpeg" | "png" | "webp" | "gif" | "pdf" | "heic" | "avif" | "tiff" | "bmp" | "svg" | null;

const IMAGE_FORMATS = { jpeg: { ext: "jpg", type: "image/jpeg" }, png: { ext: "png", type: "image/png" }, webp: { ext: "webp", type: "image/webp" } } as const;
type ImageFormat = keyof typeof IMAGE_FORMATS;

/** What the bytes are, from their signature; the name and the browser's declared type are not trusted. */
export function sniffContent(bytes: Buffer): Sniffed {
  const ascii = (start: number, end: number) => bytes.subarray(start, end).toString("latin1");
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "png";
  if (bytes.length >= 12 && ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "webp";
  if (ascii(0, 6) === "GIF87a" || ascii(0, 6) === "GIF89a") return "gif";
  if (ascii(0, 5) === "%PDF-") return "pdf";
  if (bytes.length >= 12 && ascii(4, 8) === "ftyp") {
    const brand = ascii(8, 12);
    if (brand.startsWith("avi")) return "avif";
    if (["heic", "heix", "hevc", "heim", "heis", "mif1", "msf1"].includes(brand)) return "heic";
  }
  if (ascii(0, 4) === "II*\0" || ascii(0, 4) === "MM\0*") return "tiff";
  if (ascii(0, 2) === "BM") return "bmp";
  if (/^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/i.test(ascii(0, 256))) return "svg";
  return null;
}

const FOUND_LABELS: Partial<Record<NonNullable<Sniffed>, string>> = {
  gif: "a GIF",
  pdf: "a PDF",
  heic: "a HEIC photo; export it as JPEG",
  avif: "an AVIF image",
  tiff: "a TIFF image",
  bmp: "a BMP image",
  svg: "an SVG drawing",
};

function quote(name: string) {
  return `“${name}”`;
}

/** A display name without folders or control characters, short enough for any list. */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 200);
  return clean || "file";
}

type ModelFormat = { contentType: string; ext: string };

/** The content types CAD and drawing files are stored and served with, by ending. */
const MODEL_FORMATS: Record<(typeof CAD_FILE_EXTENSIONS)[number], ModelFormat> = {
  ".stl": { contentType: "model/stl", ext: "stl" },
  ".obj": { contentType: "model/obj", ext: "obj" },
  ".glb": { contentType: "model/gltf-binary", ext: "glb" },
  ".step": { contentType: "model/step", ext: "step" },
  ".stp": { contentType: "model/step", ext: "stp" },
  ".3dm": { contentType: "model/vnd.3dm", ext: "3dm" },
  ".dxf": { contentType: "image/vnd.dxf", ext: "dxf" },
};

/** No NUL byte in the first 8 KB: a text format (ASCII STL, OBJ, STEP, DXF), not a binary file renamed. */
const looksLikeText = (bytes: Buffer) => !bytes.subarray(0, 8192).includes(0);

/**
 * CAD and drawing files carry no image magic: accepted by the name's ending, and by their content where the
 * format has a signature. Binary STL has none but its size: an 80-byte header, a triangle count n, then
 * 50 bytes per triangle (84 + 50·n); ASCII STL starts with "solid". GLB starts with "glTF"; STEP with
 * "ISO-10303-21"; Rhino 3dm with "3D Geometry File Format"; DXF is ASCII group codes starting with a 0
 * (or a 999 comment) or the binary DXF sentinel. OBJ has no signature: plain text is all that is checked.
 * Returns null when the content does not match its ending.
 */
export function sniffModel(name: string, bytes: Buffer): ModelFormat | null {
  const ext = /\.[a-z0-9]+$/i.exec(name)?.[0]?.toLowerCase();
  if (!ext || !(CAD_FILE_EXTENSIONS as readonly string[]).includes(ext)) return null;
  const format = MODEL_FORMATS[ext as (typeof CAD_FILE_EXTENSIONS)[number]];
  const head = bytes.subarray(0, 512).toString("latin1");
  switch (ext) {
    case ".stl": {
      if (bytes.length >= 84 && bytes.readUInt32LE(80) > 0 && bytes.length === 84 + 50 * bytes.readUInt32LE(80)) return format;
      return /^\s*solid\b/.test(head) && looksLikeText(bytes) ? format : null;
    }
    case ".glb":
      return bytes.length >= 12 && head.startsWith("glTF") ? format : null;
    case ".step":
    case ".stp":
      return /^\s*ISO-10303-21;/.test(head) ? format : null;
    case ".3dm":
      return head.startsWith("3D Geometry File Format") ? format : null;
    case ".dxf":
      if (head.startsWith("AutoCAD Binary DXF")) return format;
      return /^\s*(0|999)\s*\r?\n/.test(head) && looksLikeText(bytes) ? format : null;
    case ".obj":
      return looksLikeText(bytes) && /^\s*(#|v |vn |vt |o |g |mtllib |f |s |usemtl )/m.test(head) ? format : null;
    default:
      return null;
  }
}

function typeError(name: string, purpose: FilePurpose, found: Sniffed): AppError {
  if (acceptsCad(purpose)) {
    const ext = /\.[a-z0-9]+$/i.exec(name)?.[0]?.toLowerCase();
    if (ext && (CAD_FILE_EXTENSIONS as readonly string[]).includes(ext)) {
      return new AppError("BAD_REQUEST", `${quote(name)} does not look like a ${ext.slice(1).toUpperCase()} file: its content is something else. Export it again and retry.`, "file");
    }
    const label = found ? FOUND_LABELS[found] : undefined;
    return new AppError("BAD_REQUEST", `${quote(name)} is not a file a design takes${label ? `: it is ${label}` : ""}. Upload CAD (${CAD_FILE_EXTENSIONS.filter((e) => e !== ".dxf").join(" ")}), drawings (.pdf .dxf), or JPEG, PNG or WebP images.`, "file");
  }
  const wanted = acceptsPdf(purpose) ? "a JPEG, PNG or WebP image or a PDF" : "a JPEG, PNG or WebP image";
  const label = found ? FOUND_LABELS[found] : undefined;
  if (label) return new AppError("BAD_REQUEST", `${quote(name)} is not ${wanted}: it is ${label}.`, "file");
  const ext = /\.(jpe?g|png|webp|pdf)$/i.exec(name)?.[0];
  if (ext) return new AppError("BAD_REQUEST", `${quote(name)} is not ${wanted}: its name ends in ${ext.toLowerCase()}, but its content is something else.`, "file");
  return new AppError("BAD_REQUEST", `${quote(name)} is not ${wanted}.`, "file");
}

type Prepared = { contentType: string; ext: string; original: Buffer; width: number | null; height: number | null; variants: { name: "thumb" | "display"; bytes: Buffer; width: number; height: number }[] };

/**
 * Auto-rotates, strips metadata (camera GPS and serial numbers never reach a public page) and resizes.
 * The size is read from the header first; the pixels are decoded once, and the stored original and both
 * variants are encoded from that one decoded copy.
 */
async function prepareImage(bytes: Buffer, name: string, format: ImageFormat): Promise<Prepared> {
  const unreadable = () => new AppError("BAD_REQUEST", `${quote(name)} could not be read as an image; it may be damaged. Export it again and retry.`, "file");
  let meta: Metadata;
  try {
    // Reads the header only; nothing is decoded yet.
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw unreadable();
  }
  if (meta.format !== format || !meta.width || !meta.height) throw unreadable();
  if (meta.width * meta.height > MAX_IMAGE_PIXELS) {
    throw new AppError("BAD_REQUEST", `${quote(name)} is ${meta.width} × ${meta.height} pixels; images may have at most 40 megapixels.`, "file");
  }
  return withDecodeSlot(async () => {
    try {
      const decoded = await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: "error" }).autoOrient().raw().toBuffer({ resolveWithObject: true });
      const { width, height, channels } = decoded.info;
      const fromPixels = () => sharp(decoded.data, { raw: { width, height, channels } });
      const encoded = fromPixels();
      if (format === "jpeg") encoded.jpeg({ quality: 90, mozjpeg: true });
      else if (format === "png") encoded.png();
      else encoded.webp({ quality: 90 });
      const original = await encoded.toBuffer({ resolveWithObject: true });
      const variants = await Promise.all(
        (["thumb", "display"] as const).map(async (variant) => {
          const out = await fromPixels().resize({ width: VARIANT_WIDTHS[variant], withoutEnlargement: true }).webp({ quality: variant === "thumb" ? 75 : 82 }).toBuffer({ resolveWithObject: true });
          return { name: variant, bytes: out.data, width: out.info.width, height: out.info.height };
        }),
      );
      return { contentType: IMAGE_FORMATS[format].type, ext: IMAGE_FORMATS[format].ext, original: original.data, width: original.info.width, height: original.info.height, variants };
    } catch {
      throw unreadable();
    }
  });
}

export type StoreUploadInput = {
  orgId: string;
  userId: string;
  purpose: FilePurpose;
  fileName: string;
  bytes: Buffer;
};

/**
 * Checks an upload by its content, stores the bytes (and resized variants of an image), then records the
 * file row and its event in one transaction. The file is attached to nothing yet: the record that uses it
 * attaches it when saved (see file-attachments.ts), and one never attached is swept after a day.
 * The caller has checked membership and the permission.
 */
export async function storeUpload(db: Db, input: StoreUploadInput, storage: Storage = getStorage()): Promise<StoredFile> {
  const name = cleanFileName(input.fileName);
  const orgId = input.orgId.toLowerCase();
  if (!FILE_PURPOSES.includes(input.purpose)) throw new AppError("BAD_REQUEST", "Choose what the file is for.", "purpose");
  if (input.bytes.length === 0) throw new AppError("BAD_REQUEST", `${quote(name)} is empty.`, "file");
  if (input.bytes.length > MAX_UPLOAD_BYTES) throw new FileTooLargeError(name);

  if (!UUID.test(orgId)) throw new AppError("NOT_FOUND", "Organization was not found.");
  const [org] = await withOrg(db, orgId, (tx) => tx.select({ kind: organizations.kind }).from(organizations).where(eq(organizations.id, orgId)));
  if (!org) throw new AppError("NOT_FOUND", "Organization was not found.");
  if (WORKSHOP_PURPOSES.includes(input.purpose) && org.kind !== "workshop") {
    throw new AppError("BAD_REQUEST", "Only workshops upload artisan and portfolio photos and quote files.", "purpose");
  }
  if (BRAND_PURPOSES.includes(input.purpose) && org.kind !== "brand") {
    throw new AppError("BAD_REQUEST", "Only brands upload design files, style guides and request files.", "purpose");
  }

  const found = sniffContent(input.bytes);
  let prepared: Prepared;
  if (found === "jpeg" || found === "png" || found === "webp") prepared = await prepareImage(input.bytes, name, found);
  else if (found === "pdf" && acceptsPdf(input.purpose)) prepared = { contentType: "application/pdf", ext: "pdf", original: input.bytes, width: null, height: null, variants: [] };
  else {
    const model = acceptsCad(input.purpose) ? sniffModel(name, input.bytes) : null;
    if (!model) throw typeError(name, input.purpose, found);
    prepared = { contentType: model.contentType, ext: model.ext, original: input.bytes, width: null, height: null, variants: [] };
  }

  const id = crypto.randomUUID();
  const prefix = `${orgId}/${id}`;
  const written: string[] = [];
  try {
    const originalKey = `${prefix}/original.${prepared.ext}`;
    await storage.put(originalKey, prepared.original, prepared.contentType);
    written.push(originalKey);
    const variants: Record<string, FileVariant> = {};
    for (const v of prepared.variants) {
      const key = `${prefix}/${v.name}.webp`;
      await storage.put(key, v.bytes, "image/webp");
      written.push(key);
      variants[v.name] = { key, width: v.width, height: v.height, byteSize: v.bytes.length, contentType: "image/webp" };
    }
    return await withOrg(db, orgId, async (tx) => {
      const [row] = await tx
        .insert(files)
        .values({
          id,
          orgId,
          purpose: input.purpose,
          originalName: name,
          contentType: prepared.contentType,
          byteSize: prepared.original.length,
          storageKey: originalKey,
          width: prepared.width,
          height: prepared.height,
          variants,
          uploadedById: input.userId,
        })
        .returning();
      await recordEvent(tx, { orgId, actorId: input.userId, action: "file.uploaded", subjectType: "file", subjectId: id, data: { name, purpose: input.purpose } });
      return row!;
    });
  } catch (err) {
    // Bytes without a row are unreachable; remove them rather than leave orphans in storage.
    await Promise.allSettled(written.map((key) => storage.delete(key)));
    throw err;
  }
}

export { canReadFile, readableFile, type ReadableFile } from "./file-access";
