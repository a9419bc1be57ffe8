import "./zod-config";
import { z } from "zod";
import { isCurrency } from "./money";
import { quoteVersionPricingSchema } from "./pricing";

/** Statuses, input schemas and labels of requests for quote, quotes and orders, shared by forms and procedures. */

export const RFQ_STATUSES = ["draft", "open", "closed", "awarded"] as const;
export type RfqStatus = (typeof RFQ_STATUSES)[number];
export const RFQ_STATUS_LABELS: Record<RfqStatus, string> = { draft: "Draft", open: "Open for quotes", closed: "Closed", awarded: "Awarded" };

/** An invited workshop's standing on one RFQ. */
export const RFQ_INVITATION_STATUSES = ["invited", "declined", "quoted", "awarded", "not_awarded"] as const;
export type RfqInvitationStatus = (typeof RFQ_INVITATION_STATUSES)[number];
export const RFQ_INVITATION_STATUS_LABELS: Record<RfqInvitationStatus, string> = {
  invited: "Invited",
  declined: "Declined to quote",
  quoted: "Quoted",
  awarded: "Awarded",
  not_awarded: "Not awarded",
};

/**
 * A quote version's life: a draft only its workshop sees; sent (immutable from then on); then one of the
 * ends. superseded: a newer version was sent; outdated: the RFQ line moved to a newer design revision;
 * declined: the brand awarded another quote or closed the RFQ.
 */
export const QUOTE_VERSION_STATUSES = ["draft", "sent", "superseded", "withdrawn", "accepted", "declined", "expired", "outdated"] as const;
export type QuoteVersionStatus = (typeof QUOTE_VERSION_STATUSES)[number];
export const QUOTE_VERSION_STATUS_LABELS: Record<QuoteVersionStatus, string> = {
  draft: "Draft",
  sent: "Sent",
  superseded: "Superseded",
  withdrawn: "Withdrawn",
  accepted: "Accepted",
  declined: "Declined",
  expired: "Expired",
  outdated: "Outdated",
};

export const PAYMENT_TERMS = ["balance_before_shipping", "balance_at_milestone"] as const;
export type PaymentTerms = (typeof PAYMENT_TERMS)[number];
export const PAYMENT_TERMS_LABELS: Record<PaymentTerms, string> = {
  balance_before_shipping: "Deposit at order, balance before shipping",
  balance_at_milestone: "Deposit at order, balance at a named milestone",
};

export const ORDER_STATUSES = ["open", "in_production", "cancelled", "completed"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const RFQ_LIMITS = { title: 120, notes: 5_000, lines: 20, sizes: 40, files: 20, workshops: 20, message: 5_000, declineReason: 1_000, leadTimeDays: 500 } as const;
export const RFQS_PAGE_SIZE = 20;
/** Files one message may carry. */
export const MESSAGE_ATTACHMENTS_MAX = 10;

/** "RFQ-3" */
export const rfqNumberLabel = (n: number) => `RFQ-${n}`;
/** "PO-2026-0007": the brand's sequence of the year, four digits at least (PO-2026-12345 after 9,999). */
export const orderNumberLabel = (year: number, seq: number) => `PO-${year}-${String(seq).padStart(4, "0")}`;

const isoDate = (what: string) => z.string(`Choose ${what}.`).regex(/^\d{4}-\d{2}-\d{2}$/, `Choose ${what}.`).refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), `Choose a real date for ${what}.`);

export const rfqId = z.uuid("Unknown request for quote.");
export const invitationId = z.uuid("Unknown invitation.");
export const quoteVersionId = z.uuid("Unknown quote.");

/** A line's planned pieces per size of the revision's size run (sizes with 0 may be left out). */
export const sizeSplitSchema = z
  .array(
    z.object({
      size: z.string().trim().min(1, "Choose a size.").max(20, "Keep a size to 20 characters."),
      quantity: z.number("Enter a number of pieces.").int("Enter a whole number of pieces.").min(0, "Pieces cannot be negative.").max(1_000_000, "Too many pieces."),
    }),
  )
  .min(1, "Split the quantity across at least one size.")
  .max(RFQ_LIMITS.sizes, `Use at most ${RFQ_LIMITS.sizes} sizes.`)
  .superRefine((sizes, ctx) => {
    const seen = new Set<string>();
    sizes.forEach((s, i) => {
      if (seen.has(s.size)) ctx.addIssue({ code: "custom", path: [i, "size"], message: `Size ${s.size} is listed twice.` });
      seen.add(s.size);
    });
    if (sizes.every((s) => s.quantity === 0)) ctx.addIssue({ code: "custom", path: [], message: "Plan at least one piece." });
  });

