import "./zod-config";
import { z } from "zod";
import { COUNTRY_CODES, countryName } from "./regions";
import { CAPABILITIES, CERTIFICATIONS, GEMSTONE_WORK, METALS } from "./workshop-vocabulary";

/**
 * The workshop directory's search: one schema for the procedure's input, plus the mapping to and from the
 * page's query string so a search can be shared as a link.
 */

export const DIRECTORY_PAGE_SIZE = 20;
export const DIRECTORY_MAX_PAGE = 500;
export const DIRECTORY_SORTS = ["relevance", "lead_time", "moq"] as const;
export type DirectorySort = (typeof DIRECTORY_SORTS)[number];
export const SORT_LABELS: Record<DirectorySort, string> = { relevance: "Best match", lead_time: "Shortest lead time", moq: "Lowest MOQ" };

const choices = <K extends string>(keys: readonly [K, ...K[]], message: string) =>
  z
    .array(z.enum(keys, message))
    .max(keys.length, message)
    .default([])
    // A value ticked twice (a hand-edited link) means the same as once.
    .transform((values) => [...new Set(values)]);

export const directorySearchSchema = z.object({
  q: z.string().trim().max(200, "Use at most 200 characters.").default(""),
  capabilities: choices(CAPABILITIES.keys, "Choose capabilities from the list."),
  metals: choices(METALS.keys, "Choose metals from the list."),
  gemstoneWork: choices(GEMSTONE_WORK.keys, "Choose gemstone work from the list."),
  countries: choices(COUNTRY_CODES, "Choose countries from the list."),
  certifications: choices(CERTIFICATIONS.keys, "Choose certifications from the list."),
  moqMax: z.number("Enter a number of pieces.").int("Enter a whole number of pieces.").min(1, "Enter at least 1 piece.").max(100_000, "Enter at most 100,000 pieces.").optional(),
  leadTimeMax: z.number("Enter a number of business days.").int("Enter whole business days.").min(1, "Enter at least 1 business day.").max(1_000, "Enter at most 1,000 business days.").optional(),
  sort: z.enum(DIRECTORY_SORTS, "Choose a sort order.").default("relevance"),
  page: z.number().int().min(1, "Pages start at 1.").max(DIRECTORY_MAX_PAGE, `Pages end at ${DIRECTORY_MAX_PAGE}.`).default(1),
});

export type DirectorySearchInput = z.input<typeof directorySearchSchema>;
export type DirectorySearchParams = z.output<typeof directorySearchSchema>;

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

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

function readAll(raw: RawParams, name: string): string[] {
  if (raw instanceof URLSearchParams) return raw.getAll(name);
  const v = raw[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

function readPositiveInt(raw: RawParams, name: string, max: number): number | undefined {
  const text = readAll(raw, name)[0]?.trim();
  if (!text || !/^\d{1,9}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= 1 && n <= max ? n : undefined;
}

/**
 * Reads a search from a query string without ever failing: anything unknown or malformed falls back to
 * its default, so a mangled shared link still shows a directory instead of an error.
 */
export function parseDirectoryQuery(raw: RawParams): DirectorySearchParams {
  const pick = <K extends string>(name: string, keys: readonly K[]) => readAll(raw, name).filter((v): v is K => (keys as readonly string[]).includes(v));
  const sort = readAll(raw, PARAM.sort)[0];
  return directorySearchSchema.parse({
    q: (readAll(raw, PARAM.q)[0] ?? "").slice(0, 200),
    capabilities: pick(PARAM.capabilities, CAPABILITIES.keys),
    metals: pick(PARAM.metals, METALS.keys),
    gemstoneWork: pick(PARAM.gemstoneWork, GEMSTONE_WORK.keys),
    countries: pick(PARAM.countries, COUNTRY_CODES.map((c) => c as string)),
    certifications: pick(PARAM.certifications, CERTIFICATIONS.keys),
    moqMax: readPositiveInt(raw, PARAM.moqMax, 100_000),
    leadTimeMax: readPositiveInt(raw, PARAM.leadTimeMax, 1_000),
    sort: (DIRECTORY_SORTS as readonly string[]).includes(sort ?? "") ? sort : undefined,
    page: readPositiveInt(raw, PARAM.page, DIRECTORY_MAX_PAGE),
  });
}

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
