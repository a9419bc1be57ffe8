import { and, asc, count, desc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db, Tx } from "../db/client";
import { withOrg } from "../db/tenant";
import {
  collectionStyleFiles,
  collections,
  designRevisionAttachments,
  designRevisions,
  designs,
  files,
  orderLines,
  orders,
  organizations,
  quoteVersionAttachments,
  quoteVersions,
  rfqAttachments,
  rfqInvitations,
  rfqLines,
  rfqs,
  type QuoteVersion,
} from "../db/schema";
import { AppError } from "../errors";
import { RFQS_PAGE_SIZE, type QuoteVersionStatus, type RfqStatus } from "~/lib/rfq-schemas";
import { expectedDelivery, workshopCalendars } from "./expected-delivery";
import type { Actor } from "./members";
import { rfqNotFound } from "./rfq-common";
import { orderStageIn } from "./order-status";
import { unreadByInvitation } from "./rfq-messages";
import { availableRfqActions, sizesOf } from "./rfqs";
import { getWorkshopRecords } from "./workshop-record";

/** How each side reads requests for quote, quotes and orders. Workshop-side reads select their columns. */

const fileColumns = { id: files.id, originalName: files.originalName, contentType: files.contentType, byteSize: files.byteSize };

async function linesOf(tx: Tx, rfqId: string) {
  const rows = await tx
    .select({
      id: rfqLines.id,
      position: rfqLines.position,
      sizes: rfqLines.sizes,
      designId: rfqLines.designId,
      revisionId: rfqLines.revisionId,
      designName: designs.name,
      sku: designs.sku,
      category: designs.category,
      collectionId: designs.collectionId,
      revisionNumber: designRevisions.number,
      spec: designRevisions.spec,
    })
    .from(rfqLines)
    .innerJoin(designs, eq(designs.id, rfqLines.designId))
    .innerJoin(designRevisions, eq(designRevisions.id, rfqLines.revisionId))
    .where(eq(rfqLines.rfqId, rfqId))
    .orderBy(asc(rfqLines.position));
  return rows.map((r) => ({ ...r, sizeRun: sizesOf(r.spec), quantity: r.sizes.reduce((a, s) => a + s.quantity, 0) }));
}

const attachmentsOf = (tx: Tx, rfqId: string) =>
  tx.select(fileColumns).from(rfqAttachments).innerJoin(files, eq(files.id, rfqAttachments.fileId)).where(eq(rfqAttachments.rfqId, rfqId)).orderBy(asc(rfqAttachments.position));

async function versionFiles(tx: Tx, versionIds: string[]) {
  if (versionIds.length === 0) return new Map<string, { id: string; originalName: string; contentType: string; byteSize: number }[]>();
  const rows = await tx
    .select({ versionId: quoteVersionAttachments.quoteVersionId, ...fileColumns })
    .from(quoteVersionAttachments)
    .innerJoin(files, eq(files.id, quoteVersionAttachments.fileId))
    .where(inArray(quoteVersionAttachments.quoteVersionId, versionIds))
    .orderBy(asc(quoteVersionAttachments.position));
  const map = new Map<string, { id: string; originalName: string; contentType: string; byteSize: number }[]>();
  for (const { versionId, ...f } of rows) map.set(versionId, [...(map.get(versionId) ?? []), f]);
  return map;
}

const versionView = (v: QuoteVersion) => ({
  id: v.id,
  number: v.number,
  status: v.status,
  currency: v.currency,
  pricing: v.pricing,
  lineRevisions: v.lineRevisions,
  leadTimeDays: v.leadTimeDays,
  depositPercent: v.depositPercent,
  paymentTerms: v.paymentTerms,
  balanceMilestone: v.balanceMilestone,
  validUntil: v.validUntil,
  notes: v.notes,
  createdAt: v.createdAt,
  sentAt: v.sentAt,
  closedAt: v.closedAt,
});

// ─── Brand ──────────────────────────────────────────────────────────────────────────────────────────────

