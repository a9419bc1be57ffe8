import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { callerFor, createFixture, createUser } from "~/test/fixtures";
import { expectCode } from "~/test/tenancy";
import { memberships, users, workshopProfiles } from "../db/schema";
import { createOrganization, recordSignIn } from "../services/organizations";
import { brandProcedure, orgProcedure, workshopProcedure } from "./trpc";

const db = await testDb();
const f = await createFixture(db);

const lastOrgOf = async (user: { id: string }) => (await db.select({ id: users.lastOrgId }).from(users).where(eq(users.id, user.id)))[0]!.id;
const profileCount = async () => (await db.select({ n: count() }).from(workshopProfiles))[0]!.n;

describe("org procedure builders", () => {
  it("take the permission as an argument and keep it as meta for the tenancy harness", () => {
    expect(brandProcedure("samples.request")._def.meta).toEqual({ permission: "samples.request" });
    expect(workshopProcedure("samples.respond")._def.meta).toEqual({ permission: "samples.respond" });
    expect(orgProcedure("org.view")._def.meta).toEqual({ permission: "org.view" });
    // @ts-expect-error a procedure without a permission does not compile
    void brandProcedure();
    // @ts-expect-error nor does one with a permission the map does not know
    void orgProcedure("org.everything");
  });
});

describe("organization.portal", () => {
  it("answers the organization, the caller's role and the organizations to switch to", async () => {
    const portal = await callerFor(db, f.brand.admin).organization.portal({ kind: "brand", slug: f.brand.org.slug });
    expect(portal.org.id).toBe(f.brand.org.id);
    expect(portal.role).toBe("admin");
    expect(portal.organizations.map((o) => o.id)).toEqual([f.brand.org.id]);
  });

  it("answers NOT_FOUND to an outsider, to the wrong portal kind and to an unknown slug", async () => {
    await expectCode(callerFor(db, f.outsider.brand.owner).organization.portal({ kind: "brand", slug: f.brand.org.slug }), "NOT_FOUND");
    await expectCode(callerFor(db, f.brand.owner).organization.portal({ kind: "workshop", slug: f.brand.org.slug }), "NOT_FOUND");
    await expectCode(callerFor(db, f.brand.owner).organization.portal({ kind: "brand", slug: "no-such-organization" }), "NOT_FOUND");
  });

  it("writes nothing: opening a portal does not change the organization used last", async () => {
    await db.update(users).set({ lastOrgId: null }).where(eq(users.id, f.workshop.member.id));
    await callerFor(db, f.workshop.member).organization.portal({ kind: "workshop", slug: f.workshop.org.slug });
    expect(await lastOrgOf(f.workshop.member)).toBeNull();
  });
});

describe("the organization used last", () => {
  it("is recorded when switching, and is where organization.home leads", async () => {
    const user = await createUser(db, "Switcher");
    await db.insert(memberships).values([
      { orgId: f.brand.org.id, userId: user.id, role: "member" },
      { orgId: f.workshop.org.id, userId: user.id, role: "member" },
    ]);
    const caller = callerFor(db, user);
    expect(await caller.organization.switch({ orgId: f.workshop.org.id })).toEqual({ path: `/workshop/${f.workshop.org.slug}` });
    expect(await lastOrgOf(user)).toBe(f.workshop.org.id);
    expect(await caller.organization.home()).toEqual({ path: `/workshop/${f.workshop.org.slug}` });
  });

  it("is kept on sign-in while the user still belongs to it, else replaced by the first organization", async () => {
    const user = await createUser(db, "Returning");
    await db.insert(memberships).values({ orgId: f.workshop.org.id, userId: user.id, role: "member" });
    await db.update(users).set({ lastOrgId: f.workshop.org.id }).where(eq(users.id, user.id));
    await recordSignIn(db, user.id);
    expect(await lastOrgOf(user)).toBe(f.workshop.org.id);

    // Removed from the workshop meanwhile, now in the brand only.
    await db.delete(memberships).where(eq(memberships.userId, user.id));
    await db.insert(memberships).values({ orgId: f.brand.org.id, userId: user.id, role: "member" });
    await recordSignIn(db, user.id);
    expect(await lastOrgOf(user)).toBe(f.brand.org.id);

    await db.delete(memberships).where(eq(memberships.userId, user.id));
    await recordSignIn(db, user.id);
    expect(await lastOrgOf(user)).toBeNull();
  });
});

describe("the workshop profile row", () => {
  it("is created with the workshop organization, empty and unpublished, and reading it writes nothing", async () => {
    const owner = await createUser(db, "New Workshop Owner");
    const org = await createOrganization(db, owner.id, { kind: "workshop", name: "Bottega Nuova", country: "IT", timeZone: "Europe/Rome", currency: "EUR" });
    const [profile] = await db.select().from(workshopProfiles).where(eq(workshopProfiles.orgId, org.id));
    expect(profile).toMatchObject({ name: "Bottega Nuova", country: "IT", headline: "", publishedAt: null });

    const before = await profileCount();
    const editor = await callerFor(db, owner).workshopProfile.get({ orgId: org.id });
    expect(editor.profile.orgId).toBe(org.id);
    expect(await profileCount()).toBe(before);
  });

  it("is not created for a brand", async () => {
    const owner = await createUser(db, "New Brand Owner");
    const org = await createOrganization(db, owner.id, { kind: "brand", name: "Maison Nouvelle", country: "FR", timeZone: "Europe/Paris", currency: "EUR" });
    expect(await db.select().from(workshopProfiles).where(eq(workshopProfiles.orgId, org.id))).toEqual([]);
  });
});
