import { and, asc, eq } from "drizzle-orm";
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

export const cases = ({ db }: TenancyCaseContext): TenancyCase[] => [
  { procedure: "organization.get", kind: "any", input: (t) => ({ orgId: t.org.id }), state: orgRow },
  {
    procedure: "organization.update",
    kind: "any",
    input: (t) => ({ orgId: t.org.id, name: "Renamed Org", slug: `renamed-${t.org.slug}`.slice(0, 48), country: "GB", timeZone: "Europe/London", currency: "GBP" }),
    state: everything,
  },
  { procedure: "organization.leave", kind: "any", input: (t) => ({ orgId: t.org.id }), state: everything },
  { procedure: "member.list", kind: "any", input: (t) => ({ orgId: t.org.id }), state: membershipRows },
  { procedure: "member.invite", kind: "any", input: (t) => ({ orgId: t.org.id, email: `new.${t.org.slug}@example.test`, role: "member" }), state: everything },
  {
    procedure: "member.revokeInvitation",
    kind: "any",
    input: async (t) => ({ orgId: t.org.id, invitationId: await invitationIdOf(db, t) }),
    state: everything,
  },
  {
    procedure: "member.changeRole",
    kind: "any",
    input: async (t) => ({ orgId: t.org.id, membershipId: await membershipIdOf(db, t, t.member), role: "admin" }),
    state: everything,
  },
  {
    procedure: "member.remove",
    kind: "any",
    input: async (t) => ({ orgId: t.org.id, membershipId: await membershipIdOf(db, t, t.member) }),
    state: everything,
  },
  { procedure: "activity.list", kind: "any", input: (t) => ({ orgId: t.org.id }), state: eventRows },
  { procedure: "organization.checklist", kind: "any", input: (t) => ({ orgId: t.org.id }), state: everything },
  // A refused switch must not make the organization anyone's last one.
  { procedure: "organization.switch", kind: "any", input: (t) => ({ orgId: t.org.id }), state: lastUsedBy },
];


/** Procedures open to anyone, and procedures for any signed-in user that touch no organization's data. */
export const publicProcedures = ["health.ping", "auth.signUp", "auth.requestPasswordReset", "auth.resetPassword", "invitation.byToken", "outbox.list"];
export const signedInProcedures = ["auth.me", "organization.create", "organization.mine", "organization.home", "organization.portal", "invitation.accept", "account.emailPreferences", "account.updateEmailPreferences"];
export const signedInInputs: Record<string, unknown> = {
  "invitation.accept": { token: "x".repeat(43) },
  "organization.portal": { kind: "brand", slug: "maison-lune" },
  "account.updateEmailPreferences": { mutedKinds: ["sample_request"] },
  "organization.create": { kind: "brand", name: "Nope", country: "FR", timeZone: "Europe/Paris", currency: "EUR" },
};
