import { describe, expect, it } from "vitest";
import { appDbOf, testDb } from "~/test/db";
import { directorySearchSchema, directoryTotalText, type DirectorySearchInput } from "~/lib/directory-schemas";
import { organizations, workshopProfiles } from "../db/schema";
import { COUNT_CAP, searchWorkshops, type DirectoryResult } from "./directory";

// A database of its own: the counts below are of these workshops only.
const db = await testDb();

/**
 * 1,005 workshops say "gold" (number 0 is the newest): every one casts, every third also engraves, the first
 * 600 work in silver and the rest in platinum, every fifth is in Italy and the others in India; lead time at
 * most 10 days for the first 1,000, 11 for number 1,000 and 40 for the last four. 999 others enamel in
 * Thailand and never say gold. One unpublished workshop says gold too.
 */
async function seed() {
  const rows = [
    ...Array.from({ length: 1005 }, (_, i) => ({
      name: `Aurum ${i}`,
      story: "We cast in recycled gold.",
      capabilities: i % 3 === 0 ? ["casting", "engraving"] : ["casting"],
      metals: [i < 600 ? "silver_925" : "platinum"],
      gemstoneWork: ["none"],
      country: i % 5 === 0 ? "IT" : "IN",
      leadTimeMinDays: 5,
      leadTimeMaxDays: i < 1000 ? 10 : i === 1000 ? 11 : 40,
      moqPerDesign: 5,
      publishedAt: new Date(Date.UTC(2026, 0, 1) - i * 60_000),
    })),
    ...Array.from({ length: 999 }, (_, i) => ({
      name: `Smalto ${i}`,
      story: "Cloisonné enamel, fired in our own kilns.",
      capabilities: ["enamel"],
      metals: ["silver_925"],
      gemstoneWork: ["none"],
      country: "TH",
      leadTimeMinDays: 20,
      leadTimeMaxDays: 30,
      moqPerDesign: 5,
      publishedAt: new Date(Date.UTC(2025, 0, 1) - i * 60_000),
    })),
    { name: "Hidden Gold", story: "Gold, gold, gold.", capabilities: ["casting"], metals: ["platinum"], gemstoneWork: ["none"], country: "IT", publishedAt: null },
  ];
  for (let from = 0; from < rows.length; from += 500) {
    const batch = rows.slice(from, from + 500);
    const orgs = await db
      .insert(organizations)
      .values(batch.map((r, i) => ({ kind: "workshop" as const, name: r.name, slug: `bounded-${from + i}`, country: r.country, timeZone: "Europe/Rome", currency: "EUR" })))
      .returning({ id: organizations.id });
    await db.insert(workshopProfiles).values(batch.map((r, i) => ({ ...r, orgId: orgs[i]!.id })));
  }
}
await seed();

const search = (input: DirectorySearchInput) => searchWorkshops(appDbOf(db), directorySearchSchema.parse(input));
const counts = (r: DirectoryResult) => Object.entries(r.facets).flatMap(([facet, values]) => values.map((v) => `${facet}:${v.value} ${v.count}`));

describe("a search with more than 1,000 matches is counted up to 1,000", () => {
  it("1,005 matches for gold: shows 1,000+, pages through the first 1,000, counts the 1,000 newest and says so", async () => {
    expect(COUNT_CAP).toBe(1000);
    const r = await search({ q: "gold" });
    expect(r).toMatchObject({ total: 1000, bounded: true, facetsSampled: true, pageCount: 50 });
    expect(directoryTotalText(r.total, r.bounded)).toBe("1,000+ workshops");
    expect(r.items).toHaveLength(20);
    // The newest 1,000 of the 1,005 (numbers 0 to 999): all cast, every third engraves (0, 3, …, 999), 600 in silver.
    expect(counts(r)).toEqual([
      "capabilities:casting 1000",
      "capabilities:engraving 334",
      "metals:silver_925 600",
      "metals:platinum 400",
      "gemstoneWork:none 1000",
      "countries:IN 800",
      "countries:IT 200",
    ]);
    const last = await search({ q: "gold", page: 50 });
    expect(last.items).toHaveLength(20);
    expect((await search({ q: "gold", page: 51 })).items).toEqual([]);
  });

  it("999 matches for enamel: exact total, exact counts, the last page holds 19", async () => {
    const r = await search({ q: "enamel" });
    expect(r).toMatchObject({ total: 999, bounded: false, facetsSampled: false, pageCount: 50 });
    expect(directoryTotalText(r.total, r.bounded)).toBe("999 workshops");
    expect(counts(r)).toEqual(["capabilities:enamel 999", "metals:silver_925 999", "gemstoneWork:none 999", "countries:TH 999"]);
    expect((await search({ q: "enamel", page: 50 })).items).toHaveLength(19);
  });

  it("exactly 1,000 matches are exact; 1,001 are 1,000+", async () => {
    const thousand = await search({ q: "gold", leadTimeMax: 10 });
    expect(thousand).toMatchObject({ total: 1000, bounded: false, facetsSampled: false });
    expect(directoryTotalText(thousand.total, thousand.bounded)).toBe("1,000 workshops");
    const more = await search({ q: "gold", leadTimeMax: 11 });
    expect(more).toMatchObject({ total: 1000, bounded: true, facetsSampled: true });
    expect(directoryTotalText(more.total, more.bounded)).toBe("1,000+ workshops");
  });

  it("two facets with 335 matches are exact", async () => {
    const r = await search({ capabilities: ["casting", "engraving"] });
    expect(r).toMatchObject({ total: 335, bounded: false, facetsSampled: false, pageCount: 17 });
    expect(counts(r)).toEqual([
      "capabilities:casting 335",
      "capabilities:engraving 335",
      "metals:silver_925 200",
      "metals:platinum 135",
      "gemstoneWork:none 335",
      "countries:IN 268",
      "countries:IT 67",
    ]);
  });

  it("a filtered any-of facet counts over its own sample: 201 in Italy exact, the countries over the 1,000 newest", async () => {
    const r = await search({ q: "gold", countries: ["IT"] });
    expect(r).toMatchObject({ total: 201, bounded: false, facetsSampled: true });
    expect(directoryTotalText(r.total, r.bounded)).toBe("201 workshops");
    expect(r.facets.countries).toEqual([
      { value: "IN", count: 800 },
      { value: "IT", count: 200 },
    ]);
    expect(r.facets.capabilities).toEqual([
      { value: "casting", count: 201 },
      { value: "engraving", count: 67 },
    ]);
  });

  it("the unfiltered directory and one facet value stay exact past 1,000, from the counters", async () => {
    const all = await search({});
    expect(all).toMatchObject({ total: 2004, bounded: false, facetsSampled: false, pageCount: 101 });
    const casting = await search({ capabilities: ["casting"] });
    expect(casting).toMatchObject({ total: 1005, bounded: false, facetsSampled: false, pageCount: 51 });
    expect(directoryTotalText(casting.total, casting.bounded)).toBe("1,005 workshops");
    expect((await search({ capabilities: ["casting"], page: 51 })).items).toHaveLength(5);
  });
});
