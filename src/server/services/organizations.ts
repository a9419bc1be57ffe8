import { and, asc, eq, sql } from "drizzle-orm";
import type { Db, Queryable } from "../db/client";
import { withOrg, withPublic, withUser } from "../db/tenant";
import { memberships, organizations, organizationSlugRedirects, users, workshopProfiles, type Organization, type OrganizationKind } from "../db/schema";
import { AppError } from "../errors";
import type { CreateOrganizationInput, UpdateOrganizationInput } from "~/lib/schemas";
import type { Role } from "~/lib/permissions";
import { assertEmailVerified } from "./email-verification";
import { recordEvent } from "./events";
import { hitRateLimits } from "./rate-limit";
import { createWorkshopProfile } from "./workshop-profiles";

export type MembershipContext = {
  org: Organization;
  membership: { id: string; role: Role; userId: string };
};

export function slugify(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  return base.length >= 3 ? base : `org-${base || "new"}`;
}

/**
 * Whether any organization uses this address. Other organizations' rows are invisible to tenant work, so
 * this asks through a database function that answers yes or no and returns nothing else.
 */
async function slugTaken(db: Queryable, slug: string): Promise<boolean> {
  const { rows } = await db.execute<{ taken: boolean }>(sql`select organization_slug_taken(${slug}) as taken`);
  return rows[0]?.taken === true;
}

async function freeSlug(db: Queryable, name: string): Promise<string> {
  const base = slugify(name);
  for (let i = 0; i < 50; i++) {
    const candidate = i === 0 ? base : `${base}-${i + 1}`;
    if (!(await slugTaken(db, candidate))) return candidate;
  }
  return randomSlug(base);
}

/** The base with a random tail: 36^6 choices, so concurrent requests practically never meet. */
function randomSlug(base: string): string {
  const tail = Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) => "abcdefghijklmnopqrstuvwxyz0123456789"[b % 36]).join("");
  return `${base.slice(0, 40)}-${tail}`;
}

/** Creates the organization with its creator as owner, and makes it the creator's current one. */
export async function createOrganization(db: Db, userId: string, input: CreateOrganizationInput, ip?: string) {
  await assertEmailVerified(db, userId);
  // Callers inside the app (seed, tests) pass no IP; requests always do.
  await hitRateLimits(db, [...(ip ? [["organizationCreate.ip", ip] as const] : []), ["organizationCreate.user", userId]]);
  // The id is chosen first so the new organization's rows are written as that organization.
  const id = crypto.randomUUID();
  return withOrg(db, id, async (tx) => {
    let org: Organization | undefined;
    // A concurrent request can take the free slug between the check and the insert. The first tries take
    // the nicest free slug (`name`, `name-2`…); after that a random tail, so the loop cannot run out
    // however many race.
    for (let attempt = 0; !org; attempt++) {
      const slug = attempt < 5 ? await freeSlug(tx, input.name) : randomSlug(slugify(input.name));
      [org] = await tx
        .insert(organizations)
        .values({ ...input, id, name: input.name.trim(), slug })
        .onConflictDoNothing({ target: organizations.slug })
        .returning();
      if (attempt >= 25) throw new Error("no free slug after 25 attempts");
    }
    await tx.insert(memberships).values({ orgId: org.id, userId, role: "owner" });
    if (org.kind === "workshop") await createWorkshopProfile(tx, org);
    await tx.update(users).set({ lastOrgId: org.id }).where(eq(users.id, userId));
    await recordEvent(tx, { orgId: org.id, actorId: userId, action: "organization.created", subjectType: "organization", subjectId: org.id, data: { name: org.name, kind: org.kind } });
    return org;
  });
}

/** The user's membership in an organization, read fresh from the database; null when there is none. */
export async function getMembership(db: Db, userId: string, where: { orgId: string } | { slug: string }): Promise<MembershipContext | null> {
  // A portal address comes from the URL; U+0000 cannot be compared in PostgreSQL and matches no slug anyway.
  if ("slug" in where && where.slug.includes("\u0000")) return null;
  return withUser(db, userId, async (tx) => {
    const [row] = await tx
      .select({ org: organizations, membership: { id: memberships.id, role: memberships.role, userId: memberships.userId } })
      .from(memberships)
      .innerJoin(organizations, eq(organizations.id, memberships.orgId))
      .where(and(eq(memberships.userId, userId), "orgId" in where ? eq(organizations.id, where.orgId) : eq(organizations.slug, where.slug)));
    return row ?? null;
  });
}

export async function listMyOrganizations(db: Db, userId: string) {
  return withUser(db, userId, (tx) =>
    tx
      .select({ id: organizations.id, name: organizations.name, slug: organizations.slug, kind: organizations.kind, role: memberships.role })
      .from(memberships)
      .innerJoin(organizations, eq(organizations.id, memberships.orgId))
      .where(eq(memberships.userId, userId))
      .orderBy(asc(organizations.name)),
  );
}

export function portalPath(org: { kind: OrganizationKind; slug: string }, rest = ""): string {
  return `/${org.kind}/${org.slug}${rest}`;
}

/** Where a signed-in user lands: the organization used last, else the first one, else onboarding. */
export async function homePathFor(db: Db, userId: string): Promise<string> {
  const [user] = await db.select({ lastOrgId: users.lastOrgId }).from(users).where(eq(users.id, userId));
  const orgs = await listMyOrganizations(db, userId);
  const target = orgs.find((o) => o.id === user?.lastOrgId) ?? orgs[0];
  return target ? portalPath(target) : "/onboarding";
}

