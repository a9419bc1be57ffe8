import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Every email the app sends. Written in the transaction of the change that causes it, together with the
 * `email-send` job that hands it to SMTP (with retries); without SMTP this is the outbox developers read.
 */
export const emails = pgTable(
  "emails",
  {
    id: uuid().primaryKey().defaultRandom(),
    to: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    /** Null while only stored; set when handed to SMTP. */
    sentAt: timestamp({ withTimezone: true }),
    /** SMTP attempts so far. */
    attempts: integer().notNull().default(0),
    /** The last attempt's error. */
    error: text(),
    /** Set when the last retry failed too: the email will not be sent. */
    failedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.createdAt)],
);

export type Email = typeof emails.$inferSelect;
