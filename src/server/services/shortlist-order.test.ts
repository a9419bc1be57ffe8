import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { callerFor, createOrg, type OrgFixture } from "~/test/fixtures";
import { publishWorkshop } from "~/test/vetting";
import { shortlistEntries } from "../db/schema";

/**
 * `shortlist.list` through the procedure: entries newest first by when they were saved (not by id, not
 * by when their tags were last edited), 20 to a page, and a tag filter that keeps that order. Every
 * expected value is written out.
 */

const db = await testDb();

const BASE = Date.UTC(2025, 4, 12, 8, 0, 0);
const pad = (n: number) => String(n).padStart(2, "0");

/** Atelier k is saved at BASE + k minutes: "Atelier 23" is the newest entry, "Atelier 01" the oldest. */
const savedAt = (k: number) => new Date(BASE + k * 60_000);
/** The order the workshops are added in: a shuffle of 1..23, so neither id nor insertion order matches. */
const ADD_ORDER = [8, 15, 22, 6, 13, 20, 4, 11, 18, 2, 9, 16, 23, 7, 14, 21, 5, 12, 19, 3, 10, 17, 1];
/** The order the tags are edited in: another shuffle, so the last-updated order matches neither. */
const TAG_ORDER = [1, 23, 12, 2, 22, 11, 3, 21, 10, 4, 20, 9, 5, 19, 8, 6, 18, 7, 17, 16, 15, 14, 13];

const SILVER = new Set([3, 6, 9, 12, 15, 18, 21]);
/** Every entry but 02 and 13 is tagged gold: 21 entries, more than one page. */
const tagsOf = (k: number) => [...(k === 2 || k === 13 ? [] : ["gold"]), ...(SILVER.has(k) ? ["silver"] : [])];

