import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { notificationKind } from "./enums";

export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    /** Always stored lower-cased and trimmed; see `normalizeEmail`. */
    email: text().notNull(),
    passwordHash: text().notNull(),
    /**
     * Carried in the session cookie; a cookie whose version differs is signed out. Raised by sign-out, "sign
     * out of all devices", a password reset and a password change.
     */
    sessionVersion: integer().notNull().default(0),
    /** Set when the owner of the address opened the emailed verification link. */
    emailVerifiedAt: timestamp({ withTimezone: true }),
    /** The organization the user last opened, so signing in returns there. */
    lastOrgId: uuid(),
    /** Kinds of notification this user does not want by email (still shown in the portal). */
    mutedEmailKinds: notificationKind().array().notNull().default(sql`'{}'::notification_kind[]`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email)],
);

export const passwordResetTokens = pgTable(
  "password_reset_tokens",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** SHA-256 of the token sent by email; the token itself is never stored. */
    tokenHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("password_reset_tokens_token_hash_key").on(t.tokenHash), index().on(t.userId)],
);

export const emailVerificationTokens = pgTable(
  "email_verification_tokens",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** SHA-256 of the token sent by email; the token itself is never stored. */
    tokenHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("email_verification_tokens_token_hash_key").on(t.tokenHash), index().on(t.userId)],
);

/**
 * One row per counted request, for the rate limiter (`services/rate-limit.ts`). The key names the limit and
 * who it is counted for, e.g. `password_reset:email:ava@example.com`; rows older than the window are pruned.
 */
export const rateLimitHits = pgTable(
  "rate_limit_hits",
  {
    id: uuid().primaryKey().defaultRandom(),
    key: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("rate_limit_hits_key_idx").on(t.key, t.createdAt)],
);

/** Every sign-in attempt, kept in the database so the rate limit holds across app instances. */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    ip: text().notNull(),
    succeeded: boolean().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("sign_in_attempts_email_idx").on(t.email, t.createdAt).where(sql`not ${t.succeeded}`),
    index("sign_in_attempts_ip_idx").on(t.ip, t.createdAt).where(sql`not ${t.succeeded}`),
  ],
);

export type User = typeof users.$inferSelect;
