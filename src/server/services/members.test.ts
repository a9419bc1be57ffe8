import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { createOrg, createUser, type OrgFixture, type TestUser } from "~/test/fixtures";
import type { Role } from "~/lib/permissions";
import { events, memberships, users } from "../db/schema";
import { AppError } from "../errors";
import { changeRole, leaveOrganization, listMembers, removeMember, type Actor } from "./members";

const db = await testDb();

const actor = (t: OrgFixture, user: TestUser, role: Role): Actor => ({ orgId: t.org.id, userId: user.id, role });

async function membershipIdOf(t: OrgFixture, user: TestUser) {
  const [m] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.orgId, t.org.id), eq(memberships.userId, user.id)));
  return m!.id;
}

const membershipRows = (t: OrgFixture) => db.select().from(memberships).where(eq(memberships.orgId, t.org.id)).orderBy(asc(memberships.id));
const eventRows = (t: OrgFixture) => db.select().from(events).where(eq(events.orgId, t.org.id)).orderBy(asc(events.createdAt), asc(events.id));
/** The organization's events as comparable facts, sorted by action (PGlite's millisecond clock can tie two writes). */
const loggedChanges = async (t: OrgFixture) =>
  (await eventRows(t)).map((e) => ({ action: e.action, actorId: e.actorId, subjectId: e.subjectId, data: e.data })).sort((a, b) => a.action.localeCompare(b.action));
const state = async (t: OrgFixture) => ({ memberships: await membershipRows(t), events: await eventRows(t) });

