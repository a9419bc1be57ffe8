import { and, asc, desc, eq, inArray, ne, or } from "drizzle-orm";
import type { Db, Tx } from "../db/client";
import { asCounterparty, withOrg } from "../db/tenant";
import { designRevisionShares, designRevisions, designs, organizations, preorderCampaignSizes, preorderCampaigns, workshopArtisans, type PreorderCampaign } from "../db/schema";
import { AppError } from "../errors";
import { recordEvent } from "./events";
import type { Actor } from "./members";
import { notify } from "./notifications";

/**
 * The workshop's side of a campaign: it is asked whether its artisans may be shown on the brand's page,
 * and answers; it reads the campaigns it is named in, quantities only — never a customer (the policies
 * give it no reservation at all, and what it is sent is declared by the router's output schema).
 */

const brandHref = (brandSlug: string, campaignId: string) => `/brand/${brandSlug}/preorders/${campaignId}`;
const workshopHref = (workshopSlug: string) => `/workshop/${workshopSlug}/preorders`;

async function namesOf(tx: Tx, c: PreorderCampaign) {
  const ids = [c.brandOrgId, ...(c.workshopOrgId ? [c.workshopOrgId] : [])];
  const rows = await tx.select({ id: organizations.id, name: organizations.name, slug: organizations.slug }).from(organizations).where(inArray(organizations.id, ids));
  const brand = rows.find((r) => r.id === c.brandOrgId);
  const workshop = rows.find((r) => r.id === c.workshopOrgId);
  if (!brand || !workshop) throw new Error(`campaign ${c.id} lost its brand or workshop`);
  return { brand, workshop };
}

/**
 * The brand asks its campaign's workshop to show its artisans: the consent becomes requested (the workshop
 * then sees the campaign, even a draft) and the workshop is notified. In the brand's transaction.
 */
export async function requestArtisansConsent(tx: Tx, actor: Actor, c: PreorderCampaign): Promise<PreorderCampaign> {
  if (!c.workshopOrgId) return c;
  const [updated] = await tx
    .update(preorderCampaigns)
    .set({ artisansConsent: "requested", artisansConsentAt: null })
    .where(and(eq(preorderCampaigns.id, c.id), eq(preorderCampaigns.brandOrgId, actor.orgId)))
    .returning();
  const { brand, workshop } = await namesOf(tx, c);
  await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "preorder_campaign.consent_requested", subjectType: "preorder_campaign", subjectId: c.id, data: { title: c.title, workshop: workshop.name } });
  const workshopOrgId = c.workshopOrgId;
  await asCounterparty(tx, actor.orgId, workshopOrgId, async () => {
    await recordEvent(tx, { orgId: workshopOrgId, actorId: actor.userId, action: "preorder_campaign.consent_requested", subjectType: "preorder_campaign", subjectId: c.id, data: { title: c.title, brand: brand.name, workshop: workshop.name } });
    await notify(tx, {
      orgId: workshopOrgId,
      kind: "preorder",
      title: `${brand.name} asks to show your artisans on its preorder page “${c.title}”`,
      body: "Grant or decline in Preorders. Only the campaign's quantities are shared with you, never its customers.",
      href: workshopHref(workshop.slug),
      actorId: actor.userId,
    });
  });
  return updated!;
}

/** The workshop grants or declines; the brand is notified. Only an open request (or a change of mind) is answered. */
export async function answerArtisansConsent(db: Db, actor: Actor, input: { campaignId: string; answer: "granted" | "declined" }, now = new Date()) {
  return withOrg(db, actor.orgId, async (tx) => {
    const [c] = await tx
      .select()
      .from(preorderCampaigns)
      .where(and(eq(preorderCampaigns.id, input.campaignId), eq(preorderCampaigns.workshopOrgId, actor.orgId), ne(preorderCampaigns.artisansConsent, "not_requested")))
      .for("update");
    if (!c) throw new AppError("NOT_FOUND", "That campaign was not found.");
    if (c.artisansConsent === input.answer) return { campaignId: c.id, artisansConsent: c.artisansConsent };
    await tx
      .update(preorderCampaigns)
      .set({ artisansConsent: input.answer, artisansConsentAt: now, updatedAt: now })
      .where(and(eq(preorderCampaigns.id, c.id), eq(preorderCampaigns.workshopOrgId, actor.orgId)));
    const { brand, workshop } = await namesOf(tx, c);
    const action = input.answer === "granted" ? "preorder_campaign.consent_granted" : "preorder_campaign.consent_declined";
    await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action, subjectType: "preorder_campaign", subjectId: c.id, data: { title: c.title, brand: brand.name } });
    await asCounterparty(tx, actor.orgId, c.brandOrgId, async () => {
      await recordEvent(tx, { orgId: c.brandOrgId, actorId: actor.userId, action, subjectType: "preorder_campaign", subjectId: c.id, data: { title: c.title, workshop: workshop.name } });
      await notify(tx, {
        orgId: c.brandOrgId,
        kind: "preorder",
        title: input.answer === "granted" ? `${workshop.name} agreed to show its artisans on “${c.title}”` : `${workshop.name} declined to show its artisans on “${c.title}”`,
        body: input.answer === "granted" ? "The campaign page shows them." : "The campaign page does not show them.",
        href: brandHref(brand.slug, c.id),
        actorId: actor.userId,
      });
    });
    return { campaignId: c.id, artisansConsent: input.answer };
  });
}

