import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import type { OrgFixture } from "~/test/fixtures";
import { allProcedurePaths, callProcedure, describeTenancy, expectCode, procedureOf, type TenancyCase } from "~/test/tenancy";
import type { Db } from "../db/client";
import { events, invitations, memberships, organizations } from "../db/schema";
import { inviteMember } from "../services/invitations";

const db = await testDb();

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

async function membershipIdOf(t: OrgFixture, user: { id: string }) {
  const [m] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.orgId, t.org.id), eq(memberships.userId, user.id)));
  return m!.id;
}

const pendingInvitation = new Map<string, string>();
async function invitationIdOf(t: OrgFixture) {
  if (!pendingInvitation.has(t.org.id)) {
    const inv = await inviteMember(db, { orgId: t.org.id, userId: t.owner.id, role: "owner" }, { email: `invitee.${t.org.slug}@example.test`, role: "member" });
    pendingInvitation.set(t.org.id, inv.id);
  }
  return pendingInvitation.get(t.org.id)!;
}

/** Every procedure that reads or changes an organization's data. New org procedures must be added here. */
const cases: TenancyCase[] = [
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
    input: async (t) => ({ orgId: t.org.id, invitationId: await invitationIdOf(t) }),
    state: everything,
  },
  {
    procedure: "member.changeRole",
    kind: "any",
    input: async (t) => ({ orgId: t.org.id, membershipId: await membershipIdOf(t, t.member), role: "admin" }),
    state: everything,
  },
  {
    procedure: "member.remove",
    kind: "any",
    input: async (t) => ({ orgId: t.org.id, membershipId: await membershipIdOf(t, t.member) }),
    state: everything,
  },
  { procedure: "activity.list", kind: "any", input: (t) => ({ orgId: t.org.id }), state: eventRows },
];

/** Procedures open to anyone, and procedures for any signed-in user that touch no organization's data. */
const PUBLIC = ["auth.signUp", "auth.requestPasswordReset", "auth.resetPassword", "invitation.byToken"];
const SIGNED_IN = ["auth.me", "organization.create", "organization.mine", "invitation.accept"];

describeTenancy(db, cases);

describe("tenancy coverage", () => {
  it("every procedure is either public, signed-in only, or in the tenancy harness", () => {
    const covered = new Set([...PUBLIC, ...SIGNED_IN, ...cases.map((c) => c.procedure)]);
    expect(allProcedurePaths().filter((p) => !covered.has(p))).toEqual([]);
    expect(allProcedurePaths().length).toBeGreaterThan(10);
  });

  it.each(SIGNED_IN)("%s answers UNAUTHORIZED when signed out", async (path) => {
    const input = path === "invitation.accept" ? { token: "x".repeat(43) } : path === "organization.create" ? { kind: "brand", name: "Nope", country: "FR", timeZone: "Europe/Paris", currency: "EUR" } : undefined;
    const before = await db.select().from(organizations);
    await expectCode(callProcedure(db, null, path, input), "UNAUTHORIZED");
    expect(await db.select().from(organizations)).toEqual(before);
  });

  it("signed-in procedures carry no organization permission", () => {
    for (const p of SIGNED_IN) expect(procedureOf(p)._def.meta?.permission).toBeUndefined();
  });
});
