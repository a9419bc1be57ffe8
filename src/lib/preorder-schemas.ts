import "./zod-config";
import { z } from "zod";
import { moneyTextSchema } from "./sample-request-schemas";
import { PREORDER_PAYMENT_MODES, PREORDER_RESERVATION_STATUSES } from "./preorder-vocabulary";

/**
 * Input schemas of the brand's preorder campaigns (create, edit, publish, images, dashboard), shared by the
 * forms (client) and the `preorder.*` procedures (server). Rules that need the database (the revision's
 * size run, a unique slug, what is already reserved) are the service's, with the same field names.
 */

export const CAMPAIGN_TITLE_MAX = 120;
export const CAMPAIGN_STORY_MAX = 20_000;
export const CAMPAIGN_POLICY_MAX = 5_000;
export const CAMPAIGN_CAP_MAX = 100_000;
export const CAMPAIGN_IMAGES_MAX = 24;
export const IMAGE_CAPTION_MAX = 300;
export const EMAIL_SUBJECT_MAX = 150;
export const EMAIL_BODY_MAX = 10_000;
export const RESERVATIONS_PAGE_SIZE = 25;

const campaignId = z.uuid("Unknown campaign.");
const fileId = z.uuid("Unknown image.");

/** Part of the public address /p/<brand>/<slug>: lowercase letters, digits and single hyphens. */
export const campaignSlugSchema = z
  .string("Choose a web address.")
  .trim()
  .toLowerCase()
  .min(3, "Use at least 3 characters.")
  .max(60, "Use at most 60 characters.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens.");

/** A title as a web address: "Lune Signet — Spring" → "lune-signet-spring". */
export function slugify(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
}

const cap = (what: string) =>
  z.coerce
    .number(`Enter ${what}.`)
    .int(`Enter ${what} as a whole number of pieces.`)
    .min(1, `${what[0]!.toUpperCase()}${what.slice(1)} must be at least 1.`)
    .max(CAMPAIGN_CAP_MAX, `${what[0]!.toUpperCase()}${what.slice(1)} can be at most ${CAMPAIGN_CAP_MAX.toLocaleString("en")}.`);

/** A size the campaign offers ("" for a one-size piece), with its own cap or none (the total cap alone). */
export const campaignSizeSchema = z.object({
  size: z.string().trim().max(20, "Unknown size."),
  cap: cap("a size's cap").nullable(),
});

const isoDate = (what: string) => z.iso.date(`Choose ${what}.`);
const instant = (what: string) => z.coerce.date(`Choose ${what}.`).refine((d) => !Number.isNaN(d.getTime()), `Choose ${what}.`);

/** Everything a brand sets on a campaign; the price arrives as typed ("120.00 EUR"). */
export const campaignFieldsSchema = z.object({
  title: z.string("Enter a title.").trim().min(1, "Enter a title.").max(CAMPAIGN_TITLE_MAX, `Use at most ${CAMPAIGN_TITLE_MAX} characters.`),
  slug: campaignSlugSchema,
  story: z.string().trim().max(CAMPAIGN_STORY_MAX, `Keep the story to ${CAMPAIGN_STORY_MAX.toLocaleString("en")} characters.`),
  retailPrice: moneyTextSchema("retailPrice", "The retail price"),
  paymentMode: z.enum(PREORDER_PAYMENT_MODES, "Choose a deposit or full payment."),
  depositPercent: z.coerce.number("Enter the deposit in percent.").int("Enter a whole percent.").min(1, "The deposit is at least 1 %.").max(100, "The deposit is at most 100 %."),
  sizes: z.array(campaignSizeSchema).min(1, "Offer at least one size.").max(40, "Offer at most 40 sizes."),
  totalCap: cap("the total cap"),
  opensAt: instant("when the window opens"),
  closesAt: instant("when the window closes"),
  holdMinutes: z.coerce.number("Enter the hold in minutes.").int("Enter whole minutes.").min(5, "Hold a reservation for at least 5 minutes.").max(1440, "Hold a reservation for at most 1,440 minutes (a day)."),
  returnPolicy: z.string().trim().max(CAMPAIGN_POLICY_MAX, `Keep the return policy to ${CAMPAIGN_POLICY_MAX.toLocaleString("en")} characters.`),
  cancelWithinDays: z.coerce.number("Enter a number of days.").int("Enter whole days.").min(0, "Enter 0 or more days.").max(365, "Enter at most 365 days."),
  expectedDeliveryOn: isoDate("the expected delivery date"),
  workshopOrgId: z.uuid("Choose a workshop from the list.").nullable(),
  showArtisans: z.boolean(),
});
export type CampaignFieldsInput = z.input<typeof campaignFieldsSchema>;
export type CampaignFields = z.output<typeof campaignFieldsSchema>;

