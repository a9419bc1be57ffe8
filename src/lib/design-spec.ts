import "./zod-config";
import { z } from "zod";

/**
 * The spec a design revision holds: what a workshop quotes and produces. One shape for every category;
 * which parts a category needs before approval is the completeness rule (design-completeness.ts).
 *
 * Metal options and gemstones carry an `id` that a new draft copies from the revision it starts from,
 * so the diff between two revisions can tell "changed" from "removed and added".
 *
 * Lengths are millimetres, weights grams, stone weights carats; decimals are plain numbers (these are
 * measurements, not money).
 */

type Vocab<K extends string> = { keys: readonly [K, ...K[]]; labels: Record<K, string> };
function vocab<const K extends string>(entries: readonly (readonly [K, string])[]): Vocab<K> {
  return {
    keys: entries.map(([k]) => k) as unknown as readonly [K, ...K[]],
    labels: Object.fromEntries(entries) as Record<K, string>,
  };
}

export const DESIGN_CATEGORIES = vocab([
  ["ring", "Ring"],
  ["pendant", "Pendant"],
  ["necklace", "Necklace"],
  ["earrings", "Earrings"],
  ["bracelet", "Bracelet"],
  ["brooch", "Brooch"],
  ["charm", "Charm"],
  ["other", "Other"],
]);
export type DesignCategory = (typeof DESIGN_CATEGORIES.keys)[number];

export const SPEC_METALS = vocab([
  ["gold", "Gold"],
  ["silver", "Silver"],
  ["platinum", "Platinum"],
  ["palladium", "Palladium"],
  ["brass", "Brass"],
  ["bronze", "Bronze"],
  ["titanium", "Titanium"],
  ["stainless_steel", "Stainless steel"],
]);
export type SpecMetal = (typeof SPEC_METALS.keys)[number];

/** The finenesses offered per metal; a metal with an empty list has none to choose. */
export const FINENESS_BY_METAL: Record<SpecMetal, readonly string[]> = {
  gold: ["9k", "10k", "14k", "18k", "22k", "24k"],
  silver: ["925", "935", "950", "999"],
  platinum: ["900", "950", "999"],
  palladium: ["500", "950"],
  brass: [],
  bronze: [],
  titanium: [],
  stainless_steel: [],
};

export const METAL_COLOURS = vocab([
  ["yellow", "Yellow"],
  ["white", "White"],
  ["rose", "Rose"],
  ["green", "Green"],
  ["natural", "Natural"],
  ["black", "Black"],
]);

export const PLATINGS = vocab([
  ["none", "No plating"],
  ["rhodium", "Rhodium"],
  ["black_rhodium", "Black rhodium"],
  ["yellow_gold", "Yellow gold"],
  ["rose_gold", "Rose gold"],
  ["ruthenium", "Ruthenium"],
]);

export const GEMSTONE_TYPES = vocab([
  ["diamond", "Diamond"],
  ["sapphire", "Sapphire"],
  ["ruby", "Ruby"],
  ["emerald", "Emerald"],
  ["moissanite", "Moissanite"],
  ["pearl", "Pearl"],
  ["opal", "Opal"],
  ["amethyst", "Amethyst"],
  ["topaz", "Topaz"],
  ["garnet", "Garnet"],
  ["tourmaline", "Tourmaline"],
  ["spinel", "Spinel"],
  ["aquamarine", "Aquamarine"],
  ["cubic_zirconia", "Cubic zirconia"],
  ["other", "Other"],
]);

export const GEMSTONE_ORIGINS = vocab([
  ["natural", "Natural"],
  ["lab_grown", "Lab-grown"],
]);

