import { and, desc, eq } from "drizzle-orm";
import { createCampaignSchema } from "~/lib/preorder-schemas";
import type { Actor } from "../services/members";
import { createCampaign, publishCampaign } from "../services/preorder-campaigns";
import { amountsOf, newReference, newReservationToken } from "../services/preorder-reservations";
import { takeUnits } from "../services/preorder-units";
import type { Db } from "./client";
import { designRevisions, designs, organizations, payoutAccounts, preorderCampaigns, preorderReservations } from "./schema";
import { withOrg } from "./tenant";

/**
 * The demo brand's preorders: its payout account marked ready (a row, as if Stripe had said so), one
 * published campaign on the approved revision of its signet, made by Atelier Oro (asked to show its
 * artisans), with paid and held reservations, and one draft. Campaigns go through the services; the
 * reservations are rows whose units are taken with the same conditional updates a customer's are, so the
 * counters and caps stay true. Runs once: a brand that has the published campaign is left alone.
 */

export const DEMO_PREORDER = { brandSlug: "maison-lune", campaignSlug: "croissant-signet", draftSlug: "vague-stacking-ring", workshopSlug: "atelier-oro" };

const DAY = 86_400_000;

/** Customers of the demo campaign (fictional, on example addresses): size, quantity, days ago, paid or held. */
const CUSTOMERS: { name: string; size: string; quantity: number; daysAgo: number; status: "paid" | "held" }[] = [
  { name: "Claire Dubois", size: "6", quantity: 1, daysAgo: 6, status: "paid" },
  { name: "Léa Martin", size: "7", quantity: 2, daysAgo: 5, status: "paid" },
  { name: "Hugo Bernard", size: "8", quantity: 1, daysAgo: 4, status: "paid" },
  { name: "Inès Petit", size: "6", quantity: 1, daysAgo: 3, status: "paid" },
  { name: "Jules Moreau", size: "7", quantity: 1, daysAgo: 1, status: "paid" },
  { name: "Camille Laurent", size: "6.5", quantity: 1, daysAgo: 0, status: "held" },
];

async function approvedRevisionOf(db: Db, brandOrgId: string, designName: string): Promise<string | null> {
  return withOrg(db, brandOrgId, async (tx) => {
    const [r] = await tx
      .select({ id: designRevisions.id })
      .from(designRevisions)
      .innerJoin(designs, eq(designs.id, designRevisions.designId))
      .where(and(eq(designs.orgId, brandOrgId), eq(designs.name, designName), eq(designRevisions.status, "approved")))
      .orderBy(desc(designRevisions.number))
      .limit(1);
    return r?.id ?? null;
  });
}

