import "./zod-config";
import { z } from "zod";
import { PREORDER_BALANCE_STATUSES, PREORDER_PAYMENT_MODES, PREORDER_RESERVATION_STATUSES } from "./preorder-vocabulary";
import { emailSchema, personNameSchema } from "./schemas";

/**
 * What a customer sends and receives on a campaign's public page and their reservation page. Shared by the
 * form (client) and the procedures (server), so both give the same messages next to the same fields.
 */

/** The most units one reservation takes; the campaign's cap and what is left may allow fewer. */
export const MAX_UNITS_PER_RESERVATION = 10;

const slug = z.string().trim().min(1).max(120);

export const campaignAddressSchema = z.object({ brandSlug: slug, campaignSlug: slug });

/** The secret of a reservation page's link: 32 random bytes, base64url. */
export const reservationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "That link is not a reservation link.");

export const reserveInputSchema = campaignAddressSchema.extend({
  name: personNameSchema,
  email: emailSchema,
  size: z.string().max(40),
  quantity: z.coerce
    .number("Choose how many.")
    .int("Choose a whole number.")
    .min(1, "Reserve at least one.")
    .max(MAX_UNITS_PER_RESERVATION, `Reserve at most ${MAX_UNITS_PER_RESERVATION} at once.`),
  /**
   * The honeypot: a field people never see (hidden from sight and from screen readers). A bot that fills
   * every field fills it, and gets a refusal that looks like any other.
   */
  website: z.string().max(500).optional().default(""),
});
export type ReserveInput = z.input<typeof reserveInputSchema>;

export const reserveOutputSchema = z.object({ reference: z.string(), reservationPath: z.string(), checkoutUrl: z.string() });

export const windowStateSchema = z.enum(["upcoming", "open", "ended"]);
export type WindowState = z.infer<typeof windowStateSchema>;

export const publicCampaignSchema = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  story: z.string(),
  brand: z.object({ name: z.string(), slug: z.string() }),
  status: z.enum(["published", "cancelled", "completed"]),
  window: windowStateSchema,
  opensAt: z.date(),
  closesAt: z.date(),
  currency: z.string(),
  retailPriceMinor: z.number(),
  paymentMode: z.enum(PREORDER_PAYMENT_MODES),
  depositPercent: z.number(),
  /** What one unit's reservation charges now (the deposit, or the price). */
  unitDueMinor: z.number(),
  totalCap: z.number(),
  left: z.number(),
  sizes: z.array(z.object({ size: z.string(), cap: z.number().nullable(), left: z.number() })),
  holdMinutes: z.number(),
  returnPolicy: z.string(),
  cancelWithinDays: z.number(),
  deliveryOn: z.string(),
  /** True when the date is the linked order's live forecast, not the brand's first estimate. */
  deliveryIsForecast: z.boolean(),
  images: z.array(z.object({ fileId: z.string(), kind: z.enum(["image", "sketch", "progress"]), caption: z.string(), width: z.number().nullable(), height: z.number().nullable() })),
  artisans: z.array(z.object({ name: z.string(), role: z.string(), bio: z.string(), workshopName: z.string() })),
  /** False while the brand cannot take card payments (no Stripe here, or its payout account is not ready). */
  payable: z.boolean(),
});
export type PublicCampaign = z.infer<typeof publicCampaignSchema>;

export const publicReservationSchema = z.object({
  reference: z.string(),
  status: z.enum(PREORDER_RESERVATION_STATUSES),
  size: z.string(),
  quantity: z.number(),
  currency: z.string(),
  totalMinor: z.number(),
  amountDueMinor: z.number(),
  balanceMinor: z.number(),
  balanceStatus: z.enum(PREORDER_BALANCE_STATUSES),
  paidMinor: z.number(),
  refundedMinor: z.number(),
  refundPendingMinor: z.number(),
  paidAt: z.date().nullable(),
  holdExpiresAt: z.date(),
  cancelledAt: z.date().nullable(),
  createdAt: z.date(),
  /** Whether the customer may cancel now, and if not, why not (in words). */
  canCancel: z.boolean(),
  cancelRule: z.string(),
  canPay: z.boolean(),
  canPayBalance: z.boolean(),
  campaign: z.object({ title: z.string(), slug: z.string(), brandSlug: z.string(), brandName: z.string(), deliveryOn: z.string(), deliveryIsForecast: z.boolean(), returnPolicy: z.string(), status: z.string() }),
});
export type PublicReservation = z.infer<typeof publicReservationSchema>;