export const GEMSTONE_CUTS = vocab([
  ["round_brilliant", "Round brilliant"],
  ["princess", "Princess"],
  ["oval", "Oval"],
  ["cushion", "Cushion"],
  ["emerald", "Emerald cut"],
  ["pear", "Pear"],
  ["marquise", "Marquise"],
  ["baguette", "Baguette"],
  ["asscher", "Asscher"],
  ["radiant", "Radiant"],
  ["heart", "Heart"],
  ["rose_cut", "Rose cut"],
  ["cabochon", "Cabochon"],
  ["bead", "Bead"],
  ["other", "Other"],
]);

export const SETTING_STYLES = vocab([
  ["prong", "Prong"],
  ["bezel", "Bezel"],
  ["pave", "Pavé"],
  ["micro_pave", "Micro pavé"],
  ["channel", "Channel"],
  ["flush", "Flush"],
  ["tension", "Tension"],
  ["bar", "Bar"],
  ["halo", "Halo"],
  ["invisible", "Invisible"],
  ["glued", "Glued (pearls)"],
  ["other", "Other"],
]);

/** How the sizes of a size run are stated. Ring sizes in one system; chains and bracelets by length. */
export const SIZE_SYSTEMS = vocab([
  ["ring_us", "Ring size, US"],
  ["ring_uk", "Ring size, UK"],
  ["ring_eu", "Ring size, EU / ISO (inner circumference in mm)"],
  ["length_cm", "Length in cm"],
]);
export type SizeSystem = (typeof SIZE_SYSTEMS.keys)[number];
export const RING_SIZE_SYSTEMS = ["ring_us", "ring_uk", "ring_eu"] as const satisfies readonly SizeSystem[];

export const FINISHES = vocab([
  ["high_polish", "High polish"],
  ["matte", "Matte"],
  ["satin", "Satin"],
  ["brushed", "Brushed"],
  ["hammered", "Hammered"],
  ["sandblasted", "Sandblasted"],
  ["oxidised", "Oxidised"],
  ["textured", "Textured"],
]);

export const SPEC_TEXT_MAX = 2_000;
export const SPEC_NOTES_MAX = 10_000;
export const METAL_OPTIONS_MAX = 8;
export const GEMSTONES_MAX = 30;
export const SIZES_MAX = 40;

/**
 * The sizes a system accepts, as the labels the size run stores. US 3–13.5 in quarter sizes; UK A–Z with
 * halves (A, A½ … Z); EU/ISO 40–75 whole millimetres; lengths 5–120 cm in half centimetres.
 */
export function isValidSize(system: SizeSystem, size: string): boolean {
  switch (system) {
    case "ring_us": {
      if (!/^\d{1,2}(\.(25|5|75))?$/.test(size)) return false;
      const n = Number(size);
      return n >= 3 && n <= 13.5;
    }
    case "ring_uk":
      return /^[A-Z]½?$/.test(size);
    case "ring_eu": {
      if (!/^\d{2}$/.test(size)) return false;
      const n = Number(size);
      return n >= 40 && n <= 75;
    }
    case "length_cm": {
      if (!/^\d{1,3}(\.5)?$/.test(size)) return false;
      const n = Number(size);
      return n >= 5 && n <= 120;
    }
  }
}

/** Orders sizes of one system from small to large (UK letters alphabetically, ½ after the letter). */
export function compareSizes(system: SizeSystem, a: string, b: string): number {
  if (system === "ring_uk") return a.localeCompare(b, "en");
  return Number(a) - Number(b);
}

const SIZE_EXAMPLES: Record<SizeSystem, string> = {
  ring_us: "US sizes run from 3 to 13.5 in quarter sizes, e.g. 6 or 6.5.",
  ring_uk: "UK sizes are letters A to Z, optionally with ½, e.g. L or L½.",
  ring_eu: "EU / ISO sizes are whole millimetres from 40 to 75, e.g. 52.",
  length_cm: "Lengths run from 5 to 120 cm in half centimetres, e.g. 45 or 45.5.",
};

const trimmed = (max: number, what: string) =>
  z.string().trim().max(max, `Keep ${what} to ${max.toLocaleString("en")} characters.`);

