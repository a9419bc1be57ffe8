import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { callerFor, createOrg, createUser } from "~/test/fixtures";
import { publishWorkshop, unpublishWorkshop } from "~/test/vetting";
import { events, memberships, organizations, organizationSlugRedirects, users } from "../db/schema";
import { AppError } from "../errors";
import { createOrganization, homePathFor, portalPath, rememberLastOrganization, slugify, updateOrganization } from "./organizations";
import { leaveOrganization } from "./members";

const db = await testDb();

let seq = 0;
/** A name no other test uses, so slugs derived from it start free. */
const uniqueName = (label: string) => `${label} ${Date.now().toString(36)}${(seq++).toString(36)}`;

const brandInput = (name: string) => ({ kind: "brand" as const, name, country: "FR" as const, timeZone: "Europe/Paris", currency: "EUR" as const });

async function expectAppError(promise: Promise<unknown>, code: AppError["code"], field?: string): Promise<AppError> {
  const err = await promise.then(
    () => {
      throw new Error("expected the call to fail, but it succeeded");
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  if (field !== undefined) expect((err as AppError).field).toBe(field);
  return err as AppError;
}

describe("createOrganization", () => {
  it("makes the creator its only owner, its current organization, and logs organization.created", async () => {
    const creator = await createUser(db, "Founder");
    const name = uniqueName("Maison Éclat");
    const org = await createOrganization(db, creator.id, brandInput(`  ${name}  `));

    expect(org).toMatchObject({ kind: "brand", name, country: "FR", timeZone: "Europe/Paris", currency: "EUR", slug: slugify(name) });
    expect(org.slug).toMatch(/^maison-eclat-/);

    const members = await db.select().from(memberships).where(eq(memberships.orgId, org.id));
    expect(members).toEqual([expect.objectContaining({ userId: creator.id, role: "owner" })]);

    const [user] = await db.select().from(users).where(eq(users.id, creator.id));
    expect(user!.lastOrgId).toBe(org.id);

    const logged = await db.select().from(events).where(eq(events.orgId, org.id));
    expect(logged).toEqual([
      expect.objectContaining({ action: "organization.created", actorId: creator.id, subjectType: "organization", subjectId: org.id, data: { name, kind: "brand" } }),
    ]);
  });

  it("gives organizations that share a name different slugs", async () => {
    const name = uniqueName("Atelier Rosa");
    const a = await createOrganization(db, (await createUser(db, "A")).id, { ...brandInput(name), kind: "workshop", country: "IT", timeZone: "Europe/Rome" });
    const b = await createOrganization(db, (await createUser(db, "B")).id, brandInput(name));
    const c = await createOrganization(db, (await createUser(db, "C")).id, brandInput(name.toUpperCase()));

    expect(a.slug).toBe(slugify(name));
    expect(b.slug).toBe(`${slugify(name)}-2`);
    expect(c.slug).toBe(`${slugify(name)}-3`);
    expect(new Set([a.slug, b.slug, c.slug]).size).toBe(3);
  });

  it("gives organizations created at the same moment with the same name different slugs", async () => {
    const name = uniqueName("Simultaneous");
    const creators = await Promise.all([1, 2, 3, 4].map((i) => createUser(db, `Racer ${i}`)));
    const results = await Promise.allSettled(creators.map((u) => createOrganization(db, u.id, brandInput(name))));

    expect(results.map((r) => (r.status === "rejected" ? String(r.reason) : "ok"))).toEqual(["ok", "ok", "ok", "ok"]);
    const slugs = results.map((r) => (r.status === "fulfilled" ? r.value.slug : "")).sort();
    expect(slugs).toEqual([slugify(name), `${slugify(name)}-2`, `${slugify(name)}-3`, `${slugify(name)}-4`].sort());
    for (const [i, r] of results.entries()) {
      const org = (r as PromiseFulfilledResult<{ id: string }>).value;
      expect(await db.select().from(memberships).where(eq(memberships.orgId, org.id))).toEqual([expect.objectContaining({ userId: creators[i]!.id, role: "owner" })]);
    }
  });

  it("makes a usable slug from a name with no Latin letters", async () => {
    expect(slugify("金")).toBe("org-new");
    expect(slugify("ab")).toBe("org-ab");
    expect(slugify("  Bijoux & Co. — Paris ")).toBe("bijoux-co-paris");
  });
});

describe("updateOrganization", () => {
  const profile = { name: "Renamed House", country: "GB" as const, timeZone: "Europe/London", currency: "GBP" as const };

  it("updates the profile and slug, and logs which fields changed", async () => {
    const t = await createOrg(db, "brand", "Update Me");
    const slug = `renamed-${t.org.slug}`;
    const org = await updateOrganization(db, { orgId: t.org.id, actorId: t.admin.id }, { ...profile, slug });
    expect(org).toMatchObject({ ...profile, slug, kind: "brand" });

    const logged = await db.select().from(events).where(and(eq(events.orgId, t.org.id), eq(events.action, "organization.updated")));
    expect(logged).toHaveLength(1);
    expect(logged[0]!.actorId).toBe(t.admin.id);
    expect((logged[0]!.data as { changed: string[] }).changed.sort()).toEqual(["country", "currency", "name", "slug", "timeZone"]);
  });

  it("keeps its own slug without a conflict, and logs nothing when nothing changed", async () => {
    const t = await createOrg(db, "brand", "Same Slug");
    const { name, country, timeZone, currency, slug } = t.org;
    await updateOrganization(db, { orgId: t.org.id, actorId: t.owner.id }, { name, country: country as "FR", timeZone, currency: currency, slug });
    expect(await db.select().from(events).where(eq(events.orgId, t.org.id))).toEqual([]);
  });

  it("refuses a slug another organization uses, with CONFLICT on slug, and changes nothing", async () => {
    const mine = await createOrg(db, "brand", "Mine");
    const theirs = await createOrg(db, "workshop", "Theirs");
    const before = await db.select().from(organizations).where(eq(organizations.id, mine.org.id));

    const err = await expectAppError(updateOrganization(db, { orgId: mine.org.id, actorId: mine.owner.id }, { ...profile, slug: theirs.org.slug }), "CONFLICT", "slug");
    expect(err.message).toMatch(/already uses this address/);

    expect(await db.select().from(organizations).where(eq(organizations.id, mine.org.id))).toEqual(before);
    expect(await db.select().from(events).where(eq(events.orgId, mine.org.id))).toEqual([]);
  });

  // Needs two connections at once, which only a PostgreSQL server gives (PGlite runs one at a time).
  it.skipIf(!process.env.DATABASE_URL)("[PostgreSQL only: needs two connections at once] answers CONFLICT on slug, not a 500, when another organization takes the slug at the same moment", async () => {
    const mine = await createOrg(db, "brand", "Racer");
    const theirs = await createOrg(db, "brand", "Other Racer");
    const slug = `contested-${mine.org.slug}`;
    let attempt: Promise<unknown> | undefined;
    await db.transaction(async (tx) => {
      // Their rename is not committed yet, so the check before the update sees the slug free.
      await tx.update(organizations).set({ slug }).where(eq(organizations.id, theirs.org.id));
      attempt = updateOrganization(db, { orgId: mine.org.id, actorId: mine.owner.id }, { ...profile, slug }).catch((e: unknown) => e);
      await new Promise((r) => setTimeout(r, 300));
    });
    const err = await attempt;
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: "CONFLICT", field: "slug" });
    expect((await db.select().from(organizations).where(eq(organizations.id, mine.org.id)))[0]!.slug).toBe(mine.org.slug);
  });
});

