import { and, asc, eq } from "drizzle-orm";
import { expect } from "vitest";
import type { OrgFixture } from "~/test/fixtures";
import type { TenancyCase, TenancyCaseContext } from "~/test/tenancy";
import type { Db } from "../../db/client";
import { events, invitations, memberships, organizations, users } from "../../db/schema";
import { inviteMember } from "../../services/invitations";

const orgRow = (d: Db, t: OrgFixture) => d.select().from(organizations).where(eq(organizations.id, t.org.id));
const membershipRows = (d: Db, t: OrgFixture) =>
  d.select().from(memberships).where(eq(memberships.orgId, t.org.id)).orderBy(asc(memberships.id));
const invitationRows = (d: Db, t: OrgFixture) =>
  d.select().from(invitations).where(eq(invitations.orgId, t.org.id)).orderBy(asc(invitations.id));
const eventRows = (d: Db, t: OrgFixture) => d.select().from(events).where(eq(events.orgId, t.org.id)).orderBy(asc(events.id));
const everything = async (d: Db, t: OrgFixture) => ({
  org: await orgRow(d, t),
  memberships: await membershipRows(d, t),
  invitations: await invitationRows(d, t),
  events: await eventRows(d, t),
});

const lastUsedBy = (d: Db, t: OrgFixture) => d.select({ id: users.id }).from(users).where(eq(users.lastOrgId, t.org.id)).orderBy(asc(users.id));

async function membershipIdOf(db: Db, t: OrgFixture, user: { id: string }) {
  const [m] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.orgId, t.org.id), eq(memberships.userId, user.id)));
  return m!.id;
}

const pendingInvitation = new Map<string, string>();
async function invitationIdOf(db: Db, t: OrgFixture) {
  if (!pendingInvitation.has(t.org.id)) {
    const inv = await inviteMember(db, { orgId: t.org.id, userId: t.owner.id, role: "owner" }, { email: `invitee.${t.org.slug}@example.test`, role: "member" });
    pendingInvitation.set(t.org.id, inv.id);
  }
  return pendingInvitation.get(t.org.id)!;
}

type Everything = Awaited<ReturnType<typeof everything>>;
type Row = Record<string, unknown>;

/** An event in the organization's log, so that its listing has something to show. */
const loggedEvent = new Map<string, Promise<string>>();
function eventOf(db: Db, t: OrgFixture) {
  if (!loggedEvent.has(t.org.id)) {
    loggedEvent.set(
      t.org.id,
      db
        .insert(events)
        .values({ orgId: t.org.id, actorId: t.owner.id, action: "organization.updated", subjectType: "organization", subjectId: t.org.id, data: { changed: ["name"] } })
        .returning({ id: events.id })
        .then((rows) => rows[0]!.id),
    );
  }
  return loggedEvent.get(t.org.id)!;
}

