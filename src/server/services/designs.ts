import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Db, Queryable, Tx } from "../db/client";
import { withOrg } from "../db/tenant";
import { collections, designRevisionAttachments, designRevisions, designs, files } from "../db/schema";
import { AppError } from "../errors";
import { completenessGaps, completenessPercent } from "~/lib/design-completeness";
import { DESIGNS_PAGE_SIZE, type DesignFields, type DesignRevisionStatus, type DesignSort } from "~/lib/design-schemas";
import { emptySpec, type AttachmentKind, type DesignCategory } from "~/lib/design-spec";
import { recordEvent } from "./events";
import type { Actor } from "./members";

export const designNotFound = () => new AppError("NOT_FOUND", "That design was not found.");

/** A unique-index violation on the brand's SKUs, from PostgreSQL or PGlite. */
function isSkuTaken(err: unknown): boolean {
  for (let e: unknown = err; e instanceof Error; e = (e as Error & { cause?: unknown }).cause) {
    const pgErr = e as Error & { code?: string; constraint?: string };
    if (pgErr.code === "23505" && (pgErr.constraint === "designs_org_sku_key" || pgErr.message.includes("designs_org_sku_key"))) return true;
  }
  return false;
}

const skuTaken = (sku: string) => new AppError("CONFLICT", `Another design of yours already has the SKU ${sku}. SKUs are unique within your brand.`, "sku");

export async function lockDesign(tx: Tx, orgId: string, designId: string) {
  const [row] = await tx
    .select()
    .from(designs)
    .where(and(eq(designs.id, designId), eq(designs.orgId, orgId)))
    .for("update");
  if (!row) throw designNotFound();
  return row;
}

async function assertOwnCollection(tx: Queryable, orgId: string, collectionId: string | null) {
  if (!collectionId) return;
  const [row] = await tx
    .select({ id: collections.id })
    .from(collections)
    .where(and(eq(collections.id, collectionId), eq(collections.orgId, orgId)));
  if (!row) throw new AppError("BAD_REQUEST", "That collection was not found. Choose another.", "collectionId");
}

/** A new design with its first revision, an empty draft. The SKU must be new within the brand. */
export async function createDesign(db: Db, actor: Actor, input: { fields: DesignFields }) {
  const { fields } = input;
  try {
    return await withOrg(db, actor.orgId, async (tx) => {
      await assertOwnCollection(tx, actor.orgId, fields.collectionId);
      const [design] = await tx
        .insert(designs)
        .values({ orgId: actor.orgId, sku: fields.sku, name: fields.name, category: fields.category, collectionId: fields.collectionId, createdById: actor.userId })
        .returning();
      const [revision] = await tx
        .insert(designRevisions)
        .values({ orgId: actor.orgId, designId: design!.id, number: 1, spec: emptySpec(), createdById: actor.userId })
        .returning({ id: designRevisions.id, number: designRevisions.number });
      await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "design.created", subjectType: "design", subjectId: design!.id, data: { sku: design!.sku, name: design!.name } });
      return { ...design!, revision: revision! };
    });
  } catch (err) {
    if (isSkuTaken(err)) throw skuTaken(fields.sku);
    throw err;
  }
}

/** SKU, name, collection, and the category while no revision is approved. */
export async function updateDesign(db: Db, actor: Actor, input: { designId: string; fields: DesignFields }) {
  const { fields } = input;
  try {
    return await withOrg(db, actor.orgId, async (tx) => {
      const before = await lockDesign(tx, actor.orgId, input.designId);
      await assertOwnCollection(tx, actor.orgId, fields.collectionId);
      if (fields.category !== before.category && (await approvedCount(tx, before.id)) > 0) {
        throw new AppError("BAD_REQUEST", "The category cannot change once a revision is approved: its spec was written for this category. Create a new design instead.", "category");
      }
      const changed = (["sku", "name", "category", "collectionId"] as const).filter((k) => before[k] !== fields[k]);
      if (changed.length === 0) return before;
      const [row] = await tx
        .update(designs)
        .set({ ...fields, updatedAt: new Date() })
        .where(and(eq(designs.id, before.id), eq(designs.orgId, actor.orgId)))
        .returning();
      await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "design.updated", subjectType: "design", subjectId: before.id, data: { sku: row!.sku, changed: [...changed] } });
      return row!;
    });
  } catch (err) {
    if (isSkuTaken(err)) throw skuTaken(fields.sku);
    throw err;
  }
}

