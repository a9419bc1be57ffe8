import "./zod-config";
import { z } from "zod";
import { aboveLimitError, parseMoney, type MoneyLimit } from "./money";

/** Input schemas, statuses and labels of sample requests, shared by forms (client) and procedures (server). */

export const SAMPLE_QUANTITY_MAX = 100;
export const SAMPLE_NOTE_MAX = 2000;
export const SAMPLE_DESCRIPTION_MAX = 4000;
export const SAMPLE_ATTACHMENTS_MAX = 10;

export const createSampleRequestSchema = z
  .object({
    workshopOrgId: z.uuid("Unknown workshop."),
    portfolioPieceId: z.uuid("Choose a piece from the portfolio.").nullish(),
    description: z.string().trim().max(SAMPLE_DESCRIPTION_MAX, `Keep the description to ${SAMPLE_DESCRIPTION_MAX} characters.`).default(""),
    quantity: z.coerce
      .number("Enter a quantity.")
      .int("Enter a whole number of pieces.")
      .min(1, "Ask for at least 1 piece.")
      .max(SAMPLE_QUANTITY_MAX, `Ask for at most ${SAMPLE_QUANTITY_MAX} pieces.`),
    note: z.string().trim().max(SAMPLE_NOTE_MAX, `Keep the note to ${SAMPLE_NOTE_MAX} characters.`).default(""),
    attachmentFileIds: z.array(z.uuid("Unknown file.")).max(SAMPLE_ATTACHMENTS_MAX, `Attach at most ${SAMPLE_ATTACHMENTS_MAX} files.`).default([]),
  })
  .refine((v) => Boolean(v.portfolioPieceId) || v.description.length >= 10, {
    message: "Choose a portfolio piece, or describe the sample in at least 10 characters.",
    path: ["description"],
  });

/**
 * "45.00 EUR" → { amountMinor: 4500, currency: "EUR" }, with the parser's message next to the field, and
 * refused above the purpose's limit (the limit named in the message).
 */
export const moneyTextSchema = (limit: MoneyLimit, what: string) =>
  z.string("Enter an amount like 45.00 EUR.").transform((text, ctx) => {
    const parsed = parseMoney(text);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: parsed.error });
      return z.NEVER;
    }
    const tooMuch = aboveLimitError(parsed.money, limit, what);
    if (tooMuch) {
      ctx.addIssue({ code: "custom", message: tooMuch });
      return z.NEVER;
    }
    return parsed.money;
  });

/** A calendar day, YYYY-MM-DD, that exists. */
export const isoDateSchema = z.iso.date("Choose a date.");

const requestId = z.uuid("Unknown sample request.");

export const acceptSampleRequestSchema = z.object({ requestId, fee: moneyTextSchema("sampleFee", "A sample fee"), expectedShipDate: isoDateSchema });
export const declineSampleRequestSchema = z.object({
  requestId,
  reason: z.string().trim().min(1, "Tell the brand why you decline.").max(SAMPLE_NOTE_MAX, `Keep the reason to ${SAMPLE_NOTE_MAX} characters.`),
});
export const shipSampleRequestSchema = z.object({
  requestId,
  carrier: z.string().trim().min(1, "Enter the carrier.").max(100, "Use at most 100 characters."),
  trackingNumber: z
    .string()
    .trim()
    .min(3, "Enter the tracking number.")
    .max(100, "Use at most 100 characters.")
    .regex(/^[A-Za-z0-9 -]+$/, "Use letters, digits, spaces and hyphens only."),
});

const score = (label: string) =>
  z.coerce.number(`Rate the ${label}.`).int(`Rate the ${label} from 1 to 5.`).min(1, `Rate the ${label} from 1 to 5.`).max(5, `Rate the ${label} from 1 to 5.`);

export const evaluateSampleSchema = z.object({
  requestId,
  quality: score("quality"),
  finish: score("finish"),
  communication: score("communication"),
  notes: z.string().trim().max(SAMPLE_NOTE_MAX, `Keep the notes to ${SAMPLE_NOTE_MAX} characters.`).default(""),
});

export const SAMPLE_STATUSES = ["requested", "accepted", "declined", "shipped", "received", "cancelled"] as const;
export type SampleStatus = (typeof SAMPLE_STATUSES)[number];

export const SAMPLE_STATUS_LABELS: Record<SampleStatus, string> = {
  requested: "Requested",
  accepted: "Accepted",
  declined: "Declined",
  shipped: "Shipped",
  received: "Received",
  cancelled: "Cancelled",
};

export const sampleNumberLabel = (n: number) => `SR-${n}`;

/**
 * How a workshop names a request: numbers count per brand, so a workshop receives several "SR-2"; with the
 * brand's name the reference is unambiguous, and it is the one the brand uses too.
 */
export const workshopSampleLabel = (r: { brandName: string; number: number }) => `${r.brandName} ${sampleNumberLabel(r.number)}`;

/** Today's date, YYYY-MM-DD, in a time zone: the day a workshop sees on its own calendar. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export type CreateSampleRequestInput = z.infer<typeof createSampleRequestSchema>;
export type AcceptSampleRequestInput = z.infer<typeof acceptSampleRequestSchema>;
export type EvaluateSampleInput = z.infer<typeof evaluateSampleSchema>;
