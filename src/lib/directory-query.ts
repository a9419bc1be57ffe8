import { countryName, type CountryCode } from "./regions";
import { CAPABILITIES, CERTIFICATIONS, GEMSTONE_WORK, METALS, type Capability, type Certification, type GemstoneWork, type Metal } from "./workshop-vocabulary";

/**
 * The directory's search as the page and its client code need it, without zod: the names, limits, labels and
 * query-string helpers. The browser's form and facets import only this module, so the directory's client
 * bundle carries no schema library; `directory-schemas.ts` builds the procedure's input schema from the same
 * limits and messages.
 */

export const DIRECTORY_PAGE_SIZE = 20;
export const DIRECTORY_MAX_PAGE = 500;
export const DIRECTORY_SORTS = ["relevance", "lead_time", "moq"] as const;
export type DirectorySort = (typeof DIRECTORY_SORTS)[number];
export const SORT_LABELS: Record<DirectorySort, string> = { relevance: "Best match", lead_time: "Shortest lead time", moq: "Lowest MOQ" };

/** A search as the service takes it: the input schema's output, written out (the schema module checks they agree). */
export type DirectorySearchParams = {
  q: string;
  capabilities: Capability[];
  metals: Metal[];
  gemstoneWork: GemstoneWork[];
  countries: CountryCode[];
  certifications: Certification[];
  moqMax?: number | undefined;
  leadTimeMax?: number | undefined;
  sort: DirectorySort;
  page: number;
};

/** The two number boxes: their bounds and what each failure says, next to the field and from the procedure. */
export const DIRECTORY_RANGES = {
  moqMax: {
    max: 100_000,
    messages: { type: "Enter a number of pieces.", int: "Enter a whole number of pieces.", min: "Enter at least 1 piece.", max: "Enter at most 100,000 pieces." },
  },
  leadTimeMax: {
    max: 1_000,
    messages: { type: "Enter a number of business days.", int: "Enter whole business days.", min: "Enter at least 1 business day.", max: "Enter at most 1,000 business days." },
  },
} as const;
export type DirectoryRangeKey = keyof typeof DIRECTORY_RANGES;

/** What the schema would say of a number box's value (parsed with `Number`), or undefined when it is valid. */
export function directoryRangeError(key: DirectoryRangeKey, value: number): string | undefined {
  const { max, messages } = DIRECTORY_RANGES[key];
  if (!Number.isFinite(value)) return messages.type;
  if (!Number.isInteger(value)) return messages.int;
  if (value < 1) return messages.min;
  if (value > max) return messages.max;
  return undefined;
}

export type FacetKey = "capabilities" | "metals" | "gemstoneWork" | "countries" | "certifications";
export const FACET_KEYS: FacetKey[] = ["capabilities", "metals", "gemstoneWork", "countries", "certifications"];
/** Facets where a workshop must have every chosen value; the others match any chosen value. */
export const ALL_OF_FACETS = new Set<FacetKey>(["capabilities", "metals", "certifications"]);

/** One filter that can be removed: a whole facet when `value` is absent, else one chosen value of it. */
export type DirectoryFilter = { key: "q" | "moqMax" | "leadTimeMax" } | { key: FacetKey; value?: string };

export const filterValue = (f: DirectoryFilter): string | undefined => ("value" in f ? f.value : undefined);

// Query-string names, short so shared links stay readable.
const PARAM: Record<FacetKey | "q" | "moqMax" | "leadTimeMax" | "sort" | "page", string> = {
  q: "q",
  capabilities: "capability",
  metals: "metal",
  gemstoneWork: "gem",
  countries: "country",
  certifications: "cert",
  moqMax: "moq",
  leadTimeMax: "lead",
  sort: "sort",
  page: "page",
};

export const DIRECTORY_PARAM_NAMES = PARAM;

