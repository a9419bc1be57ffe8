import { sql } from "drizzle-orm";
import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid, char } from "drizzle-orm/pg-core";
import { INVITATION_REVOKED_REASONS, ORGANIZATION_KINDS } from "~/lib/organizations";
import { ROLES } from "~/lib/permissions";
import { users } from "./users";

export const organizationKind = pgEnum("organization_kind", ORGANIZATION_KINDS);
export const membershipRole = pgEnum("membership_role", ROLES);
export const invitationRevokedReason = pgEnum("invitation_revoked_reason", INVITATION_REVOKED_REASONS);

export const organizations = pgTable(
  "organizations",
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: organizationKind().notNull(),
    name: text().notNull(),
    slug: text().notNull(),
    /** ISO 3166-1 alpha-2. */
    country: char({ length: 2 }).notNull(),
    /** IANA time zone, e.g. Europe/Rome. */
    timeZone: text().notNull(),
    /** ISO 4217, the organization's default currency. */
    currency: char({ length: 3 }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("organizations_slug_key").on(t.slug)],
);

export const memberships = pgTable(
  "memberships",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: membershipRole().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("memberships_org_user_key").on(t.orgId, t.userId), index().on(t.userId)],
);

export const invitations = pgTable(
  "invitations",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    email: text().notNull(),
    role: membershipRole().notNull(),
    /** SHA-256 of the token in the emailed link; the token itself is never stored. */
    tokenHash: text().notNull(),
    invitedById: uuid().references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    acceptedById: uuid().references(() => users.id, { onDelete: "set null" }),
    revokedAt: timestamp({ withTimezone: true }),
    /** Why the link stopped working: withdrawn by a member, or replaced by a newer invitation of the same address. */
    revokedReason: invitationRevokedReason(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("invitations_token_hash_key").on(t.tokenHash),
    index().on(t.orgId, t.createdAt),
    // One open invitation per address and organization, so two at once cannot both hold a working link.
    uniqueIndex("invitations_one_open_per_email_key")
      .on(t.orgId, t.email)
      .where(sql`${t.acceptedAt} is null and ${t.revokedAt} is null`),
  ],
);

/**
 * The addresses an organization had before it changed its slug, so shared links keep working: old portal and
 * public profile URLs redirect permanently to the current slug. An old slug stays reserved for its organization.
 */
export const organizationSlugRedirects = pgTable(
  "organization_slug_redirects",
  {
    slug: text().primaryKey(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.orgId)],
);

export type Organization = typeof organizations.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
export type OrganizationKind = (typeof organizationKind.enumValues)[number];
export type MembershipRole = (typeof membershipRole.enumValues)[number];
