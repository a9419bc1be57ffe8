import { z } from "zod";
import { consentSchema } from "~/lib/preorder-schemas";
import { ARTISAN_CONSENT_STATES, PREORDER_CAMPAIGN_STATUSES } from "~/lib/preorder-vocabulary";
import { answerArtisansConsent, listWorkshopCampaigns } from "../../services/preorder-consent";
import { createTRPCRouter, workshopProcedure } from "../trpc";

const day = z.string();

/**
 * What a workshop is told about a campaign it makes: the brand's name, the design, the window, the
 * delivery, caps and units per size, the consent and its own artisans the page would show. The privacy
 * wall: these keys and no other leave the server (zod strips the rest), and none of them can carry a
 * customer's name or email — there is no reservation, no customer and no free text of the brand here.
 */
const workshopCampaignOutput = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(PREORDER_CAMPAIGN_STATUSES),
  brandName: z.string(),
  design: z.object({ name: z.string(), revisionNumber: z.number() }).nullable(),
  opensAt: z.date(),
  closesAt: z.date(),
  expectedDeliveryOn: day,
  forecastDeliveryOn: day.nullable(),
  totalCap: z.number(),
  heldUnits: z.number(),
  paidUnits: z.number(),
  sizes: z.array(z.object({ size: z.string(), cap: z.number().nullable(), heldUnits: z.number(), paidUnits: z.number() })),
  showArtisans: z.boolean(),
  artisansConsent: z.enum(ARTISAN_CONSENT_STATES),
  artisansConsentAt: z.date().nullable(),
  artisans: z.array(z.object({ name: z.string(), role: z.string() })),
});

const consent = workshopProcedure("preorders.consent");

/** The campaigns a workshop makes (quantities only, never a customer) and its consent to show its artisans. */
export const preorderWorkshopRouter = createTRPCRouter({
  list: consent
    .output(z.array(workshopCampaignOutput))
    .query(({ ctx }) => listWorkshopCampaigns(ctx.db, ctx.org.id)),
  answerConsent: consent
    .input(consentSchema)
    .output(z.object({ campaignId: z.string(), artisansConsent: z.enum(ARTISAN_CONSENT_STATES) }))
    .mutation(({ ctx, input }) => answerArtisansConsent(ctx.db, ctx.actor, input)),
});
