import { z } from "zod";
import { ORGANIZATION_KINDS } from "~/lib/organizations";
import { SAMPLE_STATUSES } from "~/lib/sample-request-schemas";

/**
 * What a workshop receives about sample requests. Zod strips every key not listed here, so a column added
 * to a query later (or the brand's private evaluation) cannot reach the workshop without a change here.
 */
const status = z.enum(SAMPLE_STATUSES);

const summary = z.object({
  id: z.uuid(),
  number: z.number(),
  workshopNumber: z.number(),
  status,
  description: z.string(),
  quantity: z.number(),
  feeMinor: z.number().nullable(),
  feeCurrency: z.string().nullable(),
  expectedShipDate: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  pieceTitle: z.string().nullable(),
  brandName: z.string(),
  workshopName: z.string(),
  workshopSlug: z.string(),
});

export const workshopInboxOutput = z.object({
  items: z.array(summary),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  counts: z.partialRecord(status, z.number()),
  all: z.number(),
});

export const workshopSampleOutput = summary.extend({
  brandOrgId: z.uuid(),
  workshopOrgId: z.uuid(),
  note: z.string(),
  portfolioPieceId: z.uuid().nullable(),
  declineReason: z.string().nullable(),
  carrier: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  respondedAt: z.date().nullable(),
  shippedAt: z.date().nullable(),
  receivedAt: z.date().nullable(),
  brandCountry: z.string(),
  workshopTimeZone: z.string(),
  workshopCurrency: z.string(),
  attachments: z.array(z.object({ id: z.uuid(), originalName: z.string(), contentType: z.string(), byteSize: z.number() })),
  timeline: z.array(
    z.object({ id: z.uuid(), status, message: z.string(), createdAt: z.date(), actorName: z.string().nullable(), side: z.enum(ORGANIZATION_KINDS) }),
  ),
  actions: z.array(z.enum(["accept", "decline", "cancel", "ship", "receive", "evaluate"])),
});
