import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { callerFor } from "~/test/fixtures";
import { directorySearchSchema, type DirectorySearchInput, type DirectorySearchParams } from "~/lib/directory-schemas";
import { organizations, workshopProfiles } from "../db/schema";
import { searchWorkshops, type DirectoryResult } from "./directory";
import { fileRow, insertPiece } from "~/test/files";

const db = await testDb();

type Seed = Partial<typeof workshopProfiles.$inferInsert> & { name: string; published?: boolean; publishedDaysAgo?: number };
let n = 0;

async function addWorkshops(seeds: Seed[]) {
  const orgs = await db
    .insert(organizations)
    .values(seeds.map((s) => ({ kind: "workshop" as const, name: s.name, slug: `dir-${++n}-${randomUUID().slice(0, 6)}`, country: s.country ?? "IT", timeZone: "Europe/Rome", currency: "EUR" })))
    .returning();
  for (const seed of seeds) if (seed.published !== false) visible.push(normalize(seed));
  await db.insert(workshopProfiles).values(
    seeds.map(({ published = true, publishedDaysAgo = 0, ...s }, i) => ({
      country: "IT",
      moqPerDesign: 5,
      leadTimeMinDays: 20,
      leadTimeMaxDays: 30,
      ...s,
      orgId: orgs[i]!.id,
      publishedAt: published ? new Date(Date.UTC(2026, 0, 1) - publishedDaysAgo * 86_400_000) : null,
    })),
  );
  return orgs;
}

const search = (input: DirectorySearchInput = {}) => searchWorkshops(db, directorySearchSchema.parse(input));
const names = (r: DirectoryResult) => r.items.map((i) => i.name);
const count = (r: DirectoryResult, facet: keyof DirectoryResult["facets"], value: string) => r.facets[facet].find((f) => f.value === value)?.count ?? 0;

// A varied base set; the directory's answers are checked against a plain in-memory filter of the same rows.
const CAPS = ["casting", "stone_setting", "engraving", "enamel", "hand_fabrication", "plating"];
const METALS = ["silver_925", "gold_18k_yellow", "platinum", "brass"];
const GEMS = ["natural", "lab_grown", "none"];
const COUNTRIES = ["IT", "IN", "TH", "MX"];
const CERTS = ["rjc", "fairmined", "recycled_metal"];
const pickEvery = <T,>(xs: T[], i: number, step: number) => xs.filter((_, j) => (i + j) % step === 0);
const base: Seed[] = Array.from({ length: 48 }, (_, i) => ({
  name: `Bench ${String(i).padStart(2, "0")} Studio`,
  headline: i % 7 === 0 ? "Small batch enamel pieces" : "Made-to-order fine jewelry",
  story: "We cast, set and polish in our own workshop.",
  city: ["Vicenza", "Jaipur", "Bangkok", "Taxco"][i % 4],
  country: COUNTRIES[i % 4],
  capabilities: pickEvery(CAPS, i, 3),
  metals: pickEvery(METALS, i, 2),
  gemstoneWork: [GEMS[i % 3]!],
  certifications: pickEvery(CERTS, i, 4),
  moqPerDesign: 1 + ((i * 7) % 50),
  leadTimeMinDays: 10 + (i % 5),
  leadTimeMaxDays: 15 + ((i * 11) % 45),
  publishedDaysAgo: i % 10,
}));
const hidden: Seed[] = [
  { name: "Secret Enamel Works", headline: "Enamel enamel enamel", capabilities: ["enamel", "filigree"], metals: ["palladium"], gemstoneWork: ["natural"], country: "PE", certifications: ["iso_9001"], moqPerDesign: 1, leadTimeMaxDays: 10, leadTimeMinDays: 5, published: false },
];
const normalize = (s: Seed) => ({
  ...s,
  country: s.country ?? "IT",
  capabilities: s.capabilities ?? [],
  metals: s.metals ?? [],
  gemstoneWork: s.gemstoneWork ?? [],
  certifications: s.certifications ?? [],
  moqPerDesign: s.moqPerDesign ?? 5,
  leadTimeMaxDays: s.leadTimeMaxDays ?? 30,
});
/** Every published row, kept in step with the database by `addWorkshops`. */
const visible: ReturnType<typeof normalize>[] = [];
await addWorkshops([...base, ...hidden]);

