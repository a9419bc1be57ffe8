import { and, asc, eq } from "drizzle-orm";
import type { Db, Queryable } from "../db/client";
import { withOrg } from "../db/tenant";
import { designRevisionComments, designRevisions, designs, memberships, organizations, users } from "../db/schema";
import { AppError } from "../errors";
import { mentionedHandles, mentionHandle } from "~/lib/design-schemas";
import { recordEvent } from "./events";
import type { Actor } from "./members";
import { notify } from "./notifications";

const revisionNotFound = () => new AppError("NOT_FOUND", "That revision was not found.");

async function revisionOf(tx: Queryable, orgId: string, revisionId: string) {
  const [row] = await tx
    .select({ id: designRevisions.id, number: designRevisions.number, designId: designs.id, sku: designs.sku, name: designs.name })
    .from(designRevisions)
    .innerJoin(designs, eq(designs.id, designRevisions.designId))
    .where(and(eq(designRevisions.id, revisionId), eq(designRevisions.orgId, orgId)));
  if (!row) throw revisionNotFound();
  return row;
}

/** The comments of a revision, oldest first, with their authors. Among the brand's members only. */
export async function listRevisionComments(db: Db, orgId: string, revisionId: string) {
  return withOrg(db, orgId, async (tx) => {
    const revision = await revisionOf(tx, orgId, revisionId);
    return tx
      .select({ id: designRevisionComments.id, body: designRevisionComments.body, createdAt: designRevisionComments.createdAt, authorName: users.name, authorId: designRevisionComments.authorId })
      .from(designRevisionComments)
      .leftJoin(users, eq(users.id, designRevisionComments.authorId))
      .where(and(eq(designRevisionComments.revisionId, revision.id), eq(designRevisionComments.orgId, orgId)))
      .orderBy(asc(designRevisionComments.createdAt), asc(designRevisionComments.id));
  });
}

/**
 * Adds a comment (Markdown, shown without raw HTML). Members it mentions by `@handle` (their email's
 * part before the `@`) get a notification, the author never; a handle that is no member is plain text.
 */
export async function addRevisionComment(db: Db, actor: Actor, input: { revisionId: string; body: string }) {
  return withOrg(db, actor.orgId, async (tx) => {
    const revision = await revisionOf(tx, actor.orgId, input.revisionId);
    const handles = mentionedHandles(input.body);
    const members = handles.length
      ? await tx.select({ userId: users.id, email: users.email }).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(eq(memberships.orgId, actor.orgId))
      : [];
    const mentioned = members.filter((m) => handles.includes(mentionHandle(m.email)) && m.userId !== actor.userId).map((m) => m.userId);
    const [comment] = await tx
      .insert(designRevisionComments)
      .values({ orgId: actor.orgId, revisionId: revision.id, authorId: actor.userId, body: input.body, mentionedUserIds: mentioned })
      .returning();
    await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "design_revision.commented", subjectType: "design_revision", subjectId: revision.id, data: { sku: revision.sku, number: revision.number } });
    if (mentioned.length > 0) {
      const [author] = await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.userId));
      const [org] = await tx.select({ slug: organizations.slug }).from(organizations).where(eq(organizations.id, actor.orgId));
      await notify(tx, {
        orgId: actor.orgId,
        kind: "design_mention",
        title: `${author?.name ?? "A colleague"} mentioned you on ${revision.sku} revision ${revision.number}`,
        body: input.body.slice(0, 300),
        href: `/brand/${org?.slug ?? ""}/designs/${revision.designId}/revisions/${revision.number}`,
        actorId: actor.userId,
        userIds: mentioned,
      });
    }
    return comment!;
  });
}
