import type { Db } from "~/server/db/client";
import { files, portfolioPiecePhotos, portfolioPieces, sampleRequestAttachments, sampleRequests } from "~/server/db/schema";
import type { FilePurpose } from "~/lib/files";

/** A file row (no bytes in storage), for tests that only need a file to exist. */
export async function fileRow(db: Db, orgId: string, purpose: FilePurpose = "portfolio_photo") {
  const [row] = await db
    .insert(files)
    .values({ orgId, purpose, originalName: "ring.jpg", contentType: "image/jpeg", byteSize: 1234, storageKey: `test/${crypto.randomUUID()}` })
    .returning();
  return row!;
}

type PieceValues = typeof portfolioPieces.$inferInsert & { photoFileIds?: string[] };

/** A portfolio piece with its photos attached in order, written straight to the database. */
export async function insertPiece(db: Db, values: PieceValues) {
  const { photoFileIds = [], ...piece } = values;
  const [row] = await db.insert(portfolioPieces).values(piece).returning();
  await setPhotos(db, row!, photoFileIds);
  return row!;
}

/** Replaces a piece's photos, in order. */
export async function setPhotos(db: Db, piece: { id: string; orgId: string }, photoFileIds: string[]) {
  const { and, eq } = await import("drizzle-orm");
  await db.delete(portfolioPiecePhotos).where(and(eq(portfolioPiecePhotos.pieceId, piece.id), eq(portfolioPiecePhotos.orgId, piece.orgId)));
  if (photoFileIds.length === 0) return;
  await db.insert(portfolioPiecePhotos).values(photoFileIds.map((fileId, position) => ({ pieceId: piece.id, fileId, orgId: piece.orgId, position })));
}

type RequestValues = typeof sampleRequests.$inferInsert & { attachmentFileIds?: string[] };

/** A sample request with attachments, written straight to the database. */
export async function insertSampleRequest(db: Db, values: RequestValues) {
  const { attachmentFileIds = [], ...request } = values;
  const [row] = await db.insert(sampleRequests).values(request).returning();
  if (attachmentFileIds.length > 0) {
    await db.insert(sampleRequestAttachments).values(attachmentFileIds.map((fileId, position) => ({ sampleRequestId: row!.id, fileId, orgId: row!.brandOrgId, position })));
  }
  return row!;
}
