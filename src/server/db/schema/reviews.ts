import { sql } from "drizzle-orm";
import { check, index, pgTable, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./organizations";
import { orders } from "./rfqs";
import { users } from "./users";

/**
 * A brand's verified review of a delivered order: one per order, three ratings of 1–5 and a text, and the
 * workshop's one answer. Its two parties read it; while published (and its workshop's profile is
 * published), everyone does. The brand's name is copied at review time, as the review was signed.
 */
export const orderReviews = pgTable(
  "order_reviews",
  {
    orderId: uuid()
      .primaryKey()
      .references(() => orders.id, { onDelete: "cascade" }),
    brandOrgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    workshopOrgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    brandName: text().notNull(),
    authorId: uuid().references(() => users.id, { onDelete: "set null" }),
    quality: smallint().notNull(),
    communication: smallint().notNull(),
    timeliness: smallint().notNull(),
    body: text().notNull(),
    answer: text(),
    answeredAt: timestamp({ withTimezone: true }),
    answeredById: uuid().references(() => users.id, { onDelete: "set null" }),
    /** Shown publicly from this moment; null would hold a review back. */
    publishedAt: timestamp({ withTimezone: true }).defaultNow(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.workshopOrgId, t.createdAt),
    index().on(t.brandOrgId),
    check("order_reviews_ratings", sql`${t.quality} between 1 and 5 and ${t.communication} between 1 and 5 and ${t.timeliness} between 1 and 5`),
    check("order_reviews_answered", sql`(${t.answer} is null) = (${t.answeredAt} is null)`),
  ],
);

export type OrderReview = typeof orderReviews.$inferSelect;
