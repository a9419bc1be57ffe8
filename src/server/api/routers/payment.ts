import { z } from "zod";
import { bankDetailsSchema, confirmTransferSchema, markTransferSentSchema, ONBOARDING_STATUSES, PAYMENT_KINDS, PAYMENT_METHODS, PAYMENT_STATUSES, paymentListSchema, startCardPaymentSchema } from "~/lib/payment-schemas";
import { refundPaymentSchema } from "~/lib/refunds";
import { PAYMENT_TERMS } from "~/lib/rfq-schemas";
import { refundPayment } from "../../services/payment-refunds";
import { confirmTransferReceived, markTransferSent, startCardPayment } from "../../services/payments";
import { exportPaymentsCsv, getOrderPayments, getSamplePayments, listPayments } from "../../services/payment-views";
import { getPayoutSettings, saveBankDetails, startOnboarding } from "../../services/payouts";
import { brandProcedure, createTRPCRouter, orgProcedure, workshopProcedure } from "../trpc";

const orderInput = z.object({ orderId: z.uuid("Unknown order.") });
const day = z.string();
const side = z.enum(["brand", "workshop"]);
const status = z.enum(PAYMENT_STATUSES);
const kind = z.enum(PAYMENT_KINDS);
const method = z.enum(PAYMENT_METHODS).nullable();
const bank = z.object({ accountHolder: z.string(), bankName: z.string(), iban: z.string(), bic: z.string(), otherDetails: z.string() });

/** What leaves the server about a payment: the same for both parties (no Stripe ids, no card details). */
const paymentOutput = z.object({
  id: z.string(),
  kind,
  amountMinor: z.number(),
  currency: z.string(),
  dueOn: day.nullable(),
  dueMilestone: z.string(),
  status,
  method,
  transferReference: z.string(),
  transferSentAt: z.date().nullable(),
  platformFeeMinor: z.number(),
  refundedMinor: z.number(),
  failureMessage: z.string(),
  paidOn: day.nullable(),
  refundPendingMinor: z.number(),
  refundReference: z.string(),
  refundedOn: day.nullable(),
  refund: z.object({ mode: z.enum(["full", "workshop_decides"]), minMinor: z.number(), maxMinor: z.number(), explanation: z.string() }).nullable(),
  actions: z.array(z.enum(["pay_card", "mark_sent", "confirm_received", "refund"])),
});
const orderPaymentsOutput = z.object({
  orderId: z.string(),
  side,
  card: z.object({ configured: z.boolean(), ready: z.boolean() }),
  paymentTerms: z.enum(PAYMENT_TERMS),
  cancelled: z.boolean(),
  bank: bank.nullable(),
  payments: z.array(paymentOutput),
});
const samplePaymentsOutput = z.object({ sampleRequestId: z.string(), side, card: z.object({ configured: z.boolean(), ready: z.boolean() }), bank: bank.nullable(), payments: z.array(paymentOutput) });
const sampleInput = z.object({ sampleRequestId: z.uuid("Unknown sample request.") });
const listItem = z.object({
      id: z.string(),
      orderId: z.string().nullable(),
      subject: z.string(),
      counterparty: z.string(),
      kind,
      amountMinor: z.number(),
      currency: z.string(),
      status,
      method,
      dueOn: day.nullable(),
      paidOn: day.nullable(),
      refundedMinor: z.number(),
      platformFeeMinor: z.number(),
});
const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });
const listOutput = listOf(listItem);
// The platform's fee is the workshop's business: the brand's list does not carry it.
const brandListOutput = listOf(listItem.omit({ platformFeeMinor: true }));
const csvOutput = z.object({ filename: z.string(), csv: z.string() });
const payoutOutput = z.object({ cardConfigured: z.boolean(), connected: z.boolean(), status: z.enum(ONBOARDING_STATUSES), requirements: z.array(z.string()), bank });

const brandView = brandProcedure("payments.view");
const brandPay = brandProcedure("payments.pay");
const workshopView = workshopProcedure("payments.view");

/** Payments of orders and samples, both sides; the workshop's payout settings. */
export const paymentRouter = createTRPCRouter({
  // Brand side ------------------------------------------------------------------------------------------
  brandOrder: brandView.input(orderInput).output(orderPaymentsOutput).query(({ ctx, input }) => getOrderPayments(ctx.db, ctx.org.id, "brand", input.orderId)),
  brandSample: brandView.input(sampleInput).output(samplePaymentsOutput).query(({ ctx, input }) => getSamplePayments(ctx.db, ctx.org.id, "brand", input.sampleRequestId)),
  brandList: brandView.input(paymentListSchema).output(brandListOutput).query(({ ctx, input }) => listPayments(ctx.db, ctx.org.id, "brand", input.page)),
  brandExport: brandView.output(csvOutput).query(({ ctx }) => exportPaymentsCsv(ctx.db, ctx.org.id, "brand")),
  markTransferSent: brandPay
    .input(markTransferSentSchema)
    .output(z.object({ id: z.string(), status }))
    .mutation(async ({ ctx, input }) => {
      const p = await markTransferSent(ctx.db, ctx.actor, input);
      return { id: p.id, status: p.status };
    }),
  startCardPayment: brandPay
    .input(startCardPaymentSchema)
    .output(z.object({ url: z.string() }))
    .mutation(({ ctx, input }) => startCardPayment(ctx.db, ctx.actor, input)),
  // Workshop side ---------------------------------------------------------------------------------------
  workshopOrder: workshopView.input(orderInput).output(orderPaymentsOutput).query(({ ctx, input }) => getOrderPayments(ctx.db, ctx.org.id, "workshop", input.orderId)),
  workshopSample: workshopView.input(sampleInput).output(samplePaymentsOutput).query(({ ctx, input }) => getSamplePayments(ctx.db, ctx.org.id, "workshop", input.sampleRequestId)),
  workshopList: workshopView.input(paymentListSchema).output(listOutput).query(({ ctx, input }) => listPayments(ctx.db, ctx.org.id, "workshop", input.page)),
  workshopExport: workshopView.output(csvOutput).query(({ ctx }) => exportPaymentsCsv(ctx.db, ctx.org.id, "workshop")),
  confirmTransfer: workshopProcedure("payments.record")
    .input(confirmTransferSchema)
    .output(z.object({ id: z.string(), status, paidOn: day.nullable() }))
    .mutation(async ({ ctx, input }) => {
      const p = await confirmTransferReceived(ctx.db, ctx.actor, input);
      return { id: p.id, status: p.status, paidOn: p.paidOn };
    }),
  refund: workshopProcedure("payments.refund")
    .input(refundPaymentSchema)
    .output(z.object({ id: z.string(), status, refundedMinor: z.number(), refundPendingMinor: z.number(), refund: z.enum(["recorded", "processing", "failed"]), message: z.string() }))
    .mutation(({ ctx, input }) => refundPayment(ctx.db, ctx.actor, input)),
  // Both sides: a workshop is paid by brands, a brand by the customers of its preorder campaigns.
  payoutSettings: orgProcedure("payouts.view").output(payoutOutput).query(({ ctx }) => getPayoutSettings(ctx.db, ctx.org.id)),
  startOnboarding: orgProcedure("payouts.manage")
    .output(z.object({ url: z.string() }))
    .mutation(({ ctx }) => startOnboarding(ctx.db, ctx.actor)),
  saveBankDetails: workshopProcedure("payouts.manage")
    .input(bankDetailsSchema)
    .output(bank)
    .mutation(({ ctx, input }) => saveBankDetails(ctx.db, ctx.actor, input)),
});
