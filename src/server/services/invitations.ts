import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "../db/client";
import { withOrg } from "../db/tenant";
import { invitations, memberships, organizations, users } from "../db/schema";
import { AppError } from "../errors";
import { ROLE_LABELS } from "~/lib/permissions";
import type { InvitationRevokedReason } from "~/lib/organizations";
import type { InviteInput } from "~/lib/schemas";
import { appUrl, enqueueEmail } from "./email";
import { hitRateLimits } from "./rate-limit";
import { recordEvent } from "./events";
import type { Actor } from "./members";
import { assertMayGrant } from "./roles";
import { hashToken, newToken } from "./tokens";

export const INVITATION_TTL_DAYS = 7;

const pending = (orgId: string) =>
  and(eq(invitations.orgId, orgId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date()));

export async function listPendingInvitations(tx: Db | Tx, orgId: string) {
  return tx
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt, createdAt: invitations.createdAt, invitedBy: users.name })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedById))
    .where(pending(orgId))
    .orderBy(desc(invitations.createdAt));
}

/** Invites by email. A new invitation to the same address replaces the pending one (and its link). */
export async function inviteMember(db: Db, actor: Actor, input: InviteInput, ip?: string) {
  assertMayGrant(actor.role, input.role);
  await hitRateLimits(db, [...(ip ? [["invitation.ip", ip] as const] : []), ["invitation.org", actor.orgId]]);
  const { token, tokenHash } = newToken();
  return withOrg(db, actor.orgId, async (tx) => {
    // Invitations of one address to one organization take turns, so each replaces the one before it; the
    // partial unique index (one open invitation per organization and email) holds even if this were missed.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`invitation:${actor.orgId}:${input.email}`}))`);
    const [existing] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.orgId, actor.orgId), eq(users.email, input.email)));
    if (existing) throw new AppError("CONFLICT", "This person is already a member.", "email");
    // Expired ones too: the unique index counts every invitation neither accepted nor withdrawn.
    await tx
      .update(invitations)
      .set({ revokedAt: new Date(), revokedReason: "replaced" })
      .where(and(eq(invitations.orgId, actor.orgId), eq(invitations.email, input.email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
    const [inv] = await tx
      .insert(invitations)
      .values({ orgId: actor.orgId, email: input.email, role: input.role, tokenHash, invitedById: actor.userId, expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000) })
      .returning({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt });
    if (!inv) throw new Error("insert returned no row");
    await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "invitation.sent", subjectType: "invitation", subjectId: inv.id, data: { email: inv.email, role: inv.role } });
    const [org] = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, actor.orgId));
    const [inviter] = await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.userId));
    const orgName = org?.name ?? "an organization";
    const inviterName = inviter?.name ?? "A colleague";
    await enqueueEmail(tx, {
      to: input.email,
      subject: `${inviterName} invited you to ${orgName} on Bezel`,
      text: [
        `${inviterName} invited you to join ${orgName} on Bezel as ${ROLE_LABELS[input.role].toLowerCase()}.`,
        "",
        "Accept the invitation:",
        appUrl(`/invitations/${token}`),
        "",
        `The link works once and expires in ${INVITATION_TTL_DAYS} days.`,
      ].join("\n"),
    });
    return inv;
  });
}

export async function revokeInvitation(db: Db, actor: Actor, input: { invitationId: string }) {
  return withOrg(db, actor.orgId, async (tx) => {
    const [inv] = await tx
      .update(invitations)
      .set({ revokedAt: new Date(), revokedReason: "withdrawn" })
      .where(and(eq(invitations.id, input.invitationId), pending(actor.orgId)))
      .returning({ id: invitations.id, email: invitations.email });
    if (!inv) throw new AppError("NOT_FOUND", "That invitation was not found or is no longer pending.");
    await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "invitation.revoked", subjectType: "invitation", subjectId: inv.id, data: { email: inv.email } });
  });
}

export type InvitationStatus = "pending" | "accepted" | "revoked" | "replaced" | "expired";

function statusOf(inv: { acceptedAt: Date | null; revokedAt: Date | null; revokedReason: InvitationRevokedReason | null; expiresAt: Date }, now = new Date()): InvitationStatus {
  if (inv.acceptedAt) return "accepted";
  // Invitations revoked before the reason was recorded were withdrawn by hand or replaced; "withdrawn" is the old wording.
  if (inv.revokedAt) return inv.revokedReason === "replaced" ? "replaced" : "revoked";
  if (inv.expiresAt <= now) return "expired";
  return "pending";
}

