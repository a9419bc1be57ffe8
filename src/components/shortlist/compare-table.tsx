import { X } from "lucide-react";
import Link from "next/link";
import { Badge } from "~/components/ui/badge";
import { cn } from "~/components/ui/cn";
import { countryName } from "~/lib/regions";
import { CAPABILITIES, CERTIFICATIONS, GEMSTONE_WORK, METALS } from "~/lib/workshop-vocabulary";
import type { CompareItem } from "~/trpc/types";
import { formatHours } from "~/components/sample-requests/format";

type Row =
  | { label: string; kind: "list"; values: (string[] | null)[]; labelOf: (k: string) => string }
  | { label: string; kind: "number"; values: (number | null)[]; format: (n: number, i: number) => string; best?: "lowest" | "highest"; empty?: string }
  | { label: string; kind: "text"; values: (string | null)[]; private?: boolean };

const same = (values: unknown[]) => new Set(values.map((v) => JSON.stringify(Array.isArray(v) ? [...(v as unknown[])].sort() : v))).size <= 1;

function rowsFor(items: CompareItem[]): Row[] {
  const p = (i: CompareItem) => i.profile;
  return [
    { label: "Location", kind: "text", values: items.map((i) => (p(i) ? [p(i)!.city, countryName(p(i)!.country)].filter(Boolean).join(", ") : null)) },
    { label: "Capabilities", kind: "list", values: items.map((i) => p(i)?.capabilities ?? null), labelOf: CAPABILITIES.label },
    { label: "Metals", kind: "list", values: items.map((i) => p(i)?.metals ?? null), labelOf: METALS.label },
    { label: "Gemstone work", kind: "list", values: items.map((i) => p(i)?.gemstoneWork ?? null), labelOf: GEMSTONE_WORK.label },
    { label: "Minimum order", kind: "number", values: items.map((i) => p(i)?.moqPerDesign ?? null), format: (n) => `${n} pieces per design`, best: "lowest" },
    {
      label: "Typical lead time",
      kind: "number",
      values: items.map((i) => p(i)?.leadTimeMaxDays ?? null),
      format: (n, idx) => {
        const min = items[idx]!.profile?.leadTimeMinDays;
        return min !== null && min !== undefined && min !== n ? `${min}–${n} business days` : `${n} business days`;
      },
      best: "lowest",
    },
    { label: "Certifications", kind: "list", values: items.map((i) => p(i)?.certifications ?? null), labelOf: CERTIFICATIONS.label },
    { label: "Median first response", kind: "number", values: items.map((i) => (p(i) ? i.record.medianResponseHours : null)), format: (n) => formatHours(n), best: "lowest", empty: "No history yet" },
    { label: "Samples sent", kind: "number", values: items.map((i) => (p(i) ? i.record.samplesSent : null)), format: (n) => String(n), best: "highest" },
    { label: "Orders on time", kind: "number", values: items.map((i) => (p(i) ? i.record.onTimeRate : null)), format: (n) => `${Math.round(n * 100)}%`, best: "highest", empty: "No orders yet" },
    { label: "Your tags", kind: "list", values: items.map((i) => i.tags), labelOf: (k) => k },
    { label: "Your note", kind: "text", values: items.map((i) => i.note || null), private: true },
  ];
}

/**
 * The comparison as one table: a column per workshop, a row per fact. Rows whose values differ are marked,
 * and in lists the entries not shared by every workshop are highlighted. It scrolls sideways on phones
 * with the row labels kept in view.
 */
export function CompareTable({ items, onlyDifferences, withoutHref }: { items: CompareItem[]; onlyDifferences: boolean; withoutHref: (entryId: string) => string | null }) {
  const rows = rowsFor(items).filter((r) => !onlyDifferences || !same(r.values));
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-surface shadow-card" tabIndex={0} role="region" aria-label="Comparison table, scrolls sideways">
      <table className="w-full min-w-[40rem] table-fixed border-collapse text-sm">
        <colgroup>
          <col className="w-36 sm:w-44" />
          {items.map((i) => (
            <col key={i.id} className="w-52" />
          ))}
        </colgroup>
        <thead>
          <tr className="border-b border-line">
            <td className="sticky left-0 z-10 bg-surface" />
            {items.map((i) => {
              const drop = withoutHref(i.id);
              return (
                <th key={i.id} scope="col" className="px-4 py-3 text-left align-top">
                  <div className="flex items-start justify-between gap-2">
                    {i.profile ? (
                      <Link href={`/workshops/${i.workshopSlug}`} className="text-base font-semibold hover:underline">
                        {i.workshopName}
                      </Link>
                    ) : (
                      <span className="text-base font-semibold">{i.workshopName}</span>
                    )}
                    {drop && (
                      <Link href={drop} className="rounded-sm p-1 text-ink-subtle hover:bg-sunken hover:text-ink" aria-label={`Take ${i.workshopName} out of the comparison`}>
                        <X className="size-4" aria-hidden />
                      </Link>
                    )}
                  </div>
                  {!i.profile && <Badge tone="warning">Not listed right now</Badge>}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={items.length + 1} className="px-4 py-8 text-center text-ink-muted">
                These workshops are alike on every row.
              </td>
            </tr>
          )}
          {rows.map((row) => {
            const differs = !same(row.values) && !(row.kind === "text" && row.private);
            return (
              <tr key={row.label} className="border-b border-line last:border-0">
                <th scope="row" className="sticky left-0 z-10 bg-surface px-4 py-3 text-left align-top font-medium text-ink-muted">
                  {row.label}
                  {differs && <span className="mt-0.5 block text-xs font-normal text-brass-700">Differs</span>}
                </th>
                {row.values.map((_, idx) => (
                  <td key={items[idx]!.id} className={cn("px-4 py-3 align-top", differs && row.kind !== "list" && "bg-brass-50")}>
                    <Cell row={row} idx={idx} items={items} />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Cell({ row, idx, items }: { row: Row; idx: number; items: CompareItem[] }) {
  const none = <span className="text-ink-subtle">—</span>;
  if (row.kind === "text") {
    const v = row.values[idx];
    return v ? <span className={cn(row.private && "whitespace-pre-line")}>{v}</span> : none;
  }
  if (row.kind === "number") {
    const v = row.values[idx];
    if (v === null || v === undefined) return row.empty && items[idx]?.profile ? <span className="text-ink-subtle">{row.empty}</span> : none;
    const present = row.values.filter((x): x is number => x !== null && x !== undefined);
    const target = row.best === "lowest" ? Math.min(...present) : Math.max(...present);
    const isBest = row.best && present.length > 1 && !same(present) && v === target;
    return (
      <span className="flex flex-wrap items-center gap-1.5">
        {row.format(v, idx)}
        {isBest && <Badge tone="success">{row.best === "lowest" ? "Lowest" : "Highest"}</Badge>}
      </span>
    );
  }
  const list = row.values[idx];
  if (!list) return none;
  if (list.length === 0) return none;
  const present = row.values.filter((v): v is string[] => v !== null);
  const common = new Set(list.filter((k) => present.every((v) => v.includes(k))));
  return (
    <ul className="flex flex-wrap gap-1">
      {list.map((k) => (
        <li key={k}>
          <Badge tone={common.has(k) || present.length < 2 ? "neutral" : "brass"}>{row.labelOf(k)}</Badge>
        </li>
      ))}
    </ul>
  );
}
