import { sql } from "drizzle-orm";
import { bigint, boolean, char, check, date, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import {
  ARTISAN_CONSENT_STATES,
  PREORDER_BALANCE_STATUSES,
  PREORDER_CAMPAIGN_STATUSES,
  PREORDER_IMAGE_KINDS,
  PREORDER_PAYMENT_MODES,
  PREORDER_RESERVATION_STATUSES,
} from "~/lib/preorder-vocabulary";
import { designRevisions, designs } from "./designs";
import { attachedFileColumns } from "./files";
import { orderMilestonePhotos } from "./milestones";
import { organizations } from "./organizations";
import { orders, quoteVersions, rfqs } from "./rfqs";
import { users } from "./users";

export const preorderCampaignStatus = pgEnum("preorder_campaign_status", PREORDER_CAMPAIGN_STATUSES);
export const preorderPaymentMode = pgEnum("preorder_payment_mode", PREORDER_PAYMENT_MODES);
export const preorderReservationStatus = pgEnum("preorder_reservation_status", PREORDER_RESERVATION_STATUSES);
export const preorderBalanceStatus = pgEnum("preorder_balance_status", PREORDER_BALANCE_STATUSES);
export const artisanConsentState = pgEnum("artisan_consent_state", ARTISAN_CONSENT_STATES);
export const preorderImageKind = pgEnum("preorder_image_kind", PREORDER_IMAGE_KINDS);

/**
 * A brand's preorder campaign for one approved design revision. The brand's own; its workshop (when one is
 * chosen) reads it and answers the artisans' consent, never the customers; everyone reads a published one
 * (its public page). `heldUnits` and `paidUnits` count the units of open holds and of paid reservations:
 * the check `preorder_campaigns_cap` is what makes an oversold campaign impossible, whatever the races.
 */
export const preorderCampaigns = pgTable(
  "preorder_campaigns",
  {
    id: uuid().primaryKey().defaultRandom(),
    brandOrgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    designId: uuid()
      .notNull()
      .references(() => designs.id, { onDelete: "restrict" }),
    /** An approved revision (frozen): what customers reserve. */
    designRevisionId: uuid()
      .notNull()
      .references(() => designRevisions.id, { onDelete: "restrict" }),
    /** The workshop that will make it (its artisans, MOQ and tiers), when chosen. */
    workshopOrgId: uuid().references(() => organizations.id, { onDelete: "set null" }),
    /** The accepted quote version whose MOQ and tiers the progress is measured against. */
    quoteVersionId: uuid().references(() => quoteVersions.id, { onDelete: "set null" }),
    /** The RFQ made from the totals, or the order they went into. */
    rfqId: uuid().references(() => rfqs.id, { onDelete: "set null" }),
    orderId: uuid().references(() => orders.id, { onDelete: "set null" }),
    /** Part of the public address `/p/<brand slug>/<slug>`; unique per brand. */
    slug: text().notNull(),
    title: text().notNull(),
    /** Markdown. */
    story: text().notNull().default(""),
    currency: char({ length: 3 }).notNull(),
    retailPriceMinor: bigint({ mode: "number" }).notNull(),
    paymentMode: preorderPaymentMode().notNull().default("deposit"),
    /** Percent of the price paid at reservation when `paymentMode` is deposit (100 when full). */
    depositPercent: integer().notNull().default(30),
    totalCap: integer().notNull(),
    heldUnits: integer().notNull().default(0),
    paidUnits: integer().notNull().default(0),
    opensAt: timestamp({ withTimezone: true }).notNull(),
    closesAt: timestamp({ withTimezone: true }).notNull(),
    /** How long a reservation holds its units while its payment is open. */
    holdMinutes: integer().notNull().default(30),
    returnPolicy: text().notNull().default(""),
    /** A paid reservation may be cancelled by its customer up to this many days after paying (0: never). */
    cancelWithinDays: integer().notNull().default(14),
    /** The delivery the brand states before an order is linked. */
    expectedDeliveryOn: date({ mode: "string" }).notNull(),
    /** The linked order's forecast, kept here for the public page (which reads no order). */
    forecastDeliveryOn: date({ mode: "string" }),
    /** The date customers were last told; a move of more than `notifyAfterBusinessDays` emails them. */
    announcedDeliveryOn: date({ mode: "string" }),
    notifyAfterBusinessDays: integer().notNull().default(5),
    showArtisans: boolean().notNull().default(false),
    artisansConsent: artisanConsentState().notNull().default("not_requested"),
    artisansConsentAt: timestamp({ withTimezone: true }),
    status: preorderCampaignStatus().notNull().default("draft"),
    publishedAt: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
    cancelReason: text().notNull().default(""),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("preorder_campaigns_brand_slug_key").on(t.brandOrgId, t.slug),
    index().on(t.brandOrgId, t.createdAt),
    index().on(t.workshopOrgId),
    index().on(t.orderId),
    check("preorder_campaigns_cap", sql`${t.totalCap} > 0 and ${t.heldUnits} >= 0 and ${t.paidUnits} >= 0 and ${t.heldUnits} + ${t.paidUnits} <= ${t.totalCap}`),
    check("preorder_campaigns_deposit", sql`${t.depositPercent} between 1 and 100 and (${t.paymentMode} = 'deposit' or ${t.depositPercent} = 100)`),
    check("preorder_campaigns_window", sql`${t.closesAt} > ${t.opensAt}`),
    check("preorder_campaigns_price", sql`${t.retailPriceMinor} > 0 and ${t.holdMinutes} between 5 and 1440 and ${t.cancelWithinDays} >= 0 and ${t.notifyAfterBusinessDays} >= 0`),
    check("preorder_campaigns_published_when", sql`(${t.status} = 'draft') = (${t.publishedAt} is null)`),
  ],
);

/**
 * The sizes a campaign offers, each with its own optional cap; `heldUnits`/`paidUnits` as on the campaign,
 * per size. One-size pieces have one row with size "". Quantities only: the workshop and the public read them.
 */
export const preorderCampaignSizes = pgTable(
  "preorder_campaign_sizes",
  {
    campaignId: uuid()
      .notNull()
      .references(() => preorderCampaigns.id, { onDelete: "cascade" }),
    brandOrgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    size: text().notNull(),
    position: integer().notNull(),
    /** Null: only the campaign's total cap applies. */
    cap: integer(),
    heldUnits: integer().notNull().default(0),
    paidUnits: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.size] }),
    index().on(t.brandOrgId),
    check("preorder_campaign_sizes_cap", sql`${t.heldUnits} >= 0 and ${t.paidUnits} >= 0 and (${t.cap} is null or (${t.cap} > 0 and ${t.heldUnits} + ${t.paidUnits} <= ${t.cap}))`),
  ],
);