export async function listRfqs(db: Db, brandOrgId: string, opts: { status?: RfqStatus | null; page: number }) {
  return withOrg(db, brandOrgId, async (tx) => {
    const where = and(eq(rfqs.brandOrgId, brandOrgId), opts.status ? eq(rfqs.status, opts.status) : undefined);
    const [total] = await tx.select({ n: count() }).from(rfqs).where(where);
    const items = await tx
      .select({
        id: rfqs.id,
        number: rfqs.number,
        title: rfqs.title,
        status: rfqs.status,
        currency: rfqs.currency,
        deadline: rfqs.deadline,
        targetDate: rfqs.targetDate,
        createdAt: rfqs.createdAt,
        invited: sql<number>`(select count(*) from rfq_invitations i where i.rfq_id = ${rfqs.id})`.mapWith(Number),
        quoted: sql<number>`(select count(*) from quote_versions v where v.rfq_id = ${rfqs.id} and v.status in ('sent', 'accepted'))`.mapWith(Number),
        lines: sql<number>`(select count(*) from rfq_lines l where l.rfq_id = ${rfqs.id})`.mapWith(Number),
      })
      .from(rfqs)
      .where(where)
      .orderBy(desc(rfqs.createdAt), desc(rfqs.number))
      .limit(RFQS_PAGE_SIZE)
      .offset((opts.page - 1) * RFQS_PAGE_SIZE);
    return { items, total: total?.n ?? 0, page: opts.page, pageSize: RFQS_PAGE_SIZE };
  });
}

async function brandRfqByNumber(tx: Tx, brandOrgId: string, number: number) {
  const [rfq] = await tx.select().from(rfqs).where(and(eq(rfqs.brandOrgId, brandOrgId), eq(rfqs.number, number)));
  if (!rfq) throw rfqNotFound();
  return rfq;
}

/** The brand's RFQ page: lines, files, invitations with each workshop's answer, and what the brand may do. */
export async function getBrandRfq(db: Db, actor: Pick<Actor, "orgId" | "userId">, number: number) {
  return withOrg(db, actor.orgId, async (tx) => {
    const rfq = await brandRfqByNumber(tx, actor.orgId, number);
    const lines = await linesOf(tx, rfq.id);
    const newer = await tx
      .select({ designId: designRevisions.designId, id: designRevisions.id, number: designRevisions.number })
      .from(designRevisions)
      .where(and(eq(designRevisions.orgId, actor.orgId), eq(designRevisions.status, "approved"), inArray(designRevisions.designId, lines.map((l) => l.designId))))
      .orderBy(desc(designRevisions.number));
    const invitations = await tx
      .select({ id: rfqInvitations.id, workshopOrgId: rfqInvitations.workshopOrgId, status: rfqInvitations.status, declineReason: rfqInvitations.declineReason, sentAt: rfqInvitations.sentAt, workshopName: organizations.name, workshopSlug: organizations.slug })
      .from(rfqInvitations)
      .innerJoin(organizations, eq(organizations.id, rfqInvitations.workshopOrgId))
      .where(eq(rfqInvitations.rfqId, rfq.id))
      .orderBy(asc(rfqInvitations.createdAt));
    // Drafts stay the workshop's (its policy hides them too); every sent version is history both sides keep.
    const versions = await tx.select().from(quoteVersions).where(and(eq(quoteVersions.rfqId, rfq.id), ne(quoteVersions.status, "draft"))).orderBy(desc(quoteVersions.number));
    const vFiles = await versionFiles(tx, versions.map((v) => v.id));
    const unread = await unreadByInvitation(tx, actor, invitations.map((i) => i.id));
    const [order] = await tx.select({ id: orders.id, year: orders.year, seq: orders.seq }).from(orders).where(eq(orders.rfqId, rfq.id));
    return {
      rfq,
      lines: lines.map((l) => {
        const latest = newer.find((n) => n.designId === l.designId);
        return { ...l, newerRevision: latest && latest.number > l.revisionNumber ? { id: latest.id, number: latest.number } : null };
      }),
      attachments: await attachmentsOf(tx, rfq.id),
      invitations: invitations.map((i) => ({
        ...i,
        unread: unread.get(i.id) ?? 0,
        versions: versions.filter((v) => v.workshopOrgId === i.workshopOrgId).map((v) => ({ id: v.id, number: v.number, status: v.status, sentAt: v.sentAt, closedAt: v.closedAt, validUntil: v.validUntil, leadTimeDays: v.leadTimeDays, depositPercent: v.depositPercent, attachments: vFiles.get(v.id) ?? [] })),
      })),
      order: order ?? null,
      actions: availableRfqActions(rfq.status),
    };
  });
}

/**
 * Every live quote of an RFQ with what the comparison needs: the pricing engine's input (priced live in
 * the page at the brand's quantities), the terms, the expected delivery from each workshop's calendar and
 * its record on Bezel.
 */
