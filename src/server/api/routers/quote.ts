import { z } from "zod";
import { declineRfqSchema, invitationId, quoteVersionId, saveQuoteDraftSchema } from "~/lib/rfq-schemas";
import { declineInvitation, discardQuoteDraft, saveQuoteDraft, sendQuote, withdrawQuote } from "../../services/quotes";
import { getWorkshopRfq, workshopInbox } from "../../services/rfq-views";
import { createTRPCRouter, workshopProcedure } from "../trpc";
import { workshopRfqInboxOutput, workshopRfqOutput } from "./rfq-output";

/** Quotes, the workshop's side. Outputs are declared: nothing of another workshop, nor of the brand's own, leaves. */
export const quoteRouter = createTRPCRouter({
  inbox: workshopProcedure("quotes.view")
    .input(z.object({ page: z.number().int().min(1).max(10_000).default(1) }))
    .output(workshopRfqInboxOutput)
    .query(({ ctx, input }) => workshopInbox(ctx.db, ctx.actor, input)),

  rfq: workshopProcedure("quotes.view")
    .input(z.object({ invitationId }))
    .output(workshopRfqOutput)
    .query(({ ctx, input }) => getWorkshopRfq(ctx.db, ctx.actor, input.invitationId)),

  decline: workshopProcedure("quotes.draft")
    .input(declineRfqSchema)
    .output(z.object({ status: z.string() }))
    .mutation(async ({ ctx, input }) => ({ status: (await declineInvitation(ctx.db, ctx.actor, input)).status })),

  saveDraft: workshopProcedure("quotes.draft")
    .input(saveQuoteDraftSchema)
    .output(z.object({ id: z.uuid(), number: z.number() }))
    .mutation(async ({ ctx, input }) => {
      const v = await saveQuoteDraft(ctx.db, ctx.actor, input);
      return { id: v.id, number: v.number };
    }),

  discardDraft: workshopProcedure("quotes.draft")
    .input(z.object({ quoteVersionId }))
    .output(z.object({ discarded: z.number() }))
    .mutation(({ ctx, input }) => discardQuoteDraft(ctx.db, ctx.actor, input)),

  send: workshopProcedure("quotes.send")
    .input(z.object({ quoteVersionId }))
    .output(z.object({ status: z.string(), number: z.number() }))
    .mutation(async ({ ctx, input }) => {
      const v = await sendQuote(ctx.db, ctx.actor, input);
      return { status: v.status, number: v.number };
    }),

  withdraw: workshopProcedure("quotes.send")
    .input(z.object({ quoteVersionId }))
    .output(z.object({ status: z.string() }))
    .mutation(async ({ ctx, input }) => ({ status: (await withdrawQuote(ctx.db, ctx.actor, input)).status })),
});
