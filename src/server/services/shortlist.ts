import { and, arrayContains, asc, count, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Db, Queryable } from "../db/client";
import { withOrg } from "../db/tenant";
import { organizations, shortlistEntries, workshopProfiles } from "../db/schema";
import { AppError } from "../errors";
import { COMPARE_MAX, COMPARE_MIN } from "~/lib/shortlist-schemas";
import { recordEvent } from "./events";
import type { Actor } from "./members";
import { EMPTY_RECORD, getWorkshopRecords, type WorkshopRecord } from "./workshop-record";
import { PROFILE_FACT_COLUMNS } from "./workshop-profiles";

export const SHORTLIST_PAGE_SIZE = 20;

const entryNotFound = () => new AppError("NOT_FOUND", "That shortlist entry was not found.");

/** A workshop a brand may act on: a workshop organization whose profile is published. */
export async function findPublishedWorkshop(tx: Queryable, workshopOrgId: string) {
  const [row] = await tx
    .select({ id: organizations.id, name: organizations.name, slug: organizations.slug, timeZone: organizations.timeZone, currency: organizations.currency })
    .from(organizations)
    .innerJoin(workshopProfiles, eq(workshopProfiles.orgId, organizations.id))
    .where(and(eq(organizations.id, workshopOrgId), eq(organizations.kind, "workshop"), isNotNull(workshopProfiles.publishedAt)));
  return row ?? null;
}

/** Saves a published workshop to the brand's shortlist; saving it again returns the existing entry. */
export async function addToShortlist(db: Db, actor: Actor, input: { workshopOrgId: string }) {
  return withOrg(db, actor.orgId, async (tx) => {
    const workshop = await findPublishedWorkshop(tx, input.workshopOrgId);
    if (!workshop) throw new AppError("NOT_FOUND", "That workshop was not found.", "workshopOrgId");
    const [inserted] = await tx
      .insert(shortlistEntries)
      .values({ brandOrgId: actor.orgId, workshopOrgId: workshop.id })
      .onConflictDoNothing({ target: [shortlistEntries.brandOrgId, shortlistEntries.workshopOrgId] })
      .returning();
    if (inserted) {
      await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "shortlist.added", subjectType: "shortlist_entry", subjectId: inserted.id, data: { workshop: workshop.name } });
      return inserted;
    }
    const [existing] = await tx
      .select()
      .from(shortlistEntries)
      .where(and(eq(shortlistEntries.brandOrgId, actor.orgId), eq(shortlistEntries.workshopOrgId, workshop.id)));
    if (!existing) throw new Error("shortlist entry vanished between insert and select");
    return existing;
  });
}

async function workshopNameOf(tx: Queryable, workshopOrgId: string) {
  const [w] = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, workshopOrgId));
  return w?.name ?? "a workshop";
}

export async function removeFromShortlist(db: Db, actor: Actor, input: { entryId: string }) {
  return withOrg(db, actor.orgId, async (tx) => {
    const [removed] = await tx
      .delete(shortlistEntries)
      .where(and(eq(shortlistEntries.id, input.entryId), eq(shortlistEntries.brandOrgId, actor.orgId)))
      .returning();
    if (!removed) throw entryNotFound();
    await recordEvent(tx, {
      orgId: actor.orgId,
      actorId: actor.userId,
      action: "shortlist.removed",
      subjectType: "shortlist_entry",
      subjectId: removed.id,
      data: { workshop: await workshopNameOf(tx, removed.workshopOrgId) },
    });
    return { id: removed.id, workshopOrgId: removed.workshopOrgId };
  });
}

export async function updateShortlistEntry(db: Db, actor: Actor, input: { entryId: string; note?: string; tags?: string[] }) {
  return withOrg(db, actor.orgId, async (tx) => {
    const [before] = await tx
      .select()
      .from(shortlistEntries)
      .where(and(eq(shortlistEntries.id, input.entryId), eq(shortlistEntries.brandOrgId, actor.orgId)))
      .for("update");
    if (!before) throw entryNotFound();
    const changed: string[] = [];
    if (input.note !== undefined && input.note !== before.note) changed.push("note");
    if (input.tags !== undefined && input.tags.join("\u0000") !== before.tags.join("\u0000")) changed.push("tags");
    if (changed.length === 0) return before;
    const [entry] = await tx
      .update(shortlistEntries)
      .set({ note: input.note ?? before.note, tags: input.tags ?? before.tags, updatedAt: new Date() })
      .where(and(eq(shortlistEntries.id, before.id), eq(shortlistEntries.brandOrgId, actor.orgId)))
      .returning();
    await recordEvent(tx, {
      orgId: actor.orgId,
      actorId: actor.userId,
      action: "shortlist.updated",
      subjectType: "shortlist_entry",
      subjectId: before.id,
      data: { workshop: await workshopNameOf(tx, before.workshopOrgId), changed },
    });
    return entry!;
  });
}