describe("homePathFor", () => {
  it("sends a user with no organization to onboarding", async () => {
    const user = await createUser(db, "Newcomer");
    expect(await homePathFor(db, user.id)).toBe("/onboarding");
  });

  it("returns the organization used last, else the first by name", async () => {
    const user = await createUser(db, "Two Hats");
    const zulu = await createOrganization(db, user.id, { ...brandInput(uniqueName("Zulu Workshop")), kind: "workshop", country: "IT", timeZone: "Europe/Rome" });
    const alpha = await createOrganization(db, user.id, brandInput(uniqueName("Alpha Brand")));

    // createOrganization made the newest one current.
    expect(await homePathFor(db, user.id)).toBe(`/brand/${alpha.slug}`);

    await rememberLastOrganization(db, user.id, zulu.id);
    expect(await homePathFor(db, user.id)).toBe(`/workshop/${zulu.slug}`);
    expect(portalPath(zulu, "/orders")).toBe(`/workshop/${zulu.slug}/orders`);

    // No remembered organization: the first by name.
    await db.update(users).set({ lastOrgId: null }).where(eq(users.id, user.id));
    expect(await homePathFor(db, user.id)).toBe(`/brand/${alpha.slug}`);
  });

  it("ignores a remembered organization the user no longer belongs to", async () => {
    const t = await createOrg(db, "workshop", "Left Behind");
    const other = await createOrganization(db, t.member.id, brandInput(uniqueName("Still Here")));
    await rememberLastOrganization(db, t.member.id, t.org.id);
    expect(await homePathFor(db, t.member.id)).toBe(`/workshop/${t.org.slug}`);

    await leaveOrganization(db, { orgId: t.org.id, userId: t.member.id, role: "member" });
    expect(await homePathFor(db, t.member.id)).toBe(`/brand/${other.slug}`);

    // Even when the pointer is stale in the database (e.g. removed by another path), it is not followed.
    await db.update(users).set({ lastOrgId: t.org.id }).where(eq(users.id, t.member.id));
    expect(await homePathFor(db, t.member.id)).toBe(`/brand/${other.slug}`);
  });
});

