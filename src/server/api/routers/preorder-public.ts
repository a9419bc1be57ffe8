import { z } from "zod";
import { campaignAddressSchema, publicCampaignSchema, publicReservationSchema, reservationTokenSchema, reserveInputSchema, reserveOutputSchema } from "~/lib/preorder-public-schemas";
import { countCampaignView, readPublicCampaign, readReservation } from "../../services/preorder-public";
import { cancelByCustomer, createBalanceCheckout, payAgain, reservationByToken, reservationLink, reservationNotFound, reserve } from "../../services/preorder-reservations";
import { createTRPCRouter, publicProcedure } from "../trpc";

const tokenInput = z.object({ token: reservationTokenSchema });

/**
 * A preorder's customers, who have no account: the campaign's public page, reserving, and their own
 * reservation by the secret of its link. The brand comes from the campaign found by its address; a token
 * that names no reservation is NOT_FOUND. Outputs are declared: counts, never another customer.
 */
export const preorderPublicRouter = createTRPCRouter({
  campaign: publicProcedure
    .input(campaignAddressSchema)
    .output(publicCampaignSchema)
    .query(({ ctx, input }) => readPublicCampaign(ctx.db, input.brandSlug, input.campaignSlug)),

  /** Counted from the page in the browser, so a cached copy of the page still counts its views. */
  viewed: publicProcedure
    .input(z.object({ campaignId: z.uuid() }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await countCampaignView(ctx.db, input.campaignId);
      return { ok: true as const };
    }),

  reserve: publicProcedure
    .input(reserveInputSchema)
    .output(reserveOutputSchema)
    .mutation(async ({ ctx, input }) => {
      const r = await reserve(ctx.db, input, { ip: ctx.ip });
      return { reference: r.reference, reservationPath: r.reservationPath, checkoutUrl: r.checkoutUrl };
    }),

  reservation: publicProcedure
    .input(tokenInput)
    .output(publicReservationSchema)
    .query(({ ctx, input }) => readReservation(ctx.db, input.token)),

  payAgain: publicProcedure
    .input(tokenInput)
    .output(z.object({ checkoutUrl: z.string() }))
    .mutation(({ ctx, input }) => payAgain(ctx.db, input.token)),

  payBalance: publicProcedure
    .input(tokenInput)
    .output(z.object({ checkoutUrl: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const found = await reservationByToken(ctx.db, input.token);
      if (!found) throw reservationNotFound();
      const r = await readReservation(ctx.db, input.token);
      const { url } = await createBalanceCheckout(ctx.db, found.reservationId, { returnUrl: reservationLink(input.token, { brandSlug: r.campaign.brandSlug, slug: r.campaign.slug }) });
      return { checkoutUrl: url };
    }),

  cancel: publicProcedure
    .input(tokenInput)
    .output(z.object({ status: z.enum(["refunded", "refund_pending", "cancelled"]) }))
    .mutation(({ ctx, input }) => cancelByCustomer(ctx.db, input.token)),
});
