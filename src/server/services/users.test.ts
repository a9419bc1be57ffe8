import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { createUser, FIXTURE_PASSWORD } from "~/test/fixtures";
import { emails, passwordResetTokens, signInAttempts, users } from "../db/schema";
import { RateLimitedError } from "./rate-limit";
import { sessionUserId } from "./sessions";
import { AppError } from "../errors";
import { accountDelayMs, changePassword, hashPassword, requestPasswordReset, resetLinkUsable, resetPassword, signUp, TooManyAttemptsError, verifyCredentials } from "./users";

const db = await testDb();

let seq = 0;
const uniqueEmail = (label: string) => `${label}.${Date.now().toString(36)}${(seq++).toString(36)}@example.test`;
/** An IP no other test uses, so per-IP counts never leak between tests (attempts dated in 2030 stay "recent"). */
let ipSeq = 0;
const uniqueIp = () => {
  ipSeq++;
  return `10.${process.pid % 250}.${Math.floor(ipSeq / 250)}.${(ipSeq % 250) + 1}`;
};
const PASSWORD = "correct horse battery";

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected the call to fail, but it succeeded");
    },
    (e: unknown) => e,
  );
}

async function expectAppError(promise: Promise<unknown>, code: AppError["code"], field?: string): Promise<AppError> {
  const err = await rejection(promise);
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  if (field !== undefined) expect((err as AppError).field).toBe(field);
  return err as AppError;
}

async function expectLockedOut(promise: Promise<unknown>): Promise<TooManyAttemptsError> {
  const err = await rejection(promise);
  expect(err).toBeInstanceOf(TooManyAttemptsError);
  expect((err as TooManyAttemptsError).code).toBe("TOO_MANY_REQUESTS");
  return err as TooManyAttemptsError;
}

const minutes = (n: number) => n * 60_000;
const at = (base: Date, offsetMs: number) => new Date(base.getTime() + offsetMs);

async function emailsTo(to: string) {
  return db.select().from(emails).where(eq(emails.to, to)).orderBy(asc(emails.createdAt));
}