/** Switching organizations: the one switched to is where the next sign-in lands. */
export async function rememberLastOrganization(db: Db, userId: string, orgId: string): Promise<void> {
  await db
    .update(users)
    .set({ lastOrgId: orgId })
    .where(and(eq(users.id, userId), sql`${users.lastOrgId} is distinct from ${orgId}`));
}

/**
 * On sign-in: keep the organization used last while the user still belongs to it, else record the one
 * they land in (the first by name), or none.
 */
export async function recordSignIn(db: Db, userId: string): Promise<void> {
  const [user] = await db.select({ lastOrgId: users.lastOrgId }).from(users).where(eq(users.id, userId));
  if (!user) return;
  const orgs = await listMyOrganizations(db, userId);
  if (orgs.some((o) => o.id === user.lastOrgId)) return;
  await db.update(users).set({ lastOrgId: orgs[0]?.id ?? null }).where(eq(users.id, userId));
}

const slugTakenError = () => new AppError("CONFLICT", "Another organization already uses this address.", "slug");

/** Whether a failed query broke the slug's unique index (the driver error sits in the cause chain). */
function isSlugUniqueViolation(err: unknown): boolean {
  for (let e = err; e instanceof Error; e = e.cause) {
    const pg = e as Error & { code?: string; constraint?: string };
    if (pg.code === "23505" && pg.constraint === "organizations_slug_key") return true;
  }
  return false;
}

export async function updateOrganization(db: Db, ctx: { orgId: string; actorId: string }, input: UpdateOrganizationInput) {
  try {
    return await updateOrganizationTx(db, ctx, input);
  } catch (err) {
    // Another organization can take the slug between the check below and the update.
    if (isSlugUniqueViolation(err)) throw slugTakenError();
    throw err;
  }
}

async function updateOrganizationTx(db: Db, ctx: { orgId: string; actorId: string }, input: UpdateOrganizationInput) {
  return withOrg(db, ctx.orgId, async (tx) => {
    const [before] = await tx.select().from(organizations).where(eq(organizations.id, ctx.orgId));
    const slugChanges = before !== undefined && before.slug !== input.slug;
    if (slugChanges) {
      // Taking back one of its own old slugs: that address stops being a redirect and is the slug again.
      await tx.delete(organizationSlugRedirects).where(and(eq(organizationSlugRedirects.orgId, ctx.orgId), eq(organizationSlugRedirects.slug, input.slug)));
      if (await slugTaken(tx, input.slug)) throw slugTakenError();
    }
    const [org] = await tx.update(organizations).set(input).where(eq(organizations.id, ctx.orgId)).returning();
    if (!before || !org) throw new AppError("NOT_FOUND", "Organization was not found.");
    // The old address keeps working: shared portal and profile links redirect to the new one.
    if (slugChanges) await tx.insert(organizationSlugRedirects).values({ slug: before.slug, orgId: org.id }).onConflictDoNothing();
    // The workshop profile keeps a copy of the name for its search vector; keep the two in step.
    if (before.name !== org.name) await tx.update(workshopProfiles).set({ name: org.name }).where(eq(workshopProfiles.orgId, org.id));
    const changed = (Object.keys(input) as (keyof UpdateOrganizationInput)[]).filter((k) => before[k] !== org[k]);
    if (changed.length > 0) {
      await recordEvent(tx, { orgId: org.id, actorId: ctx.actorId, action: "organization.updated", subjectType: "organization", subjectId: org.id, data: { changed } });
    }
    return org;
  });
}

/**
 * The current slug of an organization of `kind` that the user belongs to and that had `oldSlug` before, or
 * null: an old portal link redirects only a member (row-level security shows the user's organizations' old slugs).
 */
export async function currentSlugForMember(db: Db, userId: string, kind: OrganizationKind, oldSlug: string): Promise<string | null> {
  if (oldSlug.includes("\u0000")) return null;
  return withUser(db, userId, async (tx) => {
    const [row] = await tx
      .select({ slug: organizations.slug })
      .from(organizationSlugRedirects)
      .innerJoin(organizations, eq(organizations.id, organizationSlugRedirects.orgId))
      .innerJoin(memberships, and(eq(memberships.orgId, organizations.id), eq(memberships.userId, userId)))
      .where(and(eq(organizationSlugRedirects.slug, oldSlug), eq(organizations.kind, kind)));
    return row?.slug ?? null;
  });
}

/**
 * The current slug of a published workshop that had `oldSlug` before, or null: an old public profile link
 * redirects only while the profile is published (the public sees no other organization's old slugs).
 */
export async function currentSlugOfPublishedWorkshop(db: Db, oldSlug: string): Promise<string | null> {
  if (oldSlug.includes("\u0000")) return null;
  return withPublic(db, async (tx) => {
    const [row] = await tx
      .select({ slug: organizations.slug })
      .from(organizationSlugRedirects)
      .innerJoin(organizations, eq(organizations.id, organizationSlugRedirects.orgId))
      .innerJoin(workshopProfiles, eq(workshopProfiles.orgId, organizations.id))
      .where(and(eq(organizationSlugRedirects.slug, oldSlug), eq(organizations.kind, "workshop"), sql`${workshopProfiles.publishedAt} is not null`));
    return row?.slug ?? null;
  });
}
