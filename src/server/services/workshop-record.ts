import { and, count, inArray, isNotNull, sql } from "drizzle-orm";
import type { Queryable } from "../db/client";
import { sampleRequests } from "../db/schema";

/**
 * A workshop's record on Bezel, computed from what happened here and never typed in. On-time delivery and
 * reviews come from completed orders once orders exist; until then they are null / 0 and shown as
 * "not enough history yet".
 */
export type WorkshopRecord = {
  /** Median hours from a sample request to the workshop's first answer (accept or decline). */
  medianResponseHours: number | null;
  /** How many requests that median is based on. */
  responsesCounted: number;
  samplesSent: number;
  /** Share of orders delivered by the promised date, 0–1. Filled in by the orders feature. */
  onTimeRate: number | null;
  reviewCount: number;
};

const EMPTY: WorkshopRecord = { medianResponseHours: null, responsesCounted: 0, samplesSent: 0, onTimeRate: null, reviewCount: 0 };

/** Records for many workshops in two queries (for directory cards and side-by-side comparison). */
export async function getWorkshopRecords(db: Queryable, workshopOrgIds: string[]): Promise<Map<string, WorkshopRecord>> {
  const result = new Map<string, WorkshopRecord>(workshopOrgIds.map((id) => [id, { ...EMPTY }]));
  if (workshopOrgIds.length === 0) return result;
  const responses = await db
    .select({
      orgId: sampleRequests.workshopOrgId,
      n: count(),
      medianSeconds: sql<string | null>`percentile_cont(0.5) within group (order by extract(epoch from ${sampleRequests.respondedAt} - ${sampleRequests.createdAt}))`,
    })
    .from(sampleRequests)
    .where(and(inArray(sampleRequests.workshopOrgId, workshopOrgIds), isNotNull(sampleRequests.respondedAt)))
    .groupBy(sampleRequests.workshopOrgId);
  const shipped = await db
    .select({ orgId: sampleRequests.workshopOrgId, n: count() })
    .from(sampleRequests)
    .where(and(inArray(sampleRequests.workshopOrgId, workshopOrgIds), isNotNull(sampleRequests.shippedAt)))
    .groupBy(sampleRequests.workshopOrgId);
  for (const r of responses) {
    const rec = result.get(r.orgId)!;
    rec.responsesCounted = r.n;
    rec.medianResponseHours = r.medianSeconds === null ? null : Math.round((Number(r.medianSeconds) / 3600) * 10) / 10;
  }
  for (const s of shipped) result.get(s.orgId)!.samplesSent = s.n;
  return result;
}

export async function getWorkshopRecord(db: Queryable, workshopOrgId: string): Promise<WorkshopRecord> {
  return (await getWorkshopRecords(db, [workshopOrgId])).get(workshopOrgId)!;
}
