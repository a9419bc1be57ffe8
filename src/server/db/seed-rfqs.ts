import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "./client";
import { designRevisions, designs, organizations as organizationsTable, rfqInvitations, rfqLines, workshopProfiles } from "./schema";
import type { Actor } from "../services/members";
import { todayIn } from "~/lib/sample-request-schemas";

const dayFrom = (timeZone: string, offset: number) => {
  const d = new Date(`${todayIn(timeZone)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};

/**
 * A demo request for quote: the brand's first two approved designs (a ring across its sizes first), sent
 * to two workshops that both quote with tiers — one with a bundle minimum — so the comparison has
 * something to compare. Left open for the brand to accept. Returns the RFQ's number, or null when the
 * brand has fewer than two approved designs or the workshops no published profile.
 */
export async function seedDemoRfq(db: Db, brand: Actor, timeZone: string, currency: string, workshops: Actor[]): Promise<number | null> {
  const { createRfq, inviteWorkshops, sendRfq, sizesOf } = await import("../services/rfqs");
  const { saveQuoteDraft, sendQuote } = await import("../services/quotes");
  const revisions = await db
    .select({ id: designRevisions.id, spec: designRevisions.spec, category: designs.category })
    .from(designRevisions)
    .innerJoin(designs, eq(designs.id, designRevisions.designId))
    .where(and(eq(designRevisions.orgId, brand.orgId), eq(designRevisions.status, "approved")))
    .orderBy(asc(designs.name), asc(designRevisions.number));
  const ring = revisions.find((r) => r.spec.sizeRun && r.spec.sizeRun.sizes.length >= 3);
  const other = revisions.find((r) => r.id !== ring?.id && r.category !== ring?.category) ?? revisions.find((r) => r.id !== ring?.id);
  if (!ring || !other) return null;
  const published = await db.select({ orgId: workshopProfiles.orgId }).from(workshopProfiles).where(inArray(workshopProfiles.orgId, workshops.map((w) => w.orgId)));
  if (published.length < workshops.length) return null;
  const ringSizes = sizesOf(ring.spec).slice(0, 5);
  const split = [2, 3, 3, 2, 2];
  const rfq = await createRfq(db, brand, {
    title: "Spring capsule: signet ring and pendant",
    currency,
    targetDate: dayFrom(timeZone, 100),
    deadline: dayFrom(timeZone, 21),
    notes: "Recycled metal only. Hallmark inside the band; a soft pouch per piece.",
    attachmentFileIds: [],
    lines: [
      { revisionId: ring.id, sizes: ringSizes.map((size, i) => ({ size, quantity: split[i] ?? 2 })) },
      { revisionId: other.id, sizes: sizesOf(other.spec).map((size, i) => ({ size, quantity: i === 0 ? 12 : 0 })).filter((s) => s.quantity > 0) },
    ],
  });
  await inviteWorkshops(db, brand, { rfqId: rfq.id, workshopOrgIds: workshops.map((w) => w.orgId) });
  await sendRfq(db, brand, { rfqId: rfq.id });
  const lines = await db.select().from(rfqLines).where(eq(rfqLines.rfqId, rfq.id)).orderBy(asc(rfqLines.position));
  const invitations = await db.select().from(rfqInvitations).where(eq(rfqInvitations.rfqId, rfq.id));
  const [ringLine, otherLine] = [lines[0]!, lines[1]!];
  const big = currency === "JPY" ? 1 : 100;
  for (const [index, w] of workshops.entries()) {
    const inv = invitations.find((i) => i.workshopOrgId === w.orgId);
    if (!inv) continue;
    const step = index * 5 * big;
    const draft = await saveQuoteDraft(db, w, {
      invitationId: inv.id,
      pricing: {
        currency,
        depositPercent: index === 0 ? 30 : 40,
        bundle: index === 0 ? { lineIds: [ringLine.id, otherLine.id], minQuantity: 20, floor: 6 } : null,
        lines: [
          {
            lineId: ringLine.id,
            moq: 10,
            tiers: [
              { minQuantity: 10, unitPriceMinor: 95 * big + step },
              { minQuantity: 25, unitPriceMinor: 82 * big + step },
              { minQuantity: 50, unitPriceMinor: 74 * big + step },
            ],
            sizeSurcharges: ringSizes.length >= 5 ? [{ size: ringSizes[4]!, amountMinor: 4 * big }] : [],
            fees: [{ label: "Mould", amountMinor: 180 * big }],
          },
          {
            lineId: otherLine.id,
            moq: 10,
            tiers: [
              { minQuantity: 10, unitPriceMinor: 68 * big - step },
              { minQuantity: 30, unitPriceMinor: 59 * big - step },
            ],
            sizeSurcharges: [],
            fees: index === 0 ? [{ label: "CAD adjustments", amountMinor: 120 * big }] : [],
          },
        ],
      },
      terms: {
        leadTimeDays: index === 0 ? 32 : 40,
        paymentTerms: index === 0 ? "balance_before_shipping" : "balance_at_milestone",
        balanceMilestone: index === 0 ? "" : "Quality check",
        validUntil: dayFrom(timeZone, 45),
        notes: index === 0 ? "Bundle: ring and pendant together from 20 pieces, each from 6." : "Stones sourced locally; polishing by hand.",
        attachmentFileIds: [],
      },
    });
    await sendQuote(db, w, { quoteVersionId: draft.id });
  }
  return rfq.number;
}

/**
 * A demo order with payments: the brand's request for quote as above, the first workshop's quote accepted
 * at the planned quantities, its deposit sent by bank transfer and confirmed by the workshop (so the order
 * is in production) and its balance due. Returns the order id, or null when there is nothing to accept.
 */
export async function seedDemoOrder(db: Db, brand: Actor, timeZone: string, currency: string, workshops: Actor[]): Promise<string | null> {
  const number = await seedDemoRfq(db, brand, timeZone, currency, workshops);
  const workshop = workshops[0];
  if (number === null || !workshop) return null;
  const { acceptQuote } = await import("../services/quotes");
  const { confirmTransferReceived, markTransferSent } = await import("../services/payments");
  const { rfqs, quoteVersions, payments } = await import("./schema");
  const [rfq] = await db.select().from(rfqs).where(and(eq(rfqs.brandOrgId, brand.orgId), eq(rfqs.number, number)));
  const [version] = await db.select().from(quoteVersions).where(and(eq(quoteVersions.rfqId, rfq!.id), eq(quoteVersions.workshopOrgId, workshop.orgId), eq(quoteVersions.status, "sent")));
  if (!version) return null;
  const lines = await db.select().from(rfqLines).where(eq(rfqLines.rfqId, rfq!.id));
  const quantities = Object.fromEntries(lines.map((l) => [l.id, Object.fromEntries(l.sizes.map((s) => [s.size, s.quantity]))]));
  const order = await acceptQuote(db, brand, { quoteVersionId: version.id, quantities });
  const [deposit] = await db.select().from(payments).where(and(eq(payments.orderId, order.id), eq(payments.kind, "deposit")));
  if (deposit) {
    await markTransferSent(db, brand, { paymentId: deposit.id, reference: `SEPA ${order.year}-${order.seq}` });
    const [ws] = await db.select({ timeZone: organizationsTable.timeZone }).from(organizationsTable).where(eq(organizationsTable.id, workshop.orgId));
    await confirmTransferReceived(db, workshop, { paymentId: deposit.id, receivedOn: todayIn(ws?.timeZone ?? "UTC") });
  }
  return order.id;
}
