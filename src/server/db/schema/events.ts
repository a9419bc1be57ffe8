import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./organizations";
import { users } from "./users";

/** The activity log: one row for every state change, written in the same transaction as the change. */
export const events = pgTable(
  "events",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    /** Dotted verb, e.g. `member.role_changed`. */
    action: text().notNull(),
    subjectType: text().notNull(),
    subjectId: uuid(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // The second serves one record's log (an order's activity).
  (t) => [index("events_org_created_idx").on(t.orgId, t.createdAt), index("events_org_subject_created_idx").on(t.orgId, t.subjectId, t.createdAt)],
);

export type Event = typeof events.$inferSelect;
