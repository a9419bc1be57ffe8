import { sql } from "drizzle-orm";
import type { Db } from "~/server/db/client";
import { directorySearchSchema, type DirectorySearchInput, type DirectorySearchParams } from "~/lib/directory-schemas";
import { CAPABILITIES, CERTIFICATIONS, LANGUAGES, METALS } from "~/lib/workshop-vocabulary";

/**
 * Synthetic directory data for the benchmark, generated inside the database with generate_series so
 * 10,000 workshops load in seconds. Deterministic (hash of the row number), so runs are comparable.
 */

const COUNTRIES: [string, string, string, string][] = [
  ["IT", "Vicenza", "Europe/Rome", "EUR"],
  ["IN", "Jaipur", "Asia/Kolkata", "INR"],
  ["TH", "Bangkok", "Asia/Bangkok", "THB"],
  ["TR", "Istanbul", "Europe/Istanbul", "TRY"],
  ["MX", "Taxco", "America/Mexico_City", "MXN"],
  ["PT", "Porto", "Europe/Lisbon", "EUR"],
  ["US", "Providence", "America/New_York", "USD"],
  ["GB", "Birmingham", "Europe/London", "GBP"],
  ["FR", "Paris", "Europe/Paris", "EUR"],
  ["ID", "Ubud", "Asia/Makassar", "IDR"],
  ["PE", "Lima", "America/Lima", "PEN"],
  ["GR", "Athens", "Europe/Athens", "EUR"],
  ["VN", "Ho Chi Minh City", "Asia/Ho_Chi_Minh", "VND"],
  ["CN", "Shenzhen", "Asia/Shanghai", "CNY"],
];

const NAME_A = ["Aurum", "Lumen", "Solstice", "Nova", "Ember", "Corvo", "Sable", "Meridian", "Orchid", "Halcyon", "Tessera", "Verdant", "Cobalt", "Juniper", "Marigold", "Obsidian", "Pallas", "Quill", "Riviera", "Saffron"];
const NAME_B = ["Atelier", "Goldsmiths", "Jewelry Works", "Studio", "Gemworks", "Foundry", "Workshop", "Silversmiths", "Bench", "Manufactory"];
const SENTENCES = [
  "We cast in recycled gold and silver and finish every piece by hand.",
  "Our setters work under the microscope on pavé, bezel and claw settings.",
  "Champlevé and cloisonné enamel, fired in small kilns in our own studio.",
  "Hand engraving and guilloché by artisans trained in the old workshops of the city.",
  "Filigree wire is drawn, twisted and soldered at the bench, one loop at a time.",
  "CAD design and wax printing let us turn a sketch into a sample in days.",
  "Chains are made link by link, soldered and polished to a mirror finish.",
  "We specialise in small batches for independent brands, from five pieces per design.",
  "Lab-grown diamonds and natural sapphires, sourced with full traceability.",
  "Low-waste production: filings and dust are refined back into new metal.",
  "Plating in gold and rhodium on silver and brass, with thick vermeil options.",
  "Stone cutting in house: cabochons, rose cuts and custom calibrations.",
];

const textArray = (values: readonly string[]) => sql`${`{${values.map((v) => `"${v.replace(/"/g, '\\"')}"`).join(",")}}`}::text[]`;

