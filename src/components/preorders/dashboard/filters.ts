import { pageParam } from "~/components/ui/pager";
import { PREORDER_RESERVATION_STATUSES, type PreorderReservationStatus } from "~/lib/preorder-vocabulary";

/** The reservations list's filters, in the dashboard's address so a filtered page can be shared or reloaded. */
export type DashboardFilters = { status: PreorderReservationStatus | null; size: string | null; q: string; page: number };

type SearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The filters from the address; anything unknown is ignored rather than refused ("" is every size). */
export function filtersOf(sp: SearchParams): DashboardFilters {
  const status = one(sp.status);
  const size = one(sp.size);
  return {
    status: PREORDER_RESERVATION_STATUSES.includes(status as PreorderReservationStatus) ? (status as PreorderReservationStatus) : null,
    size: size && size.length <= 20 ? size : null,
    q: (one(sp.q) ?? "").trim().slice(0, 200),
    page: pageParam(sp.page),
  };
}

/** The address of the dashboard with these filters (page 1 unless given). */
export function dashboardHref(base: string, f: Partial<DashboardFilters>): string {
  const p = new URLSearchParams();
  if (f.status) p.set("status", f.status);
  if (f.size) p.set("size", f.size);
  if (f.q) p.set("q", f.q);
  if (f.page && f.page > 1) p.set("page", String(f.page));
  const s = p.toString();
  return s ? `${base}?${s}` : base;
}
