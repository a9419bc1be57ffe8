import { sql } from "drizzle-orm";
import { bigint, char, check, date, index, integer, jsonb, numeric, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { PricedQuoteVersion, QuotePrice } from "~/lib/pricing";
import { ORDER_STATUSES, PAYMENT_TERMS, QUOTE_VERSION_STATUSES, RFQ_INVITATION_STATUSES, RFQ_STATUSES } from "~/lib/rfq-schemas";
import { designRevisions, designs } from "./designs";
import { attachedFileColumns } from "./files";
import { organizations } from "./organizations";
import { users } from "./users";

export const rfqStatus = pgEnum("rfq_status", RFQ_STATUSES);
export const rfqInvitationStatus = pgEnum("rfq_invitation_status", RFQ_INVITATION_STATUSES);
export const quoteVersionStatus = pgEnum("quote_version_status", QUOTE_VERSION_STATUSES);
export const paymentTerms = pgEnum("payment_terms", PAYMENT_TERMS);
export const orderStatus = pgEnum("order_status", ORDER_STATUSES);

export type SizeQuantity = { size: string; quantity: number };

/** A brand's request for quote. A draft is the brand's alone; once sent, each invited workshop reads it. */
export const rfqs = pgTable(
  "rfqs",
  {
    id: uuid().primaryKey().defaultRandom(),
    brandOrgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** Per brand: RFQ-1, RFQ-2… */
    number: integer().notNull(),
    title: text().notNull(),
    currency: char({ length: 3 }).notNull(),
    targetDate: date().notNull(),
    /** The last day quotes are taken (inclusive), in the brand's time zone; `deadlineAt` is its end as an instant. */
    deadline: date().notNull(),
    deadlineAt: timestamp({ withTimezone: true }).notNull(),
    notes: text().notNull().default(""),
    status: rfqStatus().notNull().default("draft"),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    /** When the deadline reminder went out, so it goes out once. */
    reminderSentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("rfqs_brand_number_key").on(t.brandOrgId, t.number),
    index().on(t.brandOrgId, t.status, t.createdAt),
    index().on(t.status, t.deadlineAt),
  ],
);

/** One design of an RFQ: an approved revision and its planned pieces per size. */
export const rfqLines = pgTable(
  "rfq_lines",
  {
    id: uuid().primaryKey().defaultRandom(),
    rfqId: uuid()
      .notNull()
      .references(() => rfqs.id, { onDelete: "cascade" }),
    brandOrgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    designId: uuid()
      .notNull()
      .references(() => designs.id, { onDelete: "restrict" }),
    revisionId: uuid()
      .notNull()
      .references(() => designRevisions.id, { onDelete: "restrict" }),
    position: integer().notNull(),
    sizes: jsonb().$type<SizeQuantity[]>().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("rfq_lines_rfq_design_key").on(t.rfqId, t.designId), index().on(t.brandOrgId), index().on(t.revisionId)],
);

/** The brand's files on an RFQ (packaging brief, hallmark rules), in order. */
export const rfqAttachments = pgTable(
  "rfq_attachments",
  {
    rfqId: uuid()
      .notNull()
      .references(() => rfqs.id, { onDelete: "cascade" }),
    ...attachedFileColumns(),
  },
  (t) => [primaryKey({ columns: [t.rfqId, t.fileId] }), uniqueIndex("rfq_attachments_file_key").on(t.fileId), index().on(t.orgId)],
);

/**
 * A workshop invited to an RFQ. The brand sees all its invitations; a workshop only its own, once the RFQ
 * is sent — never another workshop's, nor that one exists.
 */
export const rfqInvitations = pgTable(
  "rfq_invitations",
  {
    id: uuid().primaryKey().defaultRandom(),
    rfqId: uuid()
      .notNull()
      .references(() => rfqs.id, { onDelete: "cascade" }),
    brandOrgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    workshopOrgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    status: rfqInvitationStatus().notNull().default("invited"),
    declineReason: text(),
    invitedById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** When the workshop received it (the RFQ sent, or the invitation added to a sent RFQ). */
    sentAt: timestamp({ withTimezone: true }),
    respondedAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("rfq_invitations_rfq_workshop_key").on(t.rfqId, t.workshopOrgId),
    index().on(t.brandOrgId),
    // The organizations_rfq_counterparty policy looks a pair up both ways for every organization it shows.
    index("rfq_invitations_brand_workshop_idx").on(t.brandOrgId, t.workshopOrgId),
    index("rfq_invitations_workshop_brand_idx").on(t.workshopOrgId, t.brandOrgId),
    index().on(t.workshopOrgId, t.createdAt),
    check("rfq_invitations_decline_reason", sql`(${t.status} = 'declined') = (${t.declineReason} is not null)`),
  ],
);

/** A workshop's answer to one invitation; its content lives in versions. */
export const quotes = pgTable(
  "quotes",
  {
    id: uuid().primaryKey().defaultRandom(),
    invitationId: uuid()
      .notNull()
      .references(() => rfqInvitations.id, { onDelete: "cascade" }),
    rfqId: uuid()
      .notNull()
      .references(() => rfqs.id, { onDelete: "cascade" }),
    brandOrgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    workshopOrgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("quotes_invitation_key").on(t.invitationId), index().on(t.brandOrgId), index().on(t.workshopOrgId)],
);

/**
 * One version of a quote. A draft is edited in place and seen only by its workshop; once sent its content
 * is frozen (trigger `quote_versions_frozen`): only its status moves on, to one of the ends.
 */
export const quoteVersions = pgTable(
  "quote_versions",
  {
    id: uuid().primaryKey().defaultRandom(),
    quoteId: uuid()
      .notNull()
      .references(() => quotes.id, { onDelete: "cascade" }),
    rfqId: uuid()
      .notNull()
      .references(() => rfqs.id, { onDelete: "cascade" }),
    brandOrgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    workshopOrgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** 1, 2… per quote. */
    number: integer().notNull(),
    status: quoteVersionStatus().notNull().default("draft"),
    currency: char({ length: 3 }).notNull(),
    /** The pricing engine's input shape (src/lib/pricing.ts), lines by RFQ line id. */
    pricing: jsonb().$type<PricedQuoteVersion>().notNull(),
    /** RFQ line id → the design revision the line was priced on. */
    lineRevisions: jsonb().$type<Record<string, string>>().notNull(),
    leadTimeDays: integer().notNull(),
    depositPercent: numeric({ precision: 5, scale: 2, mode: "number" }).notNull(),
    paymentTerms: paymentTerms().notNull(),
    balanceMilestone: text().notNull().default(""),
    validUntil: date().notNull(),
    notes: text().notNull().default(""),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
    /** When it reached its end (superseded, withdrawn, accepted…). */
    closedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("quote_versions_quote_number_key").on(t.quoteId, t.number),
    // One draft and one live (sent) version per quote at most.
    uniqueIndex("quote_versions_one_draft_key").on(t.quoteId).where(sql`${t.status} = 'draft'`),
    uniqueIndex("quote_versions_one_sent_key").on(t.quoteId).where(sql`${t.status} = 'sent'`),
    index().on(t.rfqId, t.status),
    index().on(t.brandOrgId),
    index().on(t.workshopOrgId),
    index().on(t.status, t.validUntil),
    check("quote_versions_sent_when", sql`(${t.status} = 'draft') = (${t.sentAt} is null)`),
    check("quote_versions_lead_time", sql`${t.leadTimeDays} between 1 and 500`),
    check("quote_versions_deposit", sql`${t.depositPercent} between 0 and 100`),
  ],
);

/** A quote version's files (a CAD proposal, a finish sample photo), owned by the workshop. */
export const quoteVersionAttachments = pgTable(
  "quote_version_attachments",
  {
    quoteVersionId: uuid()
      .notNull()
      .references(() => quoteVersions.id, { onDelete: "cascade" }),
    // A revision starts from the version before it, so a file may be in several versions.
    ...attachedFileColumns(),
  },
  (t) => [primaryKey({ columns: [t.quoteVersionId, t.fileId] }), index().on(t.fileId), index().on(t.orgId)],
);

/** A brand's order to a workshop, from an accepted quote version; its terms and prices are a snapshot. */
export const orders = pgTable(
  "orders",
  {
    id: uuid().primaryKey().defaultRandom(),
    brandOrgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    workshopOrgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    rfqId: uuid()
      .notNull()
      .references(() => rfqs.id, { onDelete: "restrict" }),
    quoteVersionId: uuid()
      .notNull()
      .references(() => quoteVersions.id, { onDelete: "restrict" }),
    /** PO-<year>-<seq>: seq counts per brand and year. */
    year: integer().notNull(),
    seq: integer().notNull(),
    status: orderStatus().notNull().default("open"),
    currency: char({ length: 3 }).notNull(),
    piecesTotalMinor: bigint({ mode: "number" }).notNull(),
    feesTotalMinor: bigint({ mode: "number" }).notNull(),
    totalMinor: bigint({ mode: "number" }).notNull(),
    depositMinor: bigint({ mode: "number" }).notNull(),
    balanceMinor: bigint({ mode: "number" }).notNull(),
    depositPercent: numeric({ precision: 5, scale: 2, mode: "number" }).notNull(),
    leadTimeDays: integer().notNull(),
    paymentTerms: paymentTerms().notNull(),
    balanceMilestone: text().notNull().default(""),
    quoteNotes: text().notNull().default(""),
    /** The quote version's pricing and the engine's result at the accepted quantities. */
    pricing: jsonb().$type<PricedQuoteVersion>().notNull(),
    priced: jsonb().$type<Extract<QuotePrice, { met: true }>>().notNull(),
    expectedDeliveryDate: date().notNull(),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Why it was cancelled, when and by whom (src/server/services/order-status.ts). */
    cancelReason: text().notNull().default(""),
    cancelledAt: timestamp({ withTimezone: true }),
    cancelledById: uuid().references(() => users.id, { onDelete: "set null" }),
    /** When the brand closed it after delivery, and who. */
    closedAt: timestamp({ withTimezone: true }),
    closedById: uuid().references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    uniqueIndex("orders_brand_number_key").on(t.brandOrgId, t.year, t.seq),
    // One order per RFQ: the database's own answer to two accepts at once.
    uniqueIndex("orders_rfq_key").on(t.rfqId),
    index().on(t.workshopOrgId, t.createdAt),
    index().on(t.brandOrgId, t.createdAt),
    check("orders_amounts", sql`${t.totalMinor} = ${t.piecesTotalMinor} + ${t.feesTotalMinor} and ${t.totalMinor} = ${t.depositMinor} + ${t.balanceMinor}`),
  ],
);

/** A line of an order, pinned to the design revision and sizes it was quoted on. */
export const orderLines = pgTable(
  "order_lines",
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    brandOrgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    workshopOrgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    rfqLineId: uuid().references(() => rfqLines.id, { onDelete: "set null" }),
    designId: uuid()
      .notNull()
      .references(() => designs.id, { onDelete: "restrict" }),
    revisionId: uuid()
      .notNull()
      .references(() => designRevisions.id, { onDelete: "restrict" }),
    position: integer().notNull(),
    /** Kept with the order: the design's name and SKU and the revision's number when ordered. */
    designName: text().notNull(),
    sku: text().notNull(),
    revisionNumber: integer().notNull(),
    quantity: integer().notNull(),
    sizes: jsonb().$type<{ size: string; quantity: number; unitPriceMinor: number; surchargeMinor: number; totalMinor: number }[]>().notNull(),
    tierUnitPriceMinor: bigint({ mode: "number" }).notNull(),
    fees: jsonb().$type<{ label: string; amountMinor: number }[]>().notNull(),
    feesTotalMinor: bigint({ mode: "number" }).notNull(),
    lineTotalMinor: bigint({ mode: "number" }).notNull(),
  },
  (t) => [index().on(t.orderId, t.position), index().on(t.brandOrgId), index().on(t.workshopOrgId), check("order_lines_quantity", sql`${t.quantity} > 0`)],
);