async function approvedCount(tx: Queryable, designId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(designRevisions)
    .where(and(eq(designRevisions.designId, designId), eq(designRevisions.status, "approved")));
  return row?.n ?? 0;
}

/** The cover: one of the design's image attachments (of any revision), or null for the default. */
export async function setDesignCover(db: Db, actor: Actor, input: { designId: string; coverFileId: string | null }) {
  return withOrg(db, actor.orgId, async (tx) => {
    const before = await lockDesign(tx, actor.orgId, input.designId);
    if (input.coverFileId) {
      const [attached] = await tx
        .select({ id: files.id })
        .from(designRevisionAttachments)
        .innerJoin(designRevisions, eq(designRevisions.id, designRevisionAttachments.revisionId))
        .innerJoin(files, eq(files.id, designRevisionAttachments.fileId))
        .where(and(eq(designRevisions.designId, before.id), eq(designRevisionAttachments.orgId, actor.orgId), eq(files.id, input.coverFileId), sql`${files.width} is not null`))
        .limit(1);
      if (!attached) throw new AppError("BAD_REQUEST", "Choose one of the design's images as its cover.", "coverFileId");
    }
    const [row] = await tx
      .update(designs)
      .set({ coverFileId: input.coverFileId, updatedAt: new Date() })
      .where(and(eq(designs.id, before.id), eq(designs.orgId, actor.orgId)))
      .returning();
    await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "design.updated", subjectType: "design", subjectId: before.id, data: { sku: before.sku, changed: ["cover"] } });
    return row!;
  });
}

export type AttachmentRow = { fileId: string; name: string; kind: AttachmentKind; contentType: string; byteSize: number; width: number | null; height: number | null; position: number };

/** The files of each revision, in order. */
export async function attachmentsOf(tx: Queryable, revisionIds: string[]): Promise<Map<string, AttachmentRow[]>> {
  const out = new Map(revisionIds.map((id) => [id, [] as AttachmentRow[]]));
  if (revisionIds.length === 0) return out;
  const rows = await tx
    .select({
      revisionId: designRevisionAttachments.revisionId,
      fileId: files.id,
      name: files.originalName,
      kind: designRevisionAttachments.kind,
      contentType: files.contentType,
      byteSize: files.byteSize,
      width: files.width,
      height: files.height,
      position: designRevisionAttachments.position,
    })
    .from(designRevisionAttachments)
    .innerJoin(files, eq(files.id, designRevisionAttachments.fileId))
    .where(inArray(designRevisionAttachments.revisionId, revisionIds))
    .orderBy(asc(designRevisionAttachments.revisionId), asc(designRevisionAttachments.position));
  for (const { revisionId, ...a } of rows) out.get(revisionId)?.push(a);
  return out;
}

/** The latest revision of each design (a draft, or the last approved one). */
const latestRevisionId = sql<string>`(select r.id from ${designRevisions} r where r.design_id = ${designs.id} order by r.number desc limit 1)`;
const latestStatus = sql<DesignRevisionStatus>`(select r.status from ${designRevisions} r where r.design_id = ${designs.id} order by r.number desc limit 1)`;
const approvedNumber = sql<number | null>`(select max(r.number) from ${designRevisions} r where r.design_id = ${designs.id} and r.status = 'approved')`;

export type DesignSummary = Awaited<ReturnType<typeof designSummaries>>[number];

