import { sql } from "drizzle-orm";
import { bigint, char, check, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { ATTACHMENT_KINDS, DESIGN_CATEGORIES, type DesignSpec } from "~/lib/design-spec";
import { DESIGN_REVISION_STATUSES } from "~/lib/design-schemas";
import { attachedFileColumns, files } from "./files";
import { organizations } from "./organizations";
import { users } from "./users";

export const designCategory = pgEnum("design_category", DESIGN_CATEGORIES.keys);
export const designRevisionStatus = pgEnum("design_revision_status", DESIGN_REVISION_STATUSES);
export const designAttachmentKind = pgEnum("design_attachment_kind", ATTACHMENT_KINDS.keys);

/** A brand's capsule of designs, with the style guide every workshop quoting on its designs reads. */
export const collections = pgTable(
  "collections",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    season: text().notNull().default(""),
    description: text().notNull().default(""),
    /** Target retail price range of the collection's pieces, in minor units of `priceCurrency`. */
    priceMinMinor: bigint({ mode: "number" }),
    priceMaxMinor: bigint({ mode: "number" }),
    priceCurrency: char({ length: 3 }),
    /** Markdown, rendered without raw HTML. */
    styleGuide: text().notNull().default(""),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.orgId, t.createdAt),
    check("collections_price_range", sql`(${t.priceMinMinor} is null or ${t.priceMinMinor} >= 0) and (${t.priceMaxMinor} is null or ${t.priceMaxMinor} >= coalesce(${t.priceMinMinor}, 0))`),
    check("collections_price_currency", sql`(${t.priceMinMinor} is null and ${t.priceMaxMinor} is null) or ${t.priceCurrency} is not null`),
  ],
);

/** The style guide's files (mood images, hallmark and stamp rules, packaging, finish references), in order. */
export const collectionStyleFiles = pgTable(
  "collection_style_files",
  {
    collectionId: uuid()
      .notNull()
      .references(() => collections.id, { onDelete: "cascade" }),
    ...attachedFileColumns(),
  },
  (t) => [primaryKey({ columns: [t.collectionId, t.fileId] }), uniqueIndex("collection_style_files_file_key").on(t.fileId), index().on(t.orgId)],
);

/**
 * One SKU of a brand. Its content lives in its revisions. The category lives here, on the design: it
 * cannot change once a revision is approved (the service refuses, and so does the trigger
 * `designs_category_frozen`), so every approved revision was specified for the category it shows.
 */
export const designs = pgTable(
  "designs",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    collectionId: uuid().references(() => collections.id, { onDelete: "set null" }),
    sku: text().notNull(),
    name: text().notNull(),
    category: designCategory().notNull(),
    /** One of the design's image attachments; null: the first image of its latest revision stands in. */
    coverFileId: uuid().references(() => files.id, { onDelete: "set null" }),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Unique within the brand, case-insensitively; free across brands.
    uniqueIndex("designs_org_sku_key").on(t.orgId, sql`lower(${t.sku})`),
    index().on(t.orgId, t.updatedAt),
    index().on(t.orgId, t.collectionId),
  ],
);

/**
 * An immutable version of a design's spec. A draft until the brand approves it; approved, it is frozen
 * forever: the trigger `design_revisions_frozen` refuses any UPDATE or DELETE of it, and
 * `design_revision_attachments_frozen` any change to its files. Who approved it and when is kept on it.
 */
export const designRevisions = pgTable(
  "design_revisions",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    designId: uuid()
      .notNull()
      .references(() => designs.id, { onDelete: "cascade" }),
    /** 1, 2… per design. */
    number: integer().notNull(),
    status: designRevisionStatus().notNull().default("draft"),
    /** Validated by `designSpecSchema` (src/lib/design-spec.ts) on every write. */
    spec: jsonb().$type<DesignSpec>().notNull(),
    /** The revision this draft was started from ("Edit" on an approved revision). */
    basedOnId: uuid().references((): AnyPgColumn => designRevisions.id, { onDelete: "set null" }),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    approvedAt: timestamp({ withTimezone: true }),
    approvedById: uuid().references(() => users.id, { onDelete: "set null" }),
    /** The approver's name when approved, kept with the frozen revision (a person may leave). */
    approvedByName: text(),
  },
  (t) => [
    uniqueIndex("design_revisions_design_number_key").on(t.designId, t.number),
    // At most one draft per design: "Edit" opens the existing draft instead of starting a second one.
    uniqueIndex("design_revisions_one_draft_key").on(t.designId).where(sql`${t.status} = 'draft'`),
    index().on(t.orgId, t.designId),
    check("design_revisions_approved_when", sql`(${t.status} = 'approved') = (${t.approvedAt} is not null)`),
    check("design_revisions_number_positive", sql`${t.number} >= 1`),
  ],
);

/** A revision's files (CAD, drawings, sketches, photos), each with its kind, in order. */
export const designRevisionAttachments = pgTable(
  "design_revision_attachments",
  {
    revisionId: uuid()
      .notNull()
      .references(() => designRevisions.id, { onDelete: "cascade" }),
    kind: designAttachmentKind().notNull(),
    // A new draft links the same files as the revision it starts from, so a file may be in several revisions.
    ...attachedFileColumns(),
  },
  (t) => [primaryKey({ columns: [t.revisionId, t.fileId] }), index().on(t.fileId), index().on(t.orgId)],
);

/** Comments on a revision among the brand's members (Markdown, no raw HTML), with the members they mention. */
export const designRevisionComments = pgTable(
  "design_revision_comments",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    revisionId: uuid()
      .notNull()
      .references(() => designRevisions.id, { onDelete: "cascade" }),
    authorId: uuid().references(() => users.id, { onDelete: "set null" }),
    body: text().notNull(),
    mentionedUserIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.revisionId, t.createdAt), index().on(t.orgId)],
);

/**
 * An approved revision a brand has shown to a workshop. The request-for-quote issue writes these rows
 * when it invites a workshop; `design_revision_shared_with()` is the one rule every policy reads: a
 * workshop sees a revision, its files, its design and its collection's style guide only through a row
 * here, and only while the revision is approved (a draft is refused on insert, and never shown).
 */
export const designRevisionShares = pgTable(
  "design_revision_shares",
  {
    id: uuid().primaryKey().defaultRandom(),
    brandOrgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    workshopOrgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    revisionId: uuid()
      .notNull()
      .references(() => designRevisions.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("design_revision_shares_revision_workshop_key").on(t.revisionId, t.workshopOrgId), index().on(t.workshopOrgId), index().on(t.brandOrgId)],
);

export type Collection = typeof collections.$inferSelect;
export type Design = typeof designs.$inferSelect;
export type DesignRevision = typeof designRevisions.$inferSelect;
export type DesignRevisionComment = typeof designRevisionComments.$inferSelect;
