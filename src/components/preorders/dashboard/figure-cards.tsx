import { money } from "./format";

type Figures = {
  campaign: { totalCap: number; heldUnits: number; paidUnits: number; currency: string };
  conversion: { paidReservations: number; views: number; label: string };
  collected: { amountMinor: number; currency: string };
};

function Figure({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="rounded-lg border border-line bg-surface p-4 shadow-card">
      <dt className="text-sm text-ink-muted">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums">{value}</dd>
      {detail && <dd className="mt-0.5 text-xs text-ink-subtle">{detail}</dd>}
    </div>
  );
}

/** The campaign's headline figures: units against the cap, the page's views and conversion, and what was collected. */
export function FigureCards({ data }: { data: Figures }) {
  const { campaign, conversion, collected } = data;
  const reserved = campaign.heldUnits + campaign.paidUnits;
  const left = Math.max(0, campaign.totalCap - reserved);
  const n = (v: number) => v.toLocaleString("en-GB");
  return (
    <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
      <Figure label="Reserved" value={n(reserved)} detail={`units of ${n(campaign.totalCap)}`} />
      <Figure label="Paid" value={n(campaign.paidUnits)} detail="units, deposit or in full" />
      <Figure label="Awaiting payment" value={n(campaign.heldUnits)} detail="units held while checkout is open" />
      <Figure label="Left of the cap" value={n(left)} detail={`of ${n(campaign.totalCap)}`} />
      <Figure label="Page views" value={n(conversion.views)} />
      <Figure label="Conversion" value={conversion.label} detail={`${n(conversion.paidReservations)} paid reservation${conversion.paidReservations === 1 ? "" : "s"} from ${n(conversion.views)} view${conversion.views === 1 ? "" : "s"}`} />
      <Figure label="Collected" value={money(collected.amountMinor, collected.currency)} detail="paid, less refunds" />
    </dl>
  );
}
