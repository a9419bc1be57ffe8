/**
 * Vocabularies of preorder campaigns, shared by the schema, the services and the pages.
 *
 * A campaign is a brand's page selling one approved design revision ahead to its own customers. Its
 * status is the brand's decision; whether its window is upcoming, open or ended follows from the clock
 * (`opensAt`, `closesAt`) while it is published.
 */

export const PREORDER_CAMPAIGN_STATUSES = ["draft", "published", "cancelled", "completed"] as const;
export type PreorderCampaignStatus = (typeof PREORDER_CAMPAIGN_STATUSES)[number];
export const PREORDER_CAMPAIGN_STATUS_LABELS: Record<PreorderCampaignStatus, string> = {
  draft: "Draft",
  published: "Published",
  cancelled: "Cancelled",
  completed: "Completed",
};

/** What a customer pays when reserving: a deposit (a percent of the price) or the whole price. */
export const PREORDER_PAYMENT_MODES = ["deposit", "full"] as const;
export type PreorderPaymentMode = (typeof PREORDER_PAYMENT_MODES)[number];

/**
 * A reservation: `held` while its Checkout is open (its units are counted until `holdExpiresAt`),
 * `paid` once Stripe says so (its units are kept), `expired` when the hold ran out unpaid (units freed),
 * `cancelled` by the customer or the brand before payment, `refunded` after a paid one was given back.
 */
export const PREORDER_RESERVATION_STATUSES = ["held", "paid", "expired", "cancelled", "refunded"] as const;
export type PreorderReservationStatus = (typeof PREORDER_RESERVATION_STATUSES)[number];
export const PREORDER_RESERVATION_STATUS_LABELS: Record<PreorderReservationStatus, string> = {
  held: "Awaiting payment",
  paid: "Paid",
  expired: "Expired",
  cancelled: "Cancelled",
  refunded: "Refunded",
};

/** The balance of a deposit reservation: not due until the piece is about to ship. */
export const PREORDER_BALANCE_STATUSES = ["none", "not_due", "due", "paid"] as const;
export type PreorderBalanceStatus = (typeof PREORDER_BALANCE_STATUSES)[number];

/** The workshop's consent to show its artisans on a brand's campaign page. */
export const ARTISAN_CONSENT_STATES = ["not_requested", "requested", "granted", "declined"] as const;
export type ArtisanConsentState = (typeof ARTISAN_CONSENT_STATES)[number];

/** Pictures of a campaign page: the brand's images, sketches from the design, work-in-progress photos of the linked order. */
export const PREORDER_IMAGE_KINDS = ["image", "sketch", "progress"] as const;
export type PreorderImageKind = (typeof PREORDER_IMAGE_KINDS)[number];