/** Expects an AppError with `code` and proves the organization's memberships and events did not change. */
async function expectRefused(t: OrgFixture, run: () => Promise<unknown>, code: AppError["code"]): Promise<AppError> {
  const before = await state(t);
  const err = await run().then(
    () => {
      throw new Error(`expected ${code}, but the call succeeded`);
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  expect((err as AppError).message.length).toBeGreaterThan(10);
  expect(await state(t)).toEqual(before);
  return err as AppError;
}

describe("the last owner", () => {
  it("cannot be demoted, even by themselves", async () => {
    const t = await createOrg(db, "brand", "Last Owner Demote");
    const id = await membershipIdOf(t, t.owner);
    for (const role of ["admin", "member"] as const) {
      const err = await expectRefused(t, () => changeRole(db, actor(t, t.owner, "owner"), { membershipId: id, role }), "CONFLICT");
      expect(err.message).toMatch(/last owner/);
    }
  });

  it("cannot be removed", async () => {
    const t = await createOrg(db, "brand", "Last Owner Remove");
    const err = await expectRefused(t, async () => removeMember(db, actor(t, t.owner, "owner"), { membershipId: await membershipIdOf(t, t.owner) }), "CONFLICT");
    expect(err.message).toMatch(/last owner/);
  });

  it("cannot leave", async () => {
    const t = await createOrg(db, "workshop", "Last Owner Leave");
    const err = await expectRefused(t, () => leaveOrganization(db, actor(t, t.owner, "owner")), "CONFLICT");
    expect(err.message).toMatch(/last owner/);
  });
});

describe("an admin", () => {
  it("cannot demote an owner", async () => {
    const t = await createOrg(db, "brand", "Admin Demote");
    const ownerId = await membershipIdOf(t, t.owner);
    await expectRefused(t, () => changeRole(db, actor(t, t.admin, "admin"), { membershipId: ownerId, role: "member" }), "FORBIDDEN");
  });

  it("cannot remove an owner, even when there are two", async () => {
    const t = await createOrg(db, "brand", "Admin Remove");
    await changeRole(db, actor(t, t.owner, "owner"), { membershipId: await membershipIdOf(t, t.member), role: "owner" });
    await expectRefused(t, async () => removeMember(db, actor(t, t.admin, "admin"), { membershipId: await membershipIdOf(t, t.owner) }), "FORBIDDEN");
  });

  it("cannot grant the owner role, to others or to themselves", async () => {
    const t = await createOrg(db, "brand", "Admin Grant");
    await expectRefused(t, async () => changeRole(db, actor(t, t.admin, "admin"), { membershipId: await membershipIdOf(t, t.member), role: "owner" }), "FORBIDDEN");
    await expectRefused(t, async () => changeRole(db, actor(t, t.admin, "admin"), { membershipId: await membershipIdOf(t, t.admin), role: "owner" }), "FORBIDDEN");
  });

  it("can change a member's role and remove a member, with an event for each", async () => {
    const t = await createOrg(db, "brand", "Admin Manages");
    const memberId = await membershipIdOf(t, t.member);
    const changed = await changeRole(db, actor(t, t.admin, "admin"), { membershipId: memberId, role: "admin" });
    expect(changed).toMatchObject({ id: memberId, role: "admin" });
    await removeMember(db, actor(t, t.admin, "admin"), { membershipId: memberId });

    expect((await listMembers(db, t.org.id)).map((m) => [m.userId, m.role]).sort()).toEqual(
      [
        [t.owner.id, "owner"],
        [t.admin.id, "admin"],
      ].sort(),
    );
    expect(await loggedChanges(t)).toEqual([
      { action: "member.removed", actorId: t.admin.id, subjectId: memberId, data: { name: t.member.name, role: "admin" } },
      { action: "member.role_changed", actorId: t.admin.id, subjectId: memberId, data: { name: t.member.name, from: "member", to: "admin" } },
    ]);
  });
});

describe("handing over ownership", () => {
  it("an owner promotes a member to owner, then the first owner can leave; each change is logged", async () => {
    const t = await createOrg(db, "workshop", "Handover");
    const memberId = await membershipIdOf(t, t.member);
    const ownerId = await membershipIdOf(t, t.owner);
    await db.update(users).set({ lastOrgId: t.org.id }).where(eq(users.id, t.owner.id));

    await changeRole(db, actor(t, t.owner, "owner"), { membershipId: memberId, role: "owner" });
    await leaveOrganization(db, actor(t, t.owner, "owner"));

    expect((await listMembers(db, t.org.id)).map((m) => [m.userId, m.role]).sort()).toEqual(
      [
        [t.member.id, "owner"],
        [t.admin.id, "admin"],
      ].sort(),
    );
    const [former] = await db.select().from(users).where(eq(users.id, t.owner.id));
    expect(former!.lastOrgId).toBeNull();

    expect(await loggedChanges(t)).toEqual([
      { action: "member.left", actorId: t.owner.id, subjectId: ownerId, data: { name: t.owner.name } },
      { action: "member.role_changed", actorId: t.owner.id, subjectId: memberId, data: { name: t.member.name, from: "member", to: "owner" } },
    ]);

    // The new owner is now the last one, and the rule holds for them too.
    await expectRefused(t, () => leaveOrganization(db, actor(t, t.member, "owner")), "CONFLICT");
  });

  it("with two owners, one owner can demote or remove the other, but not the last one left", async () => {
    const t = await createOrg(db, "brand", "Two Owners");
    const second = await createUser(db, "Second Owner");
    const [m] = await db.insert(memberships).values({ orgId: t.org.id, userId: second.id, role: "owner" }).returning();
    const ownerId = await membershipIdOf(t, t.owner);

    await changeRole(db, actor(t, t.owner, "owner"), { membershipId: m!.id, role: "admin" });
    await expectRefused(t, () => changeRole(db, actor(t, t.owner, "owner"), { membershipId: ownerId, role: "admin" }), "CONFLICT");

    await changeRole(db, actor(t, t.owner, "owner"), { membershipId: m!.id, role: "owner" });
    await removeMember(db, actor(t, second, "owner"), { membershipId: ownerId });
    expect((await listMembers(db, t.org.id)).filter((x) => x.role === "owner").map((x) => x.userId)).toEqual([second.id]);
    expect((await loggedChanges(t)).map((e) => e.action)).toEqual(["member.removed", "member.role_changed", "member.role_changed"]);
  });

  it("two owners demoting each other at the same time leave exactly one owner", async () => {
    // Open several pooled connections first (real PostgreSQL), so the two requests really overlap.
    await Promise.all([1, 2, 3, 4].map(() => db.transaction((tx) => tx.select({ id: memberships.id }).from(memberships).limit(1))));
    for (let round = 0; round < 3; round++) {
      const t = await createOrg(db, "brand", `Race ${round}`);
      const second = await createUser(db, "Racer");
      const [m] = await db.insert(memberships).values({ orgId: t.org.id, userId: second.id, role: "owner" }).returning();
      const ownerId = await membershipIdOf(t, t.owner);

      const results = await Promise.allSettled([
        changeRole(db, actor(t, t.owner, "owner"), { membershipId: m!.id, role: "member" }),
        changeRole(db, actor(t, second, "owner"), { membershipId: ownerId, role: "member" }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const failure = results.find((r) => r.status === "rejected");
      expect(failure?.reason).toBeInstanceOf(AppError);
      expect((failure?.reason as AppError).code).toBe("CONFLICT");
      expect((await listMembers(db, t.org.id)).filter((x) => x.role === "owner")).toHaveLength(1);
    }
  });
});

describe("changes nobody may make", () => {
  it("a membership of another organization is NOT_FOUND", async () => {
    const mine = await createOrg(db, "brand", "Mine");
    const theirs = await createOrg(db, "brand", "Theirs");
    const theirMember = await membershipIdOf(theirs, theirs.member);
    await expectRefused(theirs, () => changeRole(db, actor(mine, mine.owner, "owner"), { membershipId: theirMember, role: "admin" }), "NOT_FOUND");
    await expectRefused(theirs, () => removeMember(db, actor(mine, mine.owner, "owner"), { membershipId: theirMember }), "NOT_FOUND");
  });
});