/** A positive measurement up to a bound, with at most `decimals` decimals, or null when left empty. */
export function measurement(max: number, what: string, decimals = 2) {
  const factor = 10 ** decimals;
  return z
    .number({ error: `Enter ${what} as a number.` })
    .positive(`${what[0]!.toUpperCase()}${what.slice(1)} must be more than 0.`)
    .max(max, `${what[0]!.toUpperCase()}${what.slice(1)} must be at most ${max.toLocaleString("en")}.`)
    .refine((n) => Math.abs(Math.round(n * factor) - n * factor) < 1e-6, `Use at most ${decimals} decimals for ${what}.`)
    .nullable();
}

const itemId = z.uuid("Each item needs an id.");

export const metalOptionSchema = z
  .object({
    id: itemId,
    metal: z.enum(SPEC_METALS.keys, "Choose a metal."),
    /** One of FINENESS_BY_METAL[metal], or null for a metal without finenesses. */
    fineness: z.string().nullable(),
    colour: z.enum(METAL_COLOURS.keys, "Choose a colour.").nullable(),
    plating: z.enum(PLATINGS.keys, "Choose a plating."),
    /** Plating thickness in microns; required when plated. */
    platingMicrons: measurement(10, "the plating thickness"),
  })
  .superRefine((m, ctx) => {
    const allowed = FINENESS_BY_METAL[m.metal];
    if (allowed.length > 0 && (m.fineness === null || !allowed.includes(m.fineness))) {
      ctx.addIssue({ code: "custom", path: ["fineness"], message: `Choose a fineness for ${SPEC_METALS.labels[m.metal].toLowerCase()}: ${allowed.join(", ")}.` });
    }
    if (allowed.length === 0 && m.fineness !== null) {
      ctx.addIssue({ code: "custom", path: ["fineness"], message: `${SPEC_METALS.labels[m.metal]} has no fineness to choose.` });
    }
    if (m.plating !== "none" && m.platingMicrons === null) {
      ctx.addIssue({ code: "custom", path: ["platingMicrons"], message: "Enter the plating thickness in microns." });
    }
    if (m.plating === "none" && m.platingMicrons !== null) {
      ctx.addIssue({ code: "custom", path: ["platingMicrons"], message: "Leave the thickness empty when there is no plating." });
    }
  });
export type MetalOption = z.infer<typeof metalOptionSchema>;

export const gemstoneSchema = z
  .object({
    id: itemId,
    type: z.enum(GEMSTONE_TYPES.keys, "Choose a stone."),
    /** What "other" is, or a variety ("padparadscha"); free text. */
    typeDetail: trimmed(100, "the stone's description"),
    origin: z.enum(GEMSTONE_ORIGINS.keys, "Choose natural or lab-grown."),
    cut: z.enum(GEMSTONE_CUTS.keys, "Choose a cut."),
    /** Size of one stone: its diameter or longest side in mm, or its weight in carats, or both. */
    sizeMm: measurement(100, "the stone size in mm"),
    carats: measurement(100, "the carat weight", 3),
    count: z.number({ error: "Enter how many stones." }).int("Enter a whole number of stones.").min(1, "At least one stone.").max(10_000, "At most 10,000 stones."),
    colourGrade: trimmed(40, "the colour grade"),
    clarityGrade: trimmed(40, "the clarity grade"),
    setting: z.enum(SETTING_STYLES.keys, "Choose a setting style."),
  })
  .superRefine((g, ctx) => {
    if (g.sizeMm === null && g.carats === null) {
      ctx.addIssue({ code: "custom", path: ["sizeMm"], message: "Enter the stone size in mm or its weight in carats." });
    }
    if (g.type === "other" && g.typeDetail === "") {
      ctx.addIssue({ code: "custom", path: ["typeDetail"], message: "Say which stone." });
    }
  });
export type Gemstone = z.infer<typeof gemstoneSchema>;

