import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { callerFor, createFixture, createUser, FIXTURE_PASSWORD } from "~/test/fixtures";
import { expectCode } from "~/test/tenancy";
import { createCaller } from "../api/root";
import { emails, invitations, memberships, users } from "../db/schema";
import { endSession, sessionUserId } from "./sessions";
import { verifyCredentials } from "./users";

const db = await testDb();
const f = await createFixture(db);
const ORG = { kind: "brand", name: "Verified Only", country: "FR", timeZone: "Europe/Paris", currency: "EUR" } as const;

let ipSeq = 0;
const ip = () => `192.0.2.${++ipSeq}`;

async function lastEmailTo(to: string) {
  const rows = await db.select().from(emails).where(eq(emails.to, to));
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).at(-1)!;
}
const linkIn = (text: string, path: string) => new RegExp(`/${path}/([A-Za-z0-9_-]+)`).exec(text)![1]!;

/** What a request carrying this cookie is: the context the /api/trpc route builds from it. */
async function asCookie(claims: { sub: string; sv: number }) {
  return createCaller({ db, userId: await sessionUserId(db, claims), ip: ip() });
}

async function cookieFor(email: string, password = FIXTURE_PASSWORD) {
  const u = await verifyCredentials(db, { email, password, ip: ip() }, new Date(), async () => {});
  return { sub: u!.id, sv: u!.sessionVersion };
}

describe("revocable sessions", () => {
  it("signing out ends the cookie everywhere: a copy kept from before answers UNAUTHORIZED", async () => {
    const user = await createUser(db, "Signs Out");
    const cookie = await cookieFor(user.email);
    const copy = { ...cookie };
    await expect((await asCookie(cookie)).auth.me()).resolves.toMatchObject({ id: user.id });

    await endSession(db, cookie);
    await expectCode((await asCookie(copy)).auth.me(), "UNAUTHORIZED");
    // A new sign-in works; signing out the stale copy again does not end the new session.
    const fresh = await cookieFor(user.email);
    await endSession(db, copy);
    await expect((await asCookie(fresh)).auth.me()).resolves.toMatchObject({ id: user.id });
  });

  it("'sign out of all devices' ends every session of the account, and only of that account", async () => {
    const user = await createUser(db, "Many Devices");
    const laptop = await cookieFor(user.email);
    const phone = await cookieFor(user.email);
    const other = await cookieFor(f.brand.member.email);
    await (await asCookie(laptop)).auth.signOutEverywhere();
    await expectCode((await asCookie(laptop)).auth.me(), "UNAUTHORIZED");
    await expectCode((await asCookie(phone)).organization.mine(), "UNAUTHORIZED");
    await expect((await asCookie(other)).auth.me()).resolves.toMatchObject({ id: f.brand.member.id });
  });

  it("a changed password ends the old cookie, which can no longer read the brand's shortlist", async () => {
    const cookie = await cookieFor(f.brand.admin.email);
    const before = await asCookie(cookie);
    await expect(before.shortlist.list({ orgId: f.brand.org.id })).resolves.toBeDefined();
    await before.auth.changePassword({ currentPassword: FIXTURE_PASSWORD, newPassword: "a brand new password" });
    await expectCode((await asCookie(cookie)).shortlist.list({ orgId: f.brand.org.id }), "UNAUTHORIZED");
  });

  it("a made-up or malformed cookie is signed out", async () => {
    expect(await sessionUserId(db, { sub: f.brand.owner.id, sv: 99 })).toBeNull();
    expect(await sessionUserId(db, { sub: f.brand.owner.id })).toBeNull();
    expect(await sessionUserId(db, { sub: "not-a-uuid", sv: 0 })).toBeNull();
    expect(await sessionUserId(db, null)).toBeNull();
  });
});