export async function compareQuotes(db: Db, brandOrgId: string, number: number, now = new Date()) {
  return withOrg(db, brandOrgId, async (tx) => {
    const rfq = await brandRfqByNumber(tx, brandOrgId, number);
    const lines = await linesOf(tx, rfq.id);
    const live = await tx
      .select({ v: quoteVersions, workshopName: organizations.name, workshopSlug: organizations.slug, invitationId: rfqInvitations.id })
      .from(quoteVersions)
      .innerJoin(organizations, eq(organizations.id, quoteVersions.workshopOrgId))
      .innerJoin(rfqInvitations, and(eq(rfqInvitations.rfqId, quoteVersions.rfqId), eq(rfqInvitations.workshopOrgId, quoteVersions.workshopOrgId)))
      .where(and(eq(quoteVersions.rfqId, rfq.id), inArray(quoteVersions.status, ["sent", "accepted"])))
      .orderBy(asc(organizations.name));
    const calendars = await workshopCalendars(tx, live.map((q) => q.v), now);
    const records = await getWorkshopRecords(tx, live.map((q) => q.v.workshopOrgId));
    return {
      rfq: { id: rfq.id, number: rfq.number, title: rfq.title, status: rfq.status, currency: rfq.currency, targetDate: rfq.targetDate, deadline: rfq.deadline },
      lines: lines.map((l) => ({ id: l.id, designName: l.designName, sku: l.sku, revisionNumber: l.revisionNumber, revisionId: l.revisionId, sizes: l.sizes })),
      quotes: live.map(({ v, workshopName, workshopSlug, invitationId }) => {
        const record = records.get(v.workshopOrgId);
        return {
          ...versionView(v),
          invitationId,
          workshop: { id: v.workshopOrgId, name: workshopName, slug: workshopSlug },
          expectedDeliveryDate: expectedDelivery(calendars.get(v.workshopOrgId)!, v.leadTimeDays, now),
          record: record
            ? {
                medianResponseHours: record.medianResponseHours,
                samplesSent: record.samplesSent,
                onTimeRate: record.onTimeRate,
                ordersDelivered: record.ordersDelivered,
                reviewAverages: record.reviewAverages,
                reviewCount: record.reviewCount,
              }
            : null,
        };
      }),
    };
  });
}

/** Approved revisions of the brand's designs, for the lines of a new RFQ: the latest of each design. */
export async function rfqDesignOptions(db: Db, brandOrgId: string) {
  return withOrg(db, brandOrgId, async (tx) => {
    const rows = await tx
      .select({ designId: designs.id, designName: designs.name, sku: designs.sku, category: designs.category, revisionId: designRevisions.id, revisionNumber: designRevisions.number, spec: designRevisions.spec })
      .from(designRevisions)
      .innerJoin(designs, eq(designs.id, designRevisions.designId))
      .where(and(eq(designRevisions.orgId, brandOrgId), eq(designRevisions.status, "approved")))
      .orderBy(asc(designs.name), desc(designRevisions.number))
      .limit(1000);
    const seen = new Set<string>();
    return rows
      .filter((r) => (seen.has(r.designId) ? false : (seen.add(r.designId), true)))
      .map(({ spec, ...r }) => ({ ...r, sizes: sizesOf(spec) }));
  });
}

// ─── Workshop ───────────────────────────────────────────────────────────────────────────────────────────

export async function workshopInbox(db: Db, actor: Pick<Actor, "orgId" | "userId">, opts: { page: number }) {
  return withOrg(db, actor.orgId, async (tx) => {
    const where = and(eq(rfqInvitations.workshopOrgId, actor.orgId), sql`${rfqInvitations.sentAt} is not null`);
    const [total] = await tx.select({ n: count() }).from(rfqInvitations).where(where);
    const rows = await tx
      .select({
        invitationId: rfqInvitations.id,
        invitationStatus: rfqInvitations.status,
        sentAt: rfqInvitations.sentAt,
        rfqNumber: rfqs.number,
        title: rfqs.title,
        rfqStatus: rfqs.status,
        currency: rfqs.currency,
        deadline: rfqs.deadline,
        deadlineAt: rfqs.deadlineAt,
        targetDate: rfqs.targetDate,
        brandName: organizations.name,
        quoteStatus: sql<QuoteVersionStatus | null>`(select v.status::text from quote_versions v where v.rfq_id = ${rfqs.id} and v.workshop_org_id = ${actor.orgId} order by v.number desc limit 1)`,
      })
      .from(rfqInvitations)
      .innerJoin(rfqs, eq(rfqs.id, rfqInvitations.rfqId))
      .innerJoin(organizations, eq(organizations.id, rfqInvitations.brandOrgId))
      .where(where)
      .orderBy(desc(rfqInvitations.sentAt))
      .limit(RFQS_PAGE_SIZE)
      .offset((opts.page - 1) * RFQS_PAGE_SIZE);
    const unread = await unreadByInvitation(tx, actor, rows.map((r) => r.invitationId));
    return { items: rows.map((r) => ({ ...r, unread: unread.get(r.invitationId) ?? 0 })), total: total?.n ?? 0, page: opts.page, pageSize: RFQS_PAGE_SIZE };
  });
}

