import { sql, type SQL } from "drizzle-orm";
import type { Db, Queryable } from "../db/client";
import { readPublic } from "../db/tenant";
import {
  DIRECTORY_PAGE_SIZE,
  FACET_KEYS,
  FACET_VOCABULARY,
  filterValue,
  hasSearchText,
  loosenableFilters,
  type DirectoryFilter,
  type DirectorySearchParams,
  type FacetKey,
} from "~/lib/directory-schemas";

/**
 * The public workshop directory: full-text search over published profiles, filters, facet counts and
 * suggestions for loosening a search that finds nothing. Only published profiles exist here.
 *
 * Speed at 100,000 workshops, and what it costs (each directory query ≤ 25 ms p50 there, `npm run bench:directory`):
 * - The unfiltered directory and a search for exactly one facet value read their counts from counters kept
 *   by triggers (drizzle/0020, drizzle/0024): exact, at any size.
 * - Every other search reads at most COUNT_CAP + 1 (1,001) matching profiles, in result order where an index
 *   gives it (newest first, lead time, MOQ), stopping there. Up to 1,000 matches everything is exact, as
 *   before. Beyond that the trade-off is: the total shows as "1,000+" (`bounded`), pages stop at the 1,000th
 *   result (50 pages; narrowing the search shows the rest), and facet counts are over those first 1,000
 *   (`facetsSampled`, and the page says so). A text search sorted by best match ranks the 1,000 newest
 *   matches, since ranking every match means reading every one (at 100k, "gold" matches 40,000 profiles).
 */

/** How many matches a filtered search reads at most: its counts are exact up to here. */
export const COUNT_CAP = 1_000;

export type DirectoryItem = {
  orgId: string;
  slug: string;
  name: string;
  headline: string;
  city: string;
  country: string;
  capabilities: string[];
  metals: string[];
  gemstoneWork: string[];
  certifications: string[];
  moqPerDesign: number | null;
  leadTimeMinDays: number | null;
  leadTimeMaxDays: number | null;
  /** The first photo of the workshop's first portfolio piece that has one. */
  thumbFileId: string | null;
};

export type FacetCount = { value: string; count: number };
export type DirectoryFacets = Record<FacetKey, FacetCount[]>;
/** How many workshops a search would find without one of its filters. */
export type Loosening = { filter: DirectoryFilter; count: number };

export type DirectoryResult = {
  items: DirectoryItem[];
  /** Matching workshops: exact, or COUNT_CAP when `bounded`. */
  total: number;
  /** More than COUNT_CAP workshops match: `total` is a lower bound ("1,000+"), and pages stop at COUNT_CAP. */
  bounded: boolean;
  /** The facet counts are over the first COUNT_CAP matches (of each any-of facet's own sample), not all of them. */
  facetsSampled: boolean;
  page: number;
  pageSize: number;
  pageCount: number;
  facets: DirectoryFacets;
  /** Only when nothing matched: each loosenable filter with the count found without it, most first. */
  loosen: Loosening[];
  /**
   * When the search text as typed found nothing: the results are for a correction of it made from the
   * directory's own words ("enamle" → "enamel"), or, when it holds only words too common to search for
   * ("it's"), for no text at all.
   */
  textNote: TextNote | null;
};

export type TextNote = { kind: "corrected"; from: string; to: string } | { kind: "too_common"; text: string };

type Condition = { filter: DirectoryFilter; sql: SQL };

/** One text[] parameter (Drizzle would spread a JS array into a list of parameters). */
const textArray = (values: string[]) => sql`${`{${values.map((v) => `"${v.replace(/["\\]/g, "\\$&")}"`).join(",")}}`}::text[]`;

