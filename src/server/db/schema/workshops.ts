import { sql } from "drizzle-orm";
import { check, customType, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { attachedFileColumns, files } from "./files";
import { organizations } from "./organizations";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * The public face of a workshop, one per workshop organization. Visible to everyone once published.
 * `search` is maintained by a trigger (see the migration) from name, headline, capabilities and story.
 */
export const workshopProfiles = pgTable(
  "workshop_profiles",
  {
    orgId: uuid()
      .primaryKey()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** The organization's name, copied here so the search vector can weigh it. */
    name: text().notNull(),
    headline: text().notNull().default(""),
    story: text().notNull().default(""),
    city: text().notNull().default(""),
    country: text().notNull(),
    capabilities: text().array().notNull().default(sql`'{}'::text[]`),
    metals: text().array().notNull().default(sql`'{}'::text[]`),
    gemstoneWork: text().array().notNull().default(sql`'{}'::text[]`),
    certifications: text().array().notNull().default(sql`'{}'::text[]`),
    languages: text().array().notNull().default(sql`'{}'::text[]`),
    moqPerDesign: integer(),
    leadTimeMinDays: integer(),
    leadTimeMaxDays: integer(),
    monthlyCapacity: integer(),
    publishedAt: timestamp({ withTimezone: true }),
    search: tsvector(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("workshop_profiles_search_idx").using("gin", t.search),
    index("workshop_profiles_capabilities_idx").using("gin", t.capabilities),
    index("workshop_profiles_metals_idx").using("gin", t.metals),
    index("workshop_profiles_published_idx").on(t.publishedAt).where(sql`${t.publishedAt} is not null`),
    check("workshop_profiles_moq_positive", sql`${t.moqPerDesign} is null or ${t.moqPerDesign} > 0`),
    check("workshop_profiles_lead_time_order", sql`${t.leadTimeMinDays} is null or ${t.leadTimeMaxDays} is null or ${t.leadTimeMinDays} <= ${t.leadTimeMaxDays}`),
  ],
);

export const workshopArtisans = pgTable(
  "workshop_artisans",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    role: text().notNull(),
    bio: text().notNull().default(""),
    photoFileId: uuid().references(() => files.id, { onDelete: "set null" }),
    position: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.orgId, t.position)],
);

export const portfolioPieces = pgTable(
  "portfolio_pieces",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    title: text().notNull(),
    description: text().notNull().default(""),
    metals: text().array().notNull().default(sql`'{}'::text[]`),
    techniques: text().array().notNull().default(sql`'{}'::text[]`),
    position: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.orgId, t.position)],
);

/** The photos of a portfolio piece, in display order. */
export const portfolioPiecePhotos = pgTable(
  "portfolio_piece_photos",
  {
    pieceId: uuid()
      .notNull()
      .references(() => portfolioPieces.id, { onDelete: "cascade" }),
    // orgId: the workshop, the piece's and the file's organization.
    ...attachedFileColumns(),
  },
  (t) => [primaryKey({ columns: [t.pieceId, t.fileId] }), index().on(t.fileId), index().on(t.orgId)],
);

export type WorkshopProfile = typeof workshopProfiles.$inferSelect;
export type WorkshopArtisan = typeof workshopArtisans.$inferSelect;
export type PortfolioPiece = typeof portfolioPieces.$inferSelect;