/** The RFQ as the invited workshop reads it: read-only revisions with files, the style guides, and its own quote versions. */
export async function getWorkshopRfq(db: Db, actor: Pick<Actor, "orgId" | "userId">, invitationId: string, now = new Date()) {
  return withOrg(db, actor.orgId, async (tx) => {
    const [inv] = await tx.select().from(rfqInvitations).where(and(eq(rfqInvitations.id, invitationId), eq(rfqInvitations.workshopOrgId, actor.orgId), sql`${rfqInvitations.sentAt} is not null`));
    if (!inv) throw rfqNotFound();
    const [rfq] = await tx.select().from(rfqs).where(eq(rfqs.id, inv.rfqId));
    if (!rfq) throw rfqNotFound();
    const [brand] = await tx.select({ name: organizations.name, country: organizations.country }).from(organizations).where(eq(organizations.id, rfq.brandOrgId));
    const lines = await linesOf(tx, rfq.id);
    const revisionFiles = await tx
      .select({ revisionId: designRevisionAttachments.revisionId, kind: designRevisionAttachments.kind, ...fileColumns })
      .from(designRevisionAttachments)
      .innerJoin(files, eq(files.id, designRevisionAttachments.fileId))
      .where(inArray(designRevisionAttachments.revisionId, lines.map((l) => l.revisionId)))
      .orderBy(asc(designRevisionAttachments.position));
    const collectionIds = [...new Set(lines.map((l) => l.collectionId).filter((c): c is string => !!c))];
    const guides = collectionIds.length ? await tx.select({ id: collections.id, name: collections.name, styleGuide: collections.styleGuide }).from(collections).where(inArray(collections.id, collectionIds)) : [];
    const guideFiles = collectionIds.length
      ? await tx.select({ collectionId: collectionStyleFiles.collectionId, ...fileColumns }).from(collectionStyleFiles).innerJoin(files, eq(files.id, collectionStyleFiles.fileId)).where(inArray(collectionStyleFiles.collectionId, collectionIds)).orderBy(asc(collectionStyleFiles.position))
      : [];
    const versions = await tx.select().from(quoteVersions).where(and(eq(quoteVersions.rfqId, rfq.id), eq(quoteVersions.workshopOrgId, actor.orgId))).orderBy(desc(quoteVersions.number));
    const vFiles = await versionFiles(tx, versions.map((v) => v.id));
    const [order] = await tx.select({ id: orders.id, year: orders.year, seq: orders.seq }).from(orders).where(and(eq(orders.rfqId, rfq.id), eq(orders.workshopOrgId, actor.orgId)));
    const open = rfq.status === "open" && now < rfq.deadlineAt && inv.status !== "declined";
    return {
      invitation: { id: inv.id, status: inv.status, declineReason: inv.declineReason, sentAt: inv.sentAt },
      rfq: { id: rfq.id, number: rfq.number, title: rfq.title, status: rfq.status, currency: rfq.currency, targetDate: rfq.targetDate, deadline: rfq.deadline, deadlineAt: rfq.deadlineAt, notes: rfq.notes, brandName: brand?.name ?? "", brandCountry: brand?.country ?? "" },
      lines: lines.map((l) => ({
        id: l.id,
        designName: l.designName,
        sku: l.sku,
        category: l.category,
        revisionId: l.revisionId,
        revisionNumber: l.revisionNumber,
        spec: l.spec,
        sizes: l.sizes,
        quantity: l.quantity,
        collectionId: l.collectionId,
        files: revisionFiles.filter((f) => f.revisionId === l.revisionId).map(({ revisionId: _r, ...f }) => f),
      })),
      styleGuides: guides.map((g) => ({ ...g, files: guideFiles.filter((f) => f.collectionId === g.id).map(({ collectionId: _c, ...f }) => f) })),
      attachments: await attachmentsOf(tx, rfq.id),
      versions: versions.map((v) => ({ ...versionView(v), attachments: vFiles.get(v.id) ?? [] })),
      order: order ?? null,
      actions: {
        quote: open && inv.status !== "awarded" && inv.status !== "not_awarded",
        decline: rfq.status === "open" && inv.status === "invited",
        withdraw: versions.some((v) => v.status === "sent"),
      },
    };
  });
}

