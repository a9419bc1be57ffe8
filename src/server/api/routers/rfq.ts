import { z } from "zod";
import { acceptQuoteSchema, inviteWorkshopsSchema, RFQ_STATUSES, rfqFieldsSchema, rfqId } from "~/lib/rfq-schemas";
import { acceptQuote } from "../../services/quotes";
import { closeRfq, createRfq, extendDeadline, inviteWorkshops, linesWithNewerRevision, sendRfq, uninviteWorkshop, updateRfq, updateRfqLineRevision } from "../../services/rfqs";
import { compareQuotes, getBrandRfq, listRfqs, rfqDesignOptions } from "../../services/rfq-views";
import { brandProcedure, createTRPCRouter } from "../trpc";
import { acceptOutput, compareOutput } from "./rfq-output";

const isoDate = z.string("Choose a date.").regex(/^\d{4}-\d{2}-\d{2}$/, "Choose a date.");
const number = z.number("Unknown request for quote.").int().min(1, "Unknown request for quote.").max(2_147_483_647, "Unknown request for quote.");

/** Requests for quote, the brand's side: drafts, invitations, sending, the comparison and the award. */
export const rfqRouter = createTRPCRouter({
  list: brandProcedure("rfqs.view")
    .input(z.object({ status: z.enum(RFQ_STATUSES, "Unknown status.").nullish(), page: z.number().int().min(1).max(10_000).default(1) }))
    .query(({ ctx, input }) => listRfqs(ctx.db, ctx.org.id, input)),

  get: brandProcedure("rfqs.view")
    .input(z.object({ number }))
    .query(({ ctx, input }) => getBrandRfq(ctx.db, ctx.actor, input.number)),

  designOptions: brandProcedure("rfqs.manage").query(({ ctx }) => rfqDesignOptions(ctx.db, ctx.org.id)),

  create: brandProcedure("rfqs.manage")
    .input(rfqFieldsSchema)
    .mutation(async ({ ctx, input }) => {
      const rfq = await createRfq(ctx.db, ctx.actor, input);
      return { id: rfq.id, number: rfq.number };
    }),

  update: brandProcedure("rfqs.manage")
    .input(rfqFieldsSchema.extend({ rfqId }))
    .mutation(async ({ ctx, input }) => {
      const rfq = await updateRfq(ctx.db, ctx.actor, input);
      return { id: rfq.id, number: rfq.number };
    }),

  invite: brandProcedure("rfqs.manage")
    .input(inviteWorkshopsSchema)
    .mutation(({ ctx, input }) => inviteWorkshops(ctx.db, ctx.actor, input)),

  uninvite: brandProcedure("rfqs.manage")
    .input(z.object({ invitationId: z.uuid("Unknown invitation.") }))
    .mutation(({ ctx, input }) => uninviteWorkshop(ctx.db, ctx.actor, input)),

  send: brandProcedure("rfqs.manage")
    .input(z.object({ rfqId }))
    .mutation(async ({ ctx, input }) => ({ status: (await sendRfq(ctx.db, ctx.actor, input)).status })),

  extendDeadline: brandProcedure("rfqs.manage")
    .input(z.object({ rfqId, deadline: isoDate }))
    .mutation(async ({ ctx, input }) => ({ deadline: (await extendDeadline(ctx.db, ctx.actor, input)).deadline })),

  close: brandProcedure("rfqs.manage")
    .input(z.object({ rfqId }))
    .mutation(async ({ ctx, input }) => ({ status: (await closeRfq(ctx.db, ctx.actor, input)).status })),

  /** Lines of open or draft RFQs whose design has a newer approved revision (offered after approving one). */
  linesForDesign: brandProcedure("rfqs.view")
    .input(z.object({ designId: z.uuid("Unknown design.") }))
    .query(({ ctx, input }) => linesWithNewerRevision(ctx.db, ctx.org.id, input.designId)),

  updateLine: brandProcedure("rfqs.manage")
    .input(z.object({ lineId: z.uuid("Unknown line."), revisionId: z.uuid("Unknown revision.") }))
    .mutation(({ ctx, input }) => updateRfqLineRevision(ctx.db, ctx.actor, input)),

  compare: brandProcedure("rfqs.view")
    .input(z.object({ number }))
    .output(compareOutput)
    .query(({ ctx, input }) => compareQuotes(ctx.db, ctx.org.id, input.number)),

  accept: brandProcedure("rfqs.award")
    .input(acceptQuoteSchema)
    .output(acceptOutput)
    .mutation(async ({ ctx, input }) => {
      const order = await acceptQuote(ctx.db, ctx.actor, input);
      return { orderId: order.id, year: order.year, seq: order.seq };
    }),
});
