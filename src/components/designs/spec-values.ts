import { type DesignSpec, type Gemstone, type MetalOption } from "~/lib/design-spec";

/**
 * The spec form's values: the spec with numbers kept as the text typed (so "2," stays on screen until it is
 * fixed) and sizes as one comma-separated line. `toSpec` turns them back into a spec for the schema.
 */
export type MetalValues = { id: string; metal: MetalOption["metal"]; fineness: string; colour: string; plating: MetalOption["plating"]; platingMicrons: string };
export type StoneValues = {
  id: string;
  type: Gemstone["type"];
  typeDetail: string;
  origin: Gemstone["origin"];
  cut: Gemstone["cut"];
  sizeMm: string;
  carats: string;
  count: string;
  colourGrade: string;
  clarityGrade: string;
  setting: Gemstone["setting"];
};
export type SpecValues = {
  metals: MetalValues[];
  stoneSet: boolean;
  gemstones: StoneValues[];
  sizeRun: { system: string; sizes: string };
  dimensions: { lengthMm: string; widthMm: string; heightMm: string };
  targetWeightGrams: string;
  finishes: string[];
  engraving: string;
  personalisation: string;
  hallmarking: string;
  packaging: string;
  notes: string;
};

const text = (n: number | null) => (n === null ? "" : String(n));

export function toValues(spec: DesignSpec): SpecValues {
  return {
    metals: spec.metals.map((m) => ({ ...m, fineness: m.fineness ?? "", colour: m.colour ?? "", platingMicrons: text(m.platingMicrons) })),
    stoneSet: spec.stoneSet,
    gemstones: spec.gemstones.map((g) => ({ ...g, sizeMm: text(g.sizeMm), carats: text(g.carats), count: String(g.count) })),
    sizeRun: { system: spec.sizeRun?.system ?? "", sizes: spec.sizeRun?.sizes.join(", ") ?? "" },
    dimensions: { lengthMm: text(spec.dimensions.lengthMm), widthMm: text(spec.dimensions.widthMm), heightMm: text(spec.dimensions.heightMm) },
    targetWeightGrams: text(spec.targetWeightGrams),
    finishes: [...spec.finishes],
    engraving: spec.engraving,
    personalisation: spec.personalisation,
    hallmarking: spec.hallmarking,
    packaging: spec.packaging,
    notes: spec.notes,
  };
}

/** "" is no value; anything else goes to the schema as typed (NaN for text that is no number, which it refuses). */
const num = (s: string | undefined): number | null => {
  // A disabled input (plating thickness without plating) reads as undefined.
  const t = (s ?? "").trim().replace(",", ".");
  return t === "" ? null : Number(t);
};

export function toSpec(v: SpecValues): unknown {
  return {
    metals: v.metals.map((m) => ({ ...m, fineness: m.fineness || null, colour: m.colour || null, platingMicrons: m.plating === "none" ? null : num(m.platingMicrons) })),
    stoneSet: v.stoneSet,
    gemstones: v.gemstones.map((g) => ({ ...g, sizeMm: num(g.sizeMm), carats: num(g.carats), count: num(g.count) ?? 0 })),
    sizeRun: v.sizeRun.system
      ? {
          system: v.sizeRun.system,
          sizes: (v.sizeRun.sizes ?? "")
            .split(/[,;\s]+/)
            .map((s) => s.trim())
            .filter(Boolean),
        }
      : null,
    dimensions: { lengthMm: num(v.dimensions.lengthMm), widthMm: num(v.dimensions.widthMm), heightMm: num(v.dimensions.heightMm) },
    targetWeightGrams: num(v.targetWeightGrams),
    finishes: v.finishes,
    engraving: v.engraving,
    personalisation: v.personalisation,
    hallmarking: v.hallmarking,
    packaging: v.packaging,
    notes: v.notes,
  };
}

export const newMetal = (): MetalValues => ({ id: crypto.randomUUID(), metal: "silver", fineness: "925", colour: "", plating: "none", platingMicrons: "" });
export const newStone = (): StoneValues => ({
  id: crypto.randomUUID(),
  type: "diamond",
  typeDetail: "",
  origin: "natural",
  cut: "round_brilliant",
  sizeMm: "",
  carats: "",
  count: "1",
  colourGrade: "",
  clarityGrade: "",
  setting: "prong",
});
