type Size = { size: string; label: string; cap: number | null; heldUnits: number; paidUnits: number; reservedUnits: number };

/** Units by size: paid and awaiting payment against each size's cap (or the total cap), with a bar for each. */
export function SizeTable({ sizes, totalCap }: { sizes: Size[]; totalCap: number }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm tabular-nums">
        <caption className="sr-only">Units by size</caption>
        <thead>
          <tr className="text-left text-ink-muted">
            <th scope="col" className="py-1 pr-3 font-medium">Size</th>
            <th scope="col" className="py-1 pr-3 text-right font-medium">Paid</th>
            <th scope="col" className="py-1 pr-3 text-right font-medium">Awaiting</th>
            <th scope="col" className="py-1 pr-3 text-right font-medium">Cap</th>
            <th scope="col" className="hidden w-1/3 py-1 font-medium sm:table-cell">
              <span className="sr-only">Share of the cap</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sizes.map((s) => {
            const cap = s.cap ?? totalCap;
            const pct = (n: number) => (cap > 0 ? Math.min(100, (n * 100) / cap) : 0);
            return (
              <tr key={s.size} className="border-t border-line">
                <th scope="row" className="py-1.5 pr-3 text-left font-medium">{s.label}</th>
                <td className="py-1.5 pr-3 text-right">{s.paidUnits}</td>
                <td className="py-1.5 pr-3 text-right">{s.heldUnits}</td>
                <td className="py-1.5 pr-3 text-right">{s.cap ?? <span className="text-ink-subtle">total</span>}</td>
                <td className="hidden py-1.5 sm:table-cell">
                  <div aria-hidden className="flex h-2 w-full overflow-hidden rounded-full bg-sunken">
                    <div className="h-full bg-success" style={{ width: `${pct(s.paidUnits)}%` }} />
                    <div className="h-full bg-brass-500" style={{ width: `${pct(s.heldUnits)}%` }} />
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
