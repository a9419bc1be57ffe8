import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { createUser, FIXTURE_PASSWORD } from "~/test/fixtures";
import { emails, passwordResetTokens, signInAttempts, users } from "../db/schema";
import { AppError } from "../errors";
import { hashPassword, requestPasswordReset, resetPassword, SIGN_IN_LIMITS, signUp, TooManyAttemptsError, verifyCredentials } from "./users";

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

describe("signUp", () => {
  it("creates the account with a normalized email and an argon2id hash that is not the password", async () => {
    const email = uniqueEmail("new.person");
    const user = await signUp(db, { name: "  New Person ", email: `  ${email.toUpperCase()} `, password: PASSWORD });
    expect(user).toEqual({ id: expect.any(String), name: "New Person", email });

    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row!.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(row!.passwordHash).not.toBe(PASSWORD);
    expect(row!.passwordHash).not.toContain(PASSWORD);
  });

  it("hashes the same password differently each time (salted)", async () => {
    const [a, b] = await Promise.all([hashPassword(PASSWORD), hashPassword(PASSWORD)]);
    expect(a.startsWith("$argon2id$")).toBe(true);
    expect(a).not.toBe(b);
  });

  it("refuses a second account for the same email in any letter case, with CONFLICT on email", async () => {
    const email = uniqueEmail("taken");
    await signUp(db, { name: "First", email, password: PASSWORD });
    const err = await expectAppError(signUp(db, { name: "Second", email: email.toUpperCase(), password: "another password 1" }), "CONFLICT", "email");
    expect(err.message).toMatch(/already exists/i);

    const rows = await db.select().from(users).where(eq(users.email, email));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.name).toBe("First");
  });
});

describe("verifyCredentials", () => {
  it("returns the user for the right password, in any letter case of the email, and records a success", async () => {
    const user = await createUser(db, "Signer");
    const ip = uniqueIp();
    const result = await verifyCredentials(db, { email: ` ${user.email.toUpperCase()} `, password: FIXTURE_PASSWORD, ip });
    expect(result).toEqual({ id: user.id, name: user.name, email: user.email });

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

  it(`locks an email after ${SIGN_IN_LIMITS.perEmail} failures, even for the right password, with a sensible retry time`, async () => {
    const user = await createUser(db, "Locked Email");
    const t0 = new Date("2030-01-01T10:00:00Z");
    // Five failures one minute apart, spread over several IPs: the email limit is per email, not per IP.
    for (let i = 0; i < SIGN_IN_LIMITS.perEmail; i++) {
      expect(await verifyCredentials(db, { email: user.email, password: `guess ${i}`, ip: uniqueIp() }, at(t0, minutes(i)))).toBeNull();
    }
    const checkAt = at(t0, minutes(4) + 30_000);
    const err = await expectLockedOut(verifyCredentials(db, { email: user.email, password: FIXTURE_PASSWORD, ip: uniqueIp() }, checkAt));
    // The oldest failure (t0) leaves the 15-minute window at t0+15m: 10.5 minutes after checkAt, rounded up.
    expect(err.retryInMinutes).toBe(11);
    expect(err.message).toContain("11 minutes");

    // The refused attempt is not counted, and a different letter case is the same email.
    await expectLockedOut(verifyCredentials(db, { email: user.email.toUpperCase(), password: FIXTURE_PASSWORD, ip: uniqueIp() }, at(t0, minutes(14))));
    const failures = await db.select().from(signInAttempts).where(eq(signInAttempts.email, user.email));
    expect(failures).toHaveLength(SIGN_IN_LIMITS.perEmail);
  });

  it("says 1 minute (never 0) when the lock is about to end", async () => {
    const user = await createUser(db, "Almost Free");
    const t0 = new Date("2030-02-01T10:00:00Z");
    for (let i = 0; i < SIGN_IN_LIMITS.perEmail; i++) {
      await verifyCredentials(db, { email: user.email, password: "wrong", ip: uniqueIp() }, t0);
    }
    const err = await expectLockedOut(verifyCredentials(db, { email: user.email, password: FIXTURE_PASSWORD, ip: uniqueIp() }, at(t0, minutes(15) - 1_000)));
    expect(err.retryInMinutes).toBe(1);
    expect(err.message).toContain("1 minute.");
  });

  it("lets the email sign in again once the failures leave the 15-minute window", async () => {
    const user = await createUser(db, "Window Expiry");
    const ip = uniqueIp();
    const t0 = new Date("2030-03-01T10:00:00Z");
    for (let i = 0; i < SIGN_IN_LIMITS.perEmail; i++) {
      await verifyCredentials(db, { email: user.email, password: "wrong", ip }, at(t0, i * 1_000));
    }
    // Still locked just before the oldest failure is 15 minutes old…
    await expectLockedOut(verifyCredentials(db, { email: user.email, password: FIXTURE_PASSWORD, ip }, at(t0, minutes(15) - 1)));
    // …and free at the moment it is: only four failures remain in the window.
    expect(await verifyCredentials(db, { email: user.email, password: FIXTURE_PASSWORD, ip }, at(t0, minutes(15)))).toMatchObject({ id: user.id });
  });

  it(`locks an IP after ${SIGN_IN_LIMITS.perIp} failures across different emails, but not other IPs`, async () => {
    const ip = uniqueIp();
    const t0 = new Date("2030-04-01T10:00:00Z");
    // Four emails, five failures each would hit the email limit; use twenty emails with one failure each.
    for (let i = 0; i < SIGN_IN_LIMITS.perIp; i++) {
      expect(await verifyCredentials(db, { email: uniqueEmail(`spray${i}`), password: "wrong", ip }, at(t0, i * 10_000))).toBeNull();
    }
    const user = await createUser(db, "Behind Shared IP");
    const err = await expectLockedOut(verifyCredentials(db, { email: user.email, password: FIXTURE_PASSWORD, ip }, at(t0, minutes(5))));
    // Oldest failure at t0 → free at t0+15m, ten minutes after the check.
    expect(err.retryInMinutes).toBe(10);

    // The same person from another IP is not affected.
    expect(await verifyCredentials(db, { email: user.email, password: FIXTURE_PASSWORD, ip: uniqueIp() }, at(t0, minutes(5)))).toMatchObject({ id: user.id });
    // The IP is free once its oldest failure has left the window.
    expect(await verifyCredentials(db, { email: user.email, password: FIXTURE_PASSWORD, ip }, at(t0, minutes(15) + 1))).toMatchObject({ id: user.id });
  });

  it("checks at most the allowed number of passwords when guesses arrive all at once", async () => {
    const user = await createUser(db, "Parallel Guesses");
    const ip = uniqueIp();
    const guesses = Array.from({ length: 12 }, (_, i) => verifyCredentials(db, { email: user.email, password: `parallel guess ${i}`, ip }));
    const results = await Promise.allSettled(guesses);

    const checked = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r) => r.status === "rejected");
    expect(checked.length).toBeLessThanOrEqual(SIGN_IN_LIMITS.perEmail);
    expect(checked.every((r) => r.value === null)).toBe(true);
    expect(refused.every((r) => r.reason instanceof TooManyAttemptsError)).toBe(true);
    // Only the checked guesses are on record, as failures.
    const failures = await db.select().from(signInAttempts).where(eq(signInAttempts.email, user.email));
    expect(failures).toHaveLength(checked.length);
    expect(failures.every((a) => !a.succeeded)).toBe(true);
  });

  it("does not lock below the limits", async () => {
    const user = await createUser(db, "Four Failures");
    const ip = uniqueIp();
    const t0 = new Date("2030-05-01T10:00:00Z");
    for (let i = 0; i < SIGN_IN_LIMITS.perEmail - 1; i++) {
      await verifyCredentials(db, { email: user.email, password: "wrong", ip }, at(t0, i * 1_000));
    }
    expect(await verifyCredentials(db, { email: user.email, password: FIXTURE_PASSWORD, ip }, at(t0, 10_000))).toMatchObject({ id: user.id });
  });
});

