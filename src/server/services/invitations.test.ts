import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { createOrg, createUser, type OrgFixture, type TestUser } from "~/test/fixtures";
import type { Role } from "~/lib/permissions";
import { emails, events, invitations, memberships, users } from "../db/schema";
import { AppError } from "../errors";
import { acceptInvitation, getInvitationByToken, inviteMember, listPendingInvitations, revokeInvitation } from "./invitations";
import type { Actor } from "./members";

const db = await testDb();

let seq = 0;
const uniqueEmail = (label: string) => `${label}.${Date.now().toString(36)}${(seq++).toString(36)}@example.test`;
const actor = (t: OrgFixture, user: TestUser, role: Role): Actor => ({ orgId: t.org.id, userId: user.id, role });
const asOwner = (t: OrgFixture) => actor(t, t.owner, "owner");

/** The tokens in every invitation email sent to `to`. */
async function invitationTokensFor(to: string): Promise<string[]> {
  const sent = await db.select().from(emails).where(eq(emails.to, to));
  return sent.map((mail) => {
    const match = /\/invitations\/([A-Za-z0-9_-]+)/.exec(mail.text);
    if (!match?.[1]) throw new Error(`no invitation link in email:\n${mail.text}`);
    return match[1];
  });
}

/** The token in the one invitation email sent to `to`. */
async function invitationTokenFor(to: string): Promise<string> {
  const tokens = await invitationTokensFor(to);
  expect(tokens, `emails to ${to}`).toHaveLength(1);
  return tokens[0]!;
}

/** Invites a new person who already has an account, and returns them with the emailed token. */
async function invited(t: OrgFixture, role: Role = "member") {
  const invitee = await createUser(db, "Invitee");
  const inv = await inviteMember(db, asOwner(t), { email: invitee.email, role });
  return { invitee, inv, token: await invitationTokenFor(invitee.email) };
}

