import { z } from "zod";

/**
 * What a cancelled order refunds: the one rule, for the service, the pages and the tests.
 *
 * - Before production started (no step after "deposit received" was started or done): nothing was made,
 *   so every payment received is refunded in full, and Bezel returns its platform fee with it.
 * - After production started: the deposit paid for work already done (metal bought, stones sourced, CAD,
 *   casting). The workshop decides how much of the deposit it refunds, from nothing up to all of it; Bezel
 *   keeps its fee on the deposit. A balance paid before shipping is refunded in full (nothing was shipped:
 *   a shipped order is not cancelled), with Bezel's fee.
 *
 * The workshop refunds (it received the money): its owners and admins (`payments.refund`). A card payment
 * is refunded through Stripe, reversing the transfer to the workshop; a bank transfer is refunded by the
 * workshop's own transfer, which it records with its reference.
 */
export type RefundRule = {
  /** "full": the whole amount still held is refunded; "workshop_decides": any amount up to it. */
  mode: "full" | "workshop_decides";
  /** What is still held (paid less refunded), the most that may be refunded. */
  maxMinor: number;
  /** The least the workshop may refund in one go. */
  minMinor: number;
  /** Whether Bezel's application fee is refunded too (card payments). */
  refundApplicationFee: boolean;
  /** The rule in words, for the page. */
  explanation: string;
};

export function refundRuleFor(input: { kind: "deposit" | "balance" | "sample_fee"; productionStarted: boolean; amountMinor: number; refundedMinor: number }): RefundRule {
  const held = Math.max(0, input.amountMinor - input.refundedMinor);
  if (input.kind === "deposit" && input.productionStarted) {
    return {
      mode: "workshop_decides",
      maxMinor: held,
      minMinor: held > 0 ? 1 : 0,
      refundApplicationFee: false,
      explanation: "Production had started: the workshop decides how much of the deposit it refunds for the work already done.",
    };
  }
  return {
    mode: "full",
    maxMinor: held,
    minMinor: held,
    refundApplicationFee: true,
    explanation: input.productionStarted ? "Nothing was shipped: a balance paid is refunded in full." : "Production had not started: everything paid is refunded in full.",
  };
}

/** Milestones that count as production started once in progress, waiting, blocked or done (every step but the deposit). */
export const productionStartedFrom = (milestones: readonly { key: string | null; status: string }[]) => milestones.some((m) => m.key !== "deposit_received" && m.status !== "pending");

export const refundPaymentSchema = z.object({
  paymentId: z.uuid("Unknown payment."),
  amountMinor: z.number({ error: "Enter the amount to refund." }).int("Enter the amount in whole minor units.").positive("Enter an amount above zero.").max(Number.MAX_SAFE_INTEGER, "That amount is too large."),
  /** A bank transfer's refund: the reference of the workshop's transfer back. Ignored for card payments. */
  reference: z.string().trim().max(140, "Keep the reference to 140 characters.").default(""),
});
export type RefundPaymentInput = z.infer<typeof refundPaymentSchema>;
