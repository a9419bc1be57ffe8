import { FILE_VARIANTS, type FileVariantName } from "~/lib/files";
import { getSessionUserId } from "~/server/auth";
import { getDb } from "~/server/db";
import { readableFile } from "~/server/services/files";
import { getStorage } from "~/server/storage";

const PUBLIC_FILE_CACHE = "public, max-age=31536000, immutable, s-maxage=600";

const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store", "Content-Type": "text/plain; charset=utf-8" } });

/** A filename for Content-Disposition: ASCII fallback plus the exact UTF-8 name (RFC 6266). */
function disposition(kind: "inline" | "attachment", name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * GET ?variant=thumb|display|original (default original), ?download=1 to save instead of show. A file the
 * caller may not read answers 404, the same as one that does not exist.
 */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await ctx.params;
  const search = new URL(req.url).searchParams;
  const variant = (search.get("variant") ?? "original") as FileVariantName;
  if (!FILE_VARIANTS.includes(variant)) {
    return new Response("Unknown variant: use thumb, display or original.", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }

  const db = await getDb();
  // The session is read only when the file is not public, so public images cost no cookie parsing.
  let access = await readableFile(db, null, id);
  if (!access) {
    const userId = await getSessionUserId();
    if (userId) access = await readableFile(db, userId, id);
  }
  if (!access) return notFound();

  const { file, isPublic } = access;
  // Files that are not images (PDF) have no resized variants; their original stands in.
  const chosen = variant === "original" ? undefined : file.variants[variant];
  const key = chosen?.key ?? file.storageKey;
  const contentType = chosen?.contentType ?? file.contentType;
  const etag = `"${file.id}-${chosen ? variant : "original"}"`;
  const headers = new Headers({
    "Content-Type": contentType,
    // A file's bytes never change (a new photo is a new file id), but whether it is public does
    // (unpublishing, removing a photo from a piece). So a browser that saw a public file keeps it for a year
    // without asking again, as it could have saved it; shared caches, which serve everyone, for ten minutes.
    "Cache-Control": isPublic ? PUBLIC_FILE_CACHE : "private, no-store",
    "X-Content-Type-Options": "nosniff",
    ETag: etag,
    "Content-Disposition": disposition(search.get("download") ? "attachment" : "inline", file.originalName),
  });
  if (isPublic && req.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });

  const object = await getStorage().get(key);
  if (!object) return notFound();
  if (Buffer.isBuffer(object.body)) headers.set("Content-Length", String(object.body.length));
  return new Response(Buffer.isBuffer(object.body) ? new Uint8Array(object.body) : object.body, { status: 200, headers });
}