function resetTokenIn(text: string): string {
  const match = /\/reset-password\/([A-Za-z0-9_-]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no reset link in email:\n${text}`);
  return match[1];
}

const noSleep = async () => {};

describe("signUp", () => {
  it("creates an unverified account with a normalized email and an argon2id hash, and emails a verification link", async () => {
    const email = uniqueEmail("new.person");
    const answer = await signUp(db, { name: "  New Person ", email: `  ${email.toUpperCase()} `, password: PASSWORD, ip: uniqueIp() });
    expect(answer).toEqual({ email });

    const [row] = await db.select().from(users).where(eq(users.email, email));
    expect(row!.name).toBe("New Person");
    expect(row!.emailVerifiedAt).toBeNull();
    expect(row!.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(row!.passwordHash).not.toContain(PASSWORD);
    const sent = await emailsTo(email);
    expect(sent.map((m) => m.subject)).toEqual(["Verify your email for Bezel"]);
    expect(sent[0]!.text).toMatch(/\/verify-email\/[A-Za-z0-9_-]{43}/);
  });

  it("hashes the same password differently each time (salted)", async () => {
    const [a, b] = await Promise.all([hashPassword(PASSWORD), hashPassword(PASSWORD)]);
    expect(a.startsWith("$argon2id$")).toBe(true);
    expect(a).not.toBe(b);
  });

  it("answers an existing email exactly as a new one, keeps the account, and tells its owner by email", async () => {
    const existing = await createUser(db, "Already Here");
    const answer = await signUp(db, { name: "Impostor", email: existing.email.toUpperCase(), password: "another password 1", ip: uniqueIp() });
    expect(answer).toEqual({ email: existing.email });

    const rows = await db.select().from(users).where(eq(users.email, existing.email));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.name).toBe("Already Here");
    const sent = await emailsTo(existing.email);
    expect(sent.map((m) => m.subject)).toEqual(["Someone tried to create a Bezel account with your email"]);
    expect(sent[0]!.text).toContain("/forgot-password");
  });

  it("allows 10 sign-ups an hour from one IP and 3 per email", async () => {
    const ip = uniqueIp();
    for (let i = 0; i < 10; i++) await signUp(db, { name: "Batch", email: uniqueEmail(`batch${i}`), password: PASSWORD, ip });
    const err = await rejection(signUp(db, { name: "Batch", email: uniqueEmail("batch.eleven"), password: PASSWORD, ip }));
    expect(err).toBeInstanceOf(RateLimitedError);
    expect((err as RateLimitedError).message).toBe("Too many sign-ups from this network. Try again in 60 minutes.");

    const email = uniqueEmail("thrice");
    for (let i = 0; i < 3; i++) await signUp(db, { name: "Thrice", email, password: PASSWORD, ip: uniqueIp() });
    await expectAppError(signUp(db, { name: "Thrice", email, password: PASSWORD, ip: uniqueIp() }), "TOO_MANY_REQUESTS");
    expect(await emailsTo(email)).toHaveLength(3);
  });
});

describe("verifyCredentials", () => {
  it("returns the user and session version for the right password, in any letter case of the email, and records a success", async () => {
    const user = await createUser(db, "Signer");
    const ip = uniqueIp();
    const result = await verifyCredentials(db, { email: ` ${user.email.toUpperCase()} `, password: FIXTURE_PASSWORD, ip });
    expect(result).toEqual({ id: user.id, name: user.name, email: user.email, sessionVersion: 0 });

    const attempts = await db.select().from(signInAttempts).where(eq(signInAttempts.email, user.email));
    expect(attempts).toEqual([expect.objectContaining({ ip, succeeded: true })]);
  });

  it("returns null for a wrong password or an unknown email, and records the failures", async () => {
    const user = await createUser(db, "Wrong Password");
    const ip = uniqueIp();
    expect(await verifyCredentials(db, { email: user.email, password: "not the password", ip })).toBeNull();
    const unknown = uniqueEmail("nobody");
    expect(await verifyCredentials(db, { email: unknown, password: FIXTURE_PASSWORD, ip })).toBeNull();

    const attempts = await db.select().from(signInAttempts).where(eq(signInAttempts.ip, ip));
    expect(attempts.map((a) => [a.email, a.succeeded]).sort()).toEqual([[unknown, false], [user.email, false]].sort());
  });

  it("locks the pair (email, IP) after 5 failures in 15 minutes, while the owner signs in from another address", async () => {
    const user = await createUser(db, "Locked Pair");
    const attacker = uniqueIp();
    const t0 = new Date("2030-01-01T10:00:00Z");
    for (let i = 0; i < 5; i++) {
      expect(await verifyCredentials(db, { email: user.email, password: `guess ${i}`, ip: attacker }, at(t0, minutes(i)), noSleep)).toBeNull();
    }
    const checkAt = at(t0, minutes(4) + 30_000);
    const err = await expectLockedOut(verifyCredentials(db, { email: user.email, password: FIXTURE_PASSWORD, ip: attacker }, checkAt, noSleep));
    // The oldest failure (t0) leaves the 15-minute window at t0+15m: 10.5 minutes after checkAt, rounded up.
    expect(err.retryInMinutes).toBe(11);
    expect(err.message).toBe("Too many sign-in attempts. Try again in 11 minutes.");
    // The real owner, elsewhere, is not locked out.
    expect(await verifyCredentials(db, { email: user.email, password: FIXTURE_PASSWORD, ip: uniqueIp() }, checkAt, noSleep)).toMatchObject({ id: user.id });
    // Free again once the oldest failure has left the window.
    expect(await verifyCredentials(db, { email: user.email, password: FIXTURE_PASSWORD, ip: attacker }, at(t0, minutes(15)), noSleep)).toMatchObject({ id: user.id });
  });

  it("never locks an account as a whole: 30 failures from 30 addresses only slow it down, with a growing delay", async () => {
    const user = await createUser(db, "Sprayed Account");
    const t0 = new Date("2030-02-01T10:00:00Z");
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
    };
    for (let i = 0; i < 30; i++) {
      expect(await verifyCredentials(db, { email: user.email, password: `spray ${i}`, ip: uniqueIp() }, at(t0, i * 1_000), sleep)).toBeNull();
    }
    // No wait for the first 10 failures; then 250 ms, doubling, at most 8 s.
    expect(waits).toEqual([250, 500, 1000, 2000, 4000, 8000, 8000, 8000, 8000, 8000, 8000, 8000, 8000, 8000, 8000, 8000, 8000, 8000, 8000, 8000]);
    expect(await verifyCredentials(db, { email: user.email, password: FIXTURE_PASSWORD, ip: uniqueIp() }, at(t0, 31_000), sleep)).toMatchObject({ id: user.id });
    expect([accountDelayMs(0), accountDelayMs(9), accountDelayMs(10), accountDelayMs(11)]).toEqual([0, 0, 250, 500]);
  });

  it("locks an IP after 20 failures across different emails, but not other IPs", async () => {
    const ip = uniqueIp();
    const t0 = new Date("2030-04-01T10:00:00Z");
    for (let i = 0; i < 20; i++) {
      expect(await verifyCredentials(db, { email: uniqueEmail(`spray${i}`), password: "wrong", ip }, at(t0, i * 10_000), noSleep)).toBeNull();
    }
    const user = await createUser(db, "Behind Shared IP");
    const err = await expectLockedOut(verifyCredentials(db, { email: user.email, password: FIXTURE_PASSWORD, ip }, at(t0, minutes(5)), noSleep));
    expect(err.retryInMinutes).toBe(10);
    expect(await verifyCredentials(db, { email: user.email, password: FIXTURE_PASSWORD, ip: uniqueIp() }, at(t0, minutes(5)), noSleep)).toMatchObject({ id: user.id });
    expect(await verifyCredentials(db, { email: user.email, password: FIXTURE_PASSWORD, ip }, at(t0, minutes(15) + 1), noSleep)).toMatchObject({ id: user.id });
  });

  it("checks at most 5 passwords when guesses from one address arrive all at once", async () => {
    const user = await createUser(db, "Parallel Guesses");
    const ip = uniqueIp();
    const guesses = Array.from({ length: 12 }, (_, i) => verifyCredentials(db, { email: user.email, password: `parallel guess ${i}`, ip }, new Date(), noSleep));
    const results = await Promise.allSettled(guesses);

    const checked = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r) => r.status === "rejected");
    expect(checked.length).toBeLessThanOrEqual(5);
    expect(checked.every((r) => r.value === null)).toBe(true);
    expect(refused.every((r) => r.reason instanceof TooManyAttemptsError)).toBe(true);
    const failures = await db.select().from(signInAttempts).where(eq(signInAttempts.email, user.email));
    expect(failures).toHaveLength(checked.length);
  });

  it("takes as long for an unknown email as for a real one (medians of 20 tries within 1.5x)", async () => {
    const real = await Promise.all(Array.from({ length: 20 }, (_, i) => createUser(db, `Timed ${i}`)));
    const time = async (email: string) => {
      const start = performance.now();
      expect(await verifyCredentials(db, { email, password: "a wrong password", ip: uniqueIp() }, new Date(), noSleep)).toBeNull();
      return performance.now() - start;
    };
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    await time(uniqueEmail("warm.up"));
    const known: number[] = [];
    const unknown: number[] = [];
    // Interleaved, so a slow moment of the machine hits both sides alike.
    for (let i = 0; i < 20; i++) {
      known.push(await time(real[i]!.email));
      unknown.push(await time(uniqueEmail(`unknown${i}`)));
    }
    const [k, u] = [median(known), median(unknown)];
    console.log(`sign-in timing: median ${k.toFixed(1)} ms for real accounts, ${u.toFixed(1)} ms for unknown emails`);
    expect(Math.max(k, u) / Math.min(k, u)).toBeLessThan(1.5);
  });
});

describe("password reset", () => {
  it("sends nothing and reveals nothing when no account has the email", async () => {
    const email = uniqueEmail("ghost");
    await expect(requestPasswordReset(db, { email, ip: uniqueIp() })).resolves.toBeUndefined();
    expect(await emailsTo(email)).toEqual([]);
  });

  it("emails a one-time /reset-password/<token> link that changes the password once", async () => {
    const user = await createUser(db, "Forgetful");
    await requestPasswordReset(db, { email: ` ${user.email.toUpperCase()} `, ip: uniqueIp() });

    const sent = await emailsTo(user.email);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toMatch(/reset/i);
    const token = resetTokenIn(sent[0]!.text);
    const stored = await db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, user.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).not.toContain(token);

    const newPassword = "brand new password 42";
    await resetPassword(db, { token, password: newPassword });

    const ip = uniqueIp();
    expect(await verifyCredentials(db, { email: user.email, password: newPassword, ip })).toMatchObject({ id: user.id });
    expect(await verifyCredentials(db, { email: user.email, password: FIXTURE_PASSWORD, ip })).toBeNull();

    const err = await expectAppError(resetPassword(db, { token, password: "third password 333" }), "BAD_REQUEST");
    expect(err.message).toMatch(/expired or was already used/);
    expect(await verifyCredentials(db, { email: user.email, password: newPassword, ip })).toMatchObject({ id: user.id });
  });

  it("refuses an expired link and keeps the old password", async () => {
    const user = await createUser(db, "Too Late");
    await requestPasswordReset(db, { email: user.email, ip: uniqueIp() });
    const [mail] = await emailsTo(user.email);
    const token = resetTokenIn(mail!.text);
    await db
      .update(passwordResetTokens)
      .set({ expiresAt: new Date(Date.now() - 1_000) })
      .where(eq(passwordResetTokens.userId, user.id));

    await expectAppError(resetPassword(db, { token, password: "never applied 123" }), "BAD_REQUEST");
    expect(await verifyCredentials(db, { email: user.email, password: FIXTURE_PASSWORD, ip: uniqueIp() })).toMatchObject({ id: user.id });
  });

  it("tells whether a link is usable before the form is filled in: fresh yes; used, expired, replaced or made up no", async () => {
    const user = await createUser(db, "Checks First");
    await requestPasswordReset(db, { email: user.email, ip: uniqueIp() });
    await requestPasswordReset(db, { email: user.email, ip: uniqueIp() });
    const [replaced, fresh] = (await emailsTo(user.email)).map((m) => resetTokenIn(m.text));
    expect(await resetLinkUsable(db, fresh!)).toBe(true);
    expect(await resetLinkUsable(db, replaced!)).toBe(false);
    expect(await resetLinkUsable(db, "x".repeat(43))).toBe(false);
    // Checking uses nothing up.
    expect(await resetLinkUsable(db, fresh!)).toBe(true);
    await resetPassword(db, { token: fresh!, password: "checked then used 1" });
    expect(await resetLinkUsable(db, fresh!)).toBe(false);

    await requestPasswordReset(db, { email: user.email, ip: uniqueIp() });
    const late = resetTokenIn((await emailsTo(user.email)).at(-1)!.text);
    await db
      .update(passwordResetTokens)
      .set({ expiresAt: new Date(Date.now() - 1_000) })
      .where(eq(passwordResetTokens.userId, user.id));
    expect(await resetLinkUsable(db, late)).toBe(false);
  });

  it("refuses a made-up token", async () => {
    await expectAppError(resetPassword(db, { token: "x".repeat(43), password: "whatever password" }), "BAD_REQUEST");
  });

  it("a new request voids the links sent before it", async () => {
    const user = await createUser(db, "Two Links");
    await requestPasswordReset(db, { email: user.email, ip: uniqueIp() });
    await requestPasswordReset(db, { email: user.email, ip: uniqueIp() });
    const sent = await emailsTo(user.email);
    expect(sent).toHaveLength(2);
    const [first, second] = sent.map((m) => resetTokenIn(m.text));
    expect(first).not.toBe(second);

    await expectAppError(resetPassword(db, { token: first!, password: "from the first link" }), "BAD_REQUEST");
    await resetPassword(db, { token: second!, password: "from the second link" });
    expect(await verifyCredentials(db, { email: user.email, password: "from the second link", ip: uniqueIp() })).toMatchObject({ id: user.id });
  });

  it("allows 3 requests an hour per email and 10 per IP; a batch of 500 sends 3 emails", async () => {
    const user = await createUser(db, "Flooded");
    const results = await Promise.allSettled(Array.from({ length: 500 }, () => requestPasswordReset(db, { email: user.email, ip: uniqueIp() })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    expect(await emailsTo(user.email)).toHaveLength(3);
    const live = await db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, user.id));
    expect(live.filter((t) => t.usedAt === null)).toHaveLength(1);

    const ip = uniqueIp();
    for (let i = 0; i < 10; i++) await requestPasswordReset(db, { email: uniqueEmail(`ipreset${i}`), ip });
    const err = await expectAppError(requestPasswordReset(db, { email: uniqueEmail("ipreset.eleven"), ip }), "TOO_MANY_REQUESTS");
    expect(err.message).toBe("Too many password reset requests from this network. Try again in 60 minutes.");
  });

  it("a completed reset clears the failed sign-ins, so a locked pair signs in at once", async () => {
    const user = await createUser(db, "Reset Clears");
    const ip = uniqueIp();
    for (let i = 0; i < 5; i++) await verifyCredentials(db, { email: user.email, password: `wrong ${i}`, ip }, new Date(), noSleep);
    await expectLockedOut(verifyCredentials(db, { email: user.email, password: FIXTURE_PASSWORD, ip }, new Date(), noSleep));

    await requestPasswordReset(db, { email: user.email, ip: uniqueIp() });
    const token = resetTokenIn((await emailsTo(user.email)).at(-1)!.text);
    await resetPassword(db, { token, password: "after the reset 1" });
    expect(await verifyCredentials(db, { email: user.email, password: "after the reset 1", ip }, new Date(), noSleep)).toMatchObject({ id: user.id });
  });
});

describe("revocable sessions", () => {
  async function signedIn(user: { email: string }, password = FIXTURE_PASSWORD) {
    const u = await verifyCredentials(db, { email: user.email, password, ip: uniqueIp() }, new Date(), noSleep);
    if (!u) throw new Error("sign-in failed");
    return { sub: u.id, sv: u.sessionVersion };
  }

  it("a password reset ends every session issued before it", async () => {
    const user = await createUser(db, "Reset Revokes");
    const cookie = await signedIn(user);
    expect(await sessionUserId(db, cookie)).toBe(user.id);

    await requestPasswordReset(db, { email: user.email, ip: uniqueIp() });
    await resetPassword(db, { token: resetTokenIn((await emailsTo(user.email)).at(-1)!.text), password: "a fresh password 9" });
    expect(await sessionUserId(db, cookie)).toBeNull();
    expect(await sessionUserId(db, await signedIn(user, "a fresh password 9"))).toBe(user.id);
  });

  it("a password change needs the current password and ends every session", async () => {
    const user = await createUser(db, "Change Revokes");
    const cookie = await signedIn(user);
    await expectAppError(changePassword(db, user.id, { currentPassword: "not it", newPassword: "another password 12" }), "BAD_REQUEST", "currentPassword");
    expect(await sessionUserId(db, cookie)).toBe(user.id);

    await changePassword(db, user.id, { currentPassword: FIXTURE_PASSWORD, newPassword: "another password 12" });
    expect(await sessionUserId(db, cookie)).toBeNull();
    const [row] = await db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, user.id));
    expect(row!.v).toBe(1);
  });
});
