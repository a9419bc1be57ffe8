import { and, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { afterCursor, pageOf, type ListCursor } from "../db/keyset";
import type { Db, Tx } from "../db/client";
import { withOrg } from "../db/tenant";
import { memberships, notificationRecipients, notifications, organizations, users } from "../db/schema";
import { AppError } from "../errors";
import { NOTIFICATION_KIND_LABELS, type NotificationKind } from "~/lib/notifications";
import { appUrl, enqueueEmail } from "./email";

export type NotificationInput = {
  orgId: string;
  kind: NotificationKind;
  title: string;
  body?: string;
  href: string;
  /** The person whose change this is: never emailed about it, even when they belong to the notified organization too. */
  actorId?: string;
  /** Only these members (a mention), instead of every member of the organization. */
  userIds?: string[];
};

/**
 * Addresses a notification to every current member of an organization, each with their own read state,
 * and emails those who have not muted its kind. Call it inside the change's transaction: the emails are
 * jobs enqueued in that transaction, so a change rolled back notifies nobody.
 */
export async function notify(tx: Tx, n: NotificationInput): Promise<string> {
  const title = n.title.slice(0, 200);
  const body = (n.body ?? "").slice(0, 500);
  const [row] = await tx.insert(notifications).values({ orgId: n.orgId, kind: n.kind, title, body, href: n.href }).returning({ id: notifications.id });
  const members = await tx
    .select({ userId: users.id, email: users.email, muted: users.mutedEmailKinds })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, n.orgId), n.userIds ? inArray(memberships.userId, n.userIds.length ? n.userIds : ["00000000-0000-0000-0000-000000000000"]) : undefined));
  if (!row) throw new Error("insert returned no row");
  if (members.length === 0) return row.id;
  await tx.insert(notificationRecipients).values(members.map((m) => ({ notificationId: row.id, userId: m.userId, orgId: n.orgId })));
  const recipients = members.filter((m) => !m.muted.includes(n.kind) && m.userId !== n.actorId);
  if (recipients.length === 0) return row.id;
  const [org] = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, n.orgId));
  const text = notificationEmailText({ orgName: org?.name ?? "your organization", kind: n.kind, body, href: n.href });
  for (const m of recipients) await enqueueEmail(tx, { to: m.email, subject: title, text });
  return row.id;
}

/** The email of a notification: what happened, where to open it, and for which organization (a person may be in several). */
export function notificationEmailText(e: { orgName: string; kind: NotificationKind; body: string; href: string }): string {
  return [
    ...(e.body ? [e.body, ""] : []),
    `Open it in ${e.orgName}: ${appUrl(e.href)}`,
    "",
    `You get this email as a member of ${e.orgName}. To stop emails about ${NOTIFICATION_KIND_LABELS[e.kind].title.toLowerCase()}, change your email settings: ${appUrl("/account")}`,
  ].join("\n");
}

export type NotificationCursor = ListCursor;

type Reader = { orgId: string; userId: string };

const mine = (r: Reader) => and(eq(notificationRecipients.orgId, r.orgId), eq(notificationRecipients.userId, r.userId));

/** The reader's notifications in one organization, newest first, keyset-paginated like the activity log. */
export async function listNotifications(db: Db, reader: Reader, opts: { limit: number; cursor?: NotificationCursor | null }) {
  return withOrg(db, reader.orgId, async (tx) => {
    const rows = await tx
      .select({ id: notifications.id, kind: notifications.kind, title: notifications.title, body: notifications.body, href: notifications.href, readAt: notificationRecipients.readAt, createdAt: notifications.createdAt })
      .from(notificationRecipients)
      .innerJoin(notifications, eq(notifications.id, notificationRecipients.notificationId))
      .where(and(mine(reader), eq(notifications.orgId, reader.orgId), afterCursor(notifications, reader.orgId, opts.cursor)))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(opts.limit + 1);
    return pageOf(rows, opts.limit);
  });
}

export async function unreadNotificationCount(db: Db, reader: Reader): Promise<number> {
  return withOrg(db, reader.orgId, async (tx) => {
    const [row] = await tx
      .select({ n: count() })
      .from(notificationRecipients)
      .where(and(mine(reader), isNull(notificationRecipients.readAt)));
    return row?.n ?? 0;
  });
}

/** Marks one notification read for the reader only; the other members' state is theirs. */
export async function markNotificationRead(db: Db, reader: Reader, notificationId: string) {
  return withOrg(db, reader.orgId, async (tx) => {
    const [row] = await tx
      .update(notificationRecipients)
      .set({ readAt: sql`coalesce(${notificationRecipients.readAt}, now())` })
      .where(and(mine(reader), eq(notificationRecipients.notificationId, notificationId)))
      .returning({ id: notificationRecipients.notificationId, readAt: notificationRecipients.readAt });
    if (!row) throw new AppError("NOT_FOUND", "That notification was not found.");
    return row;
  });
}

export async function markAllNotificationsRead(db: Db, reader: Reader): Promise<{ updated: number }> {
  return withOrg(db, reader.orgId, async (tx) => {
    const rows = await tx
      .update(notificationRecipients)
      .set({ readAt: new Date() })
      .where(and(mine(reader), isNull(notificationRecipients.readAt)))
      .returning({ id: notificationRecipients.notificationId });
    return { updated: rows.length };
  });
}