/** The rules between fields that need no database. */
function checkFields(v: Partial<CampaignFields>, ctx: z.RefinementCtx) {
  if (v.opensAt && v.closesAt && v.closesAt.getTime() <= v.opensAt.getTime()) {
    ctx.addIssue({ code: "custom", path: ["closesAt"], message: "The window closes after it opens." });
  }
  if (v.paymentMode === "full" && v.depositPercent !== undefined && v.depositPercent !== 100) {
    ctx.addIssue({ code: "custom", path: ["depositPercent"], message: "Full payment takes 100 % upfront." });
  }
  if (v.paymentMode === "deposit" && v.depositPercent === 100) {
    ctx.addIssue({ code: "custom", path: ["depositPercent"], message: "A deposit is less than 100 %; choose full payment instead." });
  }
  if (v.sizes) {
    const names = v.sizes.map((s) => s.size);
    if (new Set(names).size !== names.length) ctx.addIssue({ code: "custom", path: ["sizes"], message: "List each size once." });
    const over = v.totalCap !== undefined ? v.sizes.find((s) => s.cap !== null && s.cap > v.totalCap!) : undefined;
    if (over) ctx.addIssue({ code: "custom", path: ["sizes"], message: `The cap of size ${over.size || "one size"} is above the total cap.` });
  }
  if (v.expectedDeliveryOn && v.closesAt && v.expectedDeliveryOn <= v.closesAt.toISOString().slice(0, 10)) {
    ctx.addIssue({ code: "custom", path: ["expectedDeliveryOn"], message: "The expected delivery comes after the window closes." });
  }
}

export const createCampaignSchema = campaignFieldsSchema
  .extend({
    designRevisionId: z.uuid("Choose an approved design revision."),
    story: campaignFieldsSchema.shape.story.default(""),
    returnPolicy: campaignFieldsSchema.shape.returnPolicy.default(""),
    showArtisans: z.boolean().default(false),
  })
  .superRefine(checkFields);
export type CreateCampaignInput = z.output<typeof createCampaignSchema>;

/**
 * An edit: any subset of the fields. A draft takes them all; a published campaign only its story, return
 * policy (and longer cancel-within days), a later close, and caps no lower than what is held and paid —
 * the service refuses any other change, next to its field.
 */
export const updateCampaignSchema = campaignFieldsSchema
  .partial().extend({ campaignId }).superRefine(checkFields);
export type UpdateCampaignInput = z.output<typeof updateCampaignSchema>;

export const campaignRefSchema = z.object({ campaignId });
export const deleteCampaignSchema = z.object({ campaignId, confirm: z.literal(true, "Confirm to delete the draft.") });

export const addImageSchema = z.object({ campaignId, fileId, caption: z.string().trim().max(IMAGE_CAPTION_MAX, `Keep the caption to ${IMAGE_CAPTION_MAX} characters.`).default("") });
export const copySketchSchema = z.object({ campaignId, sourceFileId: z.uuid("Choose a sketch of the design.") });
export const reorderImagesSchema = z.object({ campaignId, fileIds: z.array(fileId).max(CAMPAIGN_IMAGES_MAX) });
export const captionImageSchema = z.object({ campaignId, fileId, caption: z.string().trim().max(IMAGE_CAPTION_MAX, `Keep the caption to ${IMAGE_CAPTION_MAX} characters.`) });
export const removeImageSchema = z.object({ campaignId, fileId, confirm: z.literal(true, "Confirm to remove the image.") });

export const reservationFiltersSchema = z.object({
  status: z.enum(PREORDER_RESERVATION_STATUSES, "Unknown status.").nullish(),
  size: z.string().max(20).nullish(),
  q: z.string().trim().max(200).default(""),
});
export type ReservationFilters = z.output<typeof reservationFiltersSchema>;
export const reservationListSchema = reservationFiltersSchema.extend({ campaignId, page: z.number().int().min(1).max(10_000).default(1) });

export const refundReservationSchema = z.object({
  campaignId,
  reservationId: z.uuid("Unknown reservation."),
  reason: z.string().trim().min(1, "Say why, for the customer's email.").max(1_000, "Keep the reason to 1,000 characters."),
  confirm: z.literal(true, "Confirm the refund."),
});

export const emailCustomersSchema = z.object({
  campaignId,
  subject: z.string("Enter a subject.").trim().min(1, "Enter a subject.").max(EMAIL_SUBJECT_MAX, `Keep the subject to ${EMAIL_SUBJECT_MAX} characters.`),
  body: z.string("Write the message.").trim().min(1, "Write the message.").max(EMAIL_BODY_MAX, `Keep the message to ${EMAIL_BODY_MAX.toLocaleString("en")} characters.`),
  confirm: z.literal(true, "Confirm to send."),
});

export const consentSchema = z.object({ campaignId, answer: z.enum(["granted", "declined"], "Grant or decline.") });

/** "33 %" from 1 paid reservation in 3 page views; "—" with no views yet. */
export function conversionLabel(paid: number, views: number): string {
  if (views <= 0) return "—";
  return `${Math.round((paid * 100) / views)} %`;
}
