import { and, asc, eq, sql } from "drizzle-orm";
import type { PublicCampaign, PublicReservation, WindowState } from "~/lib/preorder-public-schemas";
import type { Db } from "../db/client";
import { files, organizations, preorderCampaignImages, preorderCampaignSizes, preorderReservations, workshopArtisans } from "../db/schema";
import { readPublic, withOrg } from "../db/tenant";
import { AppError } from "../errors";
import { amountsOf, brandPayoutAccount, campaignByAddress, campaignRefOf, customerCancelRule, reservationByToken, reservationNotFound } from "./preorder-reservations";
import { stripeClient } from "./stripe";

/**
 * What a campaign's public page and a customer's reservation page show. The campaign is read as the
 * public reads it (no organization set: row-level security shows campaigns that are not drafts, their
 * sizes and images, their brand's name): counts only, never a reservation. A reservation is found by the
 * secret of its link (the security-definer lookup answers ids only) and read as its brand, then narrowed
 * to what its customer may see.
 */

export const windowOf = (c: { opensAt: Date; closesAt: Date }, now: Date): WindowState => (now < c.opensAt ? "upcoming" : now >= c.closesAt ? "ended" : "open");

const campaignNotFound = () => new AppError("NOT_FOUND", "That preorder was not found.");

export async function readPublicCampaign(db: Db, brandSlug: string, campaignSlug: string, now = new Date()): Promise<PublicCampaign> {
  const found = await campaignByAddress(db, brandSlug, campaignSlug);
  if (!found) throw campaignNotFound();
  const { campaign: c, brand } = found;
  if (c.status === "draft") throw campaignNotFound();
  const [sizes, images, artisans, payable] = await Promise.all([
    readPublic(db, (q) =>
      q
        .select({ size: preorderCampaignSizes.size, cap: preorderCampaignSizes.cap, held: preorderCampaignSizes.heldUnits, paid: preorderCampaignSizes.paidUnits })
        .from(preorderCampaignSizes)
        .where(eq(preorderCampaignSizes.campaignId, c.id))
        .orderBy(asc(preorderCampaignSizes.position), asc(preorderCampaignSizes.size)),
    ),
    readPublic(db, (q) =>
      q
        .select({ fileId: preorderCampaignImages.fileId, kind: preorderCampaignImages.kind, caption: preorderCampaignImages.caption, width: files.width, height: files.height })
        .from(preorderCampaignImages)
        .innerJoin(files, eq(files.id, preorderCampaignImages.fileId))
        .where(eq(preorderCampaignImages.campaignId, c.id))
        .orderBy(asc(preorderCampaignImages.position)),
    ),
    // The workshop's artisans, from its published profile, only with its consent and the brand's choice.
    c.showArtisans && c.artisansConsent === "granted" && c.workshopOrgId
      ? readPublic(db, (q) =>
          q
            .select({ name: workshopArtisans.name, role: workshopArtisans.role, bio: workshopArtisans.bio, workshopName: organizations.name })
            .from(workshopArtisans)
            .innerJoin(organizations, eq(organizations.id, workshopArtisans.orgId))
            .where(eq(workshopArtisans.orgId, c.workshopOrgId!))
            .orderBy(asc(workshopArtisans.position)),
        )
      : Promise.resolve([]),
    isPayable(db, brand.id),
  ]);
  const left = Math.max(0, c.totalCap - c.heldUnits - c.paidUnits);
  return {
    id: c.id,
    slug: c.slug,
    title: c.title,
    story: c.story,
    brand: { name: brand.name, slug: brand.slug },
    status: c.status,
    window: windowOf(c, now),
    opensAt: c.opensAt,
    closesAt: c.closesAt,
    currency: c.currency,
    retailPriceMinor: c.retailPriceMinor,
    paymentMode: c.paymentMode,
    depositPercent: c.depositPercent,
    unitDueMinor: amountsOf(c, 1).amountDueMinor,
    totalCap: c.totalCap,
    left,
    sizes: sizes.map((s) => ({ size: s.size, cap: s.cap, left: Math.min(left, s.cap === null ? left : Math.max(0, s.cap - s.held - s.paid)) })),
    holdMinutes: c.holdMinutes,
    returnPolicy: c.returnPolicy,
    cancelWithinDays: c.cancelWithinDays,
    deliveryOn: c.forecastDeliveryOn ?? c.expectedDeliveryOn,
    deliveryIsForecast: c.forecastDeliveryOn !== null,
    images,
    artisans,
    payable,
  };
}

/**
 * Whether card payments can be taken for the brand: Stripe configured and its payout account ready. The
 * payout account is the brand's own row, read in its scope; only the yes/no leaves.
 */
async function isPayable(db: Db, brandOrgId: string): Promise<boolean> {
  if (!stripeClient()) return false;
  return withOrg(db, brandOrgId, async (tx) => !!(await brandPayoutAccount(tx, brandOrgId)));
}

/** One more view of a published campaign's page today (the dashboard's conversion). */
export async function countCampaignView(db: Db, campaignId: string): Promise<void> {
  await db.execute(sql`select preorder_page_viewed(${campaignId}::uuid)`);
}

/** A customer's reservation by the secret of their link; another link (or none) is NOT_FOUND. */
export async function readReservation(db: Db, token: string, now = new Date()): Promise<PublicReservation> {
  const found = await reservationByToken(db, token);
  if (!found) throw reservationNotFound();
  return withOrg(db, found.brandOrgId, async (tx) => {
    const [r] = await tx
      .select()
      .from(preorderReservations)
      .where(and(eq(preorderReservations.id, found.reservationId), eq(preorderReservations.brandOrgId, found.brandOrgId)));
    if (!r) throw reservationNotFound();
    const { campaign: c, ref } = await campaignRefOf(tx, r.campaignId);
    const policy = customerCancelRule(r, c, now);
    return {
      reference: r.reference,
      status: r.status,
      size: r.size,
      quantity: r.quantity,
      currency: r.currency,
      totalMinor: r.totalMinor,
      amountDueMinor: r.amountDueMinor,
      balanceMinor: r.balanceMinor,
      balanceStatus: r.balanceStatus,
      paidMinor: r.paidMinor,
      refundedMinor: r.refundedMinor,
      refundPendingMinor: r.refundPendingMinor,
      paidAt: r.paidAt,
      holdExpiresAt: r.holdExpiresAt,
      cancelledAt: r.cancelledAt,
      createdAt: r.createdAt,
      canCancel: policy.allowed,
      cancelRule: policy.rule,
      canPay: r.status === "held" && r.holdExpiresAt > now && c.status === "published" && !!stripeClient(),
      canPayBalance: r.status === "paid" && r.balanceStatus === "due" && !!stripeClient(),
      campaign: {
        title: c.title,
        slug: c.slug,
        brandSlug: ref.brandSlug,
        brandName: ref.brandName,
        deliveryOn: c.forecastDeliveryOn ?? c.expectedDeliveryOn,
        deliveryIsForecast: c.forecastDeliveryOn !== null,
        returnPolicy: c.returnPolicy,
        status: c.status,
      },
    };
  });
}
