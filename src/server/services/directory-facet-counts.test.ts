import { randomUUID } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appDbOf, testDb } from "~/test/db";
import { directorySearchSchema } from "~/lib/directory-schemas";
import { organizations, workshopProfiles } from "../db/schema";
import { searchWorkshops, type DirectoryResult } from "./directory";

// A database of its own: the counts below are of these workshops only.
const db = await testDb();

async function addWorkshop(name: string, profile: Partial<typeof workshopProfiles.$inferInsert>, published = true) {
  const [org] = await db
    .insert(organizations)
    .values({ kind: "workshop", name, slug: `facets-${randomUUID().slice(0, 8)}`, country: profile.country ?? "IT", timeZone: "Europe/Rome", currency: "EUR" })
    .returning();
  await db.insert(workshopProfiles).values({ name, country: "IT", ...profile, orgId: org!.id, publishedAt: published ? new Date() : null });
  return org!.id;
}

/** The unfiltered directory's total and counts, as `facet:value count` lines. */
async function unfiltered(sort: "relevance" | "moq" = "relevance") {
  const r: DirectoryResult = await searchWorkshops(appDbOf(db), directorySearchSchema.parse({ sort }));
  const counts = Object.entries(r.facets).flatMap(([facet, values]) => values.map((v) => `${facet}:${v.value} ${v.count}`));
  return { total: r.total, pageCount: r.pageCount, names: r.items.map((i) => i.name), counts: counts.sort() };
}

