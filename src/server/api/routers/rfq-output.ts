import { z } from "zod";
import { DESIGN_CATEGORIES } from "~/lib/design-spec";
import { ORDER_STAGES } from "~/lib/order-list-schemas";
import { PAYMENT_TERMS, QUOTE_VERSION_STATUSES, RFQ_INVITATION_STATUSES, RFQ_STATUSES, ORDER_STATUSES } from "~/lib/rfq-schemas";

/**
 * What leaves the server about requests for quote, quotes, threads and orders. Zod strips every key not
 * listed, so a column added to a query later (another workshop's invitation, the brand's internal notes on
 * a design, a draft quote) cannot reach the other party without a change here.
 */
const file = z.object({ id: z.uuid(), originalName: z.string(), contentType: z.string(), byteSize: z.number() });
const sizes = z.array(z.object({ size: z.string(), quantity: z.number() }));
const tier = z.object({ minQuantity: z.number(), unitPriceMinor: z.number() });
const pricing = z.object({
  currency: z.string(),
  lines: z.array(
    z.object({
      lineId: z.string(),
      moq: z.number(),
      tiers: z.array(tier),
      sizeSurcharges: z.array(z.object({ size: z.string(), amountMinor: z.number() })),
      fees: z.array(z.object({ label: z.string(), amountMinor: z.number() })),
    }),
  ),
  bundle: z.object({ lineIds: z.array(z.string()), minQuantity: z.number(), floor: z.number() }).nullable(),
  depositPercent: z.number(),
});
const version = z.object({
  id: z.uuid(),
  number: z.number(),
  status: z.enum(QUOTE_VERSION_STATUSES),
  currency: z.string(),
  pricing,
  lineRevisions: z.record(z.string(), z.string()),
  leadTimeDays: z.number(),
  depositPercent: z.number(),
  paymentTerms: z.enum(PAYMENT_TERMS),
  balanceMilestone: z.string(),
  validUntil: z.string(),
  notes: z.string(),
  createdAt: z.date(),
  sentAt: z.date().nullable(),
  closedAt: z.date().nullable(),
});

// ─── Workshop side ──────────────────────────────────────────────────────────────────────────────────────

