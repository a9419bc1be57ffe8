import Link from "next/link";
import { SpriteIcon } from "~/components/ui/sprite-icon";
import {
  activeFilters,
  directoryQueryString,
  FACET_KEYS,
  FACET_VOCABULARY,
  FACET_LABEL,
  filterLabel,
  parseDirectoryQuery,
  withoutFilter,
  type DirectorySearchParams,
  type FacetKey,
} from "~/lib/directory-schemas";
import type { DirectoryResult } from "~/trpc/types";

type TextNote = NonNullable<DirectoryResult["textNote"]>;
import { publicApi } from "~/trpc/server";
import { DirectoryForm, type FacetCount } from "./directory-form";
import { EmptyResults } from "./empty-results";
import { Pagination } from "./pagination";
import { WorkshopCards, type CardRow } from "./workshop-card";

/** Only what a card shows crosses to the client, by position (called here, on the server: the cards' module is a client one). */
const cardRow = (w: DirectoryResult["items"][number]): CardRow => [
  w.slug,
  w.name,
  w.headline,
  w.city,
  w.country,
  w.capabilities,
  w.metals,
  w.certifications,
  w.moqPerDesign,
  w.leadTimeMinDays,
  w.leadTimeMaxDays,
  w.thumbFileId,
];

export const directoryHref = (params: DirectorySearchParams) => `/workshops${directoryQueryString(params)}`;

/**
 * Every vocabulary value with its count (countries: only those with workshops), chosen values always
 * listed, so ticking never makes an option disappear. As [value, count] pairs: the form reads which are
 * ticked from the search and the labels from its own bundle.
 */
function facetCounts(params: DirectorySearchParams, result: DirectoryResult): Record<FacetKey, FacetCount[]> {
  return Object.fromEntries(
    FACET_KEYS.map((key) => {
      const counts = new Map(result.facets[key].map((f) => [f.value, f.count]));
      const values = key === "countries" ? [...new Set([...params.countries, ...counts.keys()])] : [...FACET_VOCABULARY[key]];
      const options = values.map((value): FacetCount => [value, counts.get(value) ?? 0]);
      if (key === "countries") options.sort((a, b) => b[1] - a[1] || FACET_LABEL.countries(a[0]).localeCompare(FACET_LABEL.countries(b[0])));
      return [key, options];
    }),
  ) as Record<FacetKey, FacetCount[]>;
}

/** The public workshop directory. Everything about the search lives in the URL, so a search is a link. */
export async function DirectoryPage({ searchParams }: { searchParams: Record<string, string | string[] | undefined> }) {
  const params = parseDirectoryQuery(searchParams);
  const result = await (await publicApi()).directory.search(params);
  const filters = activeFilters(params);
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-10">
      <h1 className="text-3xl font-semibold">Find a workshop</h1>
      <p className="mt-2 max-w-2xl text-ink-muted">Made-to-order workshops with published profiles: what they make, in which metals, their minimums and typical lead times.</p>
      <DirectoryForm formKey={directoryQueryString({ ...params, page: 1 })} params={params} facets={facetCounts(params, result)}
        total={result.total}
        bounded={result.bounded}
        facetsSampled={result.facetsSampled}
      >
        {filters.length > 0 && (
          <ul className="mb-4 flex flex-wrap items-center gap-2" aria-label="Active filters">
            {filters.map((f) => (
              <li key={`${f.key}:${"value" in f ? f.value : ""}`} className="max-w-full min-w-0">
                <Link
                  href={directoryHref(withoutFilter(params, f))}
                  className="chip"
                  aria-label={`Remove filter: ${filterLabel(params, f)}`}
                  scroll={false}
                >
                  <span className="truncate">{filterLabel(params, f)}</span>
                  <SpriteIcon name="x" />
                </Link>
              </li>
            ))}
            <li>
              <Link href={directoryHref({ ...parseDirectoryQuery({}), sort: params.sort })} className="text-sm font-medium text-brass-700 hover:underline" scroll={false}>
                Clear all
              </Link>
            </li>
          </ul>
        )}
        {result.textNote && <TextNoteLine note={result.textNote} />}
        {result.items.length === 0 ? (
          <EmptyResults params={params} result={result} />
        ) : (
          <>
            <WorkshopCards rows={result.items.map(cardRow)} />
            <Pagination page={result.page} pageCount={result.pageCount} href={(page) => directoryHref({ ...params, page })} />
            {result.bounded && (
              <p className="mt-3 text-sm text-ink-muted">
                More than {result.total.toLocaleString("en")} workshops match; pages show the first {result.total.toLocaleString("en")}. Add a filter or a word to narrow the search.
              </p>
            )}
          </>
        )}
      </DirectoryForm>
    </div>
  );
}

/** Why the results are not for the text exactly as typed. */
function TextNoteLine({ note }: { note: TextNote }) {
  return (
    <p className="mb-4 text-sm text-ink-muted [overflow-wrap:anywhere]" role="status">
      {note.kind === "corrected" ? (
        <>
          No workshop matched “{note.from}”. Showing results for <strong className="font-medium text-ink">{note.to}</strong>.
        </>
      ) : (
        <>“{note.text}” is made of words too common to search for, so all workshops are shown.</>
      )}
    </p>
  );
}