/**
 * A campaign page's pictures, in order: the brand's images, sketches from the design's files, and
 * work-in-progress photos of the linked order that the brand chose to publish. Every one is a file of the
 * brand's own (purpose `preorder_image`): a sketch or a progress photo is copied, so the design's files and
 * the order's photos keep their own rules; `milestonePhotoFileId` names the photo a progress copy came from.
 */
export const preorderCampaignImages = pgTable(
  "preorder_campaign_images",
  {
    campaignId: uuid()
      .notNull()
      .references(() => preorderCampaigns.id, { onDelete: "cascade" }),
    // orgId: the brand's (the campaign's owner), whoever uploaded the file.
    ...attachedFileColumns(),
    kind: preorderImageKind().notNull(),
    caption: text().notNull().default(""),
    /** Set for a progress photo: the order's milestone photo it was copied from. */
    milestonePhotoFileId: uuid().references(() => orderMilestonePhotos.fileId, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.fileId] }), index().on(t.orgId), index().on(t.fileId)],
);

/**
 * A customer's reservation (no account): name and email are the brand's alone. `tokenHash` is the SHA-256
 * of the secret in the reservation page's link; the secret itself is never stored. Amounts in minor units
 * of the campaign's currency: `amountDueMinor` is what the reservation charges (deposit or full price),
 * `balanceMinor` what is collected before shipping.
 */