describe("password reset", () => {
  it("sends nothing and reveals nothing when no account has the email", async () => {
    const email = uniqueEmail("ghost");
    await expect(requestPasswordReset(db, email)).resolves.toBeUndefined();
    expect(await emailsTo(email)).toEqual([]);
  });

  it("emails a one-time /reset-password/<token> link that changes the password once", async () => {
    const user = await createUser(db, "Forgetful");
    await requestPasswordReset(db, ` ${user.email.toUpperCase()} `);

    const sent = await emailsTo(user.email);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toMatch(/reset/i);
    const token = resetTokenIn(sent[0]!.text);
    // Only the hash of the token is stored.
    const stored = await db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, user.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).not.toContain(token);

    const newPassword = "brand new password 42";
    await resetPassword(db, { token, password: newPassword });

    const ip = uniqueIp();
    expect(await verifyCredentials(db, { email: user.email, password: newPassword, ip })).toMatchObject({ id: user.id });
    expect(await verifyCredentials(db, { email: user.email, password: FIXTURE_PASSWORD, ip })).toBeNull();
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row!.passwordHash.startsWith("$argon2id$")).toBe(true);

    // The same link a second time is refused and changes nothing.
    const err = await expectAppError(resetPassword(db, { token, password: "third password 333" }), "BAD_REQUEST");
    expect(err.message).toMatch(/expired or was already used/);
    expect(await verifyCredentials(db, { email: user.email, password: newPassword, ip })).toMatchObject({ id: user.id });
  });

  it("refuses an expired link and keeps the old password", async () => {
    const user = await createUser(db, "Too Late");
    await requestPasswordReset(db, user.email);
    const [mail] = await emailsTo(user.email);
    const token = resetTokenIn(mail!.text);
    await db
      .update(passwordResetTokens)
      .set({ expiresAt: new Date(Date.now() - 1_000) })
      .where(eq(passwordResetTokens.userId, user.id));

    await expectAppError(resetPassword(db, { token, password: "never applied 123" }), "BAD_REQUEST");
    expect(await verifyCredentials(db, { email: user.email, password: FIXTURE_PASSWORD, ip: uniqueIp() })).toMatchObject({ id: user.id });
  });

  it("refuses a made-up token", async () => {
    await expectAppError(resetPassword(db, { token: "x".repeat(43), password: "whatever password" }), "BAD_REQUEST");
  });

  it("using one link also retires the account's other outstanding links", async () => {
    const user = await createUser(db, "Two Links");
    await requestPasswordReset(db, user.email);
    await requestPasswordReset(db, user.email);
    const sent = await emailsTo(user.email);
    expect(sent).toHaveLength(2);
    const [first, second] = sent.map((m) => resetTokenIn(m.text));
    expect(first).not.toBe(second);

    await resetPassword(db, { token: second!, password: "from the second link" });
    await expectAppError(resetPassword(db, { token: first!, password: "from the first link" }), "BAD_REQUEST");
    expect(await verifyCredentials(db, { email: user.email, password: "from the second link", ip: uniqueIp() })).toMatchObject({ id: user.id });
  });
});