/** What lists show of designs: SKU, name, category, collection, status, completeness and cover, in the order of `ids`. */
export async function designSummaries(tx: Queryable, orgId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await tx
    .select({
      id: designs.id,
      sku: designs.sku,
      name: designs.name,
      category: designs.category,
      collectionId: designs.collectionId,
      collectionName: collections.name,
      coverFileId: designs.coverFileId,
      updatedAt: designs.updatedAt,
      createdAt: designs.createdAt,
      latestRevisionId,
      approvedNumber,
    })
    .from(designs)
    .leftJoin(collections, eq(collections.id, designs.collectionId))
    .where(and(eq(designs.orgId, orgId), inArray(designs.id, ids)));
  const revisionIds = rows.map((r) => r.latestRevisionId).filter((id): id is string => id !== null);
  const revisions = revisionIds.length
    ? await tx
        .select({ id: designRevisions.id, number: designRevisions.number, status: designRevisions.status, spec: designRevisions.spec, updatedAt: designRevisions.updatedAt })
        .from(designRevisions)
        .where(inArray(designRevisions.id, revisionIds))
    : [];
  const byId = new Map(revisions.map((r) => [r.id, r]));
  const attachments = await attachmentsOf(tx, revisionIds);
  const summaries = rows.map((row) => {
    const latest = row.latestRevisionId ? byId.get(row.latestRevisionId) : undefined;
    const files = latest ? (attachments.get(latest.id) ?? []) : [];
    const gaps = latest ? completenessGaps(row.category, latest.spec, files) : [];
    const cover = row.coverFileId ?? files.find((f) => f.width !== null)?.fileId ?? null;
    return {
      id: row.id,
      sku: row.sku,
      name: row.name,
      category: row.category,
      collectionId: row.collectionId,
      collectionName: row.collectionName,
      coverFileId: cover,
      updatedAt: row.updatedAt,
      createdAt: row.createdAt,
      latest: latest ? { id: latest.id, number: latest.number, status: latest.status } : null,
      approvedNumber: row.approvedNumber === null ? null : Number(row.approvedNumber),
      completeness: { percent: latest?.status === "approved" ? 100 : completenessPercent(gaps), missing: latest?.status === "approved" ? 0 : gaps.length },
    };
  });
  const order = new Map(ids.map((id, i) => [id, i]));
  return summaries.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

const SORTS: Record<DesignSort, SQL[]> = {
  updated: [desc(designs.updatedAt), asc(designs.id)],
  created: [desc(designs.createdAt), asc(designs.id)],
  sku: [asc(sql`lower(${designs.sku})`), asc(designs.id)],
  name: [asc(sql`lower(${designs.name})`), asc(designs.id)],
};

/** `%` and `_` typed by a person are literal characters, not wildcards. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listDesigns(
  db: Db,
  orgId: string,
  opts: { q: string; collectionId?: string | null; category?: DesignCategory | null; status?: DesignRevisionStatus | null; sort: DesignSort; page: number; pageSize?: number },
) {
  const pageSize = opts.pageSize ?? DESIGNS_PAGE_SIZE;
  return withOrg(db, orgId, async (tx) => {
    // A collection filter names one of the brand's collections; another's answers as not found.
    if (opts.collectionId) {
      const [own] = await tx.select({ id: collections.id }).from(collections).where(and(eq(collections.id, opts.collectionId), eq(collections.orgId, orgId)));
      if (!own) throw new AppError("NOT_FOUND", "That collection was not found.", "collectionId");
    }
    const where = and(
      eq(designs.orgId, orgId),
      opts.q ? or(ilike(designs.sku, likePattern(opts.q)), ilike(designs.name, likePattern(opts.q))) : undefined,
      opts.collectionId ? eq(designs.collectionId, opts.collectionId) : undefined,
      opts.category ? eq(designs.category, opts.category) : undefined,
      opts.status ? sql`${latestStatus} = ${opts.status}` : undefined,
    );
    const [total] = await tx.select({ n: count() }).from(designs).where(where);
    const [all] = await tx.select({ n: count() }).from(designs).where(eq(designs.orgId, orgId));
    const page = await tx
      .select({ id: designs.id })
      .from(designs)
      .where(where)
      .orderBy(...SORTS[opts.sort])
      .limit(pageSize)
      .offset((opts.page - 1) * pageSize);
    return { items: await designSummaries(tx, orgId, page.map((p) => p.id)), total: total?.n ?? 0, all: all?.n ?? 0, page: opts.page, pageSize };
  });
}

/** The design page: the design, its collection and every revision with who approved it and when. */
export async function getDesign(db: Db, orgId: string, designId: string) {
  return withOrg(db, orgId, async (tx) => {
    const [summary] = await designSummaries(tx, orgId, [designId]);
    if (!summary) throw designNotFound();
    const history = await tx
      .select({
        id: designRevisions.id,
        number: designRevisions.number,
        status: designRevisions.status,
        createdAt: designRevisions.createdAt,
        updatedAt: designRevisions.updatedAt,
        approvedAt: designRevisions.approvedAt,
        approvedByName: designRevisions.approvedByName,
        basedOnNumber: sql<number | null>`(select b.number from ${designRevisions} b where b.id = ${designRevisions.basedOnId})`,
      })
      .from(designRevisions)
      .where(and(eq(designRevisions.designId, summary.id), eq(designRevisions.orgId, orgId)))
      .orderBy(desc(designRevisions.number));
    return { design: summary, revisions: history };
  });
}
