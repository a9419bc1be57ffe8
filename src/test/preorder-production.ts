import { createHash, randomBytes } from "node:crypto";
import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "~/server/db/client";
import { files, orderMilestones, preorderCampaignSizes, preorderCampaigns, preorderReservations, type PreorderCampaign } from "~/server/db/schema";
import { changeMilestone } from "~/server/services/milestones";
import { saveQuoteDraft, sendQuote } from "~/server/services/quotes";
import { getStorage } from "~/server/storage";
import type { PricedQuoteLine } from "~/lib/pricing";
import type { PreorderReservationStatus } from "~/lib/preorder-vocabulary";
import type { Fixture } from "./fixtures";
import { pendantPricing, sentRfq, terms } from "./rfqs";
import { actorOf } from "./vetting";

/**
 * Test data for feeding production from a preorder campaign: a published campaign of the brand on an
 * approved revision with sizes 5–9, reservations with their counters kept true, and a live quote whose ring
 * line has MOQ 20 and tiers 20 → 40.00, 50 → 35.00.
 */

let seq = 0;

export async function publishedCampaign(db: Db, f: Fixture, revision: { id: string; designId: string }, over: Partial<typeof preorderCampaigns.$inferInsert> = {}): Promise<PreorderCampaign> {
  const now = Date.now();
  const [c] = await db
    .insert(preorderCampaigns)
    .values({
      brandOrgId: f.brand.org.id,
      designId: revision.designId,
      designRevisionId: revision.id,
      slug: `signet-${++seq}-${randomBytes(3).toString("hex")}`,
      title: "The Signet, made in Florence",
      currency: "EUR",
      retailPriceMinor: 12_000,
      paymentMode: "deposit",
      depositPercent: 30,
      totalCap: 100,
      opensAt: new Date(now - 20 * 86_400_000),
      closesAt: new Date(now - 86_400_000),
      expectedDeliveryOn: "2027-06-30",
      status: "published",
      publishedAt: new Date(now - 20 * 86_400_000),
      ...over,
    })
    .returning();
  await db.insert(preorderCampaignSizes).values(["5", "6", "7", "8", "9"].map((size, position) => ({ campaignId: c!.id, brandOrgId: f.brand.org.id, size, position })));
  return c!;
}

/** A reservation of the campaign (paid unless said otherwise), with the campaign's and the size's counters moved. */
export async function reservationOf(db: Db, c: PreorderCampaign, input: { size: string; quantity: number; status?: PreorderReservationStatus; name?: string; email?: string }) {
  const status = input.status ?? "paid";
  const total = c.retailPriceMinor * input.quantity;
  const due = Math.round((total * c.depositPercent) / 100);
  const n = ++seq;
  const [r] = await db
    .insert(preorderReservations)
    .values({
      campaignId: c.id,
      brandOrgId: c.brandOrgId,
      reference: `R-T${n.toString(36).toUpperCase()}${randomBytes(2).toString("hex").toUpperCase()}`,
      customerName: input.name ?? `Customer ${n}`,
      customerEmail: input.email ?? `customer.${n}.${randomBytes(3).toString("hex")}@example.test`,
      size: input.size,
      quantity: input.quantity,
      unitPriceMinor: c.retailPriceMinor,
      currency: c.currency,
      totalMinor: total,
      amountDueMinor: due,
      balanceMinor: total - due,
      status,
      holdExpiresAt: new Date(Date.now() + 30 * 60_000),
      tokenHash: createHash("sha256").update(randomBytes(16)).digest("hex"),
      paidMinor: status === "paid" ? due : 0,
      paidAt: status === "paid" ? new Date() : null,
      stripePaymentIntentId: status === "paid" ? `pi_test_${n}_${randomBytes(3).toString("hex")}` : null,
      balanceStatus: status === "paid" ? "not_due" : "none",
    })
    .returning();
  const column = status === "paid" ? "paid_units" : status === "held" ? "held_units" : null;
  if (column) {
    await db.execute(sql`update preorder_campaigns set ${sql.raw(column)} = ${sql.raw(column)} + ${input.quantity} where id = ${c.id}`);
    await db.execute(sql`update preorder_campaign_sizes set ${sql.raw(column)} = ${sql.raw(column)} + ${input.quantity} where campaign_id = ${c.id} and size = ${input.size}`);
  }
  return r!;
}

export async function reserveSplit(db: Db, c: PreorderCampaign, split: Record<string, number>) {
  const made = [];
  for (const [size, quantity] of Object.entries(split)) if (quantity > 0) made.push(await reservationOf(db, c, { size, quantity }));
  return made;
}

/** Ring: MOQ 20, 20 → 40.00, 50 → 35.00. */
export const moq20Ring = (lineId: string): PricedQuoteLine => ({
  lineId,
  moq: 20,
  tiers: [
    { minQuantity: 20, unitPriceMinor: 4000 },
    { minQuantity: 50, unitPriceMinor: 3500 },
  ],
  sizeSurcharges: [],
  fees: [],
});

/** An RFQ of the brand (ring 5–9 and a pendant) sent to the workshop, which answers with the MOQ-20 ring quote. */
export async function liveMoq20Quote(db: Db, f: Fixture) {
  const r = await sentRfq(db, f.brand, [f.workshop]);
  const draft = await saveQuoteDraft(db, actorOf(f.workshop), {
    invitationId: r.invitationOf(f.workshop).id,
    pricing: { currency: "EUR", lines: [moq20Ring(r.ringLine.id), pendantPricing(r.pendantLine.id)], bundle: null, depositPercent: 30 },
    terms: terms(),
  });
  const quote = await sendQuote(db, actorOf(f.workshop), { quoteVersionId: draft.id });
  return { ...r, quote };
}

export const campaignRow = async (db: Db, id: string) => (await db.select().from(preorderCampaigns).where(eq(preorderCampaigns.id, id)))[0]!;

/** A photo (bytes in storage, a thumbnail too) the workshop posts with the start of the order's first milestone. */
export async function orderPhoto(db: Db, f: Fixture, orderId: string) {
  const id = crypto.randomUUID();
  const prefix = `${f.workshop.org.id}/${id}`;
  const storage = getStorage();
  await storage.put(`${prefix}/original.jpg`, Buffer.from("jpeg bytes of a ring being set"), "image/jpeg");
  await storage.put(`${prefix}/thumb.webp`, Buffer.from("webp bytes of the thumbnail"), "image/webp");
  const [file] = await db
    .insert(files)
    .values({
      id,
      orgId: f.workshop.org.id,
      purpose: "milestone_photo",
      originalName: "setting.jpg",
      contentType: "image/jpeg",
      byteSize: 30,
      storageKey: `${prefix}/original.jpg`,
      width: 800,
      height: 600,
      variants: { thumb: { key: `${prefix}/thumb.webp`, width: 200, height: 150, byteSize: 27, contentType: "image/webp" } },
    })
    .returning();
  const [first] = await db.select().from(orderMilestones).where(eq(orderMilestones.orderId, orderId)).orderBy(asc(orderMilestones.position)).limit(1);
  await changeMilestone(db, actorOf(f.workshop), "workshop", "start", { milestoneId: first!.id, note: "Setting the stones", photoFileIds: [file!.id] });
  return file!;
}