/**
 * The campaigns a workshop is named in (published, or asking for its consent): the brand, the design (when
 * the brand shared its revision with the workshop), the window, the delivery, the caps and the units held
 * and paid per size, and the workshop's own artisans the page would show. Nothing about any customer.
 */
export async function listWorkshopCampaigns(db: Db, workshopOrgId: string) {
  return withOrg(db, workshopOrgId, async (tx) => {
    const rows = await tx
      .select({
        id: preorderCampaigns.id,
        title: preorderCampaigns.title,
        status: preorderCampaigns.status,
        brandName: organizations.name,
        designName: designs.name,
        revisionNumber: designRevisions.number,
        opensAt: preorderCampaigns.opensAt,
        closesAt: preorderCampaigns.closesAt,
        expectedDeliveryOn: preorderCampaigns.expectedDeliveryOn,
        forecastDeliveryOn: preorderCampaigns.forecastDeliveryOn,
        totalCap: preorderCampaigns.totalCap,
        heldUnits: preorderCampaigns.heldUnits,
        paidUnits: preorderCampaigns.paidUnits,
        showArtisans: preorderCampaigns.showArtisans,
        artisansConsent: preorderCampaigns.artisansConsent,
        artisansConsentAt: preorderCampaigns.artisansConsentAt,
      })
      .from(preorderCampaigns)
      .innerJoin(organizations, eq(organizations.id, preorderCampaigns.brandOrgId))
      // The design's name only through a share of its revision with this workshop (an RFQ), as elsewhere.
      .leftJoin(designRevisionShares, and(eq(designRevisionShares.revisionId, preorderCampaigns.designRevisionId), eq(designRevisionShares.workshopOrgId, workshopOrgId)))
      .leftJoin(designRevisions, eq(designRevisions.id, designRevisionShares.revisionId))
      .leftJoin(designs, eq(designs.id, designRevisions.designId))
      .where(and(eq(preorderCampaigns.workshopOrgId, workshopOrgId), or(ne(preorderCampaigns.status, "draft"), ne(preorderCampaigns.artisansConsent, "not_requested"))))
      .orderBy(desc(preorderCampaigns.opensAt));
    const ids = rows.map((r) => r.id);
    const sizes = ids.length
      ? await tx
          .select({ campaignId: preorderCampaignSizes.campaignId, size: preorderCampaignSizes.size, cap: preorderCampaignSizes.cap, heldUnits: preorderCampaignSizes.heldUnits, paidUnits: preorderCampaignSizes.paidUnits })
          .from(preorderCampaignSizes)
          .where(inArray(preorderCampaignSizes.campaignId, ids))
          .orderBy(asc(preorderCampaignSizes.campaignId), asc(preorderCampaignSizes.position))
      : [];
    const artisans = rows.some((r) => r.showArtisans)
      ? await tx.select({ name: workshopArtisans.name, role: workshopArtisans.role }).from(workshopArtisans).where(eq(workshopArtisans.orgId, workshopOrgId)).orderBy(asc(workshopArtisans.position), asc(workshopArtisans.name))
      : [];
    return rows.map(({ designName, revisionNumber, ...r }) => ({
      ...r,
      design: designName !== null && revisionNumber !== null ? { name: designName, revisionNumber } : null,
      sizes: sizes.filter((s) => s.campaignId === r.id).map(({ campaignId: _c, ...s }) => s),
      artisans: r.showArtisans ? artisans : [],
    }));
  });
}
