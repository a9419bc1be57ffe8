import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import type { Db, Queryable, Tx } from "../db/client";
import { withOrg } from "../db/tenant";
import { collections, collectionStyleFiles, designs, files } from "../db/schema";
import { AppError } from "../errors";
import { COLLECTIONS_PAGE_SIZE, type CollectionFields } from "~/lib/design-schemas";
import { assertOwnFiles } from "./file-attachments";
import { recordEvent } from "./events";
import type { Actor } from "./members";
import { designSummaries } from "./designs";

const collectionNotFound = () => new AppError("NOT_FOUND", "That collection was not found.");

export async function findCollection(tx: Queryable, orgId: string, collectionId: string) {
  const [row] = await tx
    .select()
    .from(collections)
    .where(and(eq(collections.id, collectionId), eq(collections.orgId, orgId)));
  return row ?? null;
}

async function lockCollection(tx: Tx, orgId: string, collectionId: string) {
  const [row] = await tx
    .select()
    .from(collections)
    .where(and(eq(collections.id, collectionId), eq(collections.orgId, orgId)))
    .for("update");
  if (!row) throw collectionNotFound();
  return row;
}

export async function createCollection(db: Db, actor: Actor, input: { fields: CollectionFields }) {
  return withOrg(db, actor.orgId, async (tx) => {
    const [row] = await tx
      .insert(collections)
      .values({ orgId: actor.orgId, ...input.fields, createdById: actor.userId })
      .returning();
    await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "collection.created", subjectType: "collection", subjectId: row!.id, data: { name: row!.name } });
    return row!;
  });
}

const FIELD_KEYS = ["name", "season", "description", "priceMinMinor", "priceMaxMinor", "priceCurrency"] as const;

export async function updateCollection(db: Db, actor: Actor, input: { collectionId: string; fields: CollectionFields }) {
  return withOrg(db, actor.orgId, async (tx) => {
    const before = await lockCollection(tx, actor.orgId, input.collectionId);
    const changed = FIELD_KEYS.filter((k) => before[k] !== input.fields[k]);
    if (changed.length === 0) return before;
    const [row] = await tx
      .update(collections)
      .set({ ...input.fields, updatedAt: new Date() })
      .where(and(eq(collections.id, before.id), eq(collections.orgId, actor.orgId)))
      .returning();
    await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "collection.updated", subjectType: "collection", subjectId: before.id, data: { name: row!.name, changed: [...changed] } });
    return row!;
  });
}

/** Sets the style guide's text and exactly `styleFileIds` as its files, in that order. */
export async function updateStyleGuide(db: Db, actor: Actor, input: { collectionId: string; styleGuide: string; styleFileIds: string[] }) {
  const fileIds = [...new Set(input.styleFileIds)];
  return withOrg(db, actor.orgId, async (tx) => {
    const before = await lockCollection(tx, actor.orgId, input.collectionId);
    await assertOwnFiles(tx, actor.orgId, fileIds, "collection_style_file", "styleFileIds");
    // A file belongs to one collection's guide: one used elsewhere is not this one's to take.
    if (fileIds.length > 0) {
      const elsewhere = await tx
        .select({ id: collectionStyleFiles.fileId })
        .from(collectionStyleFiles)
        .where(and(inArray(collectionStyleFiles.fileId, fileIds), eq(collectionStyleFiles.orgId, actor.orgId)));
      const mine = new Set((await styleFileIds(tx, before.id)).map((f) => f));
      if (elsewhere.some((e) => !mine.has(e.id))) throw new AppError("BAD_REQUEST", "One of the files belongs to another collection's style guide. Upload it again here.", "styleFileIds");
    }
    await tx.delete(collectionStyleFiles).where(and(eq(collectionStyleFiles.collectionId, before.id), eq(collectionStyleFiles.orgId, actor.orgId)));
    if (fileIds.length > 0) await tx.insert(collectionStyleFiles).values(fileIds.map((fileId, position) => ({ collectionId: before.id, fileId, orgId: actor.orgId, position })));
    const [row] = await tx
      .update(collections)
      .set({ styleGuide: input.styleGuide, updatedAt: new Date() })
      .where(and(eq(collections.id, before.id), eq(collections.orgId, actor.orgId)))
      .returning();
    await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "collection.style_guide_updated", subjectType: "collection", subjectId: before.id, data: { name: before.name } });
    return row!;
  });
}

async function styleFileIds(tx: Queryable, collectionId: string): Promise<string[]> {
  const rows = await tx
    .select({ fileId: collectionStyleFiles.fileId })
    .from(collectionStyleFiles)
    .where(eq(collectionStyleFiles.collectionId, collectionId))
    .orderBy(asc(collectionStyleFiles.position));
  return rows.map((r) => r.fileId);
}

/** The style guide's files, for showing and downloading. */
export async function styleFilesOf(tx: Queryable, collectionId: string) {
  return tx
    .select({ id: files.id, name: files.originalName, contentType: files.contentType, byteSize: files.byteSize, width: files.width })
    .from(collectionStyleFiles)
    .innerJoin(files, eq(files.id, collectionStyleFiles.fileId))
    .where(eq(collectionStyleFiles.collectionId, collectionId))
    .orderBy(asc(collectionStyleFiles.position));
}

/** The brand's collections, newest first, with how many designs each holds. */
export async function listCollections(db: Db, orgId: string, opts: { page: number; pageSize?: number }) {
  const pageSize = opts.pageSize ?? COLLECTIONS_PAGE_SIZE;
  return withOrg(db, orgId, async (tx) => {
    const [total] = await tx.select({ n: count() }).from(collections).where(eq(collections.orgId, orgId));
    const rows = await tx
      .select()
      .from(collections)
      .where(eq(collections.orgId, orgId))
      .orderBy(desc(collections.createdAt), asc(collections.id))
      .limit(pageSize)
      .offset((opts.page - 1) * pageSize);
    const counts = rows.length
      ? await tx
          .select({ collectionId: designs.collectionId, n: count() })
          .from(designs)
          .where(and(eq(designs.orgId, orgId), inArray(designs.collectionId, rows.map((r) => r.id))))
          .groupBy(designs.collectionId)
      : [];
    const byId = new Map(counts.map((c) => [c.collectionId, c.n]));
    return { items: rows.map((r) => ({ ...r, designCount: byId.get(r.id) ?? 0 })), total: total?.n ?? 0, page: opts.page, pageSize };
  });
}

/** Every collection's id and name, for the design form's choice and the list's filter. */
export async function collectionOptions(db: Db, orgId: string) {
  return withOrg(db, orgId, (tx) =>
    tx.select({ id: collections.id, name: collections.name, season: collections.season }).from(collections).where(eq(collections.orgId, orgId)).orderBy(asc(collections.name)),
  );
}

/** The overview: the collection, its style guide and files, and its designs with status, completeness and cover. */
export async function getCollection(db: Db, orgId: string, collectionId: string) {
  return withOrg(db, orgId, async (tx) => {
    const collection = await findCollection(tx, orgId, collectionId);
    if (!collection) throw collectionNotFound();
    const designRows = await tx
      .select({ id: designs.id })
      .from(designs)
      .where(and(eq(designs.orgId, orgId), eq(designs.collectionId, collection.id)))
      .orderBy(asc(designs.sku));
    return {
      collection,
      styleFiles: await styleFilesOf(tx, collection.id),
      designs: await designSummaries(tx, orgId, designRows.map((d) => d.id)),
    };
  });
}
