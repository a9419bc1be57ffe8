import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { withOrg } from "../db/tenant";
import { designRevisions, designs, organizations, preorderCampaigns } from "../db/schema";
import { toDecimalString } from "~/lib/money";
import { appUrl } from "./email";
import { campaignImages, revisionSketches } from "./preorder-campaign-images";
import { campaignFormOptions, campaignNotFound, publicCampaignPath, sizesOf, sizesOfSpec } from "./preorder-campaigns";

/** One campaign as its brand edits it: every field, its sizes with what is held and paid, its images, the sketches it may copy. */
export async function getCampaign(db: Db, brandOrgId: string, campaignId: string) {
  const detail = await withOrg(db, brandOrgId, async (tx) => {
    const [row] = await tx
      .select({ c: preorderCampaigns, designName: designs.name, sku: designs.sku, revisionNumber: designRevisions.number, spec: designRevisions.spec, brandSlug: organizations.slug })
      .from(preorderCampaigns)
      .innerJoin(designs, and(eq(designs.id, preorderCampaigns.designId), eq(designs.orgId, brandOrgId)))
      .innerJoin(designRevisions, and(eq(designRevisions.id, preorderCampaigns.designRevisionId), eq(designRevisions.orgId, brandOrgId)))
      .innerJoin(organizations, eq(organizations.id, preorderCampaigns.brandOrgId))
      .where(and(eq(preorderCampaigns.id, campaignId), eq(preorderCampaigns.brandOrgId, brandOrgId)));
    if (!row) throw campaignNotFound();
    const c = row.c;
    let workshop: { id: string; name: string } | null = null;
    if (c.workshopOrgId) {
      const [w] = await tx.select({ id: organizations.id, name: organizations.name }).from(organizations).where(eq(organizations.id, c.workshopOrgId));
      workshop = w ?? { id: c.workshopOrgId, name: "Workshop" };
    }
    return {
      id: c.id,
      status: c.status,
      title: c.title,
      slug: c.slug,
      story: c.story,
      retailPrice: { amountMinor: c.retailPriceMinor, currency: c.currency },
      retailPriceText: `${toDecimalString(c.retailPriceMinor, c.currency)} ${c.currency}`,
      paymentMode: c.paymentMode,
      depositPercent: c.depositPercent,
      totalCap: c.totalCap,
      heldUnits: c.heldUnits,
      paidUnits: c.paidUnits,
      opensAt: c.opensAt,
      closesAt: c.closesAt,
      holdMinutes: c.holdMinutes,
      returnPolicy: c.returnPolicy,
      cancelWithinDays: c.cancelWithinDays,
      expectedDeliveryOn: c.expectedDeliveryOn,
      forecastDeliveryOn: c.forecastDeliveryOn,
      workshop,
      showArtisans: c.showArtisans,
      artisansConsent: c.artisansConsent,
      publishedAt: c.publishedAt,
      orderId: c.orderId,
      rfqId: c.rfqId,
      publicUrl: appUrl(publicCampaignPath(row.brandSlug, c.slug)),
      publicPath: publicCampaignPath(row.brandSlug, c.slug),
      design: { id: c.designId, revisionId: c.designRevisionId, name: row.designName, sku: row.sku, revisionNumber: row.revisionNumber, sizes: sizesOfSpec(row.spec) },
      sizes: (await sizesOf(tx, brandOrgId, c.id)).map((s) => ({ size: s.size, cap: s.cap, heldUnits: s.heldUnits, paidUnits: s.paidUnits })),
      images: await campaignImages(tx, brandOrgId, c.id),
      sketches: await revisionSketches(tx, brandOrgId, c.designRevisionId),
    };
  });
  const options = await campaignFormOptions(db, brandOrgId);
  return { ...detail, workshops: options.workshops, payoutsReady: options.payoutsReady };
}
