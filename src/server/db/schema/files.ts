import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { FILE_PURPOSES } from "~/lib/files";
import { organizations } from "./organizations";
import { users } from "./users";

export type FileVariant = { key: string; width: number; height: number; byteSize: number; contentType: string };

export const filePurpose = pgEnum("file_purpose", FILE_PURPOSES);

/**
 * An uploaded file, owned by one organization. What it is attached to is a join row with foreign keys
 * (`portfolio_piece_photos`, `sample_request_attachments`, an artisan's `photo_file_id`); who may read it
 * follows the rule of its `purpose` (`FILE_ACCESS` in services/file-access.ts). The bytes live in storage
 * under `storageKey`. A file attached to nothing a day after its upload is swept.
 */
export const files = pgTable(
  "files",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    purpose: filePurpose().notNull(),
    originalName: text().notNull(),
    contentType: text().notNull(),
    byteSize: integer().notNull(),
    storageKey: text().notNull(),
    width: integer(),
    height: integer(),
    /** Resized display sizes of an image, by name (`thumb`, `display`). */
    variants: jsonb().$type<Record<string, FileVariant>>().notNull().default({}),
    uploadedById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.orgId, t.createdAt), index().on(t.createdAt)],
);

export type StoredFile = typeof files.$inferSelect;

/**
 * The columns every attachment join table shares: the file, its organization (the owner of the record
 * it is attached to), and its place in the record's list. Fresh builders per table.
 */
export const attachedFileColumns = () => ({
  fileId: uuid()
    .notNull()
    .references(() => files.id, { onDelete: "cascade" }),
  orgId: uuid()
    .notNull()
    .references(() => organizations.id, { onDelete: "cascade" }),
  position: integer().notNull(),
});