export const workshopRfqInboxOutput = z.object({
  items: z.array(
    z.object({
      invitationId: z.uuid(),
      invitationStatus: z.enum(RFQ_INVITATION_STATUSES),
      sentAt: z.date().nullable(),
      rfqNumber: z.number(),
      title: z.string(),
      rfqStatus: z.enum(RFQ_STATUSES),
      currency: z.string(),
      deadline: z.string(),
      deadlineAt: z.date(),
      targetDate: z.string(),
      brandName: z.string(),
      quoteStatus: z.enum(QUOTE_VERSION_STATUSES).nullable(),
      unread: z.number(),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const workshopRfqOutput = z.object({
  invitation: z.object({ id: z.uuid(), status: z.enum(RFQ_INVITATION_STATUSES), declineReason: z.string().nullable(), sentAt: z.date().nullable() }),
  rfq: z.object({
    id: z.uuid(),
    number: z.number(),
    title: z.string(),
    status: z.enum(RFQ_STATUSES),
    currency: z.string(),
    targetDate: z.string(),
    deadline: z.string(),
    deadlineAt: z.date(),
    notes: z.string(),
    brandName: z.string(),
    brandCountry: z.string(),
  }),
  lines: z.array(
    z.object({
      id: z.uuid(),
      designName: z.string(),
      sku: z.string(),
      category: z.enum(DESIGN_CATEGORIES.keys),
      revisionId: z.uuid(),
      revisionNumber: z.number(),
      // The revision's spec as approved: the workshop reads it whole.
      spec: z.record(z.string(), z.unknown()),
      sizes,
      quantity: z.number(),
      collectionId: z.uuid().nullable(),
      files: z.array(file.extend({ kind: z.string() })),
    }),
  ),
  styleGuides: z.array(z.object({ id: z.uuid(), name: z.string(), styleGuide: z.string(), files: z.array(file) })),
  attachments: z.array(file),
  versions: z.array(version.extend({ attachments: z.array(file) })),
  order: z.object({ id: z.uuid(), year: z.number(), seq: z.number() }).nullable(),
  actions: z.object({ quote: z.boolean(), decline: z.boolean(), withdraw: z.boolean() }),
});

// ─── Both sides ─────────────────────────────────────────────────────────────────────────────────────────

export const threadOutput = z.array(
  z.object({
    id: z.uuid(),
    body: z.string(),
    createdAt: z.date(),
    authorName: z.string().nullable(),
    side: z.enum(["brand", "workshop"]),
    mine: z.boolean(),
    attachments: z.array(file),
  }),
);

const party = z.object({ id: z.uuid(), name: z.string(), slug: z.string() });
export const orderOutput = z.object({
  id: z.uuid(),
  year: z.number(),
  seq: z.number(),
  status: z.enum(ORDER_STATUSES),
  stage: z.enum(ORDER_STAGES),
  cancelReason: z.string(),
  cancelledAt: z.date().nullable(),
  closedAt: z.date().nullable(),
  /** What the caller may do to the order's status now (src/lib/order-status.ts). */
  statusActions: z.array(z.enum(["cancel", "close"])),
  currency: z.string(),
  piecesTotalMinor: z.number(),
  feesTotalMinor: z.number(),
  totalMinor: z.number(),
  depositMinor: z.number(),
  balanceMinor: z.number(),
  depositPercent: z.number(),
  leadTimeDays: z.number(),
  paymentTerms: z.enum(PAYMENT_TERMS),
  balanceMilestone: z.string(),
  quoteNotes: z.string(),
  expectedDeliveryDate: z.string(),
  createdAt: z.date(),
  quoteVersionNumber: z.number(),
  brand: party,
  workshop: party,
  rfq: z.object({ number: z.number(), title: z.string(), invitationId: z.uuid().nullable() }),
  lines: z.array(
    z.object({
      id: z.uuid(),
      designName: z.string(),
      sku: z.string(),
      revisionNumber: z.number(),
      revisionId: z.uuid(),
      quantity: z.number(),
      sizes: z.array(z.object({ size: z.string(), quantity: z.number(), unitPriceMinor: z.number(), surchargeMinor: z.number(), totalMinor: z.number() })),
      tierUnitPriceMinor: z.number(),
      fees: z.array(z.object({ label: z.string(), amountMinor: z.number() })),
      feesTotalMinor: z.number(),
      lineTotalMinor: z.number(),
    }),
  ),
});

export const orderListOutput = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      year: z.number(),
      seq: z.number(),
      status: z.enum(ORDER_STATUSES),
      currency: z.string(),
      totalMinor: z.number(),
      expectedDeliveryDate: z.string(),
      createdAt: z.date(),
      counterpartyName: z.string(),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

// ─── Brand side ─────────────────────────────────────────────────────────────────────────────────────────

/** A workshop's record as the comparison shows it (the public profile's figures that matter for an award). */
const comparedRecord = z
  .object({
    medianResponseHours: z.number().nullable(),
    samplesSent: z.number(),
    onTimeRate: z.number().nullable(),
    ordersDelivered: z.number(),
    reviewAverages: z.object({ quality: z.number(), communication: z.number(), timeliness: z.number() }).nullable(),
    reviewCount: z.number(),
  })
  .nullable();

/**
 * The comparison of an RFQ's live quotes: each workshop's sent (or accepted) version, never a draft, with
 * its expected delivery and record; nothing else of the workshops (their people, notes, other RFQs).
 */
export const compareOutput = z.object({
  rfq: z.object({ id: z.uuid(), number: z.number(), title: z.string(), status: z.enum(RFQ_STATUSES), currency: z.string(), targetDate: z.string(), deadline: z.string() }),
  lines: z.array(z.object({ id: z.uuid(), designName: z.string(), sku: z.string(), revisionNumber: z.number(), revisionId: z.uuid(), sizes })),
  quotes: z.array(
    version.extend({
      invitationId: z.uuid(),
      workshop: z.object({ id: z.uuid(), name: z.string(), slug: z.string() }),
      expectedDeliveryDate: z.string(),
      record: comparedRecord,
    }),
  ),
});

export const acceptOutput = z.object({ orderId: z.uuid(), year: z.number(), seq: z.number() });

export const compareOutputSchemas = { version };