export const rfqLineInputSchema = z.object({
  revisionId: z.uuid("Choose an approved design revision."),
  sizes: sizeSplitSchema,
});

export const rfqFieldsSchema = z.object({
  title: z.string().trim().min(1, "Give the request a title.").max(RFQ_LIMITS.title, `Keep the title to ${RFQ_LIMITS.title} characters.`),
  currency: z.string("Choose a currency.").refine(isCurrency, "Choose a currency."),
  targetDate: isoDate("a target delivery date"),
  /** The last day quotes are taken, inclusive, in the brand's time zone. */
  deadline: isoDate("a deadline for quotes"),
  notes: z.string().trim().max(RFQ_LIMITS.notes, `Keep the notes to ${RFQ_LIMITS.notes.toLocaleString("en")} characters.`).default(""),
  lines: z.array(rfqLineInputSchema).min(1, "Add at least one design.").max(RFQ_LIMITS.lines, `Use at most ${RFQ_LIMITS.lines} designs.`),
  attachmentFileIds: z.array(z.uuid("Unknown file.")).max(RFQ_LIMITS.files, `Attach at most ${RFQ_LIMITS.files} files.`).default([]),
});
export type RfqFieldsInput = z.input<typeof rfqFieldsSchema>;
export type RfqFields = z.infer<typeof rfqFieldsSchema>;

export const inviteWorkshopsSchema = z.object({
  rfqId,
  workshopOrgIds: z.array(z.uuid("Unknown workshop.")).min(1, "Choose at least one workshop.").max(RFQ_LIMITS.workshops, `Invite at most ${RFQ_LIMITS.workshops} workshops at once.`),
});

export const declineRfqSchema = z.object({
  invitationId,
  reason: z.string().trim().min(1, "Say why you decline, so the brand can plan.").max(RFQ_LIMITS.declineReason, `Keep the reason to ${RFQ_LIMITS.declineReason} characters.`),
});

/** The terms around a quote's prices. */
export const quoteTermsSchema = z
  .object({
    leadTimeDays: z.number("Enter a lead time.").int("Enter whole business days.").min(1, "Enter at least 1 business day.").max(RFQ_LIMITS.leadTimeDays, `Enter at most ${RFQ_LIMITS.leadTimeDays} business days.`),
    paymentTerms: z.enum(PAYMENT_TERMS, "Choose the payment terms."),
    balanceMilestone: z.string().trim().max(120, "Keep the milestone to 120 characters.").default(""),
    validUntil: isoDate("how long the quote is valid"),
    notes: z.string().trim().max(RFQ_LIMITS.notes, `Keep the notes to ${RFQ_LIMITS.notes.toLocaleString("en")} characters.`).default(""),
    attachmentFileIds: z.array(z.uuid("Unknown file.")).max(RFQ_LIMITS.files, `Attach at most ${RFQ_LIMITS.files} files.`).default([]),
  })
  .superRefine((t, ctx) => {
    if (t.paymentTerms === "balance_at_milestone" && !t.balanceMilestone) ctx.addIssue({ code: "custom", path: ["balanceMilestone"], message: "Name the milestone the balance is due at." });
  });

export const saveQuoteDraftSchema = z.object({
  invitationId,
  pricing: quoteVersionPricingSchema,
  terms: quoteTermsSchema,
});
export type SaveQuoteDraftInput = z.input<typeof saveQuoteDraftSchema>;

export const acceptQuoteSchema = z.object({
  quoteVersionId,
  /** rfq line id → size → pieces */
  quantities: z.record(z.string().min(1, "Unknown line."), z.record(z.string().min(1, "Unknown size."), z.number("Enter a number of pieces.").int("Enter a whole number of pieces.").min(0, "Pieces cannot be negative.").max(1_000_000, "Too many pieces."))),
});

export const messageSchema = z.object({
  invitationId,
  body: z.string().trim().min(1, "Write a message.").max(RFQ_LIMITS.message, `Keep a message to ${RFQ_LIMITS.message.toLocaleString("en")} characters.`),
  attachmentFileIds: z.array(z.uuid("Unknown file.")).max(MESSAGE_ATTACHMENTS_MAX, `Attach at most ${MESSAGE_ATTACHMENTS_MAX} files.`).default([]),
});
