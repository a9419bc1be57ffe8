import { z } from "zod";
import {
  addImageSchema,
  campaignRefSchema,
  captionImageSchema,
  copySketchSchema,
  createCampaignSchema,
  deleteCampaignSchema,
  removeImageSchema,
  reorderImagesSchema,
  updateCampaignSchema,
} from "~/lib/preorder-schemas";
import { ARTISAN_CONSENT_STATES, PREORDER_CAMPAIGN_STATUSES, PREORDER_IMAGE_KINDS, PREORDER_PAYMENT_MODES } from "~/lib/preorder-vocabulary";
import { addCampaignImage, campaignSketches, captionCampaignImage, copySketchToCampaign, removeCampaignImage, reorderCampaignImages } from "../../services/preorder-campaign-images";
import { getCampaign } from "../../services/preorder-campaign-views";
import { campaignFormOptions, createCampaign, deleteCampaign, FROZEN_WHEN_PUBLISHED, listCampaigns, publicCampaignPath, publishCampaign, updateCampaign } from "../../services/preorder-campaigns";
import { brandProcedure, createTRPCRouter } from "../trpc";

export const CAMPAIGNS_PAGE_SIZE = 20;

const day = z.string();
const status = z.enum(PREORDER_CAMPAIGN_STATUSES);
const consent = z.enum(ARTISAN_CONSENT_STATES);
const money = z.object({ amountMinor: z.number(), currency: z.string() });

