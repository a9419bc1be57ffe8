import { and, asc, count, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db, Tx } from "../db/client";
import { asCounterparty, withOrg } from "../db/tenant";
import { files, rfqInvitations, rfqMessageAttachments, rfqMessages, rfqs, rfqThreadReads, users } from "../db/schema";
import { AppError } from "../errors";
import { assertOwnFiles } from "./file-attachments";
import type { Actor } from "./members";
import { notify } from "./notifications";
import { brandRfqHref, orgsById, rfqLabel, workshopRfqHref } from "./rfq-common";

/**
 * The thread of one invitation, between the brand and that workshop. Either side finds it through its own
 * column, so a third organization (another invited workshop included) gets NOT_FOUND.
 */
export const threadNotFound = () => new AppError("NOT_FOUND", "That conversation was not found.");

async function invitationOfParty(tx: Tx, orgId: string, invitationId: string) {
  const [inv] = await tx
    .select()
    .from(rfqInvitations)
    .where(and(eq(rfqInvitations.id, invitationId), sql`${orgId} in (${rfqInvitations.brandOrgId}, ${rfqInvitations.workshopOrgId})`, sql`${rfqInvitations.sentAt} is not null`));
  if (!inv) throw threadNotFound();
  return inv;
}

export async function postMessage(db: Db, actor: Actor, input: { invitationId: string; body: string; attachmentFileIds: string[] }) {
  return withOrg(db, actor.orgId, async (tx) => {
    const inv = await invitationOfParty(tx, actor.orgId, input.invitationId);
    const [rfq] = await tx.select().from(rfqs).where(eq(rfqs.id, inv.rfqId));
    const [message] = await tx
      .insert(rfqMessages)
      .values({ invitationId: inv.id, brandOrgId: inv.brandOrgId, workshopOrgId: inv.workshopOrgId, authorOrgId: actor.orgId, authorId: actor.userId, body: input.body })
      .returning();
    const fileIds = [...new Set(input.attachmentFileIds)];
    if (fileIds.length > 0) {
      await assertOwnFiles(tx, actor.orgId, fileIds, "rfq_message_attachment", "attachmentFileIds");
      const taken = await tx.select({ id: rfqMessageAttachments.fileId }).from(rfqMessageAttachments).where(inArray(rfqMessageAttachments.fileId, fileIds));
      if (taken.length > 0) throw new AppError("BAD_REQUEST", "One of the attachments was not found. Upload it again.", "attachmentFileIds");
      await tx.insert(rfqMessageAttachments).values(fileIds.map((fileId, position) => ({ messageId: message!.id, fileId, orgId: actor.orgId, position })));
    }
    // Writing marks the thread read up to here for the writer.
    await markRead(tx, actor, inv.id);
    const parties = await orgsById(tx, [inv.brandOrgId, inv.workshopOrgId]);
    const brand = parties.get(inv.brandOrgId)!;
    const workshop = parties.get(inv.workshopOrgId)!;
    const fromBrand = actor.orgId === inv.brandOrgId;
    const other = fromBrand ? workshop : brand;
    const author = fromBrand ? brand : workshop;
    const clip = input.body.length > 140 ? `${input.body.slice(0, 139)}…` : input.body;
    await tellCounterpartyQuietly(tx, actor, other.id, {
      kind: "rfq_message",
      title: `${author.name} wrote about ${rfqLabel(rfq!)}`,
      body: clip,
      href: fromBrand ? `${workshopRfqHref(workshop.slug, inv.id)}#messages` : `${brandRfqHref(brand.slug, rfq!.number)}?thread=${inv.id}#messages`,
    });
    return message!;
  });
}

/** A message notifies the other side; it is not an activity-log event. */
async function tellCounterpartyQuietly(tx: Tx, actor: Actor, otherOrgId: string, n: { kind: "rfq_message"; title: string; body: string; href: string }) {
  await asCounterparty(tx, actor.orgId, otherOrgId, () => notify(tx, { orgId: otherOrgId, ...n, actorId: actor.userId }));
}

async function markRead(tx: Tx, actor: Actor, invitationId: string) {
  await tx
    .insert(rfqThreadReads)
    .values({ invitationId, userId: actor.userId, orgId: actor.orgId, readAt: new Date() })
    .onConflictDoUpdate({ target: [rfqThreadReads.invitationId, rfqThreadReads.userId, rfqThreadReads.orgId], set: { readAt: new Date() } });
}

/** The thread, oldest first, and marks it read for the reader. */
export async function readThread(db: Db, actor: Actor, input: { invitationId: string }) {
  return withOrg(db, actor.orgId, async (tx) => {
    const inv = await invitationOfParty(tx, actor.orgId, input.invitationId);
    const rows = await tx
      .select({ id: rfqMessages.id, body: rfqMessages.body, createdAt: rfqMessages.createdAt, authorOrgId: rfqMessages.authorOrgId, authorName: users.name })
      .from(rfqMessages)
      .leftJoin(users, eq(users.id, rfqMessages.authorId))
      .where(eq(rfqMessages.invitationId, inv.id))
      .orderBy(asc(rfqMessages.createdAt), asc(rfqMessages.id))
      .limit(500);
    const ids = rows.map((r) => r.id);
    const attachments = ids.length
      ? await tx
          .select({ messageId: rfqMessageAttachments.messageId, id: files.id, originalName: files.originalName, contentType: files.contentType, byteSize: files.byteSize })
          .from(rfqMessageAttachments)
          .innerJoin(files, eq(files.id, rfqMessageAttachments.fileId))
          .where(inArray(rfqMessageAttachments.messageId, ids))
          .orderBy(asc(rfqMessageAttachments.position))
      : [];
    await markRead(tx, actor, inv.id);
    return rows.map((r) => ({
      id: r.id,
      body: r.body,
      createdAt: r.createdAt,
      authorName: r.authorName,
      side: r.authorOrgId === inv.brandOrgId ? ("brand" as const) : ("workshop" as const),
      mine: r.authorOrgId === actor.orgId,
      attachments: attachments.filter((a) => a.messageId === r.id).map(({ messageId: _m, ...a }) => a),
    }));
  });
}

/** Unread messages per invitation for the reader: the other side's messages after the reader's last read. */
export async function unreadByInvitation(tx: Tx, actor: Pick<Actor, "orgId" | "userId">, invitationIds: string[]): Promise<Map<string, number>> {
  if (invitationIds.length === 0) return new Map();
  const rows = await tx
    .select({ invitationId: rfqMessages.invitationId, n: count() })
    .from(rfqMessages)
    .leftJoin(rfqThreadReads, and(eq(rfqThreadReads.invitationId, rfqMessages.invitationId), eq(rfqThreadReads.userId, actor.userId), eq(rfqThreadReads.orgId, actor.orgId)))
    .where(and(inArray(rfqMessages.invitationId, invitationIds), ne(rfqMessages.authorOrgId, actor.orgId), sql`(${rfqThreadReads.readAt} is null or ${rfqMessages.createdAt} > ${rfqThreadReads.readAt})`))
    .groupBy(rfqMessages.invitationId);
  return new Map(rows.map((r) => [r.invitationId, r.n]));
}
