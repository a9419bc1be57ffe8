import "./zod-config";
import { z } from "zod";
import { COUNTRY_CODES } from "./regions";
import { CAPABILITIES, CERTIFICATIONS, GEMSTONE_WORK, METALS } from "./workshop-vocabulary";
import { DIRECTORY_MAX_PAGE, DIRECTORY_PARAM_NAMES as PARAM, DIRECTORY_RANGES, DIRECTORY_SORTS, type DirectoryRangeKey, type DirectorySearchParams } from "./directory-query";

/**
 * The workshop directory's search: the procedure's input schema, and reading a page's query string into a
 * search. Everything else about a search (names, labels, the query string it writes) is in
 * `directory-query.ts`, re-exported here, which the browser's code imports without zod.
 */
export * from "./directory-query";

const range = (key: DirectoryRangeKey) => {
  const { max, messages } = DIRECTORY_RANGES[key];
  return z.number(messages.type).int(messages.int).min(1, messages.min).max(max, messages.max).optional();
};

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
  moqMax: range("moqMax"),
  leadTimeMax: range("leadTimeMax"),
  sort: z.enum(DIRECTORY_SORTS, "Choose a sort order.").default("relevance"),
  page: z.number().int().min(1, "Pages start at 1.").max(DIRECTORY_MAX_PAGE, `Pages end at ${DIRECTORY_MAX_PAGE}.`).default(1),
});

export type DirectorySearchInput = z.input<typeof directorySearchSchema>;

// The hand-written type and the schema's output are the same type, or this fails to compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: Same<z.output<typeof directorySearchSchema>, DirectorySearchParams> = true;
void sameShape;

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

