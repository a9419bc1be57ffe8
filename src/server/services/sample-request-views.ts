import { and, asc, count, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db, Queryable } from "../db/client";
import { withOrg } from "../db/tenant";
import { files, organizations, portfolioPieces, sampleEvaluations, sampleRequestAttachments, sampleRequestUpdates, sampleRequests, users } from "../db/schema";
import { AppError } from "../errors";
import type { SampleStatus } from "~/lib/sample-request-schemas";
import { availableActions, sampleRequestNotFound, type SampleSide } from "./sample-requests";
import { pieceHasPhoto } from "./workshop-profiles";
import { findPublishedWorkshop } from "./shortlist";

/**
 * How each side reads sample requests. Workshop-side reads select their columns explicitly and never touch
 * `sample_evaluations`: the brand's evaluation is private.
 */
export const SAMPLES_PAGE_SIZE = 20;

const brandOrg = alias(organizations, "brand_org");
const workshopOrg = alias(organizations, "workshop_org");

const summaryColumns = {
  id: sampleRequests.id,
  number: sampleRequests.number,
  workshopNumber: sampleRequests.workshopNumber,
  status: sampleRequests.status,
  description: sampleRequests.description,
  quantity: sampleRequests.quantity,
  feeMinor: sampleRequests.feeMinor,
  feeCurrency: sampleRequests.feeCurrency,
  expectedShipDate: sampleRequests.expectedShipDate,
  createdAt: sampleRequests.createdAt,
  updatedAt: sampleRequests.updatedAt,
  pieceTitle: portfolioPieces.title,
  brandName: brandOrg.name,
  workshopName: workshopOrg.name,
  workshopSlug: workshopOrg.slug,
};

function summariesQuery(tx: Queryable) {
  return tx
    .select(summaryColumns)
    .from(sampleRequests)
    .innerJoin(brandOrg, eq(brandOrg.id, sampleRequests.brandOrgId))
    .innerJoin(workshopOrg, eq(workshopOrg.id, sampleRequests.workshopOrgId))
    .leftJoin(portfolioPieces, eq(portfolioPieces.id, sampleRequests.portfolioPieceId));
}

/** One side's requests, newest first, a page at a time, with counts per status for the filter. */
export async function listSampleRequests(db: Db, side: SampleSide, orgId: string, opts: { status?: SampleStatus | null; page: number; pageSize?: number }) {
  const pageSize = opts.pageSize ?? SAMPLES_PAGE_SIZE;
  const own = side === "brand" ? eq(sampleRequests.brandOrgId, orgId) : eq(sampleRequests.workshopOrgId, orgId);
  return withOrg(db, orgId, async (tx) => {
    const where = and(own, opts.status ? eq(sampleRequests.status, opts.status) : undefined);
    const items = await summariesQuery(tx)
      .where(where)
      .orderBy(desc(sampleRequests.createdAt), desc(sampleRequests.id))
      .limit(pageSize)
      .offset((opts.page - 1) * pageSize);
    const byStatus = await tx.select({ status: sampleRequests.status, n: count() }).from(sampleRequests).where(own).groupBy(sampleRequests.status);
    const counts = Object.fromEntries(byStatus.map((r) => [r.status, r.n])) as Partial<Record<SampleStatus, number>>;
    const all = byStatus.reduce((sum, r) => sum + r.n, 0);
    const total = opts.status ? (counts[opts.status] ?? 0) : all;
    return { items, total, page: opts.page, pageSize, counts, all };
  });
}

export type SampleRequestSummary = Awaited<ReturnType<typeof listSampleRequests>>["items"][number];

async function timelineOf(tx: Queryable, req: { id: string; brandOrgId: string }) {
  const rows = await tx
    .select({ id: sampleRequestUpdates.id, status: sampleRequestUpdates.status, message: sampleRequestUpdates.message, createdAt: sampleRequestUpdates.createdAt, actorOrgId: sampleRequestUpdates.actorOrgId, actorName: users.name })
    .from(sampleRequestUpdates)
    .leftJoin(users, eq(users.id, sampleRequestUpdates.actorId))
    .where(eq(sampleRequestUpdates.sampleRequestId, req.id))
    // Each status happens at most once per request; the enum's order (SAMPLE_STATUSES) settles ties of the clock.
    .orderBy(asc(sampleRequestUpdates.createdAt), asc(sampleRequestUpdates.status));
  return rows.map(({ actorOrgId, ...r }) => {
    const side: SampleSide = actorOrgId === req.brandOrgId ? "brand" : "workshop";
    return { ...r, side };
  });
}