describe("the unfiltered directory's counts, kept by triggers", () => {
  it("follow publishing, unpublishing, edits and deletions, one row or many at a time", async () => {
    const a = await addWorkshop("Alpha", { capabilities: ["casting", "enamel"], metals: ["silver_925"], gemstoneWork: ["natural"], certifications: ["rjc"], country: "IT", moqPerDesign: 9 });
    const b = await addWorkshop("Beta", { capabilities: ["casting"], metals: ["platinum"], gemstoneWork: ["none"], country: "IN", moqPerDesign: 3 });
    const c = await addWorkshop("Gamma", { capabilities: ["enamel"], metals: ["silver_925"], gemstoneWork: ["lab_grown"], country: "TH", moqPerDesign: 5 }, false);

    expect(await unfiltered()).toEqual({
      total: 2,
      pageCount: 1,
      names: ["Beta", "Alpha"],
      counts: [
        "capabilities:casting 2",
        "capabilities:enamel 1",
        "certifications:rjc 1",
        "countries:IN 1",
        "countries:IT 1",
        "gemstoneWork:natural 1",
        "gemstoneWork:none 1",
        "metals:platinum 1",
        "metals:silver_925 1",
      ],
    });

    // Published: counted; an edit moves its values.
    await db.update(workshopProfiles).set({ publishedAt: new Date() }).where(eq(workshopProfiles.orgId, c));
    await db.update(workshopProfiles).set({ capabilities: ["engraving"], certifications: [] }).where(eq(workshopProfiles.orgId, a));
    expect((await unfiltered()).counts).toEqual([
      "capabilities:casting 1",
      "capabilities:enamel 1",
      "capabilities:engraving 1",
      "countries:IN 1",
      "countries:IT 1",
      "countries:TH 1",
      "gemstoneWork:lab_grown 1",
      "gemstoneWork:natural 1",
      "gemstoneWork:none 1",
      "metals:platinum 1",
      "metals:silver_925 2",
    ]);
    // Sorted by MOQ, read in index order.
    expect((await unfiltered("moq")).names).toEqual(["Beta", "Gamma", "Alpha"]);

    // Unpublished and deleted ones leave the counts; two rows changed by one statement count twice.
    await db.update(workshopProfiles).set({ publishedAt: null }).where(eq(workshopProfiles.orgId, b));
    await db.delete(workshopProfiles).where(eq(workshopProfiles.orgId, a));
    expect(await unfiltered()).toEqual({
      total: 1,
      pageCount: 1,
      names: ["Gamma"],
      counts: ["capabilities:enamel 1", "countries:TH 1", "gemstoneWork:lab_grown 1", "metals:silver_925 1"],
    });
    await db.update(workshopProfiles).set({ publishedAt: new Date(), metals: ["brass"] }).where(inArray(workshopProfiles.orgId, [b, c]));
    expect(await unfiltered()).toMatchObject({ total: 2, counts: ["capabilities:casting 1", "capabilities:enamel 1", "countries:IN 1", "countries:TH 1", "gemstoneWork:lab_grown 1", "gemstoneWork:none 1", "metals:brass 2"] });
  });

  it("the app's role reads the counts and cannot change them", async () => {
    const app = appDbOf(db);
    const { rows } = await app.execute<{ count: number }>(sql`select count from directory_facet_counts where facet = 'total'`);
    expect(rows.map((r) => Number(r.count))).toEqual([2]);
    const refusal = (q: ReturnType<typeof sql>) => app.execute(q).then(() => "allowed", (err: { cause?: { message?: string }; message: string }) => err.cause?.message ?? err.message);
    expect(await refusal(sql`update directory_facet_counts set count = 100 where facet = 'total'`)).toMatch(/permission denied/);
    expect(await refusal(sql`insert into directory_facet_counts values ('metals', 'gold', 5)`)).toMatch(/permission denied/);
    expect(await refusal(sql`delete from directory_facet_counts`)).toMatch(/permission denied/);
  });

  it("with one facet value ticked, count from pair counters that follow edits, publishing and deletions", async () => {
    // Still here from the first test: Beta (casting, brass, no stones, IN) and Gamma (enamel, brass, lab-grown, TH).
    const d = await addWorkshop("Delta", { capabilities: ["casting", "stone_setting"], metals: ["silver_925"], gemstoneWork: ["natural"], country: "IT" });
    const e = await addWorkshop("Epsilon", { capabilities: ["casting"], metals: ["silver_925"], gemstoneWork: ["lab_grown"], country: "TH" }, false);
    const one = async (input: Record<string, string[]>) => {
      const r = await searchWorkshops(appDbOf(db), directorySearchSchema.parse(input));
      const counts = Object.entries(r.facets).flatMap(([facet, values]) => values.map((v) => `${facet}:${v.value} ${v.count}`));
      return { total: r.total, names: r.items.map((i) => i.name).sort(), counts: counts.sort() };
    };

    expect(await one({ capabilities: ["casting"] })).toEqual({
      total: 2,
      names: ["Beta", "Delta"],
      counts: ["capabilities:casting 2", "capabilities:stone_setting 1", "countries:IN 1", "countries:IT 1", "gemstoneWork:natural 1", "gemstoneWork:none 1", "metals:brass 1", "metals:silver_925 1"],
    });

    await db.update(workshopProfiles).set({ publishedAt: new Date() }).where(eq(workshopProfiles.orgId, e));
    expect((await one({ capabilities: ["casting"] })).counts).toEqual([
      "capabilities:casting 3",
      "capabilities:stone_setting 1",
      "countries:IN 1",
      "countries:IT 1",
      "countries:TH 1",
      "gemstoneWork:lab_grown 1",
      "gemstoneWork:natural 1",
      "gemstoneWork:none 1",
      "metals:brass 1",
      "metals:silver_925 2",
    ]);
    // An any-of facet's own values count without its filter: every published profile's gemstone work.
    expect(await one({ gemstoneWork: ["lab_grown"] })).toEqual({
      total: 2,
      names: ["Epsilon", "Gamma"],
      counts: ["capabilities:casting 1", "capabilities:enamel 1", "countries:TH 2", "gemstoneWork:lab_grown 2", "gemstoneWork:natural 1", "gemstoneWork:none 1", "metals:brass 1", "metals:silver_925 1"],
    });
    expect(await one({ countries: ["TH"] })).toEqual({
      total: 2,
      names: ["Epsilon", "Gamma"],
      counts: ["capabilities:casting 1", "capabilities:enamel 1", "countries:IN 1", "countries:IT 1", "countries:TH 2", "gemstoneWork:lab_grown 2", "metals:brass 1", "metals:silver_925 1"],
    });

    await db.delete(workshopProfiles).where(eq(workshopProfiles.orgId, d));
    await db.update(workshopProfiles).set({ capabilities: ["engraving"] }).where(eq(workshopProfiles.name, "Beta"));
    expect(await one({ capabilities: ["casting"] })).toEqual({
      total: 1,
      names: ["Epsilon"],
      counts: ["capabilities:casting 1", "countries:TH 1", "gemstoneWork:lab_grown 1", "metals:silver_925 1"],
    });

    const app = appDbOf(db);
    const refusal = (q: ReturnType<typeof sql>) => app.execute(q).then(() => "allowed", (err: { cause?: { message?: string }; message: string }) => err.cause?.message ?? err.message);
    expect(await refusal(sql`update directory_facet_pair_counts set count = 100`)).toMatch(/permission denied/);
    expect(await refusal(sql`delete from directory_facet_pair_counts`)).toMatch(/permission denied/);
  });
});
