import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { users } from "../db/schema";

/**
 * Sessions are signed cookies carrying the user id and the user's session version at sign-in. Raising the
 * version in the user row ends every session issued before, wherever it is.
 */
export type SessionClaims = { sub?: unknown; sv?: unknown };

/** The user id of a session that is still valid, or null: unknown user, or a version that was raised since. */
export async function sessionUserId(db: Db, claims: SessionClaims | null | undefined): Promise<string | null> {
  if (!claims || typeof claims.sub !== "string" || typeof claims.sv !== "number") return null;
  if (!/^[0-9a-f-]{36}$/i.test(claims.sub)) return null;
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, claims.sub), eq(users.sessionVersion, claims.sv)));
  return row?.id ?? null;
}

/** Ends every session of the user ("sign out of all devices"; also what signing out does). */
export async function endAllSessions(db: Db, userId: string): Promise<void> {
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
}

/**
 * Signing out ends the session that signs out, and with it every other session of the same version; a
 * cookie that is already stale changes nothing.
 */
export async function endSession(db: Db, claims: SessionClaims): Promise<void> {
  const userId = await sessionUserId(db, claims);
  if (userId) await endAllSessions(db, userId);
}
