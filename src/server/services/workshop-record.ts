import { sql } from "drizzle-orm";
import type { Queryable } from "../db/client";

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

/**
 * Records for many workshops in one query (for directory cards and side-by-side comparison). Sample
 * requests belong to the two parties, so the counts come from a database function that reads across all
 * brands and returns aggregates only.
 */
export async function getWorkshopRecords(db: Queryable, workshopOrgIds: string[]): Promise<Map<string, WorkshopRecord>> {
  const result = new Map<string, WorkshopRecord>(workshopOrgIds.map((id) => [id, { ...EMPTY }]));
  if (workshopOrgIds.length === 0) return result;
  const { rows } = await db.execute<{ workshop_org_id: string; responses: string | number; median_response_seconds: string | number | null; samples_sent: string | number }>(
    sql`select * from workshop_record_stats(${`{${workshopOrgIds.join(",")}}`}::uuid[])`,
  );
  for (const r of rows) {
    const rec = result.get(r.workshop_org_id);
    if (!rec) continue;
    rec.responsesCounted = Number(r.responses);
    rec.medianResponseHours = r.median_response_seconds === null ? null : Math.round((Number(r.median_response_seconds) / 3600) * 10) / 10;
    rec.samplesSent = Number(r.samples_sent);
  }
  return result;
}

export async function getWorkshopRecord(db: Queryable, workshopOrgId: string): Promise<WorkshopRecord> {
  return (await getWorkshopRecords(db, [workshopOrgId])).get(workshopOrgId)!;
}