// ─── Orders (both sides) ────────────────────────────────────────────────────────────────────────────────

export async function getOrder(db: Db, orgId: string, orderId: string) {
  return withOrg(db, orgId, async (tx) => {
    const [order] = await tx.select().from(orders).where(and(eq(orders.id, orderId), sql`${orgId} in (${orders.brandOrgId}, ${orders.workshopOrgId})`));
    if (!order) throw new AppError("NOT_FOUND", "That order was not found.");
    const lines = await tx.select().from(orderLines).where(eq(orderLines.orderId, order.id)).orderBy(asc(orderLines.position));
    const parties = await tx.select({ id: organizations.id, name: organizations.name, slug: organizations.slug }).from(organizations).where(inArray(organizations.id, [order.brandOrgId, order.workshopOrgId]));
    const [rfq] = await tx.select({ number: rfqs.number, title: rfqs.title }).from(rfqs).where(eq(rfqs.id, order.rfqId));
    const [invitation] = await tx.select({ id: rfqInvitations.id }).from(rfqInvitations).where(and(eq(rfqInvitations.rfqId, order.rfqId), eq(rfqInvitations.workshopOrgId, order.workshopOrgId)));
    const [version] = await tx.select({ number: quoteVersions.number }).from(quoteVersions).where(eq(quoteVersions.id, order.quoteVersionId));
    return {
      id: order.id,
      year: order.year,
      seq: order.seq,
      status: order.status,
      stage: await orderStageIn(tx, order),
      cancelReason: order.cancelReason,
      cancelledAt: order.cancelledAt,
      closedAt: order.closedAt,
      currency: order.currency,
      piecesTotalMinor: order.piecesTotalMinor,
      feesTotalMinor: order.feesTotalMinor,
      totalMinor: order.totalMinor,
      depositMinor: order.depositMinor,
      balanceMinor: order.balanceMinor,
      depositPercent: order.depositPercent,
      leadTimeDays: order.leadTimeDays,
      paymentTerms: order.paymentTerms,
      balanceMilestone: order.balanceMilestone,
      quoteNotes: order.quoteNotes,
      expectedDeliveryDate: order.expectedDeliveryDate,
      createdAt: order.createdAt,
      quoteVersionNumber: version?.number ?? 0,
      brand: parties.find((p) => p.id === order.brandOrgId) ?? { id: order.brandOrgId, name: "", slug: "" },
      workshop: parties.find((p) => p.id === order.workshopOrgId) ?? { id: order.workshopOrgId, name: "", slug: "" },
      rfq: { number: rfq?.number ?? 0, title: rfq?.title ?? "", invitationId: invitation?.id ?? null },
      lines: lines.map((l) => ({ id: l.id, designName: l.designName, sku: l.sku, revisionNumber: l.revisionNumber, revisionId: l.revisionId, quantity: l.quantity, sizes: l.sizes, tierUnitPriceMinor: l.tierUnitPriceMinor, fees: l.fees, feesTotalMinor: l.feesTotalMinor, lineTotalMinor: l.lineTotalMinor })),
    };
  });
}

export async function listOrders(db: Db, orgId: string, opts: { page: number }) {
  return withOrg(db, orgId, async (tx) => {
    const where = sql`${orgId} in (${orders.brandOrgId}, ${orders.workshopOrgId})`;
    const [total] = await tx.select({ n: count() }).from(orders).where(where);
    const items = await tx
      .select({ id: orders.id, year: orders.year, seq: orders.seq, status: orders.status, currency: orders.currency, totalMinor: orders.totalMinor, expectedDeliveryDate: orders.expectedDeliveryDate, createdAt: orders.createdAt, brandOrgId: orders.brandOrgId, workshopOrgId: orders.workshopOrgId })
      .from(orders)
      .where(where)
      .orderBy(desc(orders.createdAt))
      .limit(RFQS_PAGE_SIZE)
      .offset((opts.page - 1) * RFQS_PAGE_SIZE);
    const names = new Map((await tx.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, [...new Set(items.flatMap((i) => [i.brandOrgId, i.workshopOrgId]))].concat([orgId])))).map((o) => [o.id, o.name]));
    return { items: items.map((i) => ({ ...i, counterpartyName: names.get(i.brandOrgId === orgId ? i.workshopOrgId : i.brandOrgId) ?? "" })), total: total?.n ?? 0, page: opts.page, pageSize: RFQS_PAGE_SIZE };
  });
}
