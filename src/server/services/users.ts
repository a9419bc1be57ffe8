import { hash, verify } from "@node-rs/argon2";
import { randomBytes } from "node:crypto";
import { and, count, eq, gt, isNull, min, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { passwordResetTokens, signInAttempts, users } from "../db/schema";
import { AppError } from "../errors";
import type { SignUpInput } from "~/lib/schemas";

import { sendVerificationEmail } from "./email-verification";
import { hitRateLimits } from "./rate-limit";
import { appUrl, enqueueEmail } from "./email";
import { hashToken, newToken } from "./tokens";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

// argon2id with the library's defaults (19 MiB, 2 passes), the OWASP baseline.
export const hashPassword = (password: string) => hash(password);

/**
 * A hash of a password nobody knows, checked when the email has no account, so that a sign-in costs the
 * same time whether or not the account exists.
 */
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword(randomBytes(24).toString("base64url")));

/**
 * Creates the account and emails a verification link. An email that already has an account gets the same
 * answer, and that address gets a note instead, so sign-up never tells who has an account.
 */
export async function signUp(db: Db, input: SignUpInput & { ip: string; callbackUrl?: string }): Promise<{ email: string }> {
  const email = normalizeEmail(input.email);
  await hitRateLimits(db, [
    ["signUp.ip", input.ip],
    ["signUp.email", email],
  ]);
  const passwordHash = await hashPassword(input.password);
  const [user] = await db
    .insert(users)
    .values({ name: input.name.trim(), email, passwordHash })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id, name: users.name, email: users.email });
  if (user) {
    await sendVerificationEmail(db, user, input.callbackUrl);
    return { email };
  }
  await db.transaction((tx) =>
    enqueueEmail(tx, {
      to: email,
      subject: "Someone tried to create a Bezel account with your email",
      text: [
        "Hello,",
        "",
        "Someone (perhaps you) tried to create a Bezel account with this email address, but it already has one.",
        `To sign in, open: ${appUrl("/sign-in")}`,
        `Forgot your password? Choose a new one: ${appUrl("/forgot-password")}`,
        "",
        "If this was not you, you can ignore this email; nothing has changed.",
      ].join("\n"),
    }),
  );
  return { email };
}

/**
 * Sign-in limits over a sliding window. Failures lock the pair (email, IP) and a whole IP; the account as a
 * whole is never locked (anyone could lock its owner out), it only slows down after many failures from
 * many addresses.
 */
export const SIGN_IN_LIMITS = {
  windowMinutes: 15,
  perEmailAndIp: 5,
  perIp: 20,
  /** Failures on one email from all addresses before each further try waits. */
  slowAfter: 10,
  maxDelayMs: 8_000,
} as const;

/** The wait before checking a password after `failures` recent failures on the account from anywhere. */
export function accountDelayMs(failures: number): number {
  if (failures < SIGN_IN_LIMITS.slowAfter) return 0;
  return Math.min(SIGN_IN_LIMITS.maxDelayMs, 250 * 2 ** (failures - SIGN_IN_LIMITS.slowAfter));
}

export class TooManyAttemptsError extends AppError {
  constructor(readonly retryInMinutes: number) {
    super(
      "TOO_MANY_REQUESTS",
      `Too many sign-in attempts. Try again in ${retryInMinutes} minute${retryInMinutes === 1 ? "" : "s"}.`,
    );
  }
}