/**
 * What the brand sees of a shortlisted workshop. The profile part is null while the workshop is not
 * published: an unpublished profile is invisible everywhere, even to those who saved it earlier.
 */
const entryColumns = {
  id: shortlistEntries.id,
  workshopOrgId: shortlistEntries.workshopOrgId,
  note: shortlistEntries.note,
  tags: shortlistEntries.tags,
  createdAt: shortlistEntries.createdAt,
  updatedAt: shortlistEntries.updatedAt,
  workshopName: organizations.name,
  workshopSlug: organizations.slug,
  publishedAt: workshopProfiles.publishedAt,
  ...PROFILE_FACT_COLUMNS,
};

function entriesQuery(tx: Queryable) {
  return tx
    .select(entryColumns)
    .from(shortlistEntries)
    .innerJoin(organizations, eq(organizations.id, shortlistEntries.workshopOrgId))
    .leftJoin(workshopProfiles, eq(workshopProfiles.orgId, shortlistEntries.workshopOrgId));
}

type EntryRow = Awaited<ReturnType<typeof entriesQuery>>[number];

function shapeEntry(row: EntryRow) {
  const { publishedAt, headline, city, country, capabilities, metals, gemstoneWork, certifications, moqPerDesign, leadTimeMinDays, leadTimeMaxDays, ...entry } = row;
  const profile = publishedAt
    ? {
        headline: headline ?? "",
        city: city ?? "",
        country: country ?? "",
        capabilities: capabilities ?? [],
        metals: metals ?? [],
        gemstoneWork: gemstoneWork ?? [],
        certifications: certifications ?? [],
        moqPerDesign,
        leadTimeMinDays,
        leadTimeMaxDays,
      }
    : null;
  return { ...entry, profile };
}

export type ShortlistItem = ReturnType<typeof shapeEntry>;

export async function listShortlist(db: Db, orgId: string, opts: { tag?: string | null; page: number; pageSize?: number }) {
  const pageSize = opts.pageSize ?? SHORTLIST_PAGE_SIZE;
  return withOrg(db, orgId, async (tx) => {
    const where = and(eq(shortlistEntries.brandOrgId, orgId), opts.tag ? arrayContains(shortlistEntries.tags, [opts.tag]) : undefined);
    const [total] = await tx.select({ n: count() }).from(shortlistEntries).where(where);
    const rows = await entriesQuery(tx)
      .where(where)
      .orderBy(desc(shortlistEntries.createdAt), asc(shortlistEntries.id))
      .limit(pageSize)
      .offset((opts.page - 1) * pageSize);
    const tagRows = await tx
      .select({ tag: sql<string>`t.tag` })
      .from(sql`${shortlistEntries}, unnest(${shortlistEntries.tags}) as t(tag)`)
      .where(eq(shortlistEntries.brandOrgId, orgId))
      .groupBy(sql`t.tag`)
      .orderBy(sql`t.tag`);
    return { items: rows.map(shapeEntry), total: total?.n ?? 0, page: opts.page, pageSize, allTags: tagRows.map((t) => t.tag) };
  });
}

/** The brand's entry for one workshop, or null: drives the "Save to shortlist" toggle. */
export async function getShortlistEntryFor(db: Db, orgId: string, workshopOrgId: string) {
  return withOrg(db, orgId, async (tx) => {
    const [entry] = await tx
      .select({ id: shortlistEntries.id, note: shortlistEntries.note, tags: shortlistEntries.tags })
      .from(shortlistEntries)
      .where(and(eq(shortlistEntries.brandOrgId, orgId), eq(shortlistEntries.workshopOrgId, workshopOrgId)));
    return entry ?? null;
  });
}

export type CompareItem = ShortlistItem & { record: WorkshopRecord };

/** 2–4 of the brand's entries side by side, in the order asked, each with the workshop's record. */
export async function compareShortlist(db: Db, orgId: string, entryIds: string[]): Promise<CompareItem[]> {
  const ids = [...new Set(entryIds)];
  if (ids.length < COMPARE_MIN || ids.length > COMPARE_MAX) {
    throw new AppError("BAD_REQUEST", `Choose ${COMPARE_MIN} to ${COMPARE_MAX} workshops to compare.`, "entryIds");
  }
  return withOrg(db, orgId, async (tx) => {
    const rows = await entriesQuery(tx).where(and(eq(shortlistEntries.brandOrgId, orgId), inArray(shortlistEntries.id, ids)));
    if (rows.length !== ids.length) throw new AppError("NOT_FOUND", "One of those workshops is no longer on your shortlist.", "entryIds");
    const items = rows.map(shapeEntry);
    // Records only for published workshops; an unpublished one shows nothing but its name.
    const records = await getWorkshopRecords(tx, items.filter((i) => i.profile).map((i) => i.workshopOrgId));
    const byId = new Map(items.map((i) => [i.id, i]));
    return ids.map((id) => {
      const item = byId.get(id)!;
      return { ...item, record: records.get(item.workshopOrgId) ?? { ...EMPTY_RECORD } };
    });
  });
}
