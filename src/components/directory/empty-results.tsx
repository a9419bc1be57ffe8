import { SearchX } from "lucide-react";
import Link from "next/link";
import { buttonVariants } from "~/components/ui/button-variants";
import { cn } from "~/components/ui/cn";
import { EmptyState } from "~/components/ui/empty-state";
import { activeFilters, directoryQueryString, filterLabel, parseDirectoryQuery, withoutFilter, type DirectorySearchParams } from "~/lib/directory-schemas";
import type { DirectoryResult } from "~/trpc/types";

const href = (params: DirectorySearchParams) => `/workshops${directoryQueryString(params)}`;
const workshops = (n: number) => `${n.toLocaleString("en")} ${n === 1 ? "workshop" : "workshops"}`;

/** Nothing to show: says why, and which single filter to drop to find something. */
export function EmptyResults({ params, result }: { params: DirectorySearchParams; result: DirectoryResult }) {
  if (result.total > 0) {
    return (
      <EmptyState
        icon={<SearchX />}
        title={`Page ${params.page} is past the end of these results.`}
        action={
          <Link href={href({ ...params, page: result.pageCount })} className={buttonVariants({ variant: "secondary" })}>Go to page {result.pageCount}</Link>
        }
      />
    );
  }
  const filters = activeFilters(params);
  if (filters.length === 0) {
    return <EmptyState icon={<SearchX />} title="No workshops have published a profile yet." description="Check back soon: workshops appear here as soon as they publish." />;
  }
  const helpful = result.loosen.filter((l) => l.count > 0);
  return (
    <div className="rounded-lg border border-line bg-surface px-6 py-10 text-center shadow-card">
      <SearchX className="mx-auto size-8 text-ink-subtle" aria-hidden />
      <p className="mt-3 font-medium [overflow-wrap:anywhere]">No workshops match all of: {filters.map((f) => filterLabel(params, f)).join(", ")}.</p>
      {helpful.length > 0 ? (
        <>
          <p className="mt-1 text-sm text-ink-muted">Try loosening one filter:</p>
          <ul className="mx-auto mt-4 flex max-w-md flex-col gap-2">
            {helpful.map((l) => (
              <li key={`${l.filter.key}:${"value" in l.filter ? l.filter.value : ""}`}>
                <Link
                  href={href(withoutFilter(params, l.filter))}
                  className="flex items-center justify-between gap-3 rounded-md border border-line-strong px-3 py-2 text-left text-sm hover:bg-sunken"
                >
                  <span className="min-w-0 [overflow-wrap:anywhere]">
                    Remove <strong className="font-semibold">{filterLabel(params, l.filter)}</strong>
                  </span>
                  <span className="shrink-0 text-ink-muted">{workshops(l.count)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="mt-1 text-sm text-ink-muted">Removing any single filter still finds nothing; start again with fewer filters.</p>
      )}
      <Link href={href({ ...parseDirectoryQuery({}), sort: params.sort })} className={cn(buttonVariants({ variant: "ghost" }), "mt-4")}>Clear all filters</Link>
    </div>
  );
}
