import { createWorkshopProfile } from "~/server/services/workshop-profiles";
import { createCaller } from "~/server/api/root";
import type { Db } from "~/server/db/client";
import { appDbOf } from "./db";
import { memberships, organizations, users, type Organization, type OrganizationKind } from "~/server/db/schema";
import { hashPassword } from "~/server/services/users";
import type { Role } from "~/lib/permissions";

export type TestUser = { id: string; email: string; name: string };
export type OrgFixture = { org: Organization } & Record<Role, TestUser>;
export type Fixture = {
  brand: OrgFixture;
  workshop: OrgFixture;
  /** Organizations with no relation to the two above, one of each kind. */
  outsider: Record<OrganizationKind, OrgFixture>;
  /** A signed-in user with no organization at all. */
  loner: TestUser;
};

export const FIXTURE_PASSWORD = "fixture-password-1";
let passwordHash: Promise<string> | undefined;

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** A user with a verified email, unless `verified: false`. */
export async function createUser(db: Db, name = "Test User", opts: { verified?: boolean } = {}): Promise<TestUser> {
  passwordHash ??= hashPassword(FIXTURE_PASSWORD);
  const email = `${name.toLowerCase().replace(/[^a-z]+/g, ".")}.${unique()}@example.test`;
  const emailVerifiedAt = opts.verified === false ? null : new Date();
  const [user] = await db.insert(users).values({ name, email, passwordHash: await passwordHash, emailVerifiedAt }).returning();
  return { id: user!.id, email: user!.email, name: user!.name };
}

export async function createOrg(db: Db, kind: OrganizationKind, name: string): Promise<OrgFixture> {
  const [org] = await db
    .insert(organizations)
    .values({ kind, name, slug: `${kind}-${unique()}`, country: kind === "brand" ? "FR" : "IT", timeZone: kind === "brand" ? "Europe/Paris" : "Europe/Rome", currency: "EUR" })
    .returning();
  if (kind === "workshop") await createWorkshopProfile(db, org!);
  const people = {} as Record<Role, TestUser>;
  for (const role of ["owner", "admin", "member"] as const) {
    people[role] = await createUser(db, `${name} ${role}`);
    await db.insert(memberships).values({ orgId: org!.id, userId: people[role].id, role });
  }
  return { org: org!, ...people };
}

export async function createFixture(db: Db): Promise<Fixture> {
  return {
    brand: await createOrg(db, "brand", "Maison Test"),
    workshop: await createOrg(db, "workshop", "Atelier Test"),
    outsider: { brand: await createOrg(db, "brand", "Outsider Brand"), workshop: await createOrg(db, "workshop", "Outsider Workshop") },
    loner: await createUser(db, "Loner"),
  };
}

let callerSeq = 0;

/**
 * A tRPC caller acting as `user` (or signed out), in-process, against the test database — connected as
 * the app is, through the tenant role, so row-level security applies. Each caller has an address of its
 * own, so per-IP limits of one test never reach another; pass `ip` to share one.
 */
export function callerFor(db: Db, user: { id: string } | null, ip?: string) {
  callerSeq++;
  return createCaller({ db: appDbOf(db), userId: user?.id ?? null, ip: ip ?? `198.18.${(callerSeq >> 8) & 255}.${callerSeq & 255}` });
}
