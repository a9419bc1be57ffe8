import { shortDay, units } from "./format";

type Day = { day: string; reservations: number; reservedUnits: number; paidUnits: number; views: number };

// Drawn at a phone's width and scaled up, so its labels stay readable on the narrowest screen.
const W = 400;
const H = 200;
const PAD = { left: 34, right: 8, top: 10, bottom: 24 };

/** 2, 4, 6, 8, 10, 20, 30…: the smallest round even number at or above `n`, for the axis's top (its half is whole). */
function niceCeil(n: number): number {
  if (n <= 2) return 2;
  const p = 10 ** Math.floor(Math.log10(n));
  for (const m of [1, 2, 3, 4, 5, 6, 8, 10]) if (m * p >= n && (m * p) % 2 === 0) return m * p;
  return 10 * p;
}

/**
 * Units reserved and units paid, added up day by day over the window (UTC days), drawn as two lines.
 * The picture is described in words for screen readers, and the same figures are in a table below it.
 */
export function UnitsChart({ days }: { days: Day[] }) {
  let reserved = 0;
  let paid = 0;
  const points = days.map((d) => {
    reserved += d.reservedUnits;
    paid += d.paidUnits;
    return { ...d, reservedTotal: reserved, paidTotal: paid };
  });
  const top = niceCeil(Math.max(reserved, paid, 1));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length <= 1 ? plotW / 2 : (i * plotW) / (points.length - 1));
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const line = (key: "reservedTotal" | "paidTotal") => points.map((p, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(p[key]).toFixed(1)}`).join(" ");
  const first = points[0];
  const last = points.at(-1);
  const summary =
    first && last
      ? `From ${shortDay(first.day)} to ${shortDay(last.day)}: ${units(reserved)} reserved in all and ${units(paid)} paid.`
      : "Nothing reserved yet.";

  return (
    <figure className="flex flex-col gap-3">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="units-chart-title units-chart-desc" className="h-auto w-full">
        <title id="units-chart-title">Units reserved and paid over time</title>
        <desc id="units-chart-desc">{summary}</desc>
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(top * f)} y2={y(top * f)} className="stroke-line" strokeWidth={1} />
            <text x={PAD.left - 6} y={y(top * f) + 4} textAnchor="end" className="fill-ink-subtle text-[13px]">
              {top * f}
            </text>
          </g>
        ))}
        {first && (
          <text x={PAD.left} y={H - 8} textAnchor="start" className="fill-ink-subtle text-[13px]">
            {shortDay(first.day)}
          </text>
        )}
        {last && points.length > 1 && (
          <text x={W - PAD.right} y={H - 8} textAnchor="end" className="fill-ink-subtle text-[13px]">
            {shortDay(last.day)}
          </text>
        )}
        {points.length > 1 ? (
          <>
            <path d={line("reservedTotal")} fill="none" className="stroke-brass-500" strokeWidth={2} strokeLinejoin="round" />
            <path d={line("paidTotal")} fill="none" className="stroke-success" strokeWidth={2} strokeDasharray="5 3" strokeLinejoin="round" />
          </>
        ) : (
          last && (
            <>
              <circle cx={x(0)} cy={y(last.reservedTotal)} r={3} className="fill-brass-500" />
              <circle cx={x(0)} cy={y(last.paidTotal)} r={3} className="fill-success" />
            </>
          )
        )}
      </svg>
      <figcaption className="flex flex-wrap gap-x-5 gap-y-1 text-sm text-ink-muted">
        <span className="flex items-center gap-2">
          <span aria-hidden className="inline-block h-0.5 w-5 bg-brass-500" /> Reserved (all reservations made, running total)
        </span>
        <span className="flex items-center gap-2">
          <span aria-hidden className="inline-block h-0.5 w-5 border-t-2 border-dashed border-success" /> Paid (running total)
        </span>
      </figcaption>
      <details className="text-sm">
        <summary className="cursor-pointer font-medium text-brass-700">Show the figures by day</summary>
        <div className="mt-2 max-h-80 overflow-auto">
          <table className="w-full text-sm tabular-nums">
            <caption className="sr-only">Reservations, units and page views by day (UTC)</caption>
            <thead>
              <tr className="text-left text-ink-muted">
                <th scope="col" className="py-1 pr-3 font-medium">Day</th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">Reservations</th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">Units reserved</th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">Units paid</th>
                <th scope="col" className="py-1 text-right font-medium">Page views</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.day} className="border-t border-line">
                  <th scope="row" className="py-1 pr-3 text-left font-normal">{shortDay(p.day)}</th>
                  <td className="py-1 pr-3 text-right">{p.reservations}</td>
                  <td className="py-1 pr-3 text-right">{p.reservedUnits}</td>
                  <td className="py-1 pr-3 text-right">{p.paidUnits}</td>
                  <td className="py-1 text-right">{p.views}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