export const preorderReservations = pgTable(
  "preorder_reservations",
  {
    id: uuid().primaryKey().defaultRandom(),
    campaignId: uuid()
      .notNull()
      .references(() => preorderCampaigns.id, { onDelete: "cascade" }),
    brandOrgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** Short code shown to the customer and the brand, e.g. "R-7K2QF9". Unique per campaign. */
    reference: text().notNull(),
    customerName: text().notNull(),
    customerEmail: text().notNull(),
    size: text().notNull(),
    quantity: integer().notNull(),
    unitPriceMinor: bigint({ mode: "number" }).notNull(),
    currency: char({ length: 3 }).notNull(),
    totalMinor: bigint({ mode: "number" }).notNull(),
    amountDueMinor: bigint({ mode: "number" }).notNull(),
    balanceMinor: bigint({ mode: "number" }).notNull().default(0),
    status: preorderReservationStatus().notNull().default("held"),
    holdExpiresAt: timestamp({ withTimezone: true }).notNull(),
    tokenHash: text().notNull(),
    stripeCheckoutSessionId: text(),
    stripePaymentIntentId: text(),
    checkoutAttempt: integer().notNull().default(0),
    paidMinor: bigint({ mode: "number" }).notNull().default(0),
    paidAt: timestamp({ withTimezone: true }),
    /** A payment that arrived after its hold had expired, and what was done about it (see the service). */
    latePayment: text().notNull().default(""),
    refundedMinor: bigint({ mode: "number" }).notNull().default(0),
    refundPendingMinor: bigint({ mode: "number" }).notNull().default(0),
    refundAttempt: integer().notNull().default(0),
    stripeRefundId: text(),
    cancelledAt: timestamp({ withTimezone: true }),
    cancelReason: text().notNull().default(""),
    balanceStatus: preorderBalanceStatus().notNull().default("none"),
    balanceCheckoutSessionId: text(),
    balancePaymentIntentId: text(),
    balanceCheckoutAttempt: integer().notNull().default(0),
    balancePaidAt: timestamp({ withTimezone: true }),
    shippedNoticeAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("preorder_reservations_token_key").on(t.tokenHash),
    uniqueIndex("preorder_reservations_reference_key").on(t.campaignId, t.reference),
    uniqueIndex("preorder_reservations_checkout_key").on(t.stripeCheckoutSessionId),
    uniqueIndex("preorder_reservations_intent_key").on(t.stripePaymentIntentId),
    uniqueIndex("preorder_reservations_balance_checkout_key").on(t.balanceCheckoutSessionId),
    uniqueIndex("preorder_reservations_balance_intent_key").on(t.balancePaymentIntentId),
    index().on(t.campaignId, t.createdAt),
    index().on(t.brandOrgId, t.createdAt),
    index("preorder_reservations_open_holds").on(t.holdExpiresAt).where(sql`${t.status} = 'held'`),
    check("preorder_reservations_quantity", sql`${t.quantity} > 0`),
    check(
      "preorder_reservations_amounts",
      sql`${t.amountDueMinor} > 0 and ${t.balanceMinor} >= 0 and ${t.amountDueMinor} + ${t.balanceMinor} = ${t.totalMinor} and ${t.paidMinor} >= 0 and ${t.refundedMinor} >= 0 and ${t.refundPendingMinor} >= 0 and ${t.refundedMinor} + ${t.refundPendingMinor} <= ${t.paidMinor}`,
    ),
  ],
);

/** Views of a campaign's public page per day (UTC), for the dashboard's conversion. Counted without cookies. */
export const preorderPageViews = pgTable(
  "preorder_page_views",
  {
    campaignId: uuid()
      .notNull()
      .references(() => preorderCampaigns.id, { onDelete: "cascade" }),
    brandOrgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    day: date({ mode: "string" }).notNull(),
    views: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.day] }), index().on(t.brandOrgId)],
);

export type PreorderCampaign = typeof preorderCampaigns.$inferSelect;
export type PreorderCampaignSize = typeof preorderCampaignSizes.$inferSelect;
export type PreorderReservation = typeof preorderReservations.$inferSelect;