function expected(p: DirectorySearchParams, except?: "gemstoneWork" | "countries") {
  return visible.filter(
    (w) =>
      p.capabilities.every((c) => w.capabilities.includes(c)) &&
      p.metals.every((m) => w.metals.includes(m)) &&
      p.certifications.every((c) => w.certifications.includes(c)) &&
      (except === "gemstoneWork" || p.gemstoneWork.length === 0 || p.gemstoneWork.some((g) => w.gemstoneWork.includes(g))) &&
      (except === "countries" || p.countries.length === 0 || (p.countries as string[]).includes(w.country)) &&
      (p.moqMax === undefined || w.moqPerDesign <= p.moqMax) &&
      (p.leadTimeMax === undefined || w.leadTimeMaxDays <= p.leadTimeMax),
  );
}

function tally(rows: typeof visible, values: (w: (typeof visible)[number]) => string[]) {
  const m = new Map<string, number>();
  for (const w of rows) for (const v of values(w)) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

describe("searchWorkshops: filters and facet counts", () => {
  const combos: DirectorySearchInput[] = [
    {},
    { capabilities: ["casting"] },
    { capabilities: ["casting", "engraving"] },
    { metals: ["silver_925", "platinum"] },
    { gemstoneWork: ["natural", "lab_grown"] },
    { countries: ["IT", "TH"] },
    { certifications: ["rjc"] },
    // One facet value and nothing else: counted from the pair counters (drizzle/0024_directory_facet_pair_counts.sql).
    { metals: ["silver_925"] },
    { gemstoneWork: ["natural"] },
    { countries: ["TH"] },
    // Only an unpublished profile is in Peru: nothing found, the countries still counted without their filter.
    { countries: ["PE"] },
    { moqMax: 10 },
    { leadTimeMax: 30 },
    { capabilities: ["stone_setting"], metals: ["silver_925"], countries: ["IN", "MX"], gemstoneWork: ["none"], moqMax: 40, leadTimeMax: 50 },
  ];

  it.each(combos.map((c) => [JSON.stringify(c), c] as const))("%s matches a plain filter of the published rows", async (_label, input) => {
    const p = directorySearchSchema.parse(input);
    const r = await search({ ...input, sort: "moq" });
    const want = expected(p);
    expect(r.total).toBe(want.length);
    expect(r.items).toHaveLength(Math.min(20, want.length));
    const wanted = new Set(want.map((w) => w.name));
    expect(names(r).every((name) => wanted.has(name))).toBe(true);
    // All-of facets count within the results; any-of facets count with every filter but their own.
    expect(r.facets.capabilities).toEqual(tally(want, (w) => w.capabilities));
    expect(r.facets.metals).toEqual(tally(want, (w) => w.metals));
    expect(r.facets.certifications).toEqual(tally(want, (w) => w.certifications));
    expect(r.facets.gemstoneWork).toEqual(tally(expected(p, "gemstoneWork"), (w) => w.gemstoneWork));
    expect(r.facets.countries).toEqual(tally(expected(p, "countries"), (w) => [w.country]));
  });

  it("applies every filter to every result", async () => {
    const r = await search({ capabilities: ["casting"], metals: ["silver_925"], moqMax: 30, leadTimeMax: 45, countries: ["IT", "IN"] });
    expect(r.total).toBeGreaterThan(0);
    for (const w of r.items) {
      expect(w.capabilities).toContain("casting");
      expect(w.metals).toContain("silver_925");
      expect(w.moqPerDesign).toBeLessThanOrEqual(30);
      expect(w.leadTimeMaxDays).toBeLessThanOrEqual(45);
      expect(["IT", "IN"]).toContain(w.country);
    }
  });

  it("never shows an unpublished profile, in results or in facet counts", async () => {
    const all = await search({ q: "enamel" });
    expect(names(all)).not.toContain("Secret Enamel Works");
    const r = await search({});
    expect(r.total).toBe(visible.length);
    expect(count(r, "capabilities", "filigree")).toBe(0);
    expect(count(r, "metals", "palladium")).toBe(0);
    expect(count(r, "countries", "PE")).toBe(0);
    expect(count(r, "certifications", "iso_9001")).toBe(0);
    expect((await search({ countries: ["PE"] })).total).toBe(0);
  });
});

describe("searchWorkshops: relevance", () => {
  it("ranks a search for enamel: name and headline first, then capability, then story; others not at all", async () => {
    await addWorkshops([
      { name: "Story Mention Atelier", story: "Our founder once tried enamel.", capabilities: ["casting"], country: "GR" },
      { name: "Capability Only Atelier", capabilities: ["enamel"], country: "GR" },
      { name: "Enamel House", headline: "Champlevé enamel on gold", capabilities: ["enamel"], country: "GR" },
      { name: "Casting Only Atelier", story: "Lost-wax casting.", capabilities: ["casting"], country: "GR" },
    ]);
    const r = await search({ q: "enamel", countries: ["GR"] });
    expect(names(r)).toEqual(["Enamel House", "Capability Only Atelier", "Story Mention Atelier"]);
    const everyone = await search({ q: "enamel" });
    expect(names(everyone)[0]).toBe("Enamel House");
    // Every enamel-capable workshop comes before any that only mentions it in its story.
    const firstStoryOnly = names(everyone).indexOf("Story Mention Atelier");
    expect(everyone.items.slice(0, firstStoryOnly).every((w) => w.capabilities.includes("enamel") || /enamel/i.test(w.name + w.headline))).toBe(true);
  });

  it("supports web-search syntax and ignores punctuation-only text", async () => {
    const r = await search({ q: "enamel -champlevé", countries: ["GR"] });
    expect(names(r)).not.toContain("Enamel House");
    expect((await search({ q: "?!" })).total).toBe((await search({})).total);
  });
});

describe("searchWorkshops: ordering and pagination", () => {
  it.each(["relevance", "lead_time", "moq"] as const)("pages of %s order do not overlap and together make the whole result", async (sort) => {
    const first = await search({ sort });
    const seen: string[] = [];
    for (let page = 1; page <= first.pageCount; page++) {
      const r = await search({ sort, page });
      expect(r.items.length).toBe(page < first.pageCount ? 20 : first.total - 20 * (first.pageCount - 1));
      seen.push(...r.items.map((i) => i.orgId));
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(first.total);
    expect(first.pageCount).toBeGreaterThan(2);
    // Asking again gives the same page: the order has a unique tiebreaker.
    expect((await search({ sort, page: 2 })).items).toEqual((await search({ sort, page: 2 })).items);
  });

  it("sorts by shortest lead time and by lowest MOQ", async () => {
    const byLead = await search({ sort: "lead_time", countries: ["IT", "IN", "TH", "MX"] });
    const leads = byLead.items.map((i) => i.leadTimeMaxDays!);
    expect(leads).toEqual([...leads].sort((a, b) => a - b));
    const byMoq = await search({ sort: "moq" });
    const moqs = byMoq.items.map((i) => i.moqPerDesign!);
    expect(moqs).toEqual([...moqs].sort((a, b) => a - b));
    expect(moqs[0]).toBe(1);
  });

  it("without search text, relevance shows the most recently published first", async () => {
    const r = await search({ countries: ["IT", "IN", "TH", "MX"] });
    const ages = r.items.map((i) => base.find((b) => b.name === i.name)!.publishedDaysAgo!);
    expect(ages).toEqual([...ages].sort((a, b) => a - b));
  });

  it("a page past the end is empty but keeps the total", async () => {
    const r = await search({ page: 99 });
    expect(r.items).toEqual([]);
    expect(r.total).toBeGreaterThan(0);
  });
});

describe("searchWorkshops: cards and empty results", () => {
  it("uses the first photo of the first portfolio piece that has photos as the thumbnail", async () => {
    const [org] = await addWorkshops([{ name: "Thumb Atelier", country: "VN" }]);
    const [a, b, later] = [(await fileRow(db, org!.id)).id, (await fileRow(db, org!.id)).id, (await fileRow(db, org!.id)).id];
    await insertPiece(db, { orgId: org!.id, title: "No photo yet", position: 0 });
    await insertPiece(db, { orgId: org!.id, title: "Later", position: 2, photoFileIds: [later] });
    await insertPiece(db, { orgId: org!.id, title: "Ring", position: 1, photoFileIds: [a, b] });
    const r = await search({ countries: ["VN"] });
    expect(r.items[0]).toMatchObject({ name: "Thumb Atelier", slug: org!.slug, thumbFileId: a });
    expect((await search({ capabilities: ["casting"] })).items.every((i) => i.thumbFileId === null)).toBe(true);
  });

  it("explains which filter to loosen, with the count found without it", async () => {
    const r = await search({ capabilities: ["casting", "enamel"], metals: ["platinum"], moqMax: 3, countries: ["TH"] });
    expect(r.total).toBe(0);
    expect(r.items).toEqual([]);
    const p = directorySearchSchema.parse({ capabilities: ["casting", "enamel"], metals: ["platinum"], moqMax: 3, countries: ["TH"] });
    const without = (patch: Partial<DirectorySearchParams>) => expected({ ...p, ...patch }).length;
    expect(r.loosen).toHaveLength(5);
    const find = (key: string, value?: string) => r.loosen.find((l) => l.filter.key === key && ("value" in l.filter ? l.filter.value : undefined) === value)!.count;
    expect(find("capabilities", "casting")).toBe(without({ capabilities: ["enamel"] }));
    expect(find("capabilities", "enamel")).toBe(without({ capabilities: ["casting"] }));
    expect(find("metals", "platinum")).toBe(without({ metals: [] }));
    expect(find("moqMax")).toBe(without({ moqMax: undefined }));
    expect(find("countries")).toBe(without({ countries: [] }));
    expect(r.loosen.map((l) => l.count)).toEqual([...r.loosen.map((l) => l.count)].sort((x, y) => y - x));
    expect((await search({ capabilities: ["casting"] })).loosen).toEqual([]);
  });
});

describe("directory.search procedure", () => {
  it("answers signed out", async () => {
    const r = await callerFor(db, null).directory.search({ capabilities: ["casting"], sort: "moq" });
    expect(r.total).toBe(expected(directorySearchSchema.parse({ capabilities: ["casting"] })).length);
  });

  it("refuses values outside the vocabulary with a message, not a crash", async () => {
    await expect(callerFor(db, null).directory.search({ capabilities: ["welding"] as never })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(callerFor(db, null).directory.search({ page: 0 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("a search that forgives", () => {
  const shown = () => visible.length;
  /** Published workshops whose name, headline, story or capabilities say enamel, added by any test of this file. */
  const saysEnamel = () => visible.filter((w) => /enamel/i.test(`${w.name} ${w.headline ?? ""} ${w.story ?? ""}`) || w.capabilities.includes("enamel")).length;

  beforeAll(async () => {
    await addWorkshops([
      {
        name: "Kuyumcu Örnek",
        headline: "Cloisonné enamel and micro-pavé",
        city: "İstanbul",
        country: "TR",
        story: "Filigree work from Türkiye since 1972, by our master’s hands.",
        capabilities: ["enamel", "filigree"],
      },
    ]);
  });

  it("ignores accents both ways: Turkiye, Türkiye and cloisonne find the same workshop", async () => {
    expect(names(await search({ q: "Turkiye" }))).toEqual(["Kuyumcu Örnek"]);
    expect(names(await search({ q: "Türkiye" }))).toEqual(["Kuyumcu Örnek"]);
    expect(names(await search({ q: "cloisonne" }))).toEqual(["Kuyumcu Örnek"]);
  });

  it("folds hyphens and apostrophes: micro pave, micro-pavé, masters and master's", async () => {
    expect(names(await search({ q: "micro pave" }))).toEqual(["Kuyumcu Örnek"]);
    expect(names(await search({ q: "micro-pavé" }))).toEqual(["Kuyumcu Örnek"]);
    expect(names(await search({ q: "master's" }))).toEqual(["Kuyumcu Örnek"]);
    expect(names(await search({ q: "masters" }))).toEqual(["Kuyumcu Örnek"]);
  });

  it("corrects a typo from the directory's own words and says so", async () => {
    const r = await search({ q: "filigre" });
    expect(r.textNote).toEqual({ kind: "corrected", from: "filigre", to: "filigree" });
    expect(names(r)).toEqual(["Kuyumcu Örnek"]);
    const enamel = await search({ q: "enamle" });
    expect(enamel.textNote).toEqual({ kind: "corrected", from: "enamle", to: "enamel" });
    expect(names(enamel)).toContain("Kuyumcu Örnek");
    expect(enamel.total).toBe(saysEnamel());
  });

  it("a text made only of common words searches for nothing in particular and says so", async () => {
    const r = await search({ q: "it's" });
    expect(r.textNote).toEqual({ kind: "too_common", text: "it's" });
    expect(r.total).toBe(shown());
  });

  it("offers nothing for gibberish, nor words only an unpublished profile uses", async () => {
    const gibberish = await search({ q: "zzqxvk" });
    expect(gibberish).toMatchObject({ total: 0, textNote: null });
    // "Secret Enamel Works" is unpublished: its name is no word of the directory.
    const secret = await search({ q: "secrte" });
    expect(secret).toMatchObject({ total: 0, textNote: null });
  });

  it("text that finds something as typed is not corrected", async () => {
    const r = await search({ q: "enamel" });
    expect(r.textNote).toBeNull();
    expect(r.total).toBe(saysEnamel());
  });
});