/** The query string for a search, leaving out defaults; `?` included when non-empty. */
export function directoryQueryString(params: DirectorySearchParams): string {
  const qs = new URLSearchParams();
  if (params.q) qs.set(PARAM.q, params.q);
  for (const key of FACET_KEYS) for (const v of params[key]) qs.append(PARAM[key], v);
  if (params.moqMax !== undefined) qs.set(PARAM.moqMax, String(params.moqMax));
  if (params.leadTimeMax !== undefined) qs.set(PARAM.leadTimeMax, String(params.leadTimeMax));
  if (params.sort !== "relevance") qs.set(PARAM.sort, params.sort);
  if (params.page > 1) qs.set(PARAM.page, String(params.page));
  const s = qs.toString();
  return s ? `?${s}` : "";
}

/** Search text needs letters or digits; punctuation alone makes an empty text query, so it is ignored. */
export function hasSearchText(q: string): boolean {
  return /[\p{L}\p{N}]/u.test(q);
}

/** Every filter in effect, one entry per chosen value (what the page shows as removable chips). */
export function activeFilters(params: DirectorySearchParams): DirectoryFilter[] {
  const out: DirectoryFilter[] = [];
  if (hasSearchText(params.q)) out.push({ key: "q" });
  for (const key of FACET_KEYS) for (const value of params[key]) out.push({ key, value });
  if (params.moqMax !== undefined) out.push({ key: "moqMax" });
  if (params.leadTimeMax !== undefined) out.push({ key: "leadTimeMax" });
  return out;
}

/**
 * The filters worth loosening when nothing matches: each value of an all-of facet, and any-of facets as a
 * whole (dropping one of several accepted countries can only narrow the search further).
 */
export function loosenableFilters(params: DirectorySearchParams): DirectoryFilter[] {
  return activeFilters(params).flatMap((f) => {
    if (f.key === "gemstoneWork" || f.key === "countries") return f.value === params[f.key][0] ? [{ key: f.key }] : [];
    return [f];
  });
}

/** The same search without one filter, back on the first page. */
export function withoutFilter(params: DirectorySearchParams, f: DirectoryFilter): DirectorySearchParams {
  const next = { ...params, page: 1 };
  if (f.key === "q") next.q = "";
  else if (f.key === "moqMax") next.moqMax = undefined;
  else if (f.key === "leadTimeMax") next.leadTimeMax = undefined;
  else {
    const value = filterValue(f);
    (next[f.key] as string[]) = value === undefined ? [] : params[f.key].filter((v) => v !== value);
  }
  return next;
}

export function filterLabel(params: DirectorySearchParams, f: DirectoryFilter): string {
  switch (f.key) {
    case "q":
      return `“${params.q}”`;
    case "moqMax":
      return `MOQ ≤ ${params.moqMax}`;
    case "leadTimeMax":
      return `Lead time ≤ ${params.leadTimeMax} days`;
    default: {
      const label = FACET_LABEL[f.key];
      const value = filterValue(f);
      return value !== undefined ? label(value) : params[f.key].map(label).join(" or ");
    }
  }
}

/** The values each vocabulary facet offers; countries come from the workshops themselves. */
export const FACET_VOCABULARY: Record<Exclude<FacetKey, "countries">, readonly string[]> = {
  capabilities: CAPABILITIES.keys,
  metals: METALS.keys,
  gemstoneWork: GEMSTONE_WORK.keys,
  certifications: CERTIFICATIONS.keys,
};

export const FACET_LABEL: Record<FacetKey, (value: string) => string> = {
  capabilities: CAPABILITIES.label,
  metals: METALS.label,
  gemstoneWork: GEMSTONE_WORK.label,
  countries: countryName,
  certifications: CERTIFICATIONS.label,
};

export const FACET_TITLE: Record<FacetKey, string> = {
  capabilities: "Capabilities",
  metals: "Metals",
  gemstoneWork: "Gemstone work",
  countries: "Country",
  certifications: "Certifications",
};

/** How the page says a search's total: "1 workshop", "999 workshops", or "1,000+ workshops" when it is a lower bound. */
export function directoryTotalText(total: number, bounded: boolean): string {
  return `${total.toLocaleString("en")}${bounded ? "+" : ""} ${total === 1 && !bounded ? "workshop" : "workshops"}`;
}