/** The request as both parties see it: no evaluation here. */
async function sharedView(tx: Queryable, side: SampleSide, where: ReturnType<typeof and>) {
  const [row] = await tx
    .select({
      ...summaryColumns,
      brandOrgId: sampleRequests.brandOrgId,
      workshopOrgId: sampleRequests.workshopOrgId,
      note: sampleRequests.note,
      portfolioPieceId: sampleRequests.portfolioPieceId,
      declineReason: sampleRequests.declineReason,
      carrier: sampleRequests.carrier,
      trackingNumber: sampleRequests.trackingNumber,
      respondedAt: sampleRequests.respondedAt,
      shippedAt: sampleRequests.shippedAt,
      receivedAt: sampleRequests.receivedAt,
      brandCountry: brandOrg.country,
      workshopTimeZone: workshopOrg.timeZone,
      workshopCurrency: workshopOrg.currency,
    })
    .from(sampleRequests)
    .innerJoin(brandOrg, eq(brandOrg.id, sampleRequests.brandOrgId))
    .innerJoin(workshopOrg, eq(workshopOrg.id, sampleRequests.workshopOrgId))
    .leftJoin(portfolioPieces, eq(portfolioPieces.id, sampleRequests.portfolioPieceId))
    .where(where);
  if (!row) throw sampleRequestNotFound();
  const attachments = await tx
    .select({ id: files.id, originalName: files.originalName, contentType: files.contentType, byteSize: files.byteSize })
    .from(sampleRequestAttachments)
    .innerJoin(files, eq(files.id, sampleRequestAttachments.fileId))
    .where(eq(sampleRequestAttachments.sampleRequestId, row.id))
    .orderBy(asc(sampleRequestAttachments.position));
  return { ...row, attachments, timeline: await timelineOf(tx, row), actions: availableActions(row.status, side) };
}

export async function getBrandSampleRequest(db: Db, orgId: string, number: number) {
  return withOrg(db, orgId, async (tx) => {
    const view = await sharedView(tx, "brand", and(eq(sampleRequests.brandOrgId, orgId), eq(sampleRequests.number, number)));
    const [evaluation] = await tx
      .select({ quality: sampleEvaluations.quality, finish: sampleEvaluations.finish, communication: sampleEvaluations.communication, notes: sampleEvaluations.notes, updatedAt: sampleEvaluations.updatedAt })
      .from(sampleEvaluations)
      .where(and(eq(sampleEvaluations.sampleRequestId, view.id), eq(sampleEvaluations.brandOrgId, orgId)));
    return { ...view, evaluation: evaluation ?? null };
  });
}

/** A workshop's request by its number per workshop (the workshop's URLs). */
export async function getWorkshopSampleRequest(db: Db, orgId: string, workshopNumber: number) {
  return withOrg(db, orgId, (tx) => sharedView(tx, "workshop", and(eq(sampleRequests.workshopNumber, workshopNumber), eq(sampleRequests.workshopOrgId, orgId))));
}

/** The workshop's number of a request known by its id: old workshop URLs used ids, and redirect to the number. */
export async function workshopNumberOf(db: Db, orgId: string, requestId: string): Promise<{ number: number }> {
  return withOrg(db, orgId, async (tx) => {
    const [row] = await tx
      .select({ number: sampleRequests.workshopNumber })
      .from(sampleRequests)
      .where(and(eq(sampleRequests.id, requestId), eq(sampleRequests.workshopOrgId, orgId)));
    if (!row) throw sampleRequestNotFound();
    return row;
  });
}

/** What a brand may ask a workshop for: its portfolio, once the workshop is published. */
export async function sampleRequestOptions(db: Db, brandOrgId: string, workshopOrgId: string) {
  return withOrg(db, brandOrgId, async (tx) => {
    const workshop = await findPublishedWorkshop(tx, workshopOrgId);
    if (!workshop) throw new AppError("NOT_FOUND", "That workshop was not found.");
    const pieces = await tx
      .select({ id: portfolioPieces.id, title: portfolioPieces.title })
      .from(portfolioPieces)
      .where(and(eq(portfolioPieces.orgId, workshop.id), pieceHasPhoto(tx)))
      .orderBy(asc(portfolioPieces.position), asc(portfolioPieces.createdAt));
    return { workshop: { id: workshop.id, name: workshop.name, slug: workshop.slug }, pieces };
  });
}
