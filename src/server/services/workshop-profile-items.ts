import { and, count, eq, max } from "drizzle-orm";
import type { Db, Tx } from "../db/client";
import { withOrg } from "../db/tenant";
import { portfolioPieces, workshopArtisans, workshopProfiles } from "../db/schema";
import { AppError, notFound } from "../errors";
import { ARTISANS_MAX, PORTFOLIO_PIECES_MAX, type ArtisanInput, type PortfolioPieceInput } from "~/lib/workshop-profile-schemas";
import { recordEvent } from "./events";
import { assertOwnFiles, setPiecePhotos, withPhotoIds } from "./file-attachments";
import type { Actor } from "./members";
import { assertPublishedStaysComplete, listArtisans, listPortfolioPieces } from "./workshop-profiles";

/** The artisans and portfolio pieces of a workshop profile: add, change, remove, reorder. */

function changedKeys<T extends object>(before: T, after: T, keys: readonly (keyof T)[]) {
  return keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])) as string[];
}

/** Checks that `ids` is exactly the current set, so a stale list cannot drop or duplicate a position. */
function assertSameSet(ids: string[], current: { id: string }[], field: string) {
  const known = new Set(current.map((r) => r.id));
  if (ids.length !== known.size || new Set(ids).size !== ids.length || ids.some((id) => !known.has(id))) {
    throw new AppError("BAD_REQUEST", "The list changed while you were editing it. Reload the page and try again.", field);
  }
}

/**
 * Adding an item counts the existing ones and takes the next position; two adds at once would both see the
 * same count. The profile row is locked first, so adds to one profile take turns.
 */
async function lockProfile(tx: Tx, orgId: string) {
  const [row] = await tx.select({ orgId: workshopProfiles.orgId }).from(workshopProfiles).where(eq(workshopProfiles.orgId, orgId)).for("update");
  if (!row) throw notFound("Workshop");
}

// Artisans --------------------------------------------------------------------------------------------

const ARTISAN_KEYS = ["name", "role", "bio", "photoFileId"] as const;

export async function createArtisan(db: Db, actor: Actor, input: ArtisanInput) {
  return withOrg(db, actor.orgId, async (tx) => {
    await lockProfile(tx, actor.orgId);
    const [stats] = await tx.select({ n: count(), last: max(workshopArtisans.position) }).from(workshopArtisans).where(eq(workshopArtisans.orgId, actor.orgId));
    if ((stats?.n ?? 0) >= ARTISANS_MAX) throw new AppError("BAD_REQUEST", `A profile shows at most ${ARTISANS_MAX} artisans. Remove one to add another.`);
    const [artisan] = await tx
      .insert(workshopArtisans)
      .values({ ...input, orgId: actor.orgId, position: (stats?.last ?? -1) + 1 })
      .returning();
    if (input.photoFileId) await assertOwnFiles(tx, actor.orgId, [input.photoFileId], "artisan_photo", "photoFileId", { imagesOnly: true });
    await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "workshop_artisan.added", subjectType: "workshop_artisan", subjectId: artisan!.id, data: { name: artisan!.name } });
    return artisan!;
  });
}

export async function updateArtisan(db: Db, actor: Actor, input: ArtisanInput & { artisanId: string }) {
  const { artisanId, ...values } = input;
  return withOrg(db, actor.orgId, async (tx) => {
    const [before] = await tx.select().from(workshopArtisans).where(and(eq(workshopArtisans.id, artisanId), eq(workshopArtisans.orgId, actor.orgId)));
    if (!before) throw notFound("Artisan");
    if (values.photoFileId && values.photoFileId !== before.photoFileId) {
      await assertOwnFiles(tx, actor.orgId, [values.photoFileId], "artisan_photo", "photoFileId", { imagesOnly: true });
    }
    const [after] = await tx
      .update(workshopArtisans)
      .set(values)
      .where(and(eq(workshopArtisans.id, artisanId), eq(workshopArtisans.orgId, actor.orgId)))
      .returning();
    const changed = changedKeys(before, after!, ARTISAN_KEYS);
    if (changed.length > 0) {
      await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "workshop_artisan.updated", subjectType: "workshop_artisan", subjectId: artisanId, data: { name: after!.name, changed } });
    }
    return after!;
  });
}

export async function removeArtisan(db: Db, actor: Actor, input: { artisanId: string }) {
  return withOrg(db, actor.orgId, async (tx) => {
    const [gone] = await tx
      .delete(workshopArtisans)
      .where(and(eq(workshopArtisans.id, input.artisanId), eq(workshopArtisans.orgId, actor.orgId)))
      .returning();
    if (!gone) throw notFound("Artisan");
    await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "workshop_artisan.removed", subjectType: "workshop_artisan", subjectId: gone.id, data: { name: gone.name } });
    return { ok: true as const };
  });
}

