import { and, desc, eq, lt, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "../db/client";
import { events, users } from "../db/schema";

export type EventInput = {
  orgId: string;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  data?: Record<string, unknown>;
};

/** Writes one activity-log row; call it inside the transaction of the change it records. */
export async function recordEvent(tx: Queryable, e: EventInput): Promise<void> {
  await tx.insert(events).values({ ...e, subjectId: e.subjectId ?? null, data: e.data ?? {} });
}

export type EventCursor = { createdAt: Date; id: string };

const cursorRow = alias(events, "cursor_row");

/** Newest first, keyset-paginated so pages stay stable while new events arrive. */
export async function listEvents(tx: Queryable, orgId: string, opts: { limit: number; cursor?: EventCursor | null }) {
  // PostgreSQL stores microseconds but the cursor's Date holds milliseconds, so comparing with it would skip
  // the rows that share the cursor's millisecond. Compare with the cursor row's stored time instead.
  const cursorAt = opts.cursor
    ? sql`coalesce((${tx
        .select({ createdAt: cursorRow.createdAt })
        .from(cursorRow)
        .where(and(eq(cursorRow.id, opts.cursor.id), eq(cursorRow.orgId, orgId)))}), ${opts.cursor.createdAt.toISOString()}::timestamptz)`
    : null;
  const rows = await tx
    .select({
      id: events.id,
      action: events.action,
      subjectType: events.subjectType,
      subjectId: events.subjectId,
      data: events.data,
      createdAt: events.createdAt,
      actorName: users.name,
    })
    .from(events)
    .leftJoin(users, eq(users.id, events.actorId))
    .where(
      and(
        eq(events.orgId, orgId),
        opts.cursor && cursorAt
          ? or(lt(events.createdAt, cursorAt), and(eq(events.createdAt, cursorAt), lt(events.id, opts.cursor.id)))
          : undefined,
      ),
    )
    .orderBy(desc(events.createdAt), desc(events.id))
    .limit(opts.limit + 1);
  const items = rows.slice(0, opts.limit);
  const last = items.at(-1);
  const nextCursor = rows.length > opts.limit && last ? { createdAt: last.createdAt, id: last.id } : null;
  return { items, nextCursor };
}
