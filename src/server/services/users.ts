import { hash, verify } from "@node-rs/argon2";
import { and, count, eq, gt, isNull, min } from "drizzle-orm";
import type { Db } from "../db/client";
import { passwordResetTokens, signInAttempts, users } from "../db/schema";
import { AppError } from "../errors";
import type { SignUpInput } from "~/lib/schemas";
import { appUrl, enqueueEmail } from "./email";
import { hashToken, newToken } from "./tokens";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

// argon2id with the library's defaults (19 MiB, 2 passes), the OWASP baseline.
export const hashPassword = (password: string) => hash(password);

export async function signUp(db: Db, input: SignUpInput) {
  const email = normalizeEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  const [user] = await db
    .insert(users)
    .values({ name: input.name.trim(), email, passwordHash })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id, name: users.name, email: users.email });
  if (!user) throw new AppError("CONFLICT", "An account with this email already exists. Sign in instead.", "email");
  return user;
}

/** Sign-in limits: failures counted per email and per IP over a sliding window. */
export const SIGN_IN_LIMITS = { windowMinutes: 15, perEmail: 5, perIp: 20 } as const;

export class TooManyAttemptsError extends AppError {
  constructor(readonly retryInMinutes: number) {
    super(
      "TOO_MANY_REQUESTS",
      `Too many sign-in attempts. Try again in ${retryInMinutes} minute${retryInMinutes === 1 ? "" : "s"}.`,
    );
  }
}

async function failuresSince(db: Db, column: typeof signInAttempts.email | typeof signInAttempts.ip, value: string, since: Date) {
  const [row] = await db
    .select({ n: count(), oldest: min(signInAttempts.createdAt) })
    .from(signInAttempts)
    .where(and(eq(column, value), eq(signInAttempts.succeeded, false), gt(signInAttempts.createdAt, since)));
  return { n: row?.n ?? 0, oldest: row?.oldest ?? null };
}

/**
 * Checks the password, counting the attempt. Throws TooManyAttemptsError while the email or the IP is over
 * its limit (even with the right password), so guessing cannot be spread over fast retries.
 */
export async function verifyCredentials(db: Db, input: { email: string; password: string; ip: string }, now = new Date()) {
  const email = normalizeEmail(input.email);
  const windowMs = SIGN_IN_LIMITS.windowMinutes * 60_000;
  const since = new Date(now.getTime() - windowMs);
  // The attempt is on record as a failure before the count, so guesses sent at the same time count each
  // other and at most the limit of them get checked. A right password turns it into a success below.
  const [attempt] = await db.insert(signInAttempts).values({ email, ip: input.ip, succeeded: false, createdAt: now }).returning({ id: signInAttempts.id });
  if (!attempt) throw new Error("insert returned no row");
  const [byEmail, byIp] = await Promise.all([
    failuresSince(db, signInAttempts.email, email, since),
    failuresSince(db, signInAttempts.ip, input.ip, since),
  ]);
  // The counts include this attempt.
  const blocked = [
    byEmail.n > SIGN_IN_LIMITS.perEmail ? byEmail.oldest : null,
    byIp.n > SIGN_IN_LIMITS.perIp ? byIp.oldest : null,
  ].filter((d): d is Date => d !== null);
  if (blocked.length > 0) {
    // A refused attempt checked nothing, so it does not count against later ones.
    await db.delete(signInAttempts).where(eq(signInAttempts.id, attempt.id));
    const freeAt = Math.max(...blocked.map((d) => new Date(d).getTime() + windowMs));
    throw new TooManyAttemptsError(Math.max(1, Math.ceil((freeAt - now.getTime()) / 60_000)));
  }

  const [user] = await db.select().from(users).where(eq(users.email, email));
  const ok = user ? await verify(user.passwordHash, input.password) : false;
  if (!user || !ok) return null;
  await db.update(signInAttempts).set({ succeeded: true }).where(eq(signInAttempts.id, attempt.id));
  return { id: user.id, name: user.name, email: user.email };
}

export async function getUser(db: Db, userId: string) {
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email, lastOrgId: users.lastOrgId })
    .from(users)
    .where(eq(users.id, userId));
  return user ?? null;
}

const RESET_TTL_MS = 60 * 60_000;

/** Emails a single-use reset link when the account exists; says nothing either way to the caller. */
export async function requestPasswordReset(db: Db, rawEmail: string): Promise<void> {
  const email = normalizeEmail(rawEmail);
  const [user] = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, email));
  if (!user) return;
  const { token, tokenHash } = newToken();
  await db.transaction(async (tx) => {
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
    await tx.update(users).set({ passwordHash }).where(eq(users.id, claimed.userId));
    // Any other outstanding link for this account stops working too.
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResetTokens.userId, claimed.userId), isNull(passwordResetTokens.usedAt)));
  });
}
