import { and, asc, eq, inArray, lt, notExists } from "drizzle-orm";
import type { Db, Queryable, Tx } from "../db/client";
import { collectionStyleFiles, designRevisionAttachments, designs, files, orderMilestonePhotos, portfolioPiecePhotos, preorderCampaignImages, quoteVersionAttachments, rfqAttachments, rfqMessageAttachments, sampleRequestAttachments, workshopArtisans } from "../db/schema";
import { AppError } from "../errors";
import { getStorage, type Storage } from "../storage";
import type { FilePurpose } from "~/lib/files";

/**
 * What a file is attached to: join rows with foreign keys and positions. An upload is attached to nothing
 * until the record that uses it is saved; files still attached to nothing a day later are swept.
 */

/** How long an upload may wait for the record that uses it (a form left open, a slow editor). */
export const UNATTACHED_FILE_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * The files must be this organization's, uploaded for this purpose (and images, where photos are
 * wanted): another organization's file id, or a private attachment, never ends up on a public profile.
 */
export async function assertOwnFiles(tx: Queryable, orgId: string, ids: string[], purpose: FilePurpose, field: string, opts: { imagesOnly?: boolean } = {}) {
  if (ids.length === 0) return;
  const rows = await tx
    .select({ id: files.id, contentType: files.contentType })
    .from(files)
    .where(and(eq(files.orgId, orgId), eq(files.purpose, purpose), inArray(files.id, ids)));
  const found = new Set(rows.filter((r) => !opts.imagesOnly || r.contentType.startsWith("image/")).map((r) => r.id));
  if (ids.some((id) => !found.has(id))) {
    const what = purpose === "portfolio_photo" || purpose === "artisan_photo" ? ["That photo", "One of the photos"] : ["That attachment", "One of the attachments"];
    throw new AppError("BAD_REQUEST", `${ids.length === 1 ? what[0] : what[1]} was not found. Upload it again.`, field);
  }
}

/** Sets a portfolio piece's photos to exactly `fileIds`, in that order. */
export async function setPiecePhotos(tx: Tx, orgId: string, pieceId: string, fileIds: string[]) {
  await assertOwnFiles(tx, orgId, fileIds, "portfolio_photo", "photoFileIds", { imagesOnly: true });
  await tx.delete(portfolioPiecePhotos).where(and(eq(portfolioPiecePhotos.pieceId, pieceId), eq(portfolioPiecePhotos.orgId, orgId)));
  if (fileIds.length === 0) return;
  await tx.insert(portfolioPiecePhotos).values(fileIds.map((fileId, position) => ({ pieceId, fileId, orgId, position })));
}

/** The photo ids of each piece, in display order; a piece without photos maps to []. */
export async function piecePhotoIds(tx: Queryable, pieceIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map(pieceIds.map((id) => [id, [] as string[]]));
  if (pieceIds.length === 0) return out;
  const rows = await tx
    .select({ pieceId: portfolioPiecePhotos.pieceId, fileId: portfolioPiecePhotos.fileId })
    .from(portfolioPiecePhotos)
    .where(inArray(portfolioPiecePhotos.pieceId, pieceIds))
    .orderBy(asc(portfolioPiecePhotos.pieceId), asc(portfolioPiecePhotos.position));
  for (const r of rows) out.get(r.pieceId)?.push(r.fileId);
  return out;
}

/** Adds `photoFileIds` to each piece, read from its join rows. */
export async function withPhotoIds<T extends { id: string }>(tx: Queryable, pieces: T[]): Promise<(T & { photoFileIds: string[] })[]> {
  const photos = await piecePhotoIds(tx, pieces.map((p) => p.id));
  return pieces.map((p) => ({ ...p, photoFileIds: photos.get(p.id) ?? [] }));
}

/** Attaches a brand's uploads to its new sample request, in order. A file is attached to one request only. */
export async function attachSampleRequestFiles(tx: Tx, orgId: string, sampleRequestId: string, fileIds: string[]) {
  if (fileIds.length === 0) return;
  await assertOwnFiles(tx, orgId, fileIds, "sample_request_attachment", "attachmentFileIds");
  const taken = await tx.select({ id: sampleRequestAttachments.fileId }).from(sampleRequestAttachments).where(inArray(sampleRequestAttachments.fileId, fileIds));
  if (taken.length > 0) throw new AppError("BAD_REQUEST", "One of the attachments was not found. Upload it again.", "attachmentFileIds");
  await tx.insert(sampleRequestAttachments).values(fileIds.map((fileId, position) => ({ sampleRequestId, fileId, orgId, position })));
}

/**
 * Removes files attached to nothing that were uploaded before `now - UNATTACHED_FILE_TTL_MS`: their rows,
 * then their bytes. Runs as a scheduled job. Returns how many were swept.
 */
export async function sweepUnattachedFiles(db: Db, opts: { now?: Date; storage?: Storage } = {}): Promise<number> {
  const cutoff = new Date((opts.now ?? new Date()).getTime() - UNATTACHED_FILE_TTL_MS);
  const storage = opts.storage ?? getStorage();
  const gone = await db
    .delete(files)
    .where(
      and(
        lt(files.createdAt, cutoff),
        notExists(db.select({ id: portfolioPiecePhotos.fileId }).from(portfolioPiecePhotos).where(eq(portfolioPiecePhotos.fileId, files.id))),
        notExists(db.select({ id: sampleRequestAttachments.fileId }).from(sampleRequestAttachments).where(eq(sampleRequestAttachments.fileId, files.id))),
        notExists(db.select({ id: workshopArtisans.id }).from(workshopArtisans).where(eq(workshopArtisans.photoFileId, files.id))),
        notExists(db.select({ id: designRevisionAttachments.fileId }).from(designRevisionAttachments).where(eq(designRevisionAttachments.fileId, files.id))),
        notExists(db.select({ id: collectionStyleFiles.fileId }).from(collectionStyleFiles).where(eq(collectionStyleFiles.fileId, files.id))),
        notExists(db.select({ id: designs.id }).from(designs).where(eq(designs.coverFileId, files.id))),
        notExists(db.select({ id: rfqAttachments.fileId }).from(rfqAttachments).where(eq(rfqAttachments.fileId, files.id))),
        notExists(db.select({ id: quoteVersionAttachments.fileId }).from(quoteVersionAttachments).where(eq(quoteVersionAttachments.fileId, files.id))),
        notExists(db.select({ id: rfqMessageAttachments.fileId }).from(rfqMessageAttachments).where(eq(rfqMessageAttachments.fileId, files.id))),
        notExists(db.select({ id: orderMilestonePhotos.fileId }).from(orderMilestonePhotos).where(eq(orderMilestonePhotos.fileId, files.id))),
        notExists(db.select({ id: preorderCampaignImages.fileId }).from(preorderCampaignImages).where(eq(preorderCampaignImages.fileId, files.id))),
      ),
    )
    .returning({ storageKey: files.storageKey, variants: files.variants });
  // The rows are gone first: a key whose delete fails is unreachable, never served.
  await Promise.allSettled(gone.flatMap((f) => [f.storageKey, ...Object.values(f.variants).map((v) => v.key)]).map((key) => storage.delete(key)));
  return gone.length;
}
