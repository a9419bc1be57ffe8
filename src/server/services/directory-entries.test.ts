import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appDbOf, testDb } from "~/test/db";
import { directorySearchSchema, type DirectorySearchInput } from "~/lib/directory-schemas";
import { organizations, workshopProfiles } from "../db/schema";
import { searchWorkshops } from "./directory";

// A database of its own: the entries below are of these workshops only.
const db = await testDb();

async function addWorkshop(name: string, profile: Partial<typeof workshopProfiles.$inferInsert>, published = true) {
  const [org] = await db
    .insert(organizations)
    .values({ kind: "workshop", name, slug: `entries-${randomUUID().slice(0, 8)}`, country: "IT", timeZone: "Europe/Rome", currency: "EUR" })
    .returning();
  await db.insert(workshopProfiles).values({ name, country: "IT", ...profile, orgId: org!.id, publishedAt: published ? new Date() : null });
  return org!.id;
}

/** The search's names, through the app's role as the public reads. */
const names = async (input: DirectorySearchInput) => (await searchWorkshops(appDbOf(db), directorySearchSchema.parse(input))).items.map((i) => i.name).sort();
const entries = async () => (await db.execute<{ n: number }>(sql`select count(*)::int as n from directory_entries`)).rows[0]!.n;

describe("directory_entries, the searchable copy of published profiles", () => {
  it("follows publishing, edits, unpublishing and deletion, so text and facets search what is published now", async () => {
    const a = await addWorkshop("Alpha Studio", { story: "Silver filigree.", capabilities: ["filigree", "casting"], metals: ["silver_925"] });
    const b = await addWorkshop("Beta Enamel", { story: "Enamel and filigree.", capabilities: ["enamel", "casting"], metals: ["silver_925"] }, false);
    expect(await entries()).toBe(1);
    // Text and two facets, so the search goes through the entries rather than the counters.
    expect(await names({ q: "filigree", capabilities: ["casting"], metals: ["silver_925"] })).toEqual(["Alpha Studio"]);

    await db.update(workshopProfiles).set({ publishedAt: new Date() }).where(eq(workshopProfiles.orgId, b));
    expect(await names({ q: "filigree", capabilities: ["casting"], metals: ["silver_925"] })).toEqual(["Alpha Studio", "Beta Enamel"]);

    await db.update(workshopProfiles).set({ story: "Cast pieces only.", capabilities: ["casting"], country: "TH" }).where(eq(workshopProfiles.orgId, a));
    expect(await names({ q: "filigree", capabilities: ["casting"], metals: ["silver_925"] })).toEqual(["Beta Enamel"]);
    expect(await names({ q: "cast", countries: ["TH"], metals: ["silver_925"] })).toEqual(["Alpha Studio"]);

    await db.update(workshopProfiles).set({ publishedAt: null }).where(eq(workshopProfiles.orgId, b));
    expect(await entries()).toBe(1);
    expect(await names({ q: "filigree", capabilities: ["casting"], metals: ["silver_925"] })).toEqual([]);

    await db.delete(organizations).where(eq(organizations.id, a));
    expect(await entries()).toBe(0);
  });

  it("the app's role reads the entries and cannot change them", async () => {
    await addWorkshop("Gamma", { capabilities: ["casting"] });
    const app = appDbOf(db);
    expect((await app.execute<{ n: number }>(sql`select count(*)::int as n from directory_entries`)).rows[0]!.n).toBe(1);
    const refusal = (q: ReturnType<typeof sql>) => app.execute(q).then(() => "allowed", (err: { cause?: { message?: string }; message: string }) => err.cause?.message ?? err.message);
    expect(await refusal(sql`update directory_entries set country = 'FR'`)).toMatch(/permission denied/);
    expect(await refusal(sql`delete from directory_entries`)).toMatch(/permission denied/);
    expect(await refusal(sql`insert into directory_entries (org_id, published_at, capabilities, metals, gemstone_work, certifications, country, doc)
      select org_id, now(), '{}', '{}', '{}', '{}', 'IT', ''::tsvector from directory_entries`)).toMatch(/permission denied/);
  });
});
