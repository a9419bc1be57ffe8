import { describe, expect, it } from "vitest";
import { diffRevisions, type RevisionForDiff } from "./design-diff";
import { emptySpec, type DesignSpec, type Gemstone, type MetalOption } from "./design-spec";

const GOLD: MetalOption = { id: "11111111-1111-4111-8111-111111111111", metal: "gold", fineness: "18k", colour: "yellow", plating: "none", platingMicrons: null };
const SILVER: MetalOption = { id: "22222222-2222-4222-8222-222222222222", metal: "silver", fineness: "925", colour: null, plating: "rhodium", platingMicrons: 0.5 };
const CENTRE: Gemstone = {
  id: "33333333-3333-4333-8333-333333333333",
  type: "diamond",
  typeDetail: "",
  origin: "lab_grown",
  cut: "round_brilliant",
  sizeMm: 6.5,
  carats: 1,
  count: 1,
  colourGrade: "F",
  clarityGrade: "VS1",
  setting: "prong",
};
const PAVE: Gemstone = { ...CENTRE, id: "44444444-4444-4444-8444-444444444444", sizeMm: 1.2, carats: null, count: 24, setting: "pave" };

function rev(spec: Partial<DesignSpec>, attachments: RevisionForDiff["attachments"] = []): RevisionForDiff {
  return { spec: { ...emptySpec(), ...spec }, attachments };
}

const base = rev(
  {
    metals: [GOLD, SILVER],
    stoneSet: true,
    gemstones: [CENTRE, PAVE],
    sizeRun: { system: "ring_us", sizes: ["5", "6", "7", "8", "9"] },
    dimensions: { lengthMm: null, widthMm: 2.2, heightMm: 7 },
    targetWeightGrams: 4.2,
    finishes: ["high_polish"],
  },
  [
    { fileId: "f-cad", name: "solitaire-v1.stl", kind: "cad" },
    { fileId: "f-sketch", name: "sketch.png", kind: "sketch" },
  ],
);

describe("diffRevisions", () => {
  it("finds nothing between a revision and its unchanged copy", () => {
    const d = diffRevisions(base, structuredClone(base));
    expect(d.same).toBe(true);
    expect(d.fields).toEqual([]);
    expect(d.metals).toEqual([]);
    expect(d.gemstones).toEqual([]);
  });

  it("names a changed metal and a changed stone field by field, and nothing else", () => {
    const next = structuredClone(base);
    next.spec.metals[0] = { ...GOLD, fineness: "14k" };
    next.spec.gemstones[0] = { ...CENTRE, sizeMm: 7, carats: 1.25 };
    const d = diffRevisions(base, next);
    expect(d.same).toBe(false);
    expect(d.fields).toEqual([]);
    expect(d.metals).toEqual([
      { id: GOLD.id, change: "changed", label: "14k yellow gold", fields: [{ field: "fineness", label: "Fineness", before: "18k", after: "14k" }] },
    ]);
    expect(d.gemstones).toEqual([
      {
        id: CENTRE.id,
        change: "changed",
        label: "1 × 7 mm, 1.25 ct lab-grown diamond, round brilliant, prong",
        fields: [
          { field: "sizeMm", label: "Size", before: "6.5 mm", after: "7 mm" },
          { field: "carats", label: "Weight", before: "1 ct", after: "1.25 ct" },
        ],
      },
    ]);
    expect(d.sizes).toEqual({ systemBefore: null, systemAfter: null, added: [], removed: [] });
    expect(d.files).toEqual({ added: [], removed: [], rekinded: [] });
  });

  it("lists stones and metals added and removed", () => {
    const next = structuredClone(base);
    next.spec.gemstones = [CENTRE, { ...PAVE, id: "55555555-5555-4555-8555-555555555555", type: "sapphire", origin: "natural", count: 2, setting: "bezel", sizeMm: 3 }];
    next.spec.metals = [GOLD];
    const d = diffRevisions(base, next);
    expect(d.gemstones.map((g) => [g.change, g.label])).toEqual([
      ["removed", "24 × 1.2 mm lab-grown diamond, round brilliant, pavé"],
      ["added", "2 × 3 mm natural sapphire, round brilliant, bezel"],
    ]);
    expect(d.metals.map((m) => [m.change, m.label])).toEqual([["removed", "925 silver, rhodium plated 0.5 µm"]]);
  });

  it("tells sizes added and removed within one system", () => {
    const next = structuredClone(base);
    next.spec.sizeRun = { system: "ring_us", sizes: ["6", "7", "8", "9", "10", "11"] };
    expect(diffRevisions(base, next).sizes).toEqual({ systemBefore: null, systemAfter: null, added: ["10", "11"], removed: ["5"] });
  });

  it("a change of size system states it and replaces every size", () => {
    const next = structuredClone(base);
    next.spec.sizeRun = { system: "ring_uk", sizes: ["L", "N"] };
    expect(diffRevisions(base, next).sizes).toEqual({
      systemBefore: "Ring size, US",
      systemAfter: "Ring size, UK",
      added: ["L", "N"],
      removed: ["5", "6", "7", "8", "9"],
    });
    const oneSize = structuredClone(base);
    oneSize.spec.sizeRun = null;
    expect(diffRevisions(base, oneSize).sizes.systemAfter).toBe("One size");
  });

  it("compares plain fields with their units, empty as a dash", () => {
    const next = structuredClone(base);
    next.spec.targetWeightGrams = 3.85;
    next.spec.dimensions.lengthMm = 21;
    next.spec.finishes = ["matte", "high_polish"];
    next.spec.engraving = "Up to 12 characters inside the band";
    expect(diffRevisions(base, next).fields).toEqual([
      { field: "dimensions.lengthMm", label: "Length", before: "—", after: "21 mm" },
      { field: "targetWeightGrams", label: "Target metal weight", before: "4.2 g", after: "3.85 g" },
      { field: "finishes", label: "Finish", before: "High polish", after: "High polish, Matte" },
      { field: "engraving", label: "Engraving", before: "—", after: "Up to 12 characters inside the band" },
    ]);
  });

  it("lists files added, removed and filed under another kind", () => {
    const next = rev(base.spec, [
      { fileId: "f-sketch", name: "sketch.png", kind: "photo" },
      { fileId: "f-cad2", name: "solitaire-v2.stl", kind: "cad" },
    ]);
    const d = diffRevisions(base, next);
    expect(d.files.added).toEqual([{ fileId: "f-cad2", name: "solitaire-v2.stl", kind: "cad" }]);
    expect(d.files.removed).toEqual([{ fileId: "f-cad", name: "solitaire-v1.stl", kind: "cad" }]);
    expect(d.files.rekinded).toEqual([{ file: { fileId: "f-sketch", name: "sketch.png", kind: "photo" }, before: "sketch" }]);
    expect(d.same).toBe(false);
  });
});