/** "Jaipur's" and "Jaipur’s" search as "Jaipurs", which stems like "Jaipur". */
const foldApostrophes = (q: string) => q.replace(/['’‘`]/g, "");

function tsQuery(params: DirectorySearchParams): SQL | null {
  return hasSearchText(params.q) ? sql`websearch_to_tsquery('bezel_search', ${foldApostrophes(params.q)})` : null;
}

const COLUMN: Record<FacetKey, string> = {
  capabilities: "capabilities",
  metals: "metals",
  gemstoneWork: "gemstone_work",
  countries: "country",
  certifications: "certifications",
};

/**
 * One condition per removable filter, so the same list builds the search and each loosened variant. With
 * `perValue`, each value of an all-of facet is its own condition (equivalent, but removable one by one).
 * Cheap comparisons come first: PostgreSQL keeps this order among conditions of equal cost.
 */
function conditions(params: DirectorySearchParams, perValue = false): Condition[] {
  const out: Condition[] = [];
  if (params.countries.length) out.push({ filter: { key: "countries" }, sql: sql`wp.country = any(${textArray(params.countries)})` });
  if (params.moqMax !== undefined) out.push({ filter: { key: "moqMax" }, sql: sql`wp.moq_per_design <= ${params.moqMax}` });
  if (params.leadTimeMax !== undefined) out.push({ filter: { key: "leadTimeMax" }, sql: sql`wp.lead_time_max_days <= ${params.leadTimeMax}` });
  if (params.gemstoneWork.length) out.push({ filter: { key: "gemstoneWork" }, sql: sql`wp.gemstone_work && ${textArray(params.gemstoneWork)}` });
  for (const key of ["capabilities", "metals", "certifications"] as const) {
    const values = params[key];
    if (values.length === 0) continue;
    const column = sql.raw(`wp.${COLUMN[key]}`);
    if (perValue) for (const value of values) out.push({ filter: { key, value }, sql: sql`${column} @> ${textArray([value])}` });
    else out.push({ filter: { key }, sql: sql`${column} @> ${textArray(values)}` });
  }
  const query = tsQuery(params);
  if (query) out.push({ filter: { key: "q" }, sql: sql`wp.search @@ ${query}` });
  return out;
}

const and = (parts: SQL[]) => (parts.length ? sql.join(parts, sql` and `) : sql`true`);
const published = sql`wp.published_at is not null`;

/** The result order over the columns of `alias`; org_id last makes it total, so pages never overlap. */
function orderBy(params: DirectorySearchParams, alias: string): SQL {
  const a = (column: string) => sql.raw(`${alias}.${column}`);
  switch (params.sort) {
    case "lead_time":
      return sql`${a("lead_time_max_days")} asc nulls last, ${a("lead_time_min_days")} asc nulls last, ${a("org_id")}`;
    case "moq":
      return sql`${a("moq_per_design")} asc nulls last, ${a("lead_time_max_days")} asc nulls last, ${a("org_id")}`;
    default:
      // Without search text every row ranks the same; newest on the directory first reads naturally.
      return sql`${a("rank")} desc, ${a("published_at")} desc, ${a("org_id")}`;
  }
}

type Row = {
  items: DirectoryItem[] | null;
  matched: number;
  counts: number[];
  gem: { counts: number[]; n: number } | null;
  countries: Record<string, number> | null;
  countriesN: number | null;
};

/** The facet values counted in one aggregate, in a fixed order shared by the SQL and the reader. */
const COUNTED: { key: FacetKey; value: string }[] = (["capabilities", "metals", "certifications", "gemstoneWork"] as const).flatMap((key) =>
  FACET_VOCABULARY[key].map((value) => ({ key, value })),
);
const ALL_OF_COUNTED = COUNTED.filter((c) => c.key !== "gemstoneWork");
const GEM_COUNTED = COUNTED.filter((c) => c.key === "gemstoneWork");

/** Rows in result order, except that a text search by relevance takes its candidates newest first (rank needs every row). */
function candidateOrder(params: DirectorySearchParams, alias: string): SQL {
  if (params.sort !== "relevance") return orderBy(params, alias);
  return sql`${sql.raw(`${alias}.published_at`)} desc, ${sql.raw(`${alias}.org_id`)}`;
}

/**
 * A filtered search in one statement that reads at most COUNT_CAP + 1 matching profiles (see the note at the
 * top of this file): `cand` is the first COUNT_CAP + 1 matches in candidate order, which the indexes on
 * `published_at`, lead time and MOQ read in order and stop early. Its size gives the total (exact up to
 * COUNT_CAP), its first COUNT_CAP rows the page (ranked by relevance for a text search) and the facet counts.
 *
 * An all-of facet counts within the results (ticking a value narrows to exactly that count); an any-of
 * facet counts with every filter but its own, so its other values show what choosing them would add: when
 * an any-of facet is filtered, its counts come from a sample of its own, read the same way.
 */
function searchSql(params: DirectorySearchParams): SQL {
  const conds = conditions(params);
  const query = tsQuery(params);
  const limit = COUNT_CAP + 1;
  const where = (except?: FacetKey) => and([published, ...conds.filter((c) => c.filter.key !== except).map((c) => c.sql)]);
  const gemFiltered = params.gemstoneWork.length > 0;
  const ctryFiltered = params.countries.length > 0;
  const rank = query && params.sort === "relevance" ? sql`ts_rank_cd(c.search, ${query})` : sql`0`;
  const counted = (rows: SQL, list: typeof COUNTED) =>
    sql`(select array[${sql.join(
      list.map(({ key, value }) => sql`count(*) filter (where ${value}::text = any(s.${sql.raw(COLUMN[key])}))::int`),
      sql`, `,
    )}]::int[] from ${rows} s)`;
  const firstOf = (cte: string) => sql`(select * from ${sql.raw(cte)} c order by ${candidateOrder(params, "c")} limit ${COUNT_CAP})`;
  // An any-of facet's own sample: every filter but its own, in the same order.
  const own = (name: string, key: FacetKey, column: string) => sql`, ${sql.raw(name)} as materialized (
      select wp.${sql.raw(column)}, wp.published_at, wp.org_id, wp.moq_per_design, wp.lead_time_min_days, wp.lead_time_max_days
      from workshop_profiles wp where ${where(key)} order by ${candidateOrder(params, "wp")} limit ${limit})`;
  const thumb = sql`(select ph.file_id from portfolio_pieces pp join portfolio_piece_photos ph on ph.piece_id = pp.id
    where pp.org_id = p.org_id order by pp.position, pp.created_at, pp.id, ph.position limit 1)`;
  return sql`
    with cand as materialized (
      select wp.org_id, wp.capabilities, wp.metals, wp.gemstone_work, wp.certifications, wp.country, wp.published_at,
        wp.moq_per_design, wp.lead_time_min_days, wp.lead_time_max_days, ${query ? sql`wp.search` : sql`null::tsvector as search`}
      from workshop_profiles wp
      where ${where()}
      order by ${candidateOrder(params, "wp")}
      limit ${limit}
    )${gemFiltered ? own("g", "gemstoneWork", "gemstone_work") : sql``}${ctryFiltered ? own("k", "countries", "country") : sql``},
    p as (
      select r.* from (select c.*, (${rank})::real as rank from ${firstOf("cand")} c) r
      order by ${orderBy(params, "r")}
      limit ${DIRECTORY_PAGE_SIZE} offset ${(params.page - 1) * DIRECTORY_PAGE_SIZE}
    )
    select
      (select json_agg(json_build_object('orgId', p.org_id, 'slug', o.slug, 'name', wp.name, 'headline', wp.headline,
          'city', wp.city, 'country', p.country, 'capabilities', p.capabilities, 'metals', p.metals,
          'gemstoneWork', p.gemstone_work, 'certifications', p.certifications, 'moqPerDesign', p.moq_per_design,
          'leadTimeMinDays', p.lead_time_min_days, 'leadTimeMaxDays', p.lead_time_max_days, 'thumbFileId', ${thumb})
          order by ${orderBy(params, "p")})
        from p join workshop_profiles wp on wp.org_id = p.org_id join organizations o on o.id = p.org_id) as items,
      (select count(*)::int from cand) as matched,
      ${counted(firstOf("cand"), gemFiltered ? ALL_OF_COUNTED : COUNTED)} as counts,
      ${gemFiltered ? sql`json_build_object('counts', ${counted(firstOf("g"), GEM_COUNTED)}, 'n', (select count(*)::int from g))` : sql`null::json`} as gem,
      (select json_object_agg(s.country, s.n) from (select s.country, count(*)::int as n from ${firstOf(ctryFiltered ? "k" : "cand")} s
        group by s.country) s) as countries,
      ${ctryFiltered ? sql`(select count(*)::int from k)` : sql`null::int`} as "countriesN"`;
}

/**
 * Reads as the public does (no organization set), so row-level security shows published profiles only; one
 * statement for a search that finds something, no transaction.
 */
export async function searchWorkshops(db: Db, params: DirectorySearchParams): Promise<DirectoryResult> {
  return readPublic(db, (q) => searchPublished(q, params));
}

async function searchPublished(db: Queryable, params: DirectorySearchParams): Promise<DirectoryResult> {
  const result = await searchOnce(db, params);
  if (result.total > 0) return result;
  if (hasSearchText(params.q)) {
    // Nothing for the text as typed: one more query says whether it was only common words, and what the
    // directory's own words make of it. A correction is offered only when it finds something.
    const { rows } = await db.execute<{ nodes: number; corrected: string | null }>(correctionSql(params.q));
    const { nodes, corrected } = rows[0] ?? { nodes: 1, corrected: null };
    if (Number(nodes) === 0) {
      const all = await searchOnce(db, { ...params, q: "" });
      if (all.total > 0) return { ...all, textNote: { kind: "too_common", text: params.q } };
    } else if (corrected && corrected !== normalizedWords(params.q)) {
      const fixed = await searchOnce(db, { ...params, q: corrected });
      if (fixed.total > 0) return { ...fixed, textNote: { kind: "corrected", from: params.q, to: corrected } };
    }
  }
  return { ...result, loosen: await loosenings(db, params) };
}

/** The words of a search as the correction query splits them: lower case, no accents, no punctuation. */
function normalizedWords(q: string): string {
  return q
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .join(" ");
}

/**
 * Each word of the text that the directory does not use (4 letters or more), replaced by the most similar
 * word it does use (trigram similarity at least 0.3), in order; and whether the text has any searchable word.
 */
function correctionSql(q: string): SQL {
  return sql`
    with words as (
      select t.w, t.ord from regexp_split_to_table(lower(unaccent(${q})), '[^a-z0-9]+') with ordinality as t(w, ord) where t.w <> ''
    )
    select numnode(websearch_to_tsquery('bezel_search', ${foldApostrophes(q)}))::int as nodes,
      (select string_agg(coalesce(
        case when length(words.w) >= 4 and not exists (select 1 from directory_words d where d.word = words.w)
          then (select d.word from directory_words d where d.word % words.w order by similarity(d.word, words.w) desc, d.word limit 1)
        end, words.w), ' ' order by words.ord) from words) as corrected`;
}

/** No search text, no facet, no range: every published profile. */
function isUnfiltered(params: DirectorySearchParams): boolean {
  return !tsQuery(params) && FACET_KEYS.every((k) => params[k].length === 0) && params.moqMax === undefined && params.leadTimeMax === undefined;
}

/** The one facet value a search filters on, when it has exactly one and nothing else (no text, no range). */
function singleFacetValue(params: DirectorySearchParams): { key: FacetKey; value: string } | null {
  if (tsQuery(params) || params.moqMax !== undefined || params.leadTimeMax !== undefined) return null;
  const used = FACET_KEYS.filter((k) => params[k].length > 0);
  if (used.length !== 1 || params[used[0]!].length !== 1) return null;
  return { key: used[0]!, value: params[used[0]!][0]! };
}

const TABLE_FACET: Record<FacetKey, string> = { capabilities: "capabilities", metals: "metals", gemstoneWork: "gemstone_work", certifications: "certifications", countries: "countries" };
const FACET_OF_COLUMN: Record<string, FacetKey> = Object.fromEntries(Object.entries(TABLE_FACET).map(([k, v]) => [v, k as FacetKey]));
const ANY_OF: FacetKey[] = ["gemstoneWork", "countries"];

type CounterRow = { facet: string; value: string; count: number };

/**
 * The page in index order and the facet counts from counters that triggers keep equal to counting every
 * published profile: `directory_facet_counts` (each value; drizzle/0020_directory_facet_counts.sql) for the
 * unfiltered directory, and with one facet value ticked also `directory_facet_pair_counts` (each pair of
 * values; drizzle/0024_directory_facet_pair_counts.sql). The counts mean what the counting query's mean:
 * all-of facets count within the results, an any-of facet with every filter but its own — so with its own
 * single value ticked, an any-of facet shows its unfiltered counts.
 */
async function searchCounted(db: Queryable, params: DirectorySearchParams, only: { key: FacetKey; value: string } | null): Promise<DirectoryResult> {
  // Without search text every profile ranks the same: relevance is newest first, as in `orderBy`.
  const order = params.sort === "relevance" ? sql`wp.published_at desc, wp.org_id` : orderBy(params, "wp");
  const where = only ? and([published, ...conditions(params).map((c) => c.sql)]) : published;
  const thumb = sql`(select ph.file_id from portfolio_pieces pp join portfolio_piece_photos ph on ph.piece_id = pp.id
    where pp.org_id = wp.org_id order by pp.position, pp.created_at, pp.id, ph.position limit 1)`;
  const facet = only ? TABLE_FACET[only.key] : "";
  const { rows } = await db.execute<{ items: DirectoryItem[] | null; counts: CounterRow[] | null; pairs: CounterRow[] | null }>(sql`
    select
      (select json_agg(json_build_object('orgId', wp.org_id, 'slug', o.slug, 'name', wp.name, 'headline', wp.headline,
          'city', wp.city, 'country', wp.country, 'capabilities', wp.capabilities, 'metals', wp.metals,
          'gemstoneWork', wp.gemstone_work, 'certifications', wp.certifications, 'moqPerDesign', wp.moq_per_design,
          'leadTimeMinDays', wp.lead_time_min_days, 'leadTimeMaxDays', wp.lead_time_max_days, 'thumbFileId', ${thumb})
          order by ${order})
        from (select wp.* from workshop_profiles wp where ${where} order by ${order}
              limit ${DIRECTORY_PAGE_SIZE} offset ${(params.page - 1) * DIRECTORY_PAGE_SIZE}) wp
        join organizations o on o.id = wp.org_id) as items,
      (select json_agg(json_build_object('facet', c.facet, 'value', c.value, 'count', c.count)) from directory_facet_counts c
        where c.count > 0 and ${only ? sql`c.facet = ${facet}` : sql`true`}) as counts,
      (select json_agg(json_build_object('facet', c.facet2, 'value', c.value2, 'count', c.count)) from directory_facet_pair_counts c
        where ${only ? sql`c.facet = ${facet} and c.value = ${only.value}` : sql`false`} and c.count > 0) as pairs`);
  const row = rows[0]!;
  const facets = Object.fromEntries(FACET_KEYS.map((k) => [k, [] as FacetCount[]])) as DirectoryFacets;
  const vocabulary = new Set(COUNTED.map((c) => `${c.key}:${c.value}`));
  // Vocabulary facets list only the values the app knows, as the counting query does.
  const add = (key: FacetKey | undefined, value: string, count: number) => {
    if (key && (key === "countries" || vocabulary.has(`${key}:${value}`))) facets[key].push({ value, count });
  };
  let total = 0;
  if (!only) {
    for (const c of row.counts ?? []) {
      if (c.facet === "total") total = Number(c.count);
      add(FACET_OF_COLUMN[c.facet], c.value, Number(c.count));
    }
  } else {
    total = Number((row.counts ?? []).find((c) => c.value === only.value)?.count ?? 0);
    // The ticked value's own facet: unfiltered for an any-of facet; for an all-of facet, within the results
    // (the ticked value itself matches all of them, the others by their pair).
    const anyOf = ANY_OF.includes(only.key);
    if (anyOf) for (const c of row.counts ?? []) add(only.key, c.value, Number(c.count));
    else if (total > 0) add(only.key, only.value, total);
    for (const c of row.pairs ?? []) {
      const key = FACET_OF_COLUMN[c.facet];
      if (!(anyOf && key === only.key)) add(key, c.value, Number(c.count));
    }
  }
  for (const k of FACET_KEYS) facets[k].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return {
    items: row.items ?? [],
    total,
    page: params.page,
    pageSize: DIRECTORY_PAGE_SIZE,
    pageCount: Math.max(1, Math.ceil(total / DIRECTORY_PAGE_SIZE)),
    bounded: false,
    facetsSampled: false,
    facets,
    loosen: [],
    textNote: null,
  };
}

async function searchOnce(db: Queryable, params: DirectorySearchParams): Promise<DirectoryResult> {
  if (isUnfiltered(params)) return searchCounted(db, params, null);
  const only = singleFacetValue(params);
  if (only) return searchCounted(db, params, only);
  const { rows } = await db.execute<Row>(searchSql(params));
  const row = rows[0]!;
  const matched = Number(row.matched);
  const bounded = matched > COUNT_CAP;
  const total = Math.min(matched, COUNT_CAP);
  const facets = Object.fromEntries(FACET_KEYS.map((k) => [k, [] as FacetCount[]])) as DirectoryFacets;
  const push = (list: typeof COUNTED, counts: number[]) =>
    list.forEach(({ key, value }, i) => {
      const n = Number(counts[i] ?? 0);
      if (n) facets[key].push({ value, count: n });
    });
  push(row.gem ? ALL_OF_COUNTED : COUNTED, row.counts);
  if (row.gem) push(GEM_COUNTED, row.gem.counts);
  facets.countries = Object.entries(row.countries ?? {}).map(([value, count]) => ({ value, count: Number(count) }));
  for (const k of FACET_KEYS) facets[k].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  const sampled = bounded || Number(row.gem?.n ?? 0) > COUNT_CAP || Number(row.countriesN ?? 0) > COUNT_CAP;
  return {
    items: row.items ?? [],
    total,
    bounded,
    facetsSampled: sampled,
    page: params.page,
    pageSize: DIRECTORY_PAGE_SIZE,
    pageCount: Math.max(1, Math.ceil(total / DIRECTORY_PAGE_SIZE)),
    facets,
    loosen: [],
    textNote: null,
  };
}

/** For an empty result: the count without each loosenable filter, all in one scan. */
async function loosenings(db: Queryable, params: DirectorySearchParams): Promise<Loosening[]> {
  const candidates = loosenableFilters(params);
  if (candidates.length === 0) return [];
  const parts = conditions(params, true);
  const columns = candidates.map((f, i) => {
    const kept = parts.filter((p) => !covers(f, p.filter)).map((p) => p.sql);
    return sql`count(*) filter (where ${and(kept)})::int as ${sql.identifier(`c${i}`)}`;
  });
  const result = await db.execute<Record<string, number>>(sql`select ${sql.join(columns, sql`, `)} from workshop_profiles wp where ${published}`);
  const row = result.rows[0] ?? {};
  return candidates.map((filter, i) => ({ filter, count: Number(row[`c${i}`] ?? 0) })).sort((a, b) => b.count - a.count);
}

/** Whether removing `removed` takes away the condition made for `filter`. */
function covers(removed: DirectoryFilter, filter: DirectoryFilter): boolean {
  if (filter.key !== removed.key) return false;
  const value = filterValue(removed);
  return value === undefined || filterValue(filter) === value;
}

/**
 * Search results cached per process, keyed by the directory version (a counter bumped at the commit of any
 * change to profiles, portfolio pieces or organizations — see drizzle/0003_directory_version.sql). Every
 * call reads the version, so no instance ever serves results older than the last commit it can see.
 */
const CACHE_SIZE = 500;
const cache = new Map<string, DirectoryResult>();

export async function searchWorkshopsCached(db: Db, params: DirectorySearchParams): Promise<DirectoryResult> {
  const { rows } = await db.execute<{ version: string | number }>(sql`select version from directory_version`);
  const key = `${rows[0]?.version ?? "none"}:${JSON.stringify(params)}`;
  const hit = cache.get(key);
  if (hit) {
    // Map keeps insertion order: re-inserting marks the entry as recently used.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const result = await searchWorkshops(db, params);
  cache.set(key, result);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return result;
}