export async function seedDemoPreorders(db: Db, brand: Actor, now = new Date()): Promise<{ published: string; draft: string } | null> {
  const [org] = await db.select({ slug: organizations.slug }).from(organizations).where(eq(organizations.id, brand.orgId));
  const [workshop] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, DEMO_PREORDER.workshopSlug));
  if (!org) return null;
  const [done] = await db
    .select({ id: preorderCampaigns.id })
    .from(preorderCampaigns)
    .where(and(eq(preorderCampaigns.brandOrgId, brand.orgId), eq(preorderCampaigns.slug, DEMO_PREORDER.campaignSlug)));
  if (done) return null;
  const signet = await approvedRevisionOf(db, brand.orgId, "Croissant signet");
  const stacking = await approvedRevisionOf(db, brand.orgId, "Vague stacking ring");
  if (!signet || !stacking) return null;

  await db
    .insert(payoutAccounts)
    .values({ orgId: brand.orgId, stripeAccountId: "acct_demo_maison_lune", onboardingStatus: "ready", stripeStatusAt: now })
    .onConflictDoUpdate({ target: payoutAccounts.orgId, set: { onboardingStatus: "ready", updatedAt: now } });

  const day = (offset: number) => new Date(now.getTime() + offset * DAY).toISOString().slice(0, 10);
  const published = await createCampaign(
    db,
    brand,
    createCampaignSchema.parse({
      designRevisionId: signet,
      title: "Croissant signet, the first hundred",
      slug: DEMO_PREORDER.campaignSlug,
      story:
        "A crescent moon on a signet, cast in **recycled 18k gold** and hand-finished in Vicenza by Atelier Oro.\n\nWe make it only for those who reserve: one casting run, no stock, no waste. Initials are engraved by hand on the face, up to three letters.",
      retailPrice: "420.00 EUR",
      paymentMode: "deposit",
      depositPercent: 30,
      sizes: ["5", "5.5", "6", "6.5", "7", "7.5", "8", "9"].map((size) => ({ size, cap: size === "6" || size === "7" ? 20 : null })),
      totalCap: 100,
      opensAt: new Date(now.getTime() - 7 * DAY),
      closesAt: new Date(now.getTime() + 21 * DAY),
      holdMinutes: 30,
      returnPolicy: "Cancel within 14 days of paying your deposit for a full refund. Engraved pieces are made for you and cannot be returned once shipped.",
      cancelWithinDays: 14,
      expectedDeliveryOn: day(120),
      workshopOrgId: workshop?.id ?? null,
      showArtisans: Boolean(workshop),
    }),
  );
  await publishCampaign(db, brand, { campaignId: published.id }, new Date(now.getTime() - 7 * DAY + 60_000));

  const [c] = await db.select().from(preorderCampaigns).where(eq(preorderCampaigns.id, published.id));
  for (const [i, x] of CUSTOMERS.entries()) {
    const at = new Date(now.getTime() - x.daysAgo * DAY - (i + 1) * 3_600_000);
    const amounts = amountsOf(c!, x.quantity);
    await withOrg(db, brand.orgId, async (tx) => {
      await tx.insert(preorderReservations).values({
        campaignId: c!.id,
        brandOrgId: brand.orgId,
        reference: newReference(),
        customerName: x.name,
        customerEmail: `${x.name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(" ", ".")}@customer.example`,
        size: x.size,
        quantity: x.quantity,
        unitPriceMinor: c!.retailPriceMinor,
        currency: c!.currency,
        ...amounts,
        balanceStatus: amounts.balanceMinor > 0 ? "not_due" : "none",
        status: x.status,
        // A hold runs out like any other (the expiry job frees it); a paid one keeps its units.
        holdExpiresAt: x.status === "held" ? new Date(now.getTime() + c!.holdMinutes * 60_000) : new Date(at.getTime() + c!.holdMinutes * 60_000),
        tokenHash: newReservationToken().tokenHash,
        paidMinor: x.status === "paid" ? amounts.amountDueMinor : 0,
        paidAt: x.status === "paid" ? new Date(at.getTime() + 5 * 60_000) : null,
        stripePaymentIntentId: x.status === "paid" ? `pi_demo_${i + 1}` : null,
        createdAt: x.status === "held" ? now : at,
        updatedAt: now,
      });
      await takeUnits(tx, { campaignId: c!.id, size: x.size, quantity: x.quantity }, x.status, { open: true, now });
    });
  }

  const draft = await createCampaign(
    db,
    brand,
    createCampaignSchema.parse({
      designRevisionId: stacking,
      title: "Vague stacking rings, a summer set",
      slug: DEMO_PREORDER.draftSlug,
      story: "Three thin waves to wear together. A draft: the window and the caps are still being decided.",
      retailPrice: "180.00 EUR",
      paymentMode: "full",
      depositPercent: 100,
      sizes: ["J", "K", "L", "M", "N", "O", "P"].map((size) => ({ size, cap: null })),
      totalCap: 60,
      opensAt: new Date(now.getTime() + 30 * DAY),
      closesAt: new Date(now.getTime() + 51 * DAY),
      holdMinutes: 30,
      returnPolicy: "Cancel within 14 days of paying for a full refund.",
      cancelWithinDays: 14,
      expectedDeliveryOn: day(150),
      workshopOrgId: null,
      showArtisans: false,
    }),
  );
  return { published: published.id, draft: draft.id };
}