async function failuresSince(db: Db, where: { email?: string; ip?: string }, since: Date) {
  const [row] = await db
    .select({ n: count(), oldest: min(signInAttempts.createdAt) })
    .from(signInAttempts)
    .where(
      and(
        where.email !== undefined ? eq(signInAttempts.email, where.email) : undefined,
        where.ip !== undefined ? eq(signInAttempts.ip, where.ip) : undefined,
        eq(signInAttempts.succeeded, false),
        gt(signInAttempts.createdAt, since),
      ),
    );
  return { n: row?.n ?? 0, oldest: row?.oldest ?? null };
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export type SignedInUser = { id: string; name: string; email: string; sessionVersion: number };

/**
 * Checks the password, counting the attempt. Throws TooManyAttemptsError while the pair (email, IP) or the
 * IP is over its limit (even with the right password), so guessing cannot be spread over fast retries.
 */
export async function verifyCredentials(
  db: Db,
  input: { email: string; password: string; ip: string },
  now = new Date(),
  sleep: (ms: number) => Promise<void> = realSleep,
): Promise<SignedInUser | null> {
  const email = normalizeEmail(input.email);
  const windowMs = SIGN_IN_LIMITS.windowMinutes * 60_000;
  const since = new Date(now.getTime() - windowMs);
  // The attempt is on record as a failure before the count, so guesses sent at the same time count each
  // other and at most the limit of them get checked. A right password turns it into a success below.
  const [attempt] = await db.insert(signInAttempts).values({ email, ip: input.ip, succeeded: false, createdAt: now }).returning({ id: signInAttempts.id });
  if (!attempt) throw new Error("insert returned no row");
  const [byPair, byIp, byEmail] = await Promise.all([
    failuresSince(db, { email, ip: input.ip }, since),
    failuresSince(db, { ip: input.ip }, since),
    failuresSince(db, { email }, since),
  ]);
  // The counts include this attempt.
  const blocked = [
    byPair.n > SIGN_IN_LIMITS.perEmailAndIp ? byPair.oldest : null,
    byIp.n > SIGN_IN_LIMITS.perIp ? byIp.oldest : null,
  ].filter((d): d is Date => d !== null);
  if (blocked.length > 0) {
    // A refused attempt checked nothing, so it does not count against later ones.
    await db.delete(signInAttempts).where(eq(signInAttempts.id, attempt.id));
    const freeAt = Math.max(...blocked.map((d) => new Date(d).getTime() + windowMs));
    throw new TooManyAttemptsError(Math.max(1, Math.ceil((freeAt - now.getTime()) / 60_000)));
  }
  const delay = accountDelayMs(byEmail.n - 1);
  if (delay > 0) await sleep(delay);

  const [user] = await db.select().from(users).where(eq(users.email, email));
  // The unknown email costs one argon2 verification too, so timing does not tell which accounts exist.
  const ok = user ? await verify(user.passwordHash, input.password) : (await verify(await getDummyHash(), input.password), false);
  if (!user || !ok) return null;
  await db.update(signInAttempts).set({ succeeded: true }).where(eq(signInAttempts.id, attempt.id));
  return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
}

export async function getUser(db: Db, userId: string) {
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email, lastOrgId: users.lastOrgId, emailVerifiedAt: users.emailVerifiedAt })
    .from(users)
    .where(eq(users.id, userId));
  return user ?? null;
}

const RESET_TTL_MS = 60 * 60_000;

/**
 * Emails a single-use reset link when the account exists; says nothing either way to the caller. A new
 * request voids the links sent before it.
 */
export async function requestPasswordReset(db: Db, input: { email: string; ip: string }): Promise<void> {
  const email = normalizeEmail(input.email);
  await hitRateLimits(db, [
    ["passwordReset.ip", input.ip],
    ["passwordReset.email", email],
  ]);
  const [user] = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, email));
  if (!user) return;
  const { token, tokenHash } = newToken();
  await db.transaction(async (tx) => {
    // Requests for one account take turns, so that exactly one link stays live however many arrive at once.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, user.id)).for("update");
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResetTokens.userId, user.id), isNull(passwordResetTokens.usedAt)));
    await tx.insert(passwordResetTokens).values({ userId: user.id, tokenHash, expiresAt: new Date(Date.now() + RESET_TTL_MS) });
    await enqueueEmail(tx, {
      to: email,
      subject: "Reset your Bezel password",
      text: [
        `Hello ${user.name},`,
        "",
        "Someone asked to reset the password of your Bezel account. To choose a new password, open:",
        appUrl(`/reset-password/${token}`),
        "",
        "The link works once and expires in one hour. If you did not ask for this, ignore this email.",
      ].join("\n"),
    });
  });
}

/**
 * Sets the new password, signs out every session of the account, and clears its failed sign-ins (the owner
 * proved they hold the mailbox). Opening the link also proves the email, so it counts as verified.
 */
/** Whether a reset link can still be used: known, unused and not expired. Says nothing about the account. */
export async function resetLinkUsable(db: Db, token: string): Promise<boolean> {
  const [row] = await db
    .select({ id: passwordResetTokens.id })
    .from(passwordResetTokens)
    .where(and(eq(passwordResetTokens.tokenHash, hashToken(token)), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, new Date())))
    .limit(1);
  return row !== undefined;
}

export async function resetPassword(db: Db, input: { token: string; password: string }): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    // Claiming the token and changing the password commit together: a token works exactly once.
    const [claimed] = await tx
      .update(passwordResetTokens)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(passwordResetTokens.tokenHash, hashToken(input.token)),
          isNull(passwordResetTokens.usedAt),
          gt(passwordResetTokens.expiresAt, new Date()),
        ),
      )
      .returning({ userId: passwordResetTokens.userId });
    if (!claimed) {
      throw new AppError("BAD_REQUEST", "This reset link has expired or was already used. Ask for a new one.");
    }
    const [user] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` })
      .where(eq(users.id, claimed.userId))
      .returning({ email: users.email });
    // Any other outstanding link for this account stops working too.
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResetTokens.userId, claimed.userId), isNull(passwordResetTokens.usedAt)));
    if (user) await tx.delete(signInAttempts).where(and(eq(signInAttempts.email, user.email), eq(signInAttempts.succeeded, false)));
  });
}

/** Changes the password of a signed-in user who knows the current one; every other session ends. */
export async function changePassword(db: Db, userId: string, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  if (!user) throw new AppError("UNAUTHORIZED", "Sign in to continue.");
  if (!(await verify(user.passwordHash, input.currentPassword))) {
    throw new AppError("BAD_REQUEST", "This is not your current password.", "currentPassword");
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db
    .update(users)
    .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
}
