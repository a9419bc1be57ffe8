import { sql } from "drizzle-orm";
import { bigint, char, check, date, index, integer, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { SAMPLE_STATUSES } from "~/lib/sample-request-schemas";
import { organizations } from "./organizations";
import { attachedFileColumns } from "./files";
import { portfolioPieces } from "./workshops";
import { users } from "./users";

/** A brand's saved workshops, with private notes and tags. */
export const shortlistEntries = pgTable(
  "shortlist_entries",
  {
    id: uuid().primaryKey().defaultRandom(),
    brandOrgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    workshopOrgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    note: text().notNull().default(""),
    tags: text().array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("shortlist_entries_brand_workshop_key").on(t.brandOrgId, t.workshopOrgId), index().on(t.brandOrgId, t.createdAt)],
);

export const sampleRequestStatus = pgEnum("sample_request_status", SAMPLE_STATUSES);

/** A brand asks a workshop for a sample; shared between exactly these two organizations. */
export const sampleRequests = pgTable(
  "sample_requests",
  {
    id: uuid().primaryKey().defaultRandom(),
    brandOrgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    workshopOrgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** Per brand: SR-1, SR-2… */
    number: integer().notNull(),
    /**
     * Per workshop: 1, 2… across all its brands, for the workshop's own URLs. Assigned by the database on
     * insert (trigger `sample_requests_workshop_number`), since a brand cannot see the workshop's other requests.
     */
    workshopNumber: integer().notNull().default(0),
    portfolioPieceId: uuid().references(() => portfolioPieces.id, { onDelete: "set null" }),
    description: text().notNull(),
    quantity: integer().notNull(),
    note: text().notNull().default(""),
    status: sampleRequestStatus().notNull().default("requested"),
    feeMinor: bigint({ mode: "number" }),
    feeCurrency: char({ length: 3 }),
    expectedShipDate: date(),
    declineReason: text(),
    trackingNumber: text(),
    carrier: text(),
    requestedById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    respondedAt: timestamp({ withTimezone: true }),
    shippedAt: timestamp({ withTimezone: true }),
    receivedAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("sample_requests_brand_number_key").on(t.brandOrgId, t.number),
    uniqueIndex("sample_requests_workshop_number_key").on(t.workshopOrgId, t.workshopNumber),
    index().on(t.brandOrgId, t.createdAt),
    index().on(t.workshopOrgId, t.status, t.createdAt),
    check("sample_requests_quantity_positive", sql`${t.quantity} between 1 and 100`),
    check("sample_requests_fee_non_negative", sql`${t.feeMinor} is null or ${t.feeMinor} >= 0`),
  ],
);

/** The files a brand attached to its sample request (a design's sketches, CAD renders), in order. */
export const sampleRequestAttachments = pgTable(
  "sample_request_attachments",
  {
    sampleRequestId: uuid()
      .notNull()
      .references(() => sampleRequests.id, { onDelete: "cascade" }),
    // orgId: the brand, the request's and the file's organization.
    ...attachedFileColumns(),
  },
  (t) => [primaryKey({ columns: [t.sampleRequestId, t.fileId] }), uniqueIndex("sample_request_attachments_file_key").on(t.fileId), index().on(t.orgId)],
);

/** What happened to a sample request, in order: the timeline both sides see. */
export const sampleRequestUpdates = pgTable(
  "sample_request_updates",
  {
    id: uuid().primaryKey().defaultRandom(),
    sampleRequestId: uuid()
      .notNull()
      .references(() => sampleRequests.id, { onDelete: "cascade" }),
    actorOrgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    status: sampleRequestStatus().notNull(),
    message: text().notNull().default(""),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.sampleRequestId, t.createdAt)],
);

/** The brand's private evaluation of a received sample. Never shown to the workshop. */
export const sampleEvaluations = pgTable(
  "sample_evaluations",
  {
    sampleRequestId: uuid()
      .primaryKey()
      .references(() => sampleRequests.id, { onDelete: "cascade" }),
    brandOrgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    quality: smallint().notNull(),
    finish: smallint().notNull(),
    communication: smallint().notNull(),
    notes: text().notNull().default(""),
    evaluatedById: uuid().references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.brandOrgId),
    check("sample_evaluations_scores", sql`${t.quality} between 1 and 5 and ${t.finish} between 1 and 5 and ${t.communication} between 1 and 5`),
  ],
);

export type ShortlistEntry = typeof shortlistEntries.$inferSelect;
export type SampleRequest = typeof sampleRequests.$inferSelect;
export type SampleRequestStatus = (typeof sampleRequestStatus.enumValues)[number];
