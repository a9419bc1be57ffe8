import { and, eq } from "drizzle-orm";
import type { Db } from "~/server/db/client";
import { collectionStyleFiles, collections, designRevisionAttachments, designRevisionComments, designRevisions, designs, rfqAttachments, rfqInvitations, rfqLines } from "~/server/db/schema";
import { emptySpec, type DesignSpec } from "~/lib/design-spec";
import type { PricedQuoteLine } from "~/lib/pricing";
import { createRfq, inviteWorkshops, sendRfq } from "~/server/services/rfqs";
import { acceptQuote, saveQuoteDraft, sendQuote } from "~/server/services/quotes";
import { postMessage } from "~/server/services/rfq-messages";
import { todayIn } from "~/lib/sample-request-schemas";
import type { Fixture, OrgFixture } from "./fixtures";
import { actorOf, publishWorkshop, uploadedFile } from "./vetting";

/** Test data for requests for quote: designs with an approved revision, RFQs sent, quotes sent. */

let seq = 0;

/** A design of the brand with an approved revision 1; ring sizes US 5–9 unless `sizes: null` (one size). */
export async function approvedDesign(db: Db, brand: OrgFixture, opts: { name?: string; sizes?: string[] | null } = {}) {
  const name = opts.name ?? "Signet ring";
  const [design] = await db
    .insert(designs)
    .values({ orgId: brand.org.id, sku: `SKU-${++seq}-${Math.random().toString(36).slice(2, 6)}`, name, category: "ring" })
    .returning();
  const sizes = opts.sizes === undefined ? ["5", "6", "7", "8", "9"] : opts.sizes;
  const spec: DesignSpec = { ...emptySpec(), sizeRun: sizes ? { system: "ring_us", sizes } : null };
  const [revision] = await db
    .insert(designRevisions)
    .values({ orgId: brand.org.id, designId: design!.id, number: 1, status: "approved", spec, approvedAt: new Date(), approvedByName: "Test" })
    .returning();
  return { design: design!, revision: revision! };
}

/** A further approved revision of a design. */
export async function approveNextRevision(db: Db, brand: OrgFixture, designId: string, number: number, sizes: string[] = ["5", "6", "7", "8", "9"]) {
  const [revision] = await db
    .insert(designRevisions)
    .values({ orgId: brand.org.id, designId, number, status: "approved", spec: { ...emptySpec(), sizeRun: { system: "ring_us", sizes } }, approvedAt: new Date(), approvedByName: "Test" })
    .returning();
  return revision!;
}

