import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../db/client";
import { emailVerificationTokens, users } from "../db/schema";
import { AppError } from "../errors";
import { safeCallbackUrl } from "~/lib/urls";
import { appUrl, enqueueEmail } from "./email";
import { hitRateLimits } from "./rate-limit";
import { hashToken, newToken } from "./tokens";

export const VERIFICATION_TTL_HOURS = 24;

/** Emails a single-use link that proves the address; earlier links of the account stop working. */
export async function sendVerificationEmail(db: Db, user: { id: string; name: string; email: string }, next?: string): Promise<void> {
  const { token, tokenHash } = newToken();
  // The new link and its email commit together: a rolled-back request sends nothing.
  await db.transaction(async (tx) => {
    await tx.select({ id: users.id }).from(users).where(eq(users.id, user.id)).for("update");
    await tx
      .update(emailVerificationTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(emailVerificationTokens.userId, user.id), isNull(emailVerificationTokens.usedAt)));
    await tx.insert(emailVerificationTokens).values({ userId: user.id, tokenHash, expiresAt: new Date(Date.now() + VERIFICATION_TTL_HOURS * 3_600_000) });
    await enqueueEmail(tx, {
      to: user.email,
      subject: "Verify your email for Bezel",
      text: [
        `Hello ${user.name},`,
        "",
        "Confirm that this address is yours to finish setting up your Bezel account:",
        appUrl(`/verify-email/${token}${next ? `?next=${encodeURIComponent(safeCallbackUrl(next))}` : ""}`),
        "",
        `The link works once and expires in ${VERIFICATION_TTL_HOURS} hours. If you did not sign up, ignore this email.`,
      ].join("\n"),
    });
  });
}

/** Sends a new link to a signed-in user whose email is not verified yet. */
export async function resendVerification(db: Db, userId: string, ip: string): Promise<{ sent: boolean }> {
  const [user] = await db.select({ id: users.id, name: users.name, email: users.email, verifiedAt: users.emailVerifiedAt }).from(users).where(eq(users.id, userId));
  if (!user) throw new AppError("UNAUTHORIZED", "Sign in to continue.");
  if (user.verifiedAt) return { sent: false };
  await hitRateLimits(db, [
    ["verificationResend.ip", ip],
    ["verificationResend.user", userId],
  ]);
  await sendVerificationEmail(db, user);
  return { sent: true };
}

/** Uses a verification link: marks the address verified, once. */
export async function verifyEmail(db: Db, token: string): Promise<{ email: string }> {
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(emailVerificationTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(emailVerificationTokens.tokenHash, hashToken(token)), isNull(emailVerificationTokens.usedAt), gt(emailVerificationTokens.expiresAt, new Date())))
      .returning({ userId: emailVerificationTokens.userId });
    if (!claimed) throw new AppError("BAD_REQUEST", "This verification link has expired or was already used. Sign in and ask for a new one.");
    const [user] = await tx.update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.id, claimed.userId)).returning({ email: users.email });
    if (!user) throw new AppError("BAD_REQUEST", "This verification link has expired or was already used. Sign in and ask for a new one.");
    return { email: user.email };
  });
}

/** Creating an organization or joining one needs an address its owner has proved. */
export async function assertEmailVerified(db: Db, userId: string): Promise<void> {
  const [user] = await db.select({ verifiedAt: users.emailVerifiedAt }).from(users).where(eq(users.id, userId));
  if (!user?.verifiedAt) {
    throw new AppError("FORBIDDEN", "Verify your email first: open the link we sent you, or ask for a new one.");
  }
}