const imageOutput = z.object({
  fileId: z.string(),
  kind: z.enum(PREORDER_IMAGE_KINDS),
  caption: z.string(),
  position: z.number(),
  name: z.string(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  url: z.string(),
  thumbUrl: z.string(),
});
const imagesOutput = z.array(imageOutput);
const sketchesOutput = z.array(z.object({ fileId: z.string(), kind: z.string(), name: z.string(), thumbUrl: z.string() }));
const workshopsOutput = z.array(z.object({ id: z.string(), name: z.string() }));

/** The brand's campaigns: counts of what is reserved, never who reserved. */
const listOutput = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      slug: z.string(),
      status,
      opensAt: z.date(),
      closesAt: z.date(),
      totalCap: z.number(),
      heldUnits: z.number(),
      paidUnits: z.number(),
      reserved: z.number(),
      price: z.string(),
      designName: z.string(),
      sku: z.string(),
      publicPath: z.string(),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

const formOptionsOutput = z.object({
  revisions: z.array(z.object({ id: z.string(), number: z.number(), designName: z.string(), sku: z.string(), sizes: z.array(z.string()) })),
  workshops: workshopsOutput,
  currency: z.string(),
  payoutsReady: z.boolean(),
});

/** One campaign as its brand edits it: its fields, sizes with counts held and paid, images, and what publishing froze. */
const campaignOutput = z.object({
  id: z.string(),
  status,
  title: z.string(),
  slug: z.string(),
  story: z.string(),
  retailPrice: money,
  retailPriceText: z.string(),
  paymentMode: z.enum(PREORDER_PAYMENT_MODES),
  depositPercent: z.number(),
  totalCap: z.number(),
  heldUnits: z.number(),
  paidUnits: z.number(),
  opensAt: z.date(),
  closesAt: z.date(),
  holdMinutes: z.number(),
  returnPolicy: z.string(),
  cancelWithinDays: z.number(),
  expectedDeliveryOn: day,
  forecastDeliveryOn: day.nullable(),
  workshop: z.object({ id: z.string(), name: z.string() }).nullable(),
  showArtisans: z.boolean(),
  artisansConsent: consent,
  publishedAt: z.date().nullable(),
  orderId: z.string().nullable(),
  rfqId: z.string().nullable(),
  publicUrl: z.string(),
  publicPath: z.string(),
  design: z.object({ id: z.string(), revisionId: z.string(), name: z.string(), sku: z.string(), revisionNumber: z.number(), sizes: z.array(z.string()) }),
  sizes: z.array(z.object({ size: z.string(), cap: z.number().nullable(), heldUnits: z.number(), paidUnits: z.number() })),
  images: imagesOutput,
  sketches: sketchesOutput,
  workshops: workshopsOutput,
  payoutsReady: z.boolean(),
  /** The fields publishing froze, each with the words of the refusal ("The price"); empty for a draft. */
  locked: z.record(z.string(), z.string()),
});

const savedOutput = z.object({ id: z.string(), title: z.string(), slug: z.string(), status, artisansConsent: consent });

const view = brandProcedure("preorders.view");
const manage = brandProcedure("preorders.manage");

const saved = (c: z.input<typeof savedOutput>) => ({ id: c.id, title: c.title, slug: c.slug, status: c.status, artisansConsent: c.artisansConsent });

/** The brand's preorder campaigns: list, details, publishing and images. */
export const preorderRouter = createTRPCRouter({
  list: view
    .input(z.object({ page: z.number().int().min(1).max(10_000).default(1) }))
    .output(listOutput)
    .query(async ({ ctx, input }) => {
      const all = await listCampaigns(ctx.db, ctx.org.id);
      const start = (input.page - 1) * CAMPAIGNS_PAGE_SIZE;
      return {
        items: all.slice(start, start + CAMPAIGNS_PAGE_SIZE).map((c) => ({ ...c, publicPath: publicCampaignPath(ctx.org.slug, c.slug) })),
        total: all.length,
        page: input.page,
        pageSize: CAMPAIGNS_PAGE_SIZE,
      };
    }),
  formOptions: view
    .output(formOptionsOutput)
    .query(({ ctx }) => campaignFormOptions(ctx.db, ctx.org.id)),
  get: view
    .input(campaignRefSchema)
    .output(campaignOutput)
    .query(async ({ ctx, input }) => {
      const c = await getCampaign(ctx.db, ctx.org.id, input.campaignId);
      return { ...c, locked: c.status === "draft" ? {} : { ...FROZEN_WHEN_PUBLISHED } };
    }),
  create: manage
    .input(createCampaignSchema)
    .output(savedOutput)
    .mutation(async ({ ctx, input }) => saved(await createCampaign(ctx.db, ctx.actor, input))),
  update: manage
    .input(updateCampaignSchema)
    .output(savedOutput)
    .mutation(async ({ ctx, input }) => saved(await updateCampaign(ctx.db, ctx.actor, input))),
  publish: manage
    .input(campaignRefSchema)
    .output(z.object({ id: z.string(), status, publishedAt: z.date().nullable(), publicUrl: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const c = await publishCampaign(ctx.db, ctx.actor, input);
      return { id: c.id, status: c.status, publishedAt: c.publishedAt, publicUrl: c.publicUrl };
    }),
  delete: manage
    .input(deleteCampaignSchema)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => deleteCampaign(ctx.db, ctx.actor, input)),
  sketches: view
    .input(campaignRefSchema)
    .output(sketchesOutput)
    .query(({ ctx, input }) => campaignSketches(ctx.db, ctx.org.id, input.campaignId)),
  addImage: manage
    .input(addImageSchema)
    .output(imagesOutput)
    .mutation(({ ctx, input }) => addCampaignImage(ctx.db, ctx.actor, input)),
  copySketch: manage
    .input(copySketchSchema)
    .output(imagesOutput)
    .mutation(({ ctx, input }) => copySketchToCampaign(ctx.db, ctx.actor, input)),
  reorderImages: manage
    .input(reorderImagesSchema)
    .output(imagesOutput)
    .mutation(({ ctx, input }) => reorderCampaignImages(ctx.db, ctx.actor, input)),
  captionImage: manage
    .input(captionImageSchema)
    .output(imagesOutput)
    .mutation(({ ctx, input }) => captionCampaignImage(ctx.db, ctx.actor, input)),
  removeImage: manage
    .input(removeImageSchema)
    .output(imagesOutput)
    .mutation(({ ctx, input }) => removeCampaignImage(ctx.db, ctx.actor, input)),
});