export async function reorderArtisans(db: Db, actor: Actor, input: { artisanIds: string[] }) {
  return withOrg(db, actor.orgId, async (tx) => {
    assertSameSet(input.artisanIds, await listArtisans(tx, actor.orgId), "artisanIds");
    for (const [position, id] of input.artisanIds.entries()) {
      await tx
        .update(workshopArtisans)
        .set({ position })
        .where(and(eq(workshopArtisans.id, id), eq(workshopArtisans.orgId, actor.orgId)));
    }
    await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "workshop_artisan.reordered", subjectType: "workshop_profile", subjectId: actor.orgId });
    return listArtisans(tx, actor.orgId);
  });
}

// Portfolio pieces --------------------------------------------------------------------------------------

const PIECE_KEYS = ["title", "description", "metals", "techniques", "photoFileIds"] as const;

export async function createPortfolioPiece(db: Db, actor: Actor, input: PortfolioPieceInput) {
  return withOrg(db, actor.orgId, async (tx) => {
    await lockProfile(tx, actor.orgId);
    const [stats] = await tx.select({ n: count(), last: max(portfolioPieces.position) }).from(portfolioPieces).where(eq(portfolioPieces.orgId, actor.orgId));
    if ((stats?.n ?? 0) >= PORTFOLIO_PIECES_MAX) {
      throw new AppError("BAD_REQUEST", `A portfolio holds at most ${PORTFOLIO_PIECES_MAX} pieces. Remove one to add another.`);
    }
    const { photoFileIds, ...fields } = input;
    const [piece] = await tx
      .insert(portfolioPieces)
      .values({ ...fields, orgId: actor.orgId, position: (stats?.last ?? -1) + 1 })
      .returning();
    await setPiecePhotos(tx, actor.orgId, piece!.id, photoFileIds);
    await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "portfolio_piece.added", subjectType: "portfolio_piece", subjectId: piece!.id, data: { title: piece!.title } });
    return { ...piece!, photoFileIds };
  });
}

export async function updatePortfolioPiece(db: Db, actor: Actor, input: PortfolioPieceInput & { pieceId: string }) {
  const { pieceId, photoFileIds, ...values } = input;
  return withOrg(db, actor.orgId, async (tx) => {
    const [row] = await tx.select().from(portfolioPieces).where(and(eq(portfolioPieces.id, pieceId), eq(portfolioPieces.orgId, actor.orgId)));
    if (!row) throw notFound("Portfolio piece");
    const [before] = await withPhotoIds(tx, [row]);
    await setPiecePhotos(tx, actor.orgId, pieceId, photoFileIds);
    const [updated] = await tx
      .update(portfolioPieces)
      .set(values)
      .where(and(eq(portfolioPieces.id, pieceId), eq(portfolioPieces.orgId, actor.orgId)))
      .returning();
    const after = { ...updated!, photoFileIds };
    const changed = changedKeys(before!, after, PIECE_KEYS);
    if (changed.length > 0) {
      await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "portfolio_piece.updated", subjectType: "portfolio_piece", subjectId: pieceId, data: { title: after.title, changed } });
    }
    await assertPublishedStaysComplete(tx, actor.orgId);
    return after;
  });
}

export async function removePortfolioPiece(db: Db, actor: Actor, input: { pieceId: string }) {
  return withOrg(db, actor.orgId, async (tx) => {
    const [gone] = await tx
      .delete(portfolioPieces)
      .where(and(eq(portfolioPieces.id, input.pieceId), eq(portfolioPieces.orgId, actor.orgId)))
      .returning();
    if (!gone) throw notFound("Portfolio piece");
    await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "portfolio_piece.removed", subjectType: "portfolio_piece", subjectId: gone.id, data: { title: gone.title } });
    await assertPublishedStaysComplete(tx, actor.orgId);
    return { ok: true as const };
  });
}

export async function reorderPortfolioPieces(db: Db, actor: Actor, input: { pieceIds: string[] }) {
  return withOrg(db, actor.orgId, async (tx) => {
    assertSameSet(input.pieceIds, await listPortfolioPieces(tx, actor.orgId), "pieceIds");
    for (const [position, id] of input.pieceIds.entries()) {
      await tx
        .update(portfolioPieces)
        .set({ position })
        .where(and(eq(portfolioPieces.id, id), eq(portfolioPieces.orgId, actor.orgId)));
    }
    await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "portfolio_piece.reordered", subjectType: "workshop_profile", subjectId: actor.orgId });
    return listPortfolioPieces(tx, actor.orgId);
  });
}
