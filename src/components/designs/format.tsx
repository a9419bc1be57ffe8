import { Badge } from "~/components/ui/badge";
import { DESIGN_REVISION_STATUS_LABELS, type DesignRevisionStatus } from "~/lib/design-schemas";
import { formatMoney, toDecimalString } from "~/lib/money";

export function RevisionStatusBadge({ status }: { status: DesignRevisionStatus }) {
  return <Badge tone={status === "approved" ? "success" : "warning"}>{DESIGN_REVISION_STATUS_LABELS[status]}</Badge>;
}

/** "€120.00 – €380.00", "from €120.00", or null when the collection has no price range. */
export function formatPriceRange(c: { priceMinMinor: number | null; priceMaxMinor: number | null; priceCurrency: string | null }): string | null {
  if (!c.priceCurrency) return null;
  const money = (n: number) => formatMoney({ amountMinor: n, currency: c.priceCurrency! });
  if (c.priceMinMinor !== null && c.priceMaxMinor !== null) return `${money(c.priceMinMinor)} – ${money(c.priceMaxMinor)}`;
  if (c.priceMinMinor !== null) return `from ${money(c.priceMinMinor)}`;
  if (c.priceMaxMinor !== null) return `up to ${money(c.priceMaxMinor)}`;
  return null;
}

/** The form's text for a stored price ("120.00"), "" for none. */
export const priceText = (minor: number | null, currency: string | null) => (minor === null || !currency ? "" : toDecimalString(minor, currency));

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Completeness as a small bar with its words, for lists and overviews. */
export function CompletenessMeter({ percent, missing }: { percent: number; missing: number }) {
  return (
    <span className="flex items-center gap-2 text-xs text-ink-muted">
      <span className="h-1.5 w-16 overflow-hidden rounded-full bg-sunken" aria-hidden>
        <span className={percent === 100 ? "block h-full bg-success" : "block h-full bg-brass-500"} style={{ width: `${percent}%` }} />
      </span>
      {percent === 100 ? "Complete" : `${missing} to fill`}
    </span>
  );
}