describe("shortlist.list", () => {
  let brand: OrgFixture;
  let neighbour: OrgFixture;

  beforeAll(async () => {
    brand = await createOrg(db, "brand", "Maison Courte");
    neighbour = await createOrg(db, "brand", "Maison Voisine");
    const workshops: Record<number, OrgFixture> = {};
    for (let k = 1; k <= 23; k++) {
      workshops[k] = await createOrg(db, "workshop", `Atelier ${pad(k)}`);
      await publishWorkshop(db, workshops[k]!);
    }
    const caller = callerFor(db, brand.member);
    const entryIds: Record<number, string> = {};
    for (const k of ADD_ORDER) {
      const entry = await caller.shortlist.add({ orgId: brand.org.id, workshopOrgId: workshops[k]!.org.id });
      entryIds[k] = entry.id;
      await db.update(shortlistEntries).set({ createdAt: savedAt(k), updatedAt: savedAt(k) }).where(eq(shortlistEntries.id, entry.id));
    }
    for (const k of TAG_ORDER) {
      const tags = tagsOf(k);
      if (tags.length > 0) await caller.shortlist.update({ orgId: brand.org.id, entryId: entryIds[k]!, tags });
    }

    // Another brand saves two of the same workshops, in between, tagged gold and a tag of its own.
    const theirs = callerFor(db, neighbour.member);
    for (const [k, at] of [
      [5, 5.5],
      [17, 22.5],
    ] as const) {
      const entry = await theirs.shortlist.add({ orgId: neighbour.org.id, workshopOrgId: workshops[k]!.org.id });
      await theirs.shortlist.update({ orgId: neighbour.org.id, entryId: entry.id, tags: ["gold", "platinum"] });
      await db
        .update(shortlistEntries)
        .set({ createdAt: new Date(BASE + at * 60_000) })
        .where(and(eq(shortlistEntries.id, entry.id), eq(shortlistEntries.brandOrgId, neighbour.org.id)));
    }
  });

  const list = (input: { page?: number; tag?: string | null }) => callerFor(db, brand.member).shortlist.list({ orgId: brand.org.id, ...input });
  const names = (items: { workshopName: string }[]) => items.map((i) => i.workshopName);

  it("page 1 holds the 20 most recently saved entries, newest first, with the total and all tags", async () => {
    const page = await list({ page: 1 });
    expect(names(page.items)).toEqual([
      "Atelier 23",
      "Atelier 22",
      "Atelier 21",
      "Atelier 20",
      "Atelier 19",
      "Atelier 18",
      "Atelier 17",
      "Atelier 16",
      "Atelier 15",
      "Atelier 14",
      "Atelier 13",
      "Atelier 12",
      "Atelier 11",
      "Atelier 10",
      "Atelier 09",
      "Atelier 08",
      "Atelier 07",
      "Atelier 06",
      "Atelier 05",
      "Atelier 04",
    ]);
    expect({ total: page.total, page: page.page, pageSize: page.pageSize, allTags: page.allTags }).toEqual({ total: 23, page: 1, pageSize: 20, allTags: ["gold", "silver"] });
  });

  it("each entry carries its own tags and its save time", async () => {
    const page = await list({ page: 1 });
    expect(page.items.slice(0, 4).map((i) => [i.workshopName, i.tags, i.createdAt.toISOString()])).toEqual([
      ["Atelier 23", ["gold"], "2025-05-12T08:23:00.000Z"],
      ["Atelier 22", ["gold"], "2025-05-12T08:22:00.000Z"],
      ["Atelier 21", ["gold", "silver"], "2025-05-12T08:21:00.000Z"],
      ["Atelier 20", ["gold"], "2025-05-12T08:20:00.000Z"],
    ]);
    expect(page.items.find((i) => i.workshopName === "Atelier 13")!.tags).toEqual([]);
  });

  it("page 1 is the default page", async () => {
    const page = await list({});
    expect(page.page).toBe(1);
    expect(names(page.items).slice(0, 3)).toEqual(["Atelier 23", "Atelier 22", "Atelier 21"]);
    expect(page.items).toHaveLength(20);
  });

  it("page 2 holds the 3 oldest entries; page 3 is empty with the same total", async () => {
    const page2 = await list({ page: 2 });
    expect(names(page2.items)).toEqual(["Atelier 03", "Atelier 02", "Atelier 01"]);
    expect({ total: page2.total, page: page2.page, pageSize: page2.pageSize }).toEqual({ total: 23, page: 2, pageSize: 20 });

    const page3 = await list({ page: 3 });
    expect(page3.items).toEqual([]);
    expect(page3.total).toBe(23);
  });

  it("the tag filter keeps the newest-first order and counts only tagged entries", async () => {
    const silver = await list({ tag: "silver", page: 1 });
    expect(names(silver.items)).toEqual(["Atelier 21", "Atelier 18", "Atelier 15", "Atelier 12", "Atelier 09", "Atelier 06", "Atelier 03"]);
    expect({ total: silver.total, page: silver.page, allTags: silver.allTags }).toEqual({ total: 7, page: 1, allTags: ["gold", "silver"] });
  });

  it("the tag filter pages: 21 gold entries are 20 on page 1 and 1 on page 2", async () => {
    const gold1 = await list({ tag: "gold", page: 1 });
    expect(names(gold1.items)).toEqual([
      "Atelier 23",
      "Atelier 22",
      "Atelier 21",
      "Atelier 20",
      "Atelier 19",
      "Atelier 18",
      "Atelier 17",
      "Atelier 16",
      "Atelier 15",
      "Atelier 14",
      "Atelier 12",
      "Atelier 11",
      "Atelier 10",
      "Atelier 09",
      "Atelier 08",
      "Atelier 07",
      "Atelier 06",
      "Atelier 05",
      "Atelier 04",
      "Atelier 03",
    ]);
    expect(gold1.total).toBe(21);

    const gold2 = await list({ tag: "gold", page: 2 });
    expect(names(gold2.items)).toEqual(["Atelier 01"]);
    expect({ total: gold2.total, page: gold2.page }).toEqual({ total: 21, page: 2 });
  });

  it("the tag is normalized before filtering, and a null tag is no filter", async () => {
    const silver = await list({ tag: " Silver ", page: 1 });
    expect(names(silver.items)).toEqual(["Atelier 21", "Atelier 18", "Atelier 15", "Atelier 12", "Atelier 09", "Atelier 06", "Atelier 03"]);
    const all = await list({ tag: null, page: 2 });
    expect(names(all.items)).toEqual(["Atelier 03", "Atelier 02", "Atelier 01"]);
    expect(all.total).toBe(23);
  });

  it("a tag no entry has gives an empty page", async () => {
    const none = await list({ tag: "platinum", page: 1 });
    expect(none.items).toEqual([]);
    expect({ total: none.total, allTags: none.allTags }).toEqual({ total: 0, allTags: ["gold", "silver"] });
  });

  it("another brand's entries, tags and counts never appear; it sees only its own", async () => {
    const everything = [...(await list({ page: 1 })).items, ...(await list({ page: 2 })).items];
    expect(everything).toHaveLength(23);
    expect(new Set(everything.map((i) => i.workshopName)).size).toBe(23);
    expect(everything.filter((i) => i.tags.includes("platinum"))).toEqual([]);

    const theirs = await callerFor(db, neighbour.member).shortlist.list({ orgId: neighbour.org.id, page: 1 });
    expect(theirs.items.map((i) => [i.workshopName, i.tags])).toEqual([
      ["Atelier 17", ["gold", "platinum"]],
      ["Atelier 05", ["gold", "platinum"]],
    ]);
    expect({ total: theirs.total, allTags: theirs.allTags }).toEqual({ total: 2, allTags: ["gold", "platinum"] });
  });
});