/** Loads workshops number `from` to `count` (so a database can grow from one scale to the next). */
export async function loadBenchWorkshops(db: Db, count: number, from = 1, analyze = true): Promise<void> {
  const sentence = (salt: string) => sql`(${textArray(SENTENCES)})[1 + abs(hashtext(i::text || ${salt})) % ${SENTENCES.length}]`;
  await db.execute(sql`
    insert into organizations (id, kind, name, slug, country, time_zone, currency, created_at)
    select md5('bench-org-' || i)::uuid, 'workshop',
      (${textArray(NAME_A)})[1 + i % ${NAME_A.length}] || ' ' || (${textArray(NAME_B)})[1 + (i / ${NAME_A.length}) % ${NAME_B.length}] || ' ' || i,
      'bench-' || i,
      (${textArray(COUNTRIES.map((c) => c[0]))})[1 + abs(hashtext(i::text || 'c')) % ${COUNTRIES.length}],
      (${textArray(COUNTRIES.map((c) => c[2]))})[1 + abs(hashtext(i::text || 'c')) % ${COUNTRIES.length}],
      (${textArray(COUNTRIES.map((c) => c[3]))})[1 + abs(hashtext(i::text || 'c')) % ${COUNTRIES.length}],
      now() - (i || ' minutes')::interval
    from generate_series(${from}::int, ${count}::int) i`);
  // Each value of a vocabulary is present with its own probability, so facets have uneven counts.
  const some = (values: readonly string[], salt: string, percent: number) =>
    sql`array(select v from unnest(${textArray(values)}) with ordinality t(v, k) where abs(hashtext(i::text || v || ${salt})) % 100 < ${percent} - k)`;
  await db.execute(sql`
    insert into workshop_profiles (org_id, name, headline, story, city, country, capabilities, metals, gemstone_work,
      certifications, languages, moq_per_design, lead_time_min_days, lead_time_max_days, monthly_capacity, published_at)
    select o.id, o.name,
      'Small-batch ' || replace(coalesce(caps[1], 'casting'), '_', ' ') || ' and ' || replace(coalesce(caps[2], 'polishing'), '_', ' ') || ' for independent brands',
      ${sentence("s1")} || ' ' || ${sentence("s2")} || ' ' || ${sentence("s3")},
      (${textArray(COUNTRIES.map((c) => c[1]))})[1 + abs(hashtext(i::text || 'c')) % ${COUNTRIES.length}],
      o.country, caps,
      ${some(METALS.keys, "m", 40)},
      case abs(hashtext(i::text || 'g')) % 4 when 0 then '{natural}'::text[] when 1 then '{lab_grown}' when 2 then '{natural,lab_grown}' else '{none}' end,
      ${some(CERTIFICATIONS.keys, "cert", 25)},
      array['en'] || ${some(LANGUAGES.keys.filter((l) => l !== "en"), "lang", 12)},
      1 + abs(hashtext(i::text || 'moq')) % 50,
      lt, lt + abs(hashtext(i::text || 'lt2')) % 25, 50 + abs(hashtext(i::text || 'cap')) % 2000,
      o.created_at
    from (select i, md5('bench-org-' || i)::uuid as org_id,
            ${some(CAPABILITIES.keys, "cap", 45)} as caps,
            10 + abs(hashtext(i::text || 'lt')) % 36 as lt
          from generate_series(${from}::int, ${count}::int) i) g
    join organizations o on o.id = g.org_id`);
  // Half the workshops have a portfolio, so the thumbnail lookup is exercised.
  await db.execute(sql`
    insert into portfolio_pieces (id, org_id, title, position)
    select md5('bench-piece-' || i || '-' || p)::uuid, md5('bench-org-' || i)::uuid, 'Piece ' || p, p
    from generate_series(${from}::int, ${count}::int) i, generate_series(0, 2) p where i % 2 = 0`);
  await db.execute(sql`
    insert into files (id, org_id, purpose, original_name, content_type, byte_size, storage_key)
    select md5('bench-photo-' || i || '-' || p)::uuid, md5('bench-org-' || i)::uuid, 'portfolio_photo', 'piece.jpg', 'image/jpeg', 1, 'bench/' || i || '-' || p
    from generate_series(${from}::int, ${count}::int) i, generate_series(0, 2) p where i % 2 = 0`);
  await db.execute(sql`
    insert into portfolio_piece_photos (piece_id, file_id, org_id, position)
    select md5('bench-piece-' || i || '-' || p)::uuid, md5('bench-photo-' || i || '-' || p)::uuid, md5('bench-org-' || i)::uuid, 0
    from generate_series(${from}::int, ${count}::int) i, generate_series(0, 2) p where i % 2 = 0`);
  // What autovacuum does soon after a bulk load in production: statistics, and GIN pending lists merged
  // (until then the planner avoids the GIN indexes and scans the whole table).
  if (analyze) for (const table of ["organizations", "workshop_profiles", "directory_entries", "portfolio_pieces", "portfolio_piece_photos"]) await db.execute(sql.raw(`vacuum analyze ${table}`));
}

/** The searches the benchmark runs: search text plus three facets, rotated so no single plan or page dominates. */
export function benchSearches(): DirectorySearchParams[] {
  const inputs: DirectorySearchInput[] = [
    { q: "enamel", capabilities: ["casting"], metals: ["silver_925"], countries: ["IT", "IN", "TH"] },
    { q: "stone setting", gemstoneWork: ["natural"], metals: ["gold_18k_yellow"], certifications: ["recycled_metal"] },
    { q: "filigree silver", capabilities: ["hand_fabrication"], countries: ["PT", "PE", "IN"], gemstoneWork: ["none"] },
    { q: "recycled gold", certifications: ["rjc"], metals: ["gold_14k_yellow"], countries: ["US", "GB", "FR", "IT"] },
    { q: "wax casting", capabilities: ["cad_design"], gemstoneWork: ["lab_grown"], countries: ["TH", "VN", "CN"] },
    { q: "engraving", capabilities: ["polishing"], metals: ["platinum"], gemstoneWork: ["natural", "lab_grown"] },
    { q: "small batches", capabilities: ["stone_setting"], metals: ["silver_925"], certifications: ["fairmined"] },
    { q: "chain", capabilities: ["chain_making"], countries: ["IT", "TR"], gemstoneWork: ["none"] },
  ];
  return inputs.map((i, k) => directorySearchSchema.parse({ ...i, sort: k % 3 === 0 ? "lead_time" : "relevance" }));
}
