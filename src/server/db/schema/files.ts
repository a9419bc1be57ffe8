import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./organizations";
import { users } from "./users";

export type FileVariant = { key: string; width: number; height: number; byteSize: number; contentType: string };

/**
 * An uploaded file, owned by one organization. Who may read it follows from the record that uses it
 * (`purpose` + `subjectId`); the bytes live in storage under `storageKey`.
 */
export const files = pgTable(
  "files",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** What the file is for: `artisan_photo`, `portfolio_photo`, `sample_request_attachment`… */
    purpose: text().notNull(),
    subjectId: uuid(),
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
  (t) => [index().on(t.orgId, t.createdAt), index().on(t.purpose, t.subjectId)],
);

export type StoredFile = typeof files.$inferSelect;