async function expectAppError(promise: Promise<unknown>, code: AppError["code"], field?: string): Promise<AppError> {
  const err = await promise.then(
    () => {
      throw new Error(`expected ${code}, but the call succeeded`);
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  if (field !== undefined) expect((err as AppError).field).toBe(field);
  return err as AppError;
}

const membershipOf = async (t: OrgFixture, userId: string) =>
  db.select().from(memberships).where(and(eq(memberships.orgId, t.org.id), eq(memberships.userId, userId)));
const invitationRows = (t: OrgFixture) => db.select().from(invitations).where(eq(invitations.orgId, t.org.id)).orderBy(asc(invitations.createdAt));

describe("inviteMember", () => {
  it("stores a pending invitation, logs it, and emails an /invitations/<token> link", async () => {
    const t = await createOrg(db, "brand", "Maison Invite");
    const email = uniqueEmail("newcomer");
    const inv = await inviteMember(db, actor(t, t.admin, "admin"), { email, role: "admin" });
    expect(inv).toMatchObject({ email, role: "admin" });
    // Valid for seven days.
    expect(inv.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    expect(inv.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(7 * 86_400_000);

    const [mail] = await db.select().from(emails).where(eq(emails.to, email));
    expect(mail!.subject).toContain("Maison Invite");
    expect(mail!.text).toContain(t.admin.name);
    const token = await invitationTokenFor(email);
    expect(token.length).toBeGreaterThanOrEqual(32);

    // Only the hash is stored; the link resolves to this invitation.
    const [row] = await invitationRows(t);
    expect(row!.tokenHash).not.toContain(token);
    expect(await getInvitationByToken(db, token)).toMatchObject({ email, role: "admin", orgName: "Maison Invite", orgKind: "brand", inviterName: t.admin.name, status: "pending" });
    expect((await listPendingInvitations(db, t.org.id)).map((p) => p.email)).toEqual([email]);

    const logged = await db.select().from(events).where(eq(events.orgId, t.org.id));
    expect(logged).toEqual([expect.objectContaining({ action: "invitation.sent", actorId: t.admin.id, subjectId: inv.id, data: { email, role: "admin" } })]);
  });

  it("refuses to invite someone who is already a member, with CONFLICT on email, and sends nothing", async () => {
    const t = await createOrg(db, "brand", "Already In");
    const err = await expectAppError(inviteMember(db, asOwner(t), { email: t.member.email, role: "admin" }), "CONFLICT", "email");
    expect(err.message).toMatch(/already a member/);
    expect(await invitationRows(t)).toEqual([]);
    expect(await db.select().from(emails).where(eq(emails.to, t.member.email))).toEqual([]);
  });

  it("refuses an admin who tries to invite an owner", async () => {
    const t = await createOrg(db, "brand", "No Owner Invites");
    await expectAppError(inviteMember(db, actor(t, t.admin, "admin"), { email: uniqueEmail("would.be.owner"), role: "owner" }), "FORBIDDEN", "role");
    expect(await invitationRows(t)).toEqual([]);
  });

  it("re-inviting the same address revokes the earlier invitation and its link", async () => {
    const t = await createOrg(db, "workshop", "Reinvite");
    const invitee = await createUser(db, "Twice Invited");
    const first = await inviteMember(db, asOwner(t), { email: invitee.email, role: "member" });
    const firstToken = await invitationTokenFor(invitee.email);
    const second = await inviteMember(db, asOwner(t), { email: invitee.email, role: "admin" });
    const tokens = await invitationTokensFor(invitee.email);
    expect(tokens).toHaveLength(2);
    const secondToken = tokens.find((token) => token !== firstToken)!;
    expect(secondToken).toBeDefined();

    const rows = await invitationRows(t);
    expect(rows.find((r) => r.id === first.id)).toMatchObject({ revokedAt: expect.any(Date), revokedReason: "replaced" });
    expect(rows.find((r) => r.id === second.id)).toMatchObject({ revokedAt: null, revokedReason: null });
    expect((await listPendingInvitations(db, t.org.id)).map((p) => p.id)).toEqual([second.id]);

    // Nobody withdrew the first link: it says it was replaced by the newer invitation.
    expect(await getInvitationByToken(db, firstToken)).toMatchObject({ status: "replaced" });
    const err = await expectAppError(acceptInvitation(db, invitee.id, firstToken), "BAD_REQUEST");
    expect(err.message).toBe("This invitation was replaced by a newer one. Open the link in the most recent invitation email.");
    await acceptInvitation(db, invitee.id, secondToken);
    expect(await membershipOf(t, invitee.id)).toEqual([expect.objectContaining({ role: "admin" })]);
  });

  it("does not touch a pending invitation of the same address to another organization", async () => {
    const a = await createOrg(db, "brand", "Org A");
    const b = await createOrg(db, "brand", "Org B");
    const email = uniqueEmail("wanted");
    const toA = await inviteMember(db, asOwner(a), { email, role: "member" });
    await inviteMember(db, asOwner(b), { email, role: "member" });
    expect((await listPendingInvitations(db, a.org.id)).map((p) => p.id)).toEqual([toA.id]);
  });
});

describe("acceptInvitation", () => {
  it("creates the membership with the invited role, makes it the user's current organization, and works once", async () => {
    const t = await createOrg(db, "workshop", "Accept Once");
    const { invitee, inv, token } = await invited(t, "admin");

    const org = await acceptInvitation(db, invitee.id, token);
    expect(org).toEqual({ kind: "workshop", slug: t.org.slug });

    expect(await membershipOf(t, invitee.id)).toEqual([expect.objectContaining({ role: "admin" })]);
    const [user] = await db.select().from(users).where(eq(users.id, invitee.id));
    expect(user!.lastOrgId).toBe(t.org.id);
    const [row] = await db.select().from(invitations).where(eq(invitations.id, inv.id));
    expect(row!.acceptedAt).toBeInstanceOf(Date);
    expect(row!.acceptedById).toBe(invitee.id);
    expect(await getInvitationByToken(db, token)).toMatchObject({ status: "accepted" });
    expect(await listPendingInvitations(db, t.org.id)).toEqual([]);

    const joined = await db.select().from(events).where(and(eq(events.orgId, t.org.id), eq(events.action, "member.joined")));
    expect(joined).toEqual([expect.objectContaining({ actorId: invitee.id, subjectId: inv.id, data: { name: invitee.name, role: "admin" } })]);

    const err = await expectAppError(acceptInvitation(db, invitee.id, token), "BAD_REQUEST");
    expect(err.message).toBe("This invitation was already used.");
    expect(await membershipOf(t, invitee.id)).toHaveLength(1);
  });

  it("refuses a signed-in user with another email, with FORBIDDEN naming the invited address, and leaves the invitation usable", async () => {
    const t = await createOrg(db, "brand", "Wrong Person");
    const { invitee, token } = await invited(t);
    const stranger = await createUser(db, "Stranger");

    const err = await expectAppError(acceptInvitation(db, stranger.id, token), "FORBIDDEN");
    expect(err.message).toContain(invitee.email);
    expect(await membershipOf(t, stranger.id)).toEqual([]);
    expect(await getInvitationByToken(db, token)).toMatchObject({ status: "pending" });

    await acceptInvitation(db, invitee.id, token);
    expect(await membershipOf(t, invitee.id)).toHaveLength(1);
  });

  it("refuses an expired invitation with a readable BAD_REQUEST", async () => {
    const t = await createOrg(db, "brand", "Expired");
    const { invitee, inv, token } = await invited(t);
    await db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1_000) })
      .where(eq(invitations.id, inv.id));

    const err = await expectAppError(acceptInvitation(db, invitee.id, token), "BAD_REQUEST");
    expect(err.message).toBe("This invitation has expired. Ask for a new one.");
    expect(await membershipOf(t, invitee.id)).toEqual([]);
    expect(await getInvitationByToken(db, token)).toMatchObject({ status: "expired" });
  });

  it("refuses a revoked invitation with a readable BAD_REQUEST", async () => {
    const t = await createOrg(db, "brand", "Revoked");
    const { invitee, inv, token } = await invited(t);
    await revokeInvitation(db, asOwner(t), { invitationId: inv.id });
    expect((await db.select().from(events).where(eq(events.orgId, t.org.id))).map((e) => e.action).sort()).toEqual(["invitation.revoked", "invitation.sent"]);

    const [row] = await db.select().from(invitations).where(eq(invitations.id, inv.id));
    expect(row).toMatchObject({ revokedAt: expect.any(Date), revokedReason: "withdrawn" });
    expect(await getInvitationByToken(db, token)).toMatchObject({ status: "revoked" });
    const err = await expectAppError(acceptInvitation(db, invitee.id, token), "BAD_REQUEST");
    expect(err.message).toBe("This invitation was withdrawn. Ask for a new one.");
    expect(await membershipOf(t, invitee.id)).toEqual([]);
    // Revoking twice: it is no longer pending.
    await expectAppError(revokeInvitation(db, asOwner(t), { invitationId: inv.id }), "NOT_FOUND");
  });

  it("refuses an unknown token with NOT_FOUND", async () => {
    const user = await createUser(db, "Guesser");
    await expectAppError(acceptInvitation(db, user.id, "x".repeat(43)), "NOT_FOUND");
    expect(await getInvitationByToken(db, "x".repeat(43))).toBeNull();
  });

  it("two accepts of the same link at the same time make exactly one membership and one success", async () => {
    // Open several pooled connections first (real PostgreSQL), so the two requests really overlap.
    await Promise.all([1, 2, 3, 4].map(() => db.transaction((tx) => tx.select({ id: invitations.id }).from(invitations).limit(1))));
    for (let round = 0; round < 3; round++) {
      const t = await createOrg(db, "workshop", `Race ${round}`);
      const { invitee, token } = await invited(t, "member");

      const results = await Promise.allSettled([acceptInvitation(db, invitee.id, token), acceptInvitation(db, invitee.id, token)]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const failure = results.find((r) => r.status === "rejected");
      expect(failure?.reason).toBeInstanceOf(AppError);
      expect((failure?.reason as AppError).code).toBe("BAD_REQUEST");
      expect((failure?.reason as AppError).message).toBe("This invitation was already used.");

      expect(await membershipOf(t, invitee.id)).toHaveLength(1);
      expect(await db.select().from(events).where(and(eq(events.orgId, t.org.id), eq(events.action, "member.joined")))).toHaveLength(1);
    }
  });
});
