import { RING_SIZE_SYSTEMS, type AttachmentKind, type DesignCategory, type DesignSpec } from "./design-spec";

/**
 * What a workshop needs to quote a design, per category: the fields a revision must have before it is
 * approved. Each gap is a message placed next to its field in the form (`field` is the form's section).
 *
 * Every category: at least one metal option, a finish, the target metal weight, at least one dimension,
 * and a drawing of the piece (a CAD file, a drawing or a sketch; photos alone do not say how to make it).
 * Rings: a size run in a ring-size system. Necklaces and bracelets: a size run of lengths. A stone-set
 * piece: its stones. A piece with stones listed must say it is stone-set (or lose them).
 */
export type CompletenessField = "metals" | "gemstones" | "sizeRun" | "dimensions" | "targetWeightGrams" | "finishes" | "attachments";
export type Gap = { field: CompletenessField; message: string };

/** Categories that are sold in ring sizes, and those sold by length. */
const RING_CATEGORIES: readonly DesignCategory[] = ["ring"];
const LENGTH_CATEGORIES: readonly DesignCategory[] = ["necklace", "bracelet"];

/** Whether the category's form shows a size run, and in which systems. */
export function sizeRunFor(category: DesignCategory): "ring" | "length" | "optional" {
  if (RING_CATEGORIES.includes(category)) return "ring";
  if (LENGTH_CATEGORIES.includes(category)) return "length";
  return "optional";
}

const DRAWING_KINDS: readonly AttachmentKind[] = ["cad", "drawing", "sketch"];

export function completenessGaps(category: DesignCategory, spec: DesignSpec, attachments: readonly { kind: AttachmentKind }[]): Gap[] {
  const gaps: Gap[] = [];
  if (spec.metals.length === 0) gaps.push({ field: "metals", message: "Add at least one metal option: the workshop quotes each one." });

  if (spec.stoneSet && spec.gemstones.length === 0) {
    gaps.push({ field: "gemstones", message: "A stone-set piece needs its stones: type, cut, size and count." });
  }
  if (!spec.stoneSet && spec.gemstones.length > 0) {
    gaps.push({ field: "gemstones", message: "Stones are listed but the piece is not marked stone-set: mark it, or remove the stones." });
  }

  const run = sizeRunFor(category);
  if (run === "ring") {
    if (!spec.sizeRun || !(RING_SIZE_SYSTEMS as readonly string[]).includes(spec.sizeRun.system)) {
      gaps.push({ field: "sizeRun", message: "A ring needs its size run: choose US, UK or EU / ISO sizes and list the sizes offered." });
    } else if (spec.sizeRun.sizes.length === 0) {
      gaps.push({ field: "sizeRun", message: "List the ring sizes offered." });
    }
  } else if (run === "length") {
    const what = category === "necklace" ? "A necklace" : "A bracelet";
    if (!spec.sizeRun || spec.sizeRun.system !== "length_cm") {
      gaps.push({ field: "sizeRun", message: `${what} needs its lengths: list the lengths offered in cm.` });
    } else if (spec.sizeRun.sizes.length === 0) {
      gaps.push({ field: "sizeRun", message: "List the lengths offered in cm." });
    }
  }

  const { lengthMm, widthMm, heightMm } = spec.dimensions;
  if (lengthMm === null && widthMm === null && heightMm === null) {
    gaps.push({ field: "dimensions", message: "Give at least one dimension in mm." });
  }
  if (spec.targetWeightGrams === null) gaps.push({ field: "targetWeightGrams", message: "Give the target metal weight in grams." });
  if (spec.finishes.length === 0) gaps.push({ field: "finishes", message: "Choose at least one finish." });
  if (!attachments.some((a) => DRAWING_KINDS.includes(a.kind))) {
    gaps.push({ field: "attachments", message: "Attach a CAD file, a drawing or a sketch of the piece." });
  }
  return gaps;
}

/** Share of the checks passed, 0–100, for lists and overviews. */
export const COMPLETENESS_CHECKS = 7;
export function completenessPercent(gaps: readonly Gap[]): number {
  const failed = new Set(gaps.map((g) => g.field)).size;
  return Math.round(((COMPLETENESS_CHECKS - Math.min(failed, COMPLETENESS_CHECKS)) / COMPLETENESS_CHECKS) * 100);
}
