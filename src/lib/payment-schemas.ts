import { z } from "zod";

/** Vocabularies of payments, shared by the schema, the services and the pages. */

export const PAYMENT_KINDS = ["deposit", "balance", "sample_fee"] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];
export const PAYMENT_KIND_LABELS: Record<PaymentKind, string> = { deposit: "Deposit", balance: "Balance", sample_fee: "Sample fee" };

export const PAYMENT_STATUSES = ["due", "processing", "paid", "failed", "refunded", "partially_refunded"] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
export const PAYMENT_STATUS_LABELS: Record<PaymentStatus, string> = {
  due: "Due",
  processing: "Processing",
  paid: "Paid",
  failed: "Failed",
  refunded: "Refunded",
  partially_refunded: "Partially refunded",
};

export const PAYMENT_METHODS = ["card", "transfer"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = { card: "Card", transfer: "Bank transfer" };

export const ONBOARDING_STATUSES = ["not_started", "pending", "restricted", "ready"] as const;
export type OnboardingStatus = (typeof ONBOARDING_STATUSES)[number];
export const ONBOARDING_STATUS_LABELS: Record<OnboardingStatus, string> = {
  not_started: "Not started",
  pending: "Pending: Stripe is checking your details",
  restricted: "Restricted: Stripe needs more information",
  ready: "Ready to receive card payments",
};

const paymentId = z.uuid("Unknown payment.");

export const markTransferSentSchema = z.object({
  paymentId,
  reference: z.string().trim().min(1, "Enter the reference of your transfer.").max(140, "Keep the reference to 140 characters."),
});
export type MarkTransferSentInput = z.infer<typeof markTransferSentSchema>;

export const confirmTransferSchema = z.object({
  paymentId,
  receivedOn: z.iso.date("Choose the day the transfer arrived."),
});
export type ConfirmTransferInput = z.infer<typeof confirmTransferSchema>;

export const startCardPaymentSchema = z.object({ paymentId });

/** IBAN: two letters, two check digits, up to 30 letters or digits; spaces are allowed and dropped. */
const iban = z
  .string()
  .trim()
  .transform((v) => v.replaceAll(" ", "").toUpperCase())
  .refine((v) => v === "" || /^[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}$/.test(v), "Enter an IBAN like DE89 3704 0044 0532 0130 00.");
const bic = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .refine((v) => v === "" || /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(v), "Enter a BIC of 8 or 11 letters and digits.");

export const bankDetailsSchema = z
  .object({
    accountHolder: z.string().trim().max(140, "Keep the name to 140 characters."),
    bankName: z.string().trim().max(140, "Keep the bank's name to 140 characters."),
    iban,
    bic,
    otherDetails: z.string().trim().max(500, "Keep other details to 500 characters."),
  })
  .superRefine((b, ctx) => {
    if (!b.accountHolder) ctx.addIssue({ code: "custom", path: ["accountHolder"], message: "Enter the account holder's name." });
    if (!b.iban && !b.otherDetails) ctx.addIssue({ code: "custom", path: ["iban"], message: "Enter an IBAN, or the account details under other details." });
  });
export type BankDetailsInput = z.infer<typeof bankDetailsSchema>;

export const paymentListSchema = z.object({ page: z.number().int().min(1).max(10_000).default(1) });