/** The thread of one invitation: the brand and that workshop, nobody else. */
export const rfqMessages = pgTable(
  "rfq_messages",
  {
    id: uuid().primaryKey().defaultRandom(),
    invitationId: uuid()
      .notNull()
      .references(() => rfqInvitations.id, { onDelete: "cascade" }),
    brandOrgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    workshopOrgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    authorOrgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    authorId: uuid().references(() => users.id, { onDelete: "set null" }),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.invitationId, t.createdAt), index().on(t.brandOrgId), index().on(t.workshopOrgId)],
);

export const rfqMessageAttachments = pgTable(
  "rfq_message_attachments",
  {
    messageId: uuid()
      .notNull()
      .references(() => rfqMessages.id, { onDelete: "cascade" }),
    // orgId: the author's organization, the file's.
    ...attachedFileColumns(),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.fileId] }), uniqueIndex("rfq_message_attachments_file_key").on(t.fileId), index().on(t.orgId)],
);

/** How far a member has read a thread: messages after `readAt` by the other side are unread for them. */
export const rfqThreadReads = pgTable(
  "rfq_thread_reads",
  {
    invitationId: uuid()
      .notNull()
      .references(() => rfqInvitations.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    readAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.invitationId, t.userId, t.orgId] }), index().on(t.orgId)],
);

export type Rfq = typeof rfqs.$inferSelect;
export type RfqLine = typeof rfqLines.$inferSelect;
export type RfqInvitation = typeof rfqInvitations.$inferSelect;
export type Quote = typeof quotes.$inferSelect;
export type QuoteVersion = typeof quoteVersions.$inferSelect;
export type Order = typeof orders.$inferSelect;
export type OrderLine = typeof orderLines.$inferSelect;