export const daysFromToday = (days: number, timeZone = "Europe/Paris") => {
  const d = new Date(`${todayIn(timeZone)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** A draft RFQ of the brand with a ring (sizes 5–9: 2, 3, 3, 2, 2) and a one-size pendant (12). */
export async function draftRfq(db: Db, brand: OrgFixture, opts: { title?: string } = {}) {
  const ring = await approvedDesign(db, brand, { name: "Signet ring" });
  const pendant = await approvedDesign(db, brand, { name: "Moon pendant", sizes: null });
  const rfq = await createRfq(db, actorOf(brand), {
    title: opts.title ?? "Spring capsule",
    currency: "EUR",
    targetDate: daysFromToday(90),
    deadline: daysFromToday(14),
    notes: "",
    attachmentFileIds: [],
    lines: [
      { revisionId: ring.revision.id, sizes: [{ size: "5", quantity: 2 }, { size: "6", quantity: 3 }, { size: "7", quantity: 3 }, { size: "8", quantity: 2 }, { size: "9", quantity: 2 }] },
      { revisionId: pendant.revision.id, sizes: [{ size: "One size", quantity: 12 }] },
    ],
  });
  const lines = await db.select().from(rfqLines).where(eq(rfqLines.rfqId, rfq.id)).orderBy(rfqLines.position);
  return { rfq, ring, pendant, ringLine: lines[0]!, pendantLine: lines[1]! };
}

/** A draft RFQ sent to the workshops (published on the way). */
export async function sentRfq(db: Db, brand: OrgFixture, workshops: OrgFixture[], opts: { title?: string } = {}) {
  const draft = await draftRfq(db, brand, opts);
  for (const w of workshops) await publishWorkshop(db, w);
  await inviteWorkshops(db, actorOf(brand), { rfqId: draft.rfq.id, workshopOrgIds: workshops.map((w) => w.org.id) });
  await sendRfq(db, actorOf(brand), { rfqId: draft.rfq.id });
  const invitations = await db.select().from(rfqInvitations).where(eq(rfqInvitations.rfqId, draft.rfq.id));
  const invitationOf = (w: OrgFixture) => invitations.find((i) => i.workshopOrgId === w.org.id)!;
  return { ...draft, invitationOf };
}

/** Ring: MOQ 5, 5 → 40.00, 10 → 35.00, 20 → 30.00; size 9 +4.00; mould 150.00. Pendant: MOQ 10, 10 → 25.00. */
export const ringPricing = (lineId: string): PricedQuoteLine => ({
  lineId,
  moq: 5,
  tiers: [
    { minQuantity: 5, unitPriceMinor: 4000 },
    { minQuantity: 10, unitPriceMinor: 3500 },
    { minQuantity: 20, unitPriceMinor: 3000 },
  ],
  sizeSurcharges: [{ size: "9", amountMinor: 400 }],
  fees: [{ label: "Mould", amountMinor: 15000 }],
});
export const pendantPricing = (lineId: string): PricedQuoteLine => ({ lineId, moq: 10, tiers: [{ minQuantity: 10, unitPriceMinor: 2500 }], sizeSurcharges: [], fees: [] });

export const terms = (overrides: Partial<{ leadTimeDays: number; validUntil: string }> = {}) => ({
  leadTimeDays: overrides.leadTimeDays ?? 30,
  paymentTerms: "balance_before_shipping" as const,
  balanceMilestone: "",
  validUntil: overrides.validUntil ?? daysFromToday(30, "Europe/Rome"),
  notes: "",
  attachmentFileIds: [],
});

/** The workshop saves and sends a quote on both lines (30 % deposit). */
export async function sentQuote(db: Db, workshop: OrgFixture, invitationId: string, lines: { ring: string; pendant: string }, opts: { leadTimeDays?: number } = {}) {
  const draft = await saveQuoteDraft(db, actorOf(workshop), {
    invitationId,
    pricing: { currency: "EUR", lines: [ringPricing(lines.ring), pendantPricing(lines.pendant)], bundle: null, depositPercent: 30 },
    terms: terms({ leadTimeDays: opts.leadTimeDays }),
  });
  return sendQuote(db, actorOf(workshop), { quoteVersionId: draft.id });
}

export const invitationFor = async (db: Db, rfqId: string, workshopOrgId: string) =>
  (await db.select().from(rfqInvitations).where(and(eq(rfqInvitations.rfqId, rfqId), eq(rfqInvitations.workshopOrgId, workshopOrgId))))[0]!;

/**
 * Rows in every RFQ and design table, between the fixture's brand and (published) workshop: a collection
 * with a style file, a draft revision with a file and a comment, an RFQ with a file sent to the workshop,
 * its quote with a file, a message with a file (and the reader's marker), and the order.
 */
export async function rfqBetween(db: Db, f: Fixture) {
  const r = await sentRfq(db, f.brand, [f.workshop]);
  const [collection] = await db.insert(collections).values({ orgId: f.brand.org.id, name: "Spring" }).returning();
  await db.update(designs).set({ collectionId: collection!.id }).where(eq(designs.id, r.ring.design.id));
  const styleFile = await uploadedFile(db, f.brand, "collection_style_file");
  await db.insert(collectionStyleFiles).values({ collectionId: collection!.id, fileId: styleFile.id, orgId: f.brand.org.id, position: 0 });
  const [draft] = await db.insert(designRevisions).values({ orgId: f.brand.org.id, designId: r.ring.design.id, number: 2, spec: emptySpec() }).returning();
  const designFile = await uploadedFile(db, f.brand, "design_attachment");
  await db.insert(designRevisionAttachments).values({ revisionId: draft!.id, kind: "cad", fileId: designFile.id, orgId: f.brand.org.id, position: 0 });
  await db.insert(designRevisionComments).values({ orgId: f.brand.org.id, revisionId: draft!.id, body: "Thicker band?" });
  const rfqFile = await uploadedFile(db, f.brand, "rfq_attachment");
  await db.insert(rfqAttachments).values({ rfqId: r.rfq.id, fileId: rfqFile.id, orgId: f.brand.org.id, position: 0 });
  const inv = r.invitationOf(f.workshop);
  const quoteFile = await uploadedFile(db, f.workshop, "quote_attachment");
  const draftQuote = await saveQuoteDraft(db, actorOf(f.workshop), {
    invitationId: inv.id,
    pricing: { currency: "EUR", lines: [ringPricing(r.ringLine.id), pendantPricing(r.pendantLine.id)], bundle: null, depositPercent: 30 },
    terms: { ...terms(), attachmentFileIds: [quoteFile.id] },
  });
  const quote = await sendQuote(db, actorOf(f.workshop), { quoteVersionId: draftQuote.id });
  const messageFile = await uploadedFile(db, f.workshop, "rfq_message_attachment");
  await postMessage(db, actorOf(f.workshop), { invitationId: inv.id, body: "Which alloy for the 18k?", attachmentFileIds: [messageFile.id] });
  const order = await acceptQuote(db, actorOf(f.brand), {
    quoteVersionId: quote.id,
    quantities: { [r.ringLine.id]: { "5": 2, "6": 3, "7": 3, "8": 2, "9": 2 }, [r.pendantLine.id]: { "One size": 12 } },
  });
  return { ...r, quote, order, files: { styleFile, designFile, rfqFile, quoteFile, messageFile } };
}
