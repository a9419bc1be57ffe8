import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Every email the app sends. Without SMTP this is the outbox developers read. */
export const emails = pgTable(
  "emails",
  {
    id: uuid().primaryKey().defaultRandom(),
    to: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    /** Null while only stored; set when handed to SMTP. */
    sentAt: timestamp({ withTimezone: true }),
    error: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.createdAt)],
);

export type Email = typeof emails.$inferSelect;
