import { describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { directorySearchSchema } from "~/lib/directory-schemas";
import { sniffContent } from "../services/files";
import { searchWorkshops } from "../services/directory";
import { demoImage } from "./demo-images";
import { seedWorkshops, slugify } from "./seed-workshops";
import { DEMO_WORKSHOPS } from "./seed-workshops-data";
import { hashPassword } from "../services/users";

const db = await testDb();

describe("demo workshops", () => {
  it("publishes at least 60 complete workshops in at least 10 countries, each with an owner", async () => {
    const pieces = await db.transaction(async (tx) => seedWorkshops(tx, await hashPassword("bezel-demo-2026"), new Map()));
    const all = await searchWorkshops(db, directorySearchSchema.parse({}));
    expect(all.total).toBe(DEMO_WORKSHOPS.length);
    expect(all.total).toBeGreaterThanOrEqual(60);
    expect(all.facets.countries.length).toBeGreaterThanOrEqual(10);
    expect(new Set(DEMO_WORKSHOPS.map((w) => slugify(w.name))).size).toBe(DEMO_WORKSHOPS.length);
    expect(pieces.length).toBe(DEMO_WORKSHOPS.length * 2);
    const moqs = DEMO_WORKSHOPS.map((w) => w.moq);
    expect(Math.min(...moqs)).toBe(1);
    expect(Math.max(...moqs)).toBe(50);
    for (const w of DEMO_WORKSHOPS) {
      expect(w.lead[0]).toBeGreaterThanOrEqual(10);
      expect(w.lead[1]).toBeLessThanOrEqual(60);
    }
    const enamel = await searchWorkshops(db, directorySearchSchema.parse({ q: "enamel" }));
    expect(enamel.items.slice(0, 3).every((w) => w.capabilities.includes("enamel"))).toBe(true);
  });

  it("draws portfolio photos locally as PNG images the upload service accepts", async () => {
    const png = await demoImage({ kind: "ring", metal: "gold_18k_rose", withStone: true, seed: 3 });
    expect(sniffContent(png)).toBe("png");
    expect(png.length).toBeGreaterThan(5_000);
  });
});