/** The sizes offered, in one system, small to large, each once. Null: one size (no run). */
export const sizeRunSchema = z
  .object({
    system: z.enum(SIZE_SYSTEMS.keys, "Choose a size system."),
    sizes: z.array(z.string().trim()).max(SIZES_MAX, `Offer at most ${SIZES_MAX} sizes.`),
  })
  .superRefine((run, ctx) => {
    const bad = run.sizes.find((s) => !isValidSize(run.system, s));
    if (bad !== undefined) {
      ctx.addIssue({ code: "custom", path: ["sizes"], message: `“${bad}” is not a size in this system. ${SIZE_EXAMPLES[run.system]}` });
      return;
    }
    if (new Set(run.sizes).size !== run.sizes.length) {
      ctx.addIssue({ code: "custom", path: ["sizes"], message: "List each size once." });
    }
  })
  .transform((run) => ({ ...run, sizes: [...run.sizes].sort((a, b) => compareSizes(run.system, a, b)) }));
export type SizeRun = z.infer<typeof sizeRunSchema>;

export const designSpecSchema = z.object({
  metals: z.array(metalOptionSchema).max(METAL_OPTIONS_MAX, `Offer at most ${METAL_OPTIONS_MAX} metal options.`),
  /** Whether the piece is set with stones; a stone-set piece needs its stones before approval. */
  stoneSet: z.boolean(),
  gemstones: z.array(gemstoneSchema).max(GEMSTONES_MAX, `List at most ${GEMSTONES_MAX} stones.`),
  sizeRun: sizeRunSchema.nullable(),
  dimensions: z.object({
    lengthMm: measurement(1_000, "the length"),
    widthMm: measurement(1_000, "the width"),
    heightMm: measurement(1_000, "the height"),
  }),
  /** Target metal weight of one piece in grams (mid size of the run). */
  targetWeightGrams: measurement(2_000, "the target weight"),
  finishes: z.array(z.enum(FINISHES.keys, "Choose a finish from the list.")).max(FINISHES.keys.length),
  engraving: trimmed(SPEC_TEXT_MAX, "the engraving options"),
  personalisation: trimmed(SPEC_TEXT_MAX, "the personalisation options"),
  hallmarking: trimmed(SPEC_TEXT_MAX, "the hallmarking"),
  packaging: trimmed(SPEC_TEXT_MAX, "the packaging"),
  notes: trimmed(SPEC_NOTES_MAX, "the notes"),
});
export type DesignSpec = z.infer<typeof designSpecSchema>;

/** The spec of a new design's first draft. */
export function emptySpec(): DesignSpec {
  return {
    metals: [],
    stoneSet: false,
    gemstones: [],
    sizeRun: null,
    dimensions: { lengthMm: null, widthMm: null, heightMm: null },
    targetWeightGrams: null,
    finishes: [],
    engraving: "",
    personalisation: "",
    hallmarking: "",
    packaging: "",
    notes: "",
  };
}

/** What a revision's attachment is, by its role in the spec. */
export const ATTACHMENT_KINDS = vocab([
  ["cad", "CAD"],
  ["drawing", "Drawing"],
  ["sketch", "Sketch"],
  ["photo", "Photo"],
]);
export type AttachmentKind = (typeof ATTACHMENT_KINDS.keys)[number];

/** File name endings each attachment kind accepts (lower case, with the dot). */
export const ATTACHMENT_EXTENSIONS: Record<AttachmentKind, readonly string[]> = {
  cad: [".3dm", ".stl", ".step", ".stp", ".obj", ".glb"],
  drawing: [".pdf", ".dxf"],
  sketch: [".jpg", ".jpeg", ".png", ".webp", ".pdf"],
  photo: [".jpg", ".jpeg", ".png", ".webp"],
};

/** CAD formats the browser shows as a 3D model. */
export const VIEWABLE_CAD_EXTENSIONS = [".stl", ".obj", ".glb"] as const;
