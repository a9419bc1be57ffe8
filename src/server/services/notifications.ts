import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import { afterCursor, pageOf, type ListCursor } from "../db/keyset";
import type { Db, Queryable } from "../db/client";
import { withOrg } from "../db/tenant";
import { notifications } from "../db/schema";
import { AppError } from "../errors";

export type NotificationInput = { orgId: string; title: string; body?: string; href: string };

/** Addresses a notification to every member of an organization; call it inside the change's transaction. */
export async function notify(tx: Queryable, n: NotificationInput): Promise<void> {
  await tx.insert(notifications).values({ orgId: n.orgId, title: n.title.slice(0, 200), body: (n.body ?? "").slice(0, 500), href: n.href });
}

export type NotificationCursor = ListCursor;

/** Newest first, keyset-paginated (the same shape as the activity log) so pages hold while new ones arrive. */
export async function listNotifications(db: Db, orgId: string, opts: { limit: number; cursor?: NotificationCursor | null }) {
  return withOrg(db, orgId, async (tx) => {
    const rows = await tx
      .select({ id: notifications.id, title: notifications.title, body: notifications.body, href: notifications.href, readAt: notifications.readAt, createdAt: notifications.createdAt })
      .from(notifications)
      .where(
        and(
          eq(notifications.orgId, orgId),
          afterCursor(notifications, orgId, opts.cursor),
        ),
      )
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(opts.limit + 1);
    return pageOf(rows, opts.limit);
  });
}

export async function unreadNotificationCount(db: Db, orgId: string): Promise<number> {
  return withOrg(db, orgId, async (tx) => {
    const [row] = await tx
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.orgId, orgId), isNull(notifications.readAt)));
    return row?.n ?? 0;
  });
}

export async function markNotificationRead(db: Db, orgId: string, notificationId: string) {
  return withOrg(db, orgId, async (tx) => {
    const [row] = await tx
      .update(notifications)
      .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
      .where(and(eq(notifications.id, notificationId), eq(notifications.orgId, orgId)))
      .returning({ id: notifications.id, readAt: notifications.readAt });
    if (!row) throw new AppError("NOT_FOUND", "That notification was not found.");
    return row;
  });
}

export async function markAllNotificationsRead(db: Db, orgId: string): Promise<{ updated: number }> {
  return withOrg(db, orgId, async (tx) => {
    const rows = await tx
      .update(notifications)
      .set({ readAt: new Date() })
      .where(and(eq(notifications.orgId, orgId), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    return { updated: rows.length };
  });
}
