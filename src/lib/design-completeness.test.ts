import { describe, expect, it } from "vitest";
import { completenessGaps, completenessPercent } from "./design-completeness";
import { emptySpec, type DesignSpec } from "./design-spec";

const metal = { id: "00000000-0000-4000-8000-000000000001", metal: "silver", fineness: "925", colour: null, plating: "none", platingMicrons: null } as const;
const stone = { id: "00000000-0000-4000-8000-000000000002", type: "sapphire", typeDetail: "", origin: "natural", cut: "oval", sizeMm: 5, carats: null, count: 1, colourGrade: "", clarityGrade: "", setting: "bezel" } as const;

/** Everything every category needs, with no size run and no stones. */
const base: DesignSpec = { ...emptySpec(), metals: [metal], dimensions: { lengthMm: 20, widthMm: null, heightMm: null }, targetWeightGrams: 4, finishes: ["matte"] };
const sketch = [{ kind: "sketch" as const }];
const fields = (category: Parameters<typeof completenessGaps>[0], spec: DesignSpec, files: { kind: "cad" | "drawing" | "sketch" | "photo" }[] = sketch) =>
  completenessGaps(category, spec, files).map((g) => g.field);

describe("completeness before approval", () => {
  it("an empty pendant lacks metals, dimensions, weight, finish and a drawing (no size run needed)", () => {
    expect(fields("pendant", emptySpec(), [])).toEqual(["metals", "dimensions", "targetWeightGrams", "finishes", "attachments"]);
  });

  it("a pendant with metals, a dimension, weight, finish and a sketch is complete", () => {
    expect(fields("pendant", base)).toEqual([]);
    expect(completenessPercent(completenessGaps("pendant", base, sketch))).toBe(100);
  });

  it("photos alone are not a drawing; a CAD file or a drawing is", () => {
    expect(fields("pendant", base, [{ kind: "photo" }])).toEqual(["attachments"]);
    expect(fields("pendant", base, [{ kind: "cad" }])).toEqual([]);
    expect(fields("pendant", base, [{ kind: "drawing" }])).toEqual([]);
  });

  it("a ring needs a size run in a ring-size system, with at least one size", () => {
    expect(fields("ring", base)).toEqual(["sizeRun"]);
    expect(fields("ring", { ...base, sizeRun: { system: "length_cm", sizes: ["45"] } })).toEqual(["sizeRun"]);
    expect(fields("ring", { ...base, sizeRun: { system: "ring_uk", sizes: [] } })).toEqual(["sizeRun"]);
    expect(fields("ring", { ...base, sizeRun: { system: "ring_eu", sizes: ["52", "54"] } })).toEqual([]);
  });

  it("necklaces and bracelets need lengths in cm; earrings, brooches and charms need no size run", () => {
    expect(fields("necklace", base)).toEqual(["sizeRun"]);
    expect(fields("bracelet", { ...base, sizeRun: { system: "ring_us", sizes: ["7"] } })).toEqual(["sizeRun"]);
    expect(fields("bracelet", { ...base, sizeRun: { system: "length_cm", sizes: ["17", "19"] } })).toEqual([]);
    for (const c of ["earrings", "brooch", "charm", "other"] as const) expect(fields(c, base)).toEqual([]);
  });

  it("a stone-set piece needs its stones; stones on a piece not marked stone-set are flagged", () => {
    expect(fields("pendant", { ...base, stoneSet: true })).toEqual(["gemstones"]);
    expect(fields("pendant", { ...base, stoneSet: true, gemstones: [stone] })).toEqual([]);
    expect(fields("pendant", { ...base, stoneSet: false, gemstones: [stone] })).toEqual(["gemstones"]);
  });

  it("each gap says what to do, in words", () => {
    const ring = completenessGaps("ring", { ...emptySpec(), stoneSet: true }, []);
    expect(ring.find((g) => g.field === "sizeRun")?.message).toBe("A ring needs its size run: choose US, UK or EU / ISO sizes and list the sizes offered.");
    expect(ring.find((g) => g.field === "gemstones")?.message).toBe("A stone-set piece needs its stones: type, cut, size and count.");
    expect(completenessPercent(ring)).toBe(0);
  });
});
