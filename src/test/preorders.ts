import { sql } from "drizzle-orm";
import type { Db } from "~/server/db/client";
import { payoutAccounts, preorderCampaignSizes, preorderCampaigns, preorderReservations, type PreorderCampaign, type PreorderReservation } from "~/server/db/schema";
import type { PreorderReservationStatus } from "~/lib/preorder-vocabulary";
import { amountsOf, newReference, newReservationToken } from "~/server/services/preorder-reservations";
import { designWithRevision } from "./designs";
import type { Fixture, OrgFixture } from "./fixtures";

/**
 * Test data for preorder campaigns, inserted as the owner: a published campaign of an approved design
 * revision with its size rows, and reservations with the counters kept true (held and paid units equal the
 * rows). Services under test then run as the app does.
 */

let seq = 0;

export type CampaignOverrides = Partial<typeof preorderCampaigns.$inferInsert> & {
  /** The sizes offered with their caps (null: the total cap only). Default: the revision's size run, no caps. */
  sizes?: { size: string; cap: number | null }[];
  /** An approved revision of the brand's to sell, instead of a new design. */
  revision?: { designId: string; revisionId: string };
};

export type TestCampaign = PreorderCampaign & { brandSlug: string; sizes: string[] };

/**
 * A published campaign (open now for a week, cap 100, 30 % deposit of 120.00 EUR, delivery 2027-06-30,
 * cancel within 14 days) for an approved revision of a new design of `f.brand`, made by `f.workshop`.
 */
export async function campaignFor(db: Db, f: Pick<Fixture, "brand" | "workshop">, over: CampaignOverrides = {}): Promise<TestCampaign> {
  const { sizes: sizeRows, revision, ...fields } = over;
  let designId: string;
  let revisionId: string;
  if (revision) ({ designId, revisionId } = revision);
  else {
    const made = await designWithRevision(db, f.brand);
    designId = made.design.id;
    revisionId = made.revisionId;
  }
  const now = Date.now();
  const status = fields.status ?? "published";
  const [c] = await db
    .insert(preorderCampaigns)
    .values({
      brandOrgId: f.brand.org.id,
      designId,
      designRevisionId: revisionId,
      workshopOrgId: f.workshop.org.id,
      slug: `drop-${now.toString(36)}-${seq++}`,
      title: "Lune signet",
      story: "Cast in **recycled** silver by hand.",
      currency: "EUR",
      retailPriceMinor: 12_000,
      paymentMode: "deposit",
      depositPercent: 30,
      totalCap: 100,
      opensAt: new Date(now - 86_400_000),
      closesAt: new Date(now + 7 * 86_400_000),
      holdMinutes: 30,
      returnPolicy: "Returns within 30 days of delivery.",
      cancelWithinDays: 14,
      expectedDeliveryOn: "2027-06-30",
      publishedAt: status === "draft" ? null : new Date(now - 86_400_000),
      createdById: f.brand.owner.id,
      ...fields,
      status,
    })
    .returning();
  const sizes = sizeRows ?? ["5", "6", "7", "8", "9"].map((size) => ({ size, cap: null }));
  await db.insert(preorderCampaignSizes).values(sizes.map((s, i) => ({ campaignId: c!.id, brandOrgId: f.brand.org.id, size: s.size, position: i, cap: s.cap })));
  return { ...c!, brandSlug: f.brand.org.slug, sizes: sizes.map((s) => s.size) };
}

/** The brand's Stripe connected account, ready to take card payments (idempotent). */
export async function readyBrandPayout(db: Db, brand: OrgFixture, stripeAccountId = `acct_brand_${brand.org.id.slice(0, 8)}`) {
  await db
    .insert(payoutAccounts)
    .values({ orgId: brand.org.id, stripeAccountId, onboardingStatus: "ready" })
    .onConflictDoUpdate({ target: payoutAccounts.orgId, set: { stripeAccountId, onboardingStatus: "ready" } });
  return stripeAccountId;
}

export type ReserveAsInput = { size: string; quantity: number; name?: string; email?: string; status?: PreorderReservationStatus; holdExpiresAt?: Date; paidAt?: Date };

/**
 * A reservation inserted directly, with the campaign's and size's counters moved as the service would
 * (held → held units, paid → paid units). A paid one carries a made-up PaymentIntent id, so refunds can be
 * tried against a local Stripe stand-in. Returns the row and its link's secret.
 */
export async function reserveAs(db: Db, campaignId: string, input: ReserveAsInput): Promise<PreorderReservation & { token: string }> {
  const status = input.status ?? "held";
  const [c] = await db.select().from(preorderCampaigns).where(sql`${preorderCampaigns.id} = ${campaignId}`);
  if (!c) throw new Error(`no campaign ${campaignId}`);
  const { token, tokenHash } = newReservationToken();
  const amounts = amountsOf(c, input.quantity);
  const now = new Date();
  const paid = status === "paid" || status === "refunded";
  const n = seq++;
  const [r] = await db.transaction(async (tx) => {
    if (status === "held" || status === "paid") {
      const col = sql.raw(status === "held" ? "held_units" : "paid_units");
      await tx.execute(sql`update preorder_campaigns set ${col} = ${col} + ${input.quantity} where id = ${campaignId}`);
      await tx.execute(sql`update preorder_campaign_sizes set ${col} = ${col} + ${input.quantity} where campaign_id = ${campaignId} and size = ${input.size}`);
    }
    return tx
      .insert(preorderReservations)
      .values({
        campaignId,
        brandOrgId: c.brandOrgId,
        reference: newReference(),
        customerName: input.name ?? `Customer ${n}`,
        customerEmail: input.email ?? `customer.${n}.${now.getTime().toString(36)}@example.test`,
        size: input.size,
        quantity: input.quantity,
        unitPriceMinor: c.retailPriceMinor,
        currency: c.currency,
        ...amounts,
        balanceStatus: amounts.balanceMinor > 0 ? "not_due" : "none",
        status,
        holdExpiresAt: input.holdExpiresAt ?? new Date(now.getTime() + c.holdMinutes * 60_000),
        tokenHash,
        ...(paid ? { paidMinor: amounts.amountDueMinor, paidAt: input.paidAt ?? now, stripePaymentIntentId: `pi_test_${crypto.randomUUID().replace(/-/g, "").slice(0, 20)}` } : {}),
        ...(status === "refunded" ? { refundedMinor: amounts.amountDueMinor, cancelledAt: now } : {}),
        ...(status === "cancelled" ? { cancelledAt: now } : {}),
      })
      .returning();
  });
  return { ...r!, token };
}