describe("old slugs after a slug change", () => {
  const profile = { name: "Moved House", country: "GB" as const, timeZone: "Europe/London", currency: "GBP" as const };
  const rename = (t: Awaited<ReturnType<typeof createOrg>>, slug: string) => updateOrganization(db, { orgId: t.org.id, actorId: t.owner.id }, { ...profile, slug });
  const oldSlugsOf = async (orgId: string) =>
    (await db.select({ slug: organizationSlugRedirects.slug }).from(organizationSlugRedirects).where(eq(organizationSlugRedirects.orgId, orgId))).map((r) => r.slug).sort();

  it("keeps every old slug of the organization, leading its members to the current one", async () => {
    const t = await createOrg(db, "brand", "Moving Brand");
    const first = t.org.slug;
    await rename(t, `${first}-two`);
    await rename(t, `${first}-three`);
    expect(await oldSlugsOf(t.org.id)).toEqual([first, `${first}-two`].sort());

    const member = callerFor(db, t.member);
    expect(await member.organization.renamedPortal({ kind: "brand", slug: first })).toEqual({ slug: `${first}-three` });
    expect(await member.organization.renamedPortal({ kind: "brand", slug: `${first}-two` })).toEqual({ slug: `${first}-three` });
    // The other kind's portal, a slug nobody had, and a stranger: nothing.
    expect(await member.organization.renamedPortal({ kind: "workshop", slug: first })).toBeNull();
    expect(await member.organization.renamedPortal({ kind: "brand", slug: `never-${first}` })).toBeNull();
    const stranger = await createUser(db, "Stranger");
    expect(await callerFor(db, stranger).organization.renamedPortal({ kind: "brand", slug: first })).toBeNull();
    // The brand is not public: its old slug does not lead anyone to its profile.
    expect(await callerFor(db, null).workshopProfile.renamedPublic({ slug: first })).toBeNull();
  });

  it("reserves an old slug: another organization cannot take it, the organization itself can take it back", async () => {
    const t = await createOrg(db, "brand", "Reserving Brand");
    const other = await createOrg(db, "brand", "Would Take");
    const first = t.org.slug;
    await rename(t, `${first}-new`);
    const err = await expectAppError(rename(other, first), "CONFLICT", "slug");
    expect(err.message).toMatch(/already uses this address/);
    await expectAppError(createOrganization(db, other.owner.id, brandInput("x")).then(() => rename(other, first)), "CONFLICT", "slug");

    const back = await rename(t, first);
    expect(back.slug).toBe(first);
    expect(await oldSlugsOf(t.org.id)).toEqual([`${first}-new`]);
    expect(await callerFor(db, t.owner).organization.renamedPortal({ kind: "brand", slug: first })).toBeNull();
  });

  it("an old public profile address leads to the current one only while the workshop is published", async () => {
    const t = await createOrg(db, "workshop", "Moving Workshop");
    await publishWorkshop(db, t);
    const first = t.org.slug;
    await rename(t, `${first}-moved`);
    const visitor = callerFor(db, null);
    expect(await visitor.workshopProfile.renamedPublic({ slug: first })).toEqual({ slug: `${first}-moved` });
    await unpublishWorkshop(db, t);
    expect(await visitor.workshopProfile.renamedPublic({ slug: first })).toBeNull();
    // Text no slug can hold answers a readable BAD_REQUEST (the page shows 404 for it), not a 500.
    await expect(visitor.workshopProfile.renamedPublic({ slug: "a\u0000b" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
