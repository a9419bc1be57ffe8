import { stringify } from "csv-stringify/sync";
import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import type { Db, Queryable } from "../db/client";
import { withOrg } from "../db/tenant";
import { preorderCampaigns, preorderPageViews, preorderReservations } from "../db/schema";
import { toDecimalString } from "~/lib/money";
import { conversionLabel, RESERVATIONS_PAGE_SIZE, type ReservationFilters } from "~/lib/preorder-schemas";
import { PREORDER_RESERVATION_STATUS_LABELS } from "~/lib/preorder-vocabulary";
import { campaignNotFound, sizeLabel, sizesOf } from "./preorder-campaigns";

/**
 * A campaign's dashboard, the brand's alone: units reserved and paid per size, reservations and paid units
 * per day over the window with the page's views, the conversion (paid reservations per page view), and the
 * customers' reservations (names and emails) to search, export, refund and email.
 */

/** Days are UTC, as the page views are counted. At most this many are charted (the latest). */
export const DASHBOARD_DAYS_MAX = 120;
export const RESERVATIONS_EXPORT_LIMIT = 10_000;

const utcDay = (d: Date) => d.toISOString().slice(0, 10);

async function campaignOf(tx: Queryable, brandOrgId: string, campaignId: string) {
  const [c] = await tx
    .select()
    .from(preorderCampaigns)
    .where(and(eq(preorderCampaigns.id, campaignId), eq(preorderCampaigns.brandOrgId, brandOrgId)));
  if (!c) throw campaignNotFound();
  return c;
}

/** Every UTC day from `from` to `to`, both included, the latest DASHBOARD_DAYS_MAX of them. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out.slice(-DASHBOARD_DAYS_MAX);
}

export async function campaignDashboard(db: Db, brandOrgId: string, campaignId: string, now = new Date()) {
  return withOrg(db, brandOrgId, async (tx) => {
    const c = await campaignOf(tx, brandOrgId, campaignId);
    const sizes = await sizesOf(tx, brandOrgId, c.id);
    const mine = and(eq(preorderReservations.campaignId, c.id), eq(preorderReservations.brandOrgId, brandOrgId));
    const createdDay = sql<string>`to_char(${preorderReservations.createdAt} at time zone 'UTC', 'YYYY-MM-DD')`;
    const paidDay = sql<string>`to_char(${preorderReservations.paidAt} at time zone 'UTC', 'YYYY-MM-DD')`;
    const created = await tx
      .select({ day: createdDay, reservations: sql<number>`count(*)::int`, units: sql<number>`sum(${preorderReservations.quantity})::int` })
      .from(preorderReservations)
      .where(mine)
      .groupBy(createdDay);
    const paid = await tx
      .select({ day: paidDay, units: sql<number>`sum(${preorderReservations.quantity})::int` })
      .from(preorderReservations)
      .where(and(mine, eq(preorderReservations.status, "paid")))
      .groupBy(paidDay);
    const views = await tx
      .select({ day: preorderPageViews.day, views: preorderPageViews.views })
      .from(preorderPageViews)
      .where(and(eq(preorderPageViews.campaignId, c.id), eq(preorderPageViews.brandOrgId, brandOrgId)));
    const [totals] = await tx
      .select({
        reservations: sql<number>`count(*)::int`,
        paidReservations: sql<number>`(count(*) filter (where ${preorderReservations.status} = 'paid'))::int`,
        collectedMinor: sql<string>`coalesce(sum(${preorderReservations.paidMinor} - ${preorderReservations.refundedMinor}), 0)::text`,
      })
      .from(preorderReservations)
      .where(mine);

    // The window as far as it has gone, from the first day anything could happen (published or opened).
    const start = utcDay(new Date(Math.min(c.opensAt.getTime(), (c.publishedAt ?? c.opensAt).getTime())));
    const end = utcDay(new Date(Math.min(c.closesAt.getTime(), now.getTime())));
    const dataDays = [...created.map((r) => r.day), ...paid.map((r) => r.day), ...views.map((r) => r.day)].filter(Boolean);
    const first = [start, ...dataDays].sort()[0]!;
    const last = [end, ...dataDays].sort().at(-1)!;
    const days = daysBetween(first, last).map((day) => ({
      day,
      reservations: created.find((r) => r.day === day)?.reservations ?? 0,
      reservedUnits: created.find((r) => r.day === day)?.units ?? 0,
      paidUnits: paid.find((r) => r.day === day)?.units ?? 0,
      views: views.find((r) => r.day === day)?.views ?? 0,
    }));
    const totalViews = views.reduce((n, v) => n + v.views, 0);
    const paidReservations = totals?.paidReservations ?? 0;
    return {
      campaign: { id: c.id, title: c.title, status: c.status, currency: c.currency, totalCap: c.totalCap, heldUnits: c.heldUnits, paidUnits: c.paidUnits, opensAt: c.opensAt, closesAt: c.closesAt },
      sizes: sizes.map((s) => ({ size: s.size, label: sizeLabel(s.size), cap: s.cap, heldUnits: s.heldUnits, paidUnits: s.paidUnits, reservedUnits: s.heldUnits + s.paidUnits })),
      days,
      reservations: totals?.reservations ?? 0,
      conversion: { paidReservations, views: totalViews, label: conversionLabel(paidReservations, totalViews) },
      collected: { amountMinor: Number(totals?.collectedMinor ?? 0), currency: c.currency },
    };
  });
}

/** `%` and `_` typed in a search are meant literally. */
const likePattern = (q: string) => `%${q.replaceAll(/[\\%_]/g, (m) => `\\${m}`)}%`;