/**
 * The organization of the invitation whose link carries `token`, or null. Whoever holds the link is not
 * yet a member, so the lookup goes through a database function that returns the organization id only.
 */
async function invitationOrgId(db: Db, tokenHash: string): Promise<string | null> {
  const { rows } = await db.execute<{ org_id: string | null }>(sql`select invitation_org_id(${tokenHash}) as org_id`);
  return rows[0]?.org_id ?? null;
}

/** What the invitation page shows to whoever holds the link. */
export async function getInvitationByToken(db: Db, token: string) {
  const tokenHash = hashToken(token);
  const orgId = await invitationOrgId(db, tokenHash);
  if (!orgId) return null;
  const [row] = await withOrg(db, orgId, (tx) =>
    tx
      .select({
        email: invitations.email,
        role: invitations.role,
        acceptedAt: invitations.acceptedAt,
        revokedAt: invitations.revokedAt,
        revokedReason: invitations.revokedReason,
        expiresAt: invitations.expiresAt,
        orgName: organizations.name,
        orgKind: organizations.kind,
        inviterName: users.name,
      })
      .from(invitations)
      .innerJoin(organizations, eq(organizations.id, invitations.orgId))
      .leftJoin(users, eq(users.id, invitations.invitedById))
      .where(and(eq(invitations.tokenHash, tokenHash), eq(invitations.orgId, orgId))),
  );
  if (!row) return null;
  return { email: row.email, role: row.role, orgName: row.orgName, orgKind: row.orgKind, inviterName: row.inviterName, status: statusOf(row) };
}

const STATUS_MESSAGES: Record<Exclude<InvitationStatus, "pending">, string> = {
  accepted: "This invitation was already used.",
  revoked: "This invitation was withdrawn. Ask for a new one.",
  replaced: "This invitation was replaced by a newer one. Open the link in the most recent invitation email.",
  expired: "This invitation has expired. Ask for a new one.",
};

/** Only the verified owner of the invited address may accept. */
export async function acceptInvitation(db: Db, userId: string, token: string) {
  const tokenHash = hashToken(token);
  const orgId = await invitationOrgId(db, tokenHash);
  if (!orgId) throw new AppError("NOT_FOUND", "This invitation link is not valid.");
  return withOrg(db, orgId, async (tx) => {
    const [inv] = await tx
      .select()
      .from(invitations)
      .where(and(eq(invitations.tokenHash, tokenHash), eq(invitations.orgId, orgId)))
      .for("update");
    if (!inv) throw new AppError("NOT_FOUND", "This invitation link is not valid.");
    const status = statusOf(inv);
    if (status !== "pending") throw new AppError("BAD_REQUEST", STATUS_MESSAGES[status]);
    const [user] = await tx.select({ email: users.email, name: users.name, verifiedAt: users.emailVerifiedAt }).from(users).where(eq(users.id, userId));
    if (!user) throw new AppError("UNAUTHORIZED", "Sign in to accept this invitation.");
    if (user.email !== inv.email) {
      throw new AppError("FORBIDDEN", `This invitation was sent to ${inv.email}. Sign in with that email to accept it.`);
    }
    if (!user.verifiedAt) {
      throw new AppError("FORBIDDEN", "Verify your email first: open the link we sent you, or ask for a new one.");
    }
    await tx.insert(memberships).values({ orgId: inv.orgId, userId, role: inv.role }).onConflictDoNothing();
    await tx.update(invitations).set({ acceptedAt: new Date(), acceptedById: userId }).where(eq(invitations.id, inv.id));
    await tx.update(users).set({ lastOrgId: inv.orgId }).where(eq(users.id, userId));
    await recordEvent(tx, { orgId: inv.orgId, actorId: userId, action: "member.joined", subjectType: "invitation", subjectId: inv.id, data: { name: user.name, role: inv.role } });
    const [org] = await tx.select({ kind: organizations.kind, slug: organizations.slug }).from(organizations).where(eq(organizations.id, inv.orgId));
    if (!org) throw new AppError("NOT_FOUND", "This invitation link is not valid.");
    return org;
  });
}
