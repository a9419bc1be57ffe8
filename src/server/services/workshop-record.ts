import { sql } from "drizzle-orm";
import type { Queryable } from "../db/client";

/**
 * A workshop's record on Bezel, computed from what happened here and never typed in: sample requests,
 * orders delivered against their promise, approvals, reviews. Each figure comes with the number of
 * requests or orders behind it; a figure with nothing behind it is null and shown as "not enough history".
 */
export type WorkshopRecord = {
  /** Median hours from a sample request to the workshop's first answer (accept or decline). */
  medianResponseHours: number | null;
  /** How many requests that median is based on. */
  responsesCounted: number;
  samplesSent: number;
  /** Share of delivered orders delivered on or before the date promised at order, 0–1. */
  onTimeRate: number | null;
  /** Delivered orders (not cancelled) behind the on-time rate. */
  ordersDelivered: number;
  /** Median business days (in the workshop's calendar) by which late orders missed their promise. */
  medianLateBusinessDays: number | null;
  lateOrders: number;
  /** Share of approvals the brand answered that needed changes at least once, 0–1. */
  approvalsChangedRate: number | null;
  approvalsCounted: number;
  /** Orders those approvals belong to. */
  approvalOrders: number;
  /** Averages of published reviews, each 1–5 rounded to one decimal; null without reviews. */
  reviewAverages: { quality: number; communication: number; timeliness: number } | null;
  /** Reviews (one per order) behind the averages. */
  reviewCount: number;
};

export const EMPTY_RECORD: WorkshopRecord = {
  medianResponseHours: null,
  responsesCounted: 0,
  samplesSent: 0,
  onTimeRate: null,
  ordersDelivered: 0,
  medianLateBusinessDays: null,
  lateOrders: 0,
  approvalsChangedRate: null,
  approvalsCounted: 0,
  approvalOrders: 0,
  reviewAverages: null,
  reviewCount: 0,
};

type Num = string | number;
type OrderStats = {
  workshop_org_id: string;
  delivered: Num;
  on_time: Num;
  late: Num;
  median_late_business_days: Num | null;
  approvals: Num;
  approvals_with_changes: Num;
  approval_orders: Num;
  reviews: Num;
  avg_quality: Num | null;
  avg_communication: Num | null;
  avg_timeliness: Num | null;
};

const oneDecimal = (n: Num) => Math.round(Number(n) * 10) / 10;
const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/**
 * Records for many workshops in one query (for directory cards, side-by-side comparison and the public
 * profile). Sample requests, orders and their plans belong to the two parties, so the figures come from
 * database functions that read across all brands and return aggregates only.
 */
export async function getWorkshopRecords(db: Queryable, workshopOrgIds: string[]): Promise<Map<string, WorkshopRecord>> {
  const result = new Map<string, WorkshopRecord>(workshopOrgIds.map((id) => [id, { ...EMPTY_RECORD }]));
  if (workshopOrgIds.length === 0) return result;
  const ids = `{${workshopOrgIds.join(",")}}`;
  // One statement: the two functions' rows side by side, by workshop.
  type Row = { s_id: string | null; o_id: string | null; responses: Num; median_response_seconds: Num | null; samples_sent: Num } & Omit<OrderStats, "workshop_org_id">;
  const { rows } = await db.execute<Row>(
    sql`select s.workshop_org_id as s_id, o.workshop_org_id as o_id, s.responses, s.median_response_seconds, s.samples_sent,
          o.delivered, o.on_time, o.late, o.median_late_business_days, o.approvals, o.approvals_with_changes, o.approval_orders,
          o.reviews, o.avg_quality, o.avg_communication, o.avg_timeliness
        from workshop_record_stats(${ids}::uuid[]) s full join workshop_order_record(${ids}::uuid[]) o on o.workshop_org_id = s.workshop_org_id`,
  );
  for (const r of rows) {
    const rec = result.get((r.s_id ?? r.o_id)!);
    if (!rec) continue;
    if (r.s_id) readSamples(rec, r);
    if (r.o_id) readOrders(rec, r);
  }
  return result;
}

/** The sample-request half of a record (`workshop_record_stats`). */
function readSamples(rec: WorkshopRecord, r: { responses: Num; median_response_seconds: Num | null; samples_sent: Num }) {
  rec.responsesCounted = Number(r.responses);
  rec.medianResponseHours = r.median_response_seconds === null ? null : Math.round((Number(r.median_response_seconds) / 3600) * 10) / 10;
  rec.samplesSent = Number(r.samples_sent);
}

/** The orders half of a record (`workshop_order_record`). */
function readOrders(rec: WorkshopRecord, r: Omit<OrderStats, "workshop_org_id">) {
  rec.ordersDelivered = Number(r.delivered);
  rec.onTimeRate = share(Number(r.on_time), rec.ordersDelivered);
  rec.lateOrders = Number(r.late);
  rec.medianLateBusinessDays = r.median_late_business_days === null ? null : oneDecimal(r.median_late_business_days);
  rec.approvalsCounted = Number(r.approvals);
  rec.approvalsChangedRate = share(Number(r.approvals_with_changes), rec.approvalsCounted);
  rec.approvalOrders = Number(r.approval_orders);
  rec.reviewCount = Number(r.reviews);
  rec.reviewAverages =
    rec.reviewCount === 0 || r.avg_quality === null || r.avg_communication === null || r.avg_timeliness === null
      ? null
      : { quality: oneDecimal(r.avg_quality), communication: oneDecimal(r.avg_communication), timeliness: oneDecimal(r.avg_timeliness) };
}

export async function getWorkshopRecord(db: Queryable, workshopOrgId: string): Promise<WorkshopRecord> {
  return (await getWorkshopRecords(db, [workshopOrgId])).get(workshopOrgId)!;
}
