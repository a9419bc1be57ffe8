import { and, desc, eq } from "drizzle-orm";
import type { Queryable } from "../db/client";
import { afterCursor, pageOf, type ListCursor } from "../db/keyset";
import { events, users } from "../db/schema";
import type { EventAction, EventPayloads } from "~/lib/events";

type EventBase<A extends EventAction> = {
  orgId: string;
  actorId: string | null;
  action: A;
  subjectType: string;
  subjectId?: string | null;
};

/** An action with its data as the event map declares it; actions that carry nothing need no data. */
export type EventInput<A extends EventAction = EventAction> = A extends EventAction
  ? EventBase<A> & (EventPayloads[A] extends Record<string, never> ? { data?: EventPayloads[A] } : { data: EventPayloads[A] })
  : never;

/** Writes one activity-log row; call it inside the transaction of the change it records. */
export async function recordEvent<A extends EventAction>(tx: Queryable, e: EventInput<A>): Promise<void> {
  await tx.insert(events).values({ ...e, subjectId: e.subjectId ?? null, data: e.data ?? {} });
}

export type EventCursor = ListCursor;

/** Newest first, keyset-paginated so pages stay stable while new events arrive. */
export async function listEvents(tx: Queryable, orgId: string, opts: { limit: number; cursor?: EventCursor | null }) {
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
        afterCursor(events, orgId, opts.cursor),
      ),
    )
    .orderBy(desc(events.createdAt), desc(events.id))
    .limit(opts.limit + 1);
  return pageOf(rows, opts.limit);
}
