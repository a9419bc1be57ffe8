import { and, count, eq, gt, lte, min, sql, sum } from "drizzle-orm";
import type { Db } from "../db/client";
import { withOrg } from "../db/tenant";
import { files, rateLimitHits } from "../db/schema";
import { AppError } from "../errors";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Every limit in one table: how many requests of a kind, per whom, in which sliding window. README's
 * Security section copies these numbers; change both together. Sign-in has its own counters (`users.ts`),
 * because a failure there counts and a success does not.
 */
export const RATE_LIMITS = {
  "signUp.ip": { limit: 10, windowMs: HOUR, what: "sign-ups from this network" },
  "signUp.email": { limit: 3, windowMs: HOUR, what: "sign-ups with this email" },
  "passwordReset.ip": { limit: 10, windowMs: HOUR, what: "password reset requests from this network" },
  "passwordReset.email": { limit: 3, windowMs: HOUR, what: "password reset requests for this email" },
  "verificationResend.ip": { limit: 10, windowMs: HOUR, what: "verification emails from this network" },
  "verificationResend.user": { limit: 3, windowMs: HOUR, what: "verification emails" },
  "invitation.ip": { limit: 100, windowMs: DAY, what: "invitations from this network" },
  "invitation.org": { limit: 50, windowMs: DAY, what: "invitations from this organization" },
  "organizationCreate.ip": { limit: 10, windowMs: DAY, what: "new organizations from this network" },
  "organizationCreate.user": { limit: 5, windowMs: DAY, what: "new organizations" },
  "upload.ip": { limit: 300, windowMs: HOUR, what: "uploads from this network" },
  "upload.org": { limit: 200, windowMs: HOUR, what: "uploads for this organization" },
  "preorderReserve.ip": { limit: 30, windowMs: HOUR, what: "reservations from this network" },
  "preorderReserve.email": { limit: 10, windowMs: HOUR, what: "reservations with this email" },
} as const satisfies Record<string, { limit: number; windowMs: number; what: string }>;

export type RateLimitName = keyof typeof RATE_LIMITS;

/** What one organization may keep in storage, all files together. */
export const ORG_STORAGE_BYTES = 2 * 1024 ** 3;

export class RateLimitedError extends AppError {
  constructor(
    what: string,
    readonly retryInMinutes: number,
  ) {
    const wait = retryInMinutes >= 120 ? `${Math.ceil(retryInMinutes / 60)} hours` : `${retryInMinutes} minute${retryInMinutes === 1 ? "" : "s"}`;
    super("TOO_MANY_REQUESTS", `Too many ${what}. Try again in ${wait}.`);
  }
}

/**
 * Counts one request against a limit and throws RateLimitedError when the limit is already reached. Hits
 * of one key take turns (a transaction-scoped advisory lock), so requests sent at the same moment, even in
 * one batch, get exactly `limit` through. A refused request is not counted.
 */
export async function hitRateLimit(db: Db, name: RateLimitName, subject: string, now = new Date()): Promise<void> {
  const { limit, windowMs, what } = RATE_LIMITS[name];
  const key = `${name}:${subject.toLowerCase()}`;
  const since = new Date(now.getTime() - windowMs);
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
    // Old rows of this key are no longer needed; the index makes this a short range delete.
    await tx.delete(rateLimitHits).where(and(eq(rateLimitHits.key, key), lte(rateLimitHits.createdAt, since)));
    const [row] = await tx
      .select({ n: count(), oldest: min(rateLimitHits.createdAt) })
      .from(rateLimitHits)
      .where(and(eq(rateLimitHits.key, key), gt(rateLimitHits.createdAt, since)));
    if ((row?.n ?? 0) >= limit) {
      const freeAt = new Date(row?.oldest ?? now).getTime() + windowMs;
      throw new RateLimitedError(what, Math.max(1, Math.ceil((freeAt - now.getTime()) / MINUTE)));
    }
    await tx.insert(rateLimitHits).values({ key, createdAt: now });
  });
}

/** Several limits at once (e.g. per IP and per account); all are counted, the first one over throws. */
export async function hitRateLimits(db: Db, hits: readonly (readonly [RateLimitName, string])[], now = new Date()): Promise<void> {
  const results = await Promise.allSettled(hits.map(([name, subject]) => hitRateLimit(db, name, subject, now)));
  const refused = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (refused) throw refused.reason;
}

/** Refuses an upload that would take the organization past its storage allowance. */
export async function assertStorageRoom(db: Db, orgId: string, incomingBytes: number): Promise<void> {
  // Tenant data: read inside the organization's scope, like every other query on files.
  const [row] = await withOrg(db, orgId, (tx) => tx.select({ used: sum(files.byteSize) }).from(files).where(eq(files.orgId, orgId)));
  const used = Number(row?.used ?? 0);
  if (used + incomingBytes > ORG_STORAGE_BYTES) {
    throw new AppError("BAD_REQUEST", "This organization has used its 2 GB of file storage. Remove files it no longer needs, then try again.", "file");
  }
}