describe("email verification", () => {
  it("a new account must verify before creating an organization; the link works once", async () => {
    const c = createCaller({ db, userId: null, ip: ip() });
    await c.auth.signUp({ name: "Vera Fied", email: "vera.fied@example.test", password: "long-enough-password" });
    const [vera] = await db.select().from(users).where(eq(users.email, "vera.fied@example.test"));
    const me = callerFor(db, vera!);
    await expect(me.auth.me()).resolves.toMatchObject({ emailVerified: false });
    await expect(me.organization.create(ORG)).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Verify your email first: open the link we sent you, or ask for a new one.",
    });
    expect(await me.organization.mine()).toEqual([]);

    const token = linkIn((await lastEmailTo("vera.fied@example.test")).text, "verify-email");
    await expect(c.auth.verifyEmail({ token })).resolves.toEqual({ email: "vera.fied@example.test" });
    await expect(c.auth.verifyEmail({ token })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(me.auth.me()).resolves.toMatchObject({ emailVerified: true });
    await expect(me.organization.create(ORG)).resolves.toMatchObject({ name: "Verified Only" });
  });

  it("a link expires after 24 hours; resend sends a new one and voids the old, 3 an hour", async () => {
    const user = await createUser(db, "Slow Reader", { verified: false });
    const me = callerFor(db, user);
    await expect(me.auth.resendVerification()).resolves.toEqual({ sent: true });
    const first = linkIn((await lastEmailTo(user.email)).text, "verify-email");
    expect((await lastEmailTo(user.email)).text).toContain("expires in 24 hours");
    await me.auth.resendVerification();
    const second = linkIn((await lastEmailTo(user.email)).text, "verify-email");
    await expect(me.auth.verifyEmail({ token: first })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await me.auth.resendVerification();
    await expect(me.auth.resendVerification()).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS", message: "Too many verification emails. Try again in 60 minutes." });

    const { emailVerificationTokens } = await import("../db/schema");
    const third = linkIn((await lastEmailTo(user.email)).text, "verify-email");
    await db.update(emailVerificationTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(and(eq(emailVerificationTokens.userId, user.id), isNull(emailVerificationTokens.usedAt)));
    await expect(me.auth.verifyEmail({ token: third })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(second).not.toBe(third);
  });

  it("an invitation is accepted only by a verified user with the invited email", async () => {
    const invitee = await createUser(db, "Invitee", { verified: false });
    await callerFor(db, f.brand.owner).member.invite({ orgId: f.brand.org.id, email: invitee.email, role: "member" });
    const token = linkIn((await lastEmailTo(invitee.email)).text, "invitations");

    await expect(callerFor(db, f.loner).invitation.accept({ token })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(db, invitee).invitation.accept({ token })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Verify your email first: open the link we sent you, or ask for a new one.",
    });
    expect(await db.select().from(memberships).where(eq(memberships.userId, invitee.id))).toEqual([]);
    const [open] = await db.select().from(invitations).where(eq(invitations.email, invitee.email));
    expect(open!.acceptedAt).toBeNull();

    await db.update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.id, invitee.id));
    await expect(callerFor(db, invitee).invitation.accept({ token })).resolves.toMatchObject({ kind: "brand" });
  });
});

describe("limits on invitations and new organizations", () => {
  it("50 invitations a day per organization", async () => {
    const org = f.outsider.brand;
    const owner = callerFor(db, org.owner);
    for (let i = 0; i < 50; i++) await owner.member.invite({ orgId: org.org.id, email: `guest${i}@elsewhere.example`, role: "member" });
    await expect(owner.member.invite({ orgId: org.org.id, email: "guest50@elsewhere.example", role: "member" })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message: "Too many invitations from this organization. Try again in 24 hours.",
    });
    expect(await db.select().from(emails).where(eq(emails.to, "guest50@elsewhere.example"))).toEqual([]);
  });

  it("5 new organizations a day per user, 10 per IP", async () => {
    const user = await createUser(db, "Founder");
    const me = callerFor(db, user);
    for (let i = 0; i < 5; i++) await me.organization.create({ ...ORG, name: `Founder Brand ${i}` });
    await expect(me.organization.create({ ...ORG, name: "Founder Brand 6" })).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS", message: "Too many new organizations. Try again in 24 hours." });

    const shared = "192.0.2.250";
    for (let i = 0; i < 10; i++) await callerFor(db, await createUser(db, `Office ${i}`), shared).organization.create({ ...ORG, name: `Office Brand ${i}` });
    await expect(callerFor(db, await createUser(db, "Office 11"), shared).organization.create(ORG)).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
  });
});

describe("the squatted address", () => {
  it("an account signed up before the real person cannot join, and its cookie dies when the real person resets the password", async () => {
    const address = "newhire@maison-test.example";
    // Someone signs up the address first and keeps the cookie.
    await createCaller({ db, userId: null, ip: ip() }).auth.signUp({ name: "Squatter", email: address, password: "squatter-password-1" });
    const squatterCookie = await cookieFor(address, "squatter-password-1");
    // The owner invites that address; the squatter cannot accept without the mailbox.
    await callerFor(db, f.brand.owner).member.invite({ orgId: f.brand.org.id, email: address, role: "member" });
    const token = linkIn((await lastEmailTo(address)).text, "invitations");
    await expect((await asCookie(squatterCookie)).invitation.accept({ token })).rejects.toMatchObject({ code: "FORBIDDEN" });

    // The real person, who holds the mailbox, resets the password and accepts.
    const { requestPasswordReset, resetPassword } = await import("./users");
    await requestPasswordReset(db, { email: address, ip: ip() });
    await resetPassword(db, { token: linkIn((await lastEmailTo(address)).text, "reset-password"), password: "the-real-newhire-1" });
    const realCookie = await cookieFor(address, "the-real-newhire-1");
    await expect((await asCookie(realCookie)).invitation.accept({ token })).resolves.toMatchObject({ kind: "brand" });

    // The squatter's old cookie reads nothing of the brand.
    await expectCode((await asCookie(squatterCookie)).shortlist.list({ orgId: f.brand.org.id }), "UNAUTHORIZED");
    await expect((await asCookie(realCookie)).shortlist.list({ orgId: f.brand.org.id })).resolves.toBeDefined();
  });
});
