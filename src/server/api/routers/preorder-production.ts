import { z } from "zod";
import { PREORDER_CAMPAIGN_STATUSES } from "~/lib/preorder-vocabulary";
import { listProgressPhotos, publishProgressPhoto, unpublishProgressPhoto } from "../../services/preorder-production-photos";
import { cancelCampaign, createRfqFromTotals, extendWindow, getCampaignProduction, linkOptions, linkOrder, linkQuote, placeOrderFromTotals, retryRefunds } from "../../services/preorder-production";
import { brandProcedure, createTRPCRouter } from "../trpc";

const campaignInput = z.object({ campaignId: z.uuid("Unknown campaign.") });
const day = z.string();

const progressOutput = z.object({
  paidUnits: z.number(),
  minimum: z.number(),
  moqMet: z.boolean(),
  moqShortBy: z.number(),
  currentTier: z.object({ minQuantity: z.number(), unitPriceMinor: z.number() }).nullable(),
  nextTier: z.object({ minQuantity: z.number(), unitPriceMinor: z.number(), shortBy: z.number() }).nullable(),
  moqLabel: z.string(),
  tierLabel: z.string(),
  percent: z.number(),
});

/** What leaves the server about a campaign's production: quantities and links, never a customer. */
const productionOutput = z.object({
  campaign: z.object({
    id: z.string(),
    title: z.string(),
    status: z.enum(PREORDER_CAMPAIGN_STATUSES),
    currency: z.string(),
    opensAt: z.date(),
    closesAt: z.date(),
    windowClosed: z.boolean(),
    totalCap: z.number(),
    paidUnits: z.number(),
    heldUnits: z.number(),
    expectedDeliveryOn: day,
    forecastDeliveryOn: day.nullable(),
    announcedDeliveryOn: day.nullable(),
    notifyAfterBusinessDays: z.number(),
    cancelReason: z.string(),
    cancelledAt: z.date().nullable(),
    design: z.string(),
  }),
  sizes: z.array(z.object({ size: z.string(), label: z.string(), paidUnits: z.number(), heldUnits: z.number() })),
  quote: z.object({ quoteVersionId: z.string(), label: z.string(), status: z.string(), currency: z.string(), progress: progressOutput.nullable() }).nullable(),
  order: z.object({ orderId: z.string(), label: z.string(), status: z.string(), forecastDeliveryDate: day.nullable(), shippedOn: day.nullable() }).nullable(),
  rfq: z.object({ rfqId: z.string(), number: z.number(), label: z.string(), status: z.string() }).nullable(),
  refundsLeft: z.number(),
  actions: z.object({ link: z.boolean(), createRfq: z.boolean(), placeOrder: z.boolean(), extend: z.boolean(), cancel: z.boolean(), retryRefunds: z.boolean(), photos: z.boolean() }),
});

const linkOptionsOutput = z.object({
  quotes: z.array(z.object({ quoteVersionId: z.string(), label: z.string(), status: z.string() })),
  orders: z.array(z.object({ orderId: z.string(), label: z.string() })),
});

const refundTally = z.object({ campaignId: z.string(), refunded: z.number(), pending: z.number(), cancelled: z.number(), failed: z.number(), left: z.number() });

const photosOutput = z.array(
  z.object({
    milestonePhotoFileId: z.string(),
    name: z.string(),
    milestone: z.string(),
    happenedOn: day,
    note: z.string(),
    thumbUrl: z.string(),
    published: z.object({ fileId: z.string(), caption: z.string() }).nullable(),
  }),
);

const view = brandProcedure("preorders.view");
const manage = brandProcedure("preorders.manage");

/** A preorder campaign's way into production (the brand's): progress, links, totals to an RFQ or an order, extend, cancel, progress photos. */
export const preorderProductionRouter = createTRPCRouter({
  get: view
    .input(campaignInput)
    .output(productionOutput)
    .query(({ ctx, input }) => getCampaignProduction(ctx.db, ctx.org.id, input.campaignId)),
  linkOptions: view
    .input(campaignInput)
    .output(linkOptionsOutput)
    .query(({ ctx, input }) => linkOptions(ctx.db, ctx.org.id, input.campaignId)),
  linkQuote: manage
    .input(campaignInput.extend({ quoteVersionId: z.uuid("Choose a quote.") }))
    .output(z.object({ campaignId: z.string(), quoteVersionId: z.string() }))
    .mutation(({ ctx, input }) => linkQuote(ctx.db, ctx.actor, input)),
  linkOrder: manage
    .input(campaignInput.extend({ orderId: z.uuid("Choose an order.") }))
    .output(z.object({ campaignId: z.string(), orderId: z.string() }))
    .mutation(({ ctx, input }) => linkOrder(ctx.db, ctx.actor, input)),
  createRfq: manage
    .input(campaignInput)
    .output(z.object({ campaignId: z.string(), rfqId: z.string(), number: z.number(), label: z.string() }))
    .mutation(({ ctx, input }) => createRfqFromTotals(ctx.db, ctx.actor, input)),
  placeOrder: manage
    .input(campaignInput)
    .output(z.object({ campaignId: z.string(), orderId: z.string(), label: z.string() }))
    .mutation(({ ctx, input }) => placeOrderFromTotals(ctx.db, ctx.actor, input)),
  extendWindow: manage
    .input(campaignInput.extend({ closesAt: z.coerce.date("Choose when the window closes.") }))
    .output(z.object({ campaignId: z.string(), closesAt: z.date() }))
    .mutation(({ ctx, input }) => extendWindow(ctx.db, ctx.actor, input)),
  cancel: manage
    .input(campaignInput.extend({ reason: z.string().trim().min(1, "Say why the campaign is cancelled: customers read it.").max(1_000, "Keep the reason to 1,000 characters.") }))
    .output(refundTally)
    .mutation(({ ctx, input }) => cancelCampaign(ctx.db, ctx.actor, input)),
  retryRefunds: manage
    .input(campaignInput)
    .output(refundTally)
    .mutation(({ ctx, input }) => retryRefunds(ctx.db, ctx.actor, input)),
  photos: view
    .input(campaignInput)
    .output(photosOutput)
    .query(({ ctx, input }) => listProgressPhotos(ctx.db, ctx.org.id, input.campaignId)),
  publishPhoto: manage
    .input(campaignInput.extend({ milestonePhotoFileId: z.uuid("Choose a photo."), caption: z.string().trim().max(200, "Keep the caption to 200 characters.").default("") }))
    .output(z.object({ campaignId: z.string(), fileId: z.string(), milestonePhotoFileId: z.string() }))
    .mutation(({ ctx, input }) => publishProgressPhoto(ctx.db, ctx.actor, input)),
  unpublishPhoto: manage
    .input(campaignInput.extend({ fileId: z.uuid("Choose a photo.") }))
    .output(z.object({ campaignId: z.string(), fileId: z.string() }))
    .mutation(({ ctx, input }) => unpublishProgressPhoto(ctx.db, ctx.actor, input)),
});
