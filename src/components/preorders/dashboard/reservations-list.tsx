import { Search, Users } from "lucide-react";
import Link from "next/link";
import { Badge } from "~/components/ui/badge";
import { buttonVariants } from "~/components/ui/button-variants";
import { EmptyState } from "~/components/ui/empty-state";
import { Input, Select } from "~/components/ui/input";
import { Pager } from "~/components/ui/pager";
import { PREORDER_RESERVATION_STATUSES, PREORDER_RESERVATION_STATUS_LABELS, type PreorderReservationStatus } from "~/lib/preorder-vocabulary";
import { dashboardHref, type DashboardFilters } from "./filters";
import { money, RESERVATION_STATUS_TONE } from "./format";
import { RefundDialog } from "./refund-dialog";

type Row = {
  id: string;
  reference: string;
  customerName: string;
  customerEmail: string;
  size: string;
  quantity: number;
  status: PreorderReservationStatus;
  currency: string;
  totalMinor: number;
  paidMinor: number;
  refundedMinor: number;
  refundPendingMinor: number;
  createdAt: Date;
  canRefund: boolean;
};

/**
 * The campaign's reservations, newest first: filter by status and size, search by name, email or
 * reference (a plain GET form, so it works before the page's scripts load), a page of 25 at a time.
 */
export function ReservationsList({
  orgId,
  campaignId,
  base,
  filters,
  sizes,
  data,
  canRefund,
  timeZone,
}: {
  orgId: string;
  campaignId: string;
  base: string;
  filters: DashboardFilters;
  sizes: { size: string; label: string }[];
  data: { items: Row[]; total: number; page: number; pageSize: number };
  canRefund: boolean;
  timeZone: string;
}) {
  const filtered = filters.status !== null || filters.size !== null || filters.q !== "";
  const when = (d: Date) => d.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone });
  return (
    <>
      <form method="get" action={base} role="search" aria-label="Filter reservations" className="flex flex-col gap-2 border-b border-line px-5 py-4 sm:flex-row sm:flex-wrap sm:items-end">
        <label className="flex min-w-0 flex-1 flex-col gap-1.5 text-sm font-medium">
          Search
          <Input name="q" type="search" defaultValue={filters.q} placeholder="Name, email or reference" maxLength={200} />
        </label>
        <div className="grid grid-cols-2 gap-2 sm:flex">
          <label className="flex flex-col gap-1.5 text-sm font-medium">
            Status
            <Select name="status" defaultValue={filters.status ?? ""}>
              <option value="">All</option>
              {PREORDER_RESERVATION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {PREORDER_RESERVATION_STATUS_LABELS[s]}
                </option>
              ))}
            </Select>
          </label>
          {sizes.length > 1 && (
            <label className="flex flex-col gap-1.5 text-sm font-medium">
              Size
              <Select name="size" defaultValue={filters.size ?? ""}>
                <option value="">All</option>
                {sizes.map((s) => (
                  <option key={s.size} value={s.size}>
                    {s.label}
                  </option>
                ))}
              </Select>
            </label>
          )}
        </div>
        <div className="flex gap-2">
          <button type="submit" className={buttonVariants({ variant: "secondary" })}>
            <Search aria-hidden /> Filter
          </button>
          {filtered && (
            <Link href={base} className={buttonVariants({ variant: "ghost" })}>
              Clear
            </Link>
          )}
        </div>
      </form>

      {data.items.length === 0 ? (
        <EmptyState
          icon={<Users />}
          title={filtered ? "No reservation matches" : "No reservations yet"}
          description={filtered ? "Try another status, size or search." : "Reservations appear here as customers reserve on the campaign's page."}
        />
      ) : (
        <ul className="divide-y divide-line" aria-label="Reservations">
          {data.items.map((r) => (
            <li key={r.id} className="flex flex-col gap-2 px-5 py-3 text-sm sm:flex-row sm:items-center sm:justify-between">
              <div className="flex min-w-0 flex-col gap-0.5">
                <span className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{r.customerName}</span>
                  <Badge tone={RESERVATION_STATUS_TONE[r.status]}>{PREORDER_RESERVATION_STATUS_LABELS[r.status]}</Badge>
                </span>
                <a href={`mailto:${r.customerEmail}`} className="truncate text-brass-700 hover:underline">
                  {r.customerEmail}
                </a>
                <span className="text-ink-muted">
                  <span className="font-mono">{r.reference}</span> · {r.quantity} × {r.size ? `size ${r.size}` : "one size"} · reserved {when(r.createdAt)}
                </span>
              </div>
              <div className="flex items-center justify-between gap-3 sm:justify-end">
                <span className="text-right tabular-nums">
                  <span className="font-medium">{money(r.paidMinor, r.currency)}</span>
                  <span className="text-ink-muted"> paid of {money(r.totalMinor, r.currency)}</span>
                  {r.refundedMinor + r.refundPendingMinor > 0 && <span className="block text-xs text-ink-subtle">{money(r.refundedMinor + r.refundPendingMinor, r.currency)} refunded</span>}
                </span>
                {canRefund && r.canRefund && <RefundDialog orgId={orgId} campaignId={campaignId} reservation={r} />}
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pager page={data.page} pageSize={data.pageSize} total={data.total} href={(page) => dashboardHref(base, { ...filters, page })} />
    </>
  );
}