export const cases = ({ db }: TenancyCaseContext): TenancyCase[] => [
  {
    procedure: "organization.get",
    kind: "any",
    input: (t) => ({ orgId: t.org.id }),
    state: orgRow,
    allowed: ({ result, target }) => expect(result).toMatchObject({ org: { id: target.org.id, slug: target.org.slug }, role: "member" }),
  },
  {
    procedure: "organization.update",
    kind: "any",
    input: (t) => ({ orgId: t.org.id, name: "Renamed Org", slug: `renamed-${t.org.slug}`.slice(0, 48), country: "GB", timeZone: "Europe/London", currency: "GBP" }),
    state: everything,
    allowed: ({ after, target }) => {
      const { org, events: log } = after as Everything;
      expect(org[0]).toMatchObject({ name: "Renamed Org", slug: `renamed-${target.org.slug}`.slice(0, 48), country: "GB", currency: "GBP" });
      expect(log.map((e) => e.action)).toContain("organization.updated");
    },
  },
  {
    procedure: "organization.leave",
    kind: "any",
    input: (t) => ({ orgId: t.org.id }),
    state: everything,
    allowed: ({ before, after, target }) => {
      const userIds = (s: unknown) => (s as Everything).memberships.map((m) => m.userId);
      expect(userIds(before)).toContain(target.member.id);
      expect(userIds(after)).not.toContain(target.member.id);
      expect(userIds(after)).toHaveLength(userIds(before).length - 1);
    },
  },
  {
    procedure: "member.list",
    kind: "any",
    input: (t) => ({ orgId: t.org.id }),
    state: membershipRows,
    allowed: ({ result, target }) => {
      const emails = (result as { members: Row[] }).members.map((m) => m.email);
      expect(emails.sort()).toEqual([target.owner.email, target.admin.email, target.member.email].sort());
    },
  },
  {
    procedure: "member.invite",
    kind: "any",
    input: (t) => ({ orgId: t.org.id, email: `new.${t.org.slug}@example.test`, role: "member" }),
    state: everything,
    allowed: ({ after, target }) => {
      const pending = (after as Everything).invitations.filter((i) => i.email === `new.${target.org.slug}@example.test` && !i.revokedAt && !i.acceptedAt);
      expect(pending).toHaveLength(1);
      expect(pending[0]).toMatchObject({ role: "member", invitedById: target.admin.id });
    },
  },
  {
    procedure: "member.revokeInvitation",
    kind: "any",
    input: async (t) => ({ orgId: t.org.id, invitationId: await invitationIdOf(db, t) }),
    state: everything,
    rowIds: ["invitationId"],
    allowed: async ({ after, target }) => {
      const id = await invitationIdOf(db, target);
      expect((after as Everything).invitations.find((i) => i.id === id)?.revokedAt).toBeInstanceOf(Date);
    },
  },
  {
    procedure: "member.changeRole",
    kind: "any",
    input: async (t) => ({ orgId: t.org.id, membershipId: await membershipIdOf(db, t, t.member), role: "admin" }),
    state: everything,
    rowIds: ["membershipId"],
    allowed: ({ after, target }) => expect((after as Everything).memberships.find((m) => m.userId === target.member.id)?.role).toBe("admin"),
  },
  {
    procedure: "member.remove",
    kind: "any",
    input: async (t) => ({ orgId: t.org.id, membershipId: await membershipIdOf(db, t, t.member) }),
    state: everything,
    rowIds: ["membershipId"],
    allowed: ({ after, target }) => {
      const userIds = (after as Everything).memberships.map((m) => m.userId);
      expect(userIds.sort()).toEqual([target.owner.id, target.admin.id].sort());
    },
  },
  {
    procedure: "activity.list",
    kind: "any",
    input: async (t) => {
      await eventOf(db, t);
      return { orgId: t.org.id };
    },
    state: eventRows,
    allowed: async ({ result, target }) => {
      const items = (result as { items: Row[] }).items;
      expect(items.map((i) => i.id)).toEqual([await eventOf(db, target)]);
      expect(items[0]).toMatchObject({ action: "organization.updated", actorName: target.owner.name });
    },
  },
  {
    procedure: "organization.checklist",
    kind: "any",
    input: (t) => ({ orgId: t.org.id }),
    state: everything,
    allowed: ({ result, target }) => {
      const steps = (result as { key: string; done: boolean }[]).map((s) => [s.key, s.done]);
      // Called as a member: the steps of owners and admins (details, invitations, publishing) are not theirs.
      const expected = target.org.kind === "brand" ? [["create", true], ["shortlist", false], ["sample", false]] : [["create", true]];
      expect(steps).toEqual(expected);
    },
  },
  {
    procedure: "organization.switch",
    kind: "any",
    input: (t) => ({ orgId: t.org.id }),
    // A refused switch must not make the organization anyone's last one.
    state: lastUsedBy,
    allowed: ({ result, after, target }) => {
      expect(result).toEqual({ path: `/${target.org.kind}/${target.org.slug}` });
      expect((after as { id: string }[]).map((u) => u.id)).toContain(target.member.id);
    },
  },
];

/** Procedures open to anyone, and procedures for any signed-in user that touch no organization's data. */
export const publicProcedures = ["health.ping", "auth.signUp", "auth.requestPasswordReset", "auth.resetPassword", "auth.resetLinkStatus", "auth.verifyEmail", "invitation.byToken", "outbox.list"];
export const signedInProcedures = [
  "auth.me",
  "organization.renamedPortal",
  "auth.resendVerification",
  "auth.signOutEverywhere",
  "auth.changePassword",
  "organization.create",
  "organization.mine",
  "organization.home",
  "organization.portal",
  "invitation.accept",
  "account.emailPreferences",
  "account.updateEmailPreferences",
];
export const signedInInputs: Record<string, unknown> = {
  "auth.changePassword": { currentPassword: "not-the-password", newPassword: "another-password-1" },
  "invitation.accept": { token: "x".repeat(43) },
  "organization.portal": { kind: "brand", slug: "maison-lune" },
  "organization.renamedPortal": { kind: "brand", slug: "maison-lune" },
  "account.updateEmailPreferences": { mutedKinds: ["sample_request"] },
  "organization.create": { kind: "brand", name: "Nope", country: "FR", timeZone: "Europe/Paris", currency: "EUR" },
};