function filtersOf(brandOrgId: string, campaignId: string, f: ReservationFilters): SQL {
  const q = f.q.trim();
  return and(
    eq(preorderReservations.campaignId, campaignId),
    eq(preorderReservations.brandOrgId, brandOrgId),
    f.status ? eq(preorderReservations.status, f.status) : undefined,
    f.size !== undefined && f.size !== null ? eq(preorderReservations.size, f.size) : undefined,
    q ? or(ilike(preorderReservations.customerName, likePattern(q)), ilike(preorderReservations.customerEmail, likePattern(q)), ilike(preorderReservations.reference, likePattern(q))) : undefined,
  )!;
}

const reservationColumns = {
  id: preorderReservations.id,
  reference: preorderReservations.reference,
  customerName: preorderReservations.customerName,
  customerEmail: preorderReservations.customerEmail,
  size: preorderReservations.size,
  quantity: preorderReservations.quantity,
  status: preorderReservations.status,
  currency: preorderReservations.currency,
  totalMinor: preorderReservations.totalMinor,
  amountDueMinor: preorderReservations.amountDueMinor,
  paidMinor: preorderReservations.paidMinor,
  refundedMinor: preorderReservations.refundedMinor,
  refundPendingMinor: preorderReservations.refundPendingMinor,
  createdAt: preorderReservations.createdAt,
  paidAt: preorderReservations.paidAt,
};

/** A page of the campaign's reservations, newest first, filtered by status and size and searched by name, email or reference. */
export async function listReservations(db: Db, brandOrgId: string, input: ReservationFilters & { campaignId: string; page: number }) {
  return withOrg(db, brandOrgId, async (tx) => {
    const c = await campaignOf(tx, brandOrgId, input.campaignId);
    const where = filtersOf(brandOrgId, c.id, input);
    const [total] = await tx.select({ n: count() }).from(preorderReservations).where(where);
    const rows = await tx
      .select(reservationColumns)
      .from(preorderReservations)
      .where(where)
      .orderBy(desc(preorderReservations.createdAt), asc(preorderReservations.id))
      .limit(RESERVATIONS_PAGE_SIZE)
      .offset((input.page - 1) * RESERVATIONS_PAGE_SIZE);
    return {
      items: rows.map((r) => ({ ...r, canRefund: (r.status === "paid" && r.refundedMinor + r.refundPendingMinor < r.paidMinor) || r.status === "held" })),
      total: total?.n ?? 0,
      page: input.page,
      pageSize: RESERVATIONS_PAGE_SIZE,
    };
  });
}

const CSV_COLUMNS = ["Reference", "Name", "Email", "Size", "Quantity", "Status", "Total", "Due at reservation", "Paid", "Refunded", "Currency", "Reserved at", "Paid at"];

/**
 * The campaign's reservations as CSV (up to the export limit). Customers type their own names: a cell that
 * starts with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with a quote, so a spreadsheet
 * shows it as text and never runs it.
 */
export async function exportReservationsCsv(db: Db, brandOrgId: string, input: ReservationFilters & { campaignId: string }) {
  return withOrg(db, brandOrgId, async (tx) => {
    const c = await campaignOf(tx, brandOrgId, input.campaignId);
    const rows = await tx
      .select(reservationColumns)
      .from(preorderReservations)
      .where(filtersOf(brandOrgId, c.id, input))
      .orderBy(asc(preorderReservations.createdAt), asc(preorderReservations.id))
      .limit(RESERVATIONS_EXPORT_LIMIT + 1);
    const kept = rows.slice(0, RESERVATIONS_EXPORT_LIMIT);
    const money = (minor: number) => toDecimalString(minor, c.currency);
    const csv = stringify(
      kept.map((r) => [
        r.reference,
        r.customerName,
        r.customerEmail,
        sizeLabel(r.size),
        r.quantity,
        PREORDER_RESERVATION_STATUS_LABELS[r.status],
        money(r.totalMinor),
        money(r.amountDueMinor),
        money(r.paidMinor),
        money(r.refundedMinor),
        r.currency,
        r.createdAt.toISOString(),
        r.paidAt?.toISOString() ?? "",
      ]),
      { header: true, columns: CSV_COLUMNS, escape_formulas: true, bom: true },
    );
    return { filename: `${c.slug}-reservations-${utcDay(new Date())}.csv`, csv, rows: kept.length, truncated: rows.length > RESERVATIONS_EXPORT_LIMIT };
  });
}
