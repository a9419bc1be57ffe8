import { createHash, randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "~/server/db/client";
import { preorderCampaignSizes, preorderCampaigns, preorderReservations } from "~/server/db/schema";
import type { PreorderReservationStatus } from "~/lib/preorder-vocabulary";

let seq = 0;

/**
 * A reservation written straight to the database (as the owner), with the campaign's and the size's
 * counters kept true: held units for `held`, paid units for `paid`, none for the others.
 */
export async function holdUnits(
  db: Db,
  campaignId: string,
  size: string,
  quantity: number,
  status: PreorderReservationStatus,
  opts: { name?: string; email?: string; createdAt?: Date; paidAt?: Date; reference?: string } = {},
) {
  const [c] = await db.select().from(preorderCampaigns).where(eq(preorderCampaigns.id, campaignId));
  if (!c) throw new Error(`no campaign ${campaignId}`);
  const total = c.retailPriceMinor * quantity;
  const due = Math.round((total * c.depositPercent) / 100);
  const paid = status === "paid" || status === "refunded";
  const createdAt = opts.createdAt ?? new Date();
  const [r] = await db
    .insert(preorderReservations)
    .values({
      campaignId,
      brandOrgId: c.brandOrgId,
      reference: opts.reference ?? `R-T${(seq++).toString(36).toUpperCase().padStart(5, "0")}`,
      customerName: opts.name ?? "Test Customer",
      customerEmail: opts.email ?? `customer.${seq}@example.test`,
      size,
      quantity,
      unitPriceMinor: c.retailPriceMinor,
      currency: c.currency,
      totalMinor: total,
      amountDueMinor: due,
      balanceMinor: total - due,
      status,
      holdExpiresAt: new Date(createdAt.getTime() + c.holdMinutes * 60_000),
      tokenHash: createHash("sha256").update(randomBytes(16)).digest("hex"),
      paidMinor: paid ? due : 0,
      paidAt: paid ? (opts.paidAt ?? createdAt) : null,
      refundedMinor: status === "refunded" ? due : 0,
      createdAt,
    })
    .returning();
  const held = status === "held" ? quantity : 0;
  const kept = status === "paid" ? quantity : 0;
  if (held || kept) {
    await db
      .update(preorderCampaigns)
      .set({ heldUnits: sql`${preorderCampaigns.heldUnits} + ${held}`, paidUnits: sql`${preorderCampaigns.paidUnits} + ${kept}` })
      .where(eq(preorderCampaigns.id, campaignId));
    await db
      .update(preorderCampaignSizes)
      .set({ heldUnits: sql`${preorderCampaignSizes.heldUnits} + ${held}`, paidUnits: sql`${preorderCampaignSizes.paidUnits} + ${kept}` })
      .where(and(eq(preorderCampaignSizes.campaignId, campaignId), eq(preorderCampaignSizes.size, size)));
  }
  return r!;
}
