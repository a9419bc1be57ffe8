import { and, asc, count, eq } from "drizzle-orm";
import type { Db, Tx } from "../db/client";
import { withOrg } from "../db/tenant";
import { memberships, organizations, users } from "../db/schema";
import { AppError } from "../errors";
import { can, type Role } from "~/lib/permissions";
import { recordEvent } from "./events";

export type Actor = { orgId: string; userId: string; role: Role };

export async function listMembers(tx: Db | Tx, orgId: string) {
  return tx
    .select({ id: memberships.id, userId: users.id, name: users.name, email: users.email, role: memberships.role, joinedAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, orgId))
    .orderBy(asc(users.name));
}

/** Ownership changes are serialized per organization so two requests cannot both remove "another" owner. */
async function lockOrganization(tx: Tx, orgId: string) {
  await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, orgId)).for("update");
}

async function ownerCount(tx: Tx, orgId: string): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(memberships).where(and(eq(memberships.orgId, orgId), eq(memberships.role, "owner")));
  return row?.n ?? 0;
}

async function findMember(tx: Tx, orgId: string, membershipId: string) {
  const [m] = await tx
    .select({ id: memberships.id, userId: memberships.userId, role: memberships.role, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.id, membershipId), eq(memberships.orgId, orgId)));
  if (!m) throw new AppError("NOT_FOUND", "That member was not found.");
  return m;
}

function assertMayTouchOwnership(actor: Actor, targetRole: Role, newRole?: Role) {
  if ((targetRole === "owner" || newRole === "owner") && !can(actor.role, "members.manageOwners")) {
    throw new AppError("FORBIDDEN", "Only an owner can grant, change or remove the owner role.");
  }
}

export async function changeRole(db: Db, actor: Actor, input: { membershipId: string; role: Role }) {
  return withOrg(db, actor.orgId, async (tx) => {
    await lockOrganization(tx, actor.orgId);
    const target = await findMember(tx, actor.orgId, input.membershipId);
    if (target.role === input.role) return target;
    assertMayTouchOwnership(actor, target.role, input.role);
    if (target.role === "owner" && (await ownerCount(tx, actor.orgId)) <= 1) {
      throw new AppError("CONFLICT", `${target.name} is the last owner. Make someone else an owner first.`);
    }
    await tx.update(memberships).set({ role: input.role }).where(and(eq(memberships.id, target.id), eq(memberships.orgId, actor.orgId)));
    await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "member.role_changed", subjectType: "membership", subjectId: target.id, data: { name: target.name, from: target.role, to: input.role } });
    return { ...target, role: input.role };
  });
}

export async function removeMember(db: Db, actor: Actor, input: { membershipId: string }) {
  return withOrg(db, actor.orgId, async (tx) => {
    await lockOrganization(tx, actor.orgId);
    const target = await findMember(tx, actor.orgId, input.membershipId);
    assertMayTouchOwnership(actor, target.role);
    if (target.role === "owner" && (await ownerCount(tx, actor.orgId)) <= 1) {
      throw new AppError("CONFLICT", `${target.name} is the last owner and cannot be removed.`);
    }
    await tx.delete(memberships).where(and(eq(memberships.id, target.id), eq(memberships.orgId, actor.orgId)));
    await tx.update(users).set({ lastOrgId: null }).where(and(eq(users.id, target.userId), eq(users.lastOrgId, actor.orgId)));
    await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "member.removed", subjectType: "membership", subjectId: target.id, data: { name: target.name, role: target.role } });
  });
}

export async function leaveOrganization(db: Db, actor: Actor) {
  return withOrg(db, actor.orgId, async (tx) => {
    await lockOrganization(tx, actor.orgId);
    if (actor.role === "owner" && (await ownerCount(tx, actor.orgId)) <= 1) {
      throw new AppError("CONFLICT", "You are the last owner. Make someone else an owner before you leave.");
    }
    const [gone] = await tx
      .delete(memberships)
      .where(and(eq(memberships.orgId, actor.orgId), eq(memberships.userId, actor.userId)))
      .returning({ id: memberships.id });
    await tx.update(users).set({ lastOrgId: null }).where(and(eq(users.id, actor.userId), eq(users.lastOrgId, actor.orgId)));
    const [me] = await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.userId));
    await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "member.left", subjectType: "membership", subjectId: gone?.id, data: { name: me?.name ?? null } });
  });
}
