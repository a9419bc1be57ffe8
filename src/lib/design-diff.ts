import type { AttachmentKind, DesignSpec, Gemstone, MetalOption, SizeSystem } from "./design-spec";
import { ATTACHMENT_KINDS, FINISHES, GEMSTONE_CUTS, GEMSTONE_ORIGINS, GEMSTONE_TYPES, METAL_COLOURS, PLATINGS, SETTING_STYLES, SIZE_SYSTEMS, SPEC_METALS } from "./design-spec";
import { metalOptionLabel } from "./mesh";

/**
 * What changed between two design revisions, field by field, in words a person reads.
 *
 * - Plain fields (dimensions, weight, finishes, texts) are compared by value.
 * - Metal options and gemstones are matched by their `id` (a new draft keeps the ids of the revision it
 *   starts from): an id only in `after` is added, only in `before` removed, in both with a different
 *   field changed — listing those fields.
 * - Sizes: those offered only after are added, only before removed. A change of size system is stated
 *   and every size counts as removed and added, since "7" in US and "7" in UK are different rings.
 * - Files are matched by the stored file: added, removed, or kept under another kind.
 */

export type FieldChange = { field: string; label: string; before: string; after: string };
export type ItemChange = { id: string; change: "added" | "removed" | "changed"; label: string; fields: FieldChange[] };
export type DiffFile = { fileId: string; name: string; kind: AttachmentKind };
export type RevisionForDiff = { spec: DesignSpec; attachments: readonly DiffFile[] };

export type RevisionDiff = {
  fields: FieldChange[];
  metals: ItemChange[];
  gemstones: ItemChange[];
  sizes: { systemBefore: string | null; systemAfter: string | null; added: string[]; removed: string[] };
  files: { added: DiffFile[]; removed: DiffFile[]; rekinded: { file: DiffFile; before: AttachmentKind }[] };
  /** True when the two revisions hold the same spec and files. */
  same: boolean;
};

const NONE = "—";

function num(n: number | null, unit: string): string {
  return n === null ? NONE : `${n.toLocaleString("en", { maximumFractionDigits: 3 })} ${unit}`;
}
function text(s: string): string {
  return s === "" ? NONE : s;
}
function field(out: FieldChange[], key: string, label: string, before: string, after: string) {
  if (before !== after) out.push({ field: key, label, before, after });
}

export function gemstoneLabel(g: Gemstone): string {
  const size = [g.sizeMm !== null ? `${g.sizeMm} mm` : null, g.carats !== null ? `${g.carats} ct` : null].filter(Boolean).join(", ");
  const stone = GEMSTONE_TYPES.labels[g.type].toLowerCase();
  const type = g.type === "other" ? g.typeDetail.toLowerCase() : g.typeDetail ? `${stone} (${g.typeDetail})` : stone;
  return `${g.count} × ${size} ${GEMSTONE_ORIGINS.labels[g.origin].toLowerCase()} ${type}, ${GEMSTONE_CUTS.labels[g.cut].toLowerCase()}, ${SETTING_STYLES.labels[g.setting].toLowerCase()}`;
}

function metalFields(a: MetalOption, b: MetalOption): FieldChange[] {
  const out: FieldChange[] = [];
  field(out, "metal", "Metal", SPEC_METALS.labels[a.metal], SPEC_METALS.labels[b.metal]);
  field(out, "fineness", "Fineness", a.fineness ?? NONE, b.fineness ?? NONE);
  field(out, "colour", "Colour", a.colour ? METAL_COLOURS.labels[a.colour] : NONE, b.colour ? METAL_COLOURS.labels[b.colour] : NONE);
  field(out, "plating", "Plating", PLATINGS.labels[a.plating], PLATINGS.labels[b.plating]);
  field(out, "platingMicrons", "Plating thickness", num(a.platingMicrons, "µm"), num(b.platingMicrons, "µm"));
  return out;
}

function gemstoneFields(a: Gemstone, b: Gemstone): FieldChange[] {
  const out: FieldChange[] = [];
  field(out, "type", "Stone", GEMSTONE_TYPES.labels[a.type], GEMSTONE_TYPES.labels[b.type]);
  field(out, "typeDetail", "Description", text(a.typeDetail), text(b.typeDetail));
  field(out, "origin", "Origin", GEMSTONE_ORIGINS.labels[a.origin], GEMSTONE_ORIGINS.labels[b.origin]);
  field(out, "cut", "Cut", GEMSTONE_CUTS.labels[a.cut], GEMSTONE_CUTS.labels[b.cut]);
  field(out, "sizeMm", "Size", num(a.sizeMm, "mm"), num(b.sizeMm, "mm"));
  field(out, "carats", "Weight", num(a.carats, "ct"), num(b.carats, "ct"));
  field(out, "count", "Count", String(a.count), String(b.count));
  field(out, "colourGrade", "Colour grade", text(a.colourGrade), text(b.colourGrade));
  field(out, "clarityGrade", "Clarity grade", text(a.clarityGrade), text(b.clarityGrade));
  field(out, "setting", "Setting", SETTING_STYLES.labels[a.setting], SETTING_STYLES.labels[b.setting]);
  return out;
}

function items<T extends { id: string }>(before: readonly T[], after: readonly T[], label: (t: T) => string, fields: (a: T, b: T) => FieldChange[]): ItemChange[] {
  const out: ItemChange[] = [];
  const afterById = new Map(after.map((t) => [t.id, t]));
  const beforeIds = new Set(before.map((t) => t.id));
  for (const b of before) {
    const a = afterById.get(b.id);
    if (!a) out.push({ id: b.id, change: "removed", label: label(b), fields: [] });
    else {
      const changed = fields(b, a);
      if (changed.length > 0) out.push({ id: b.id, change: "changed", label: label(a), fields: changed });
    }
  }
  for (const a of after) if (!beforeIds.has(a.id)) out.push({ id: a.id, change: "added", label: label(a), fields: [] });
  return out;
}

function systemLabel(s: SizeSystem | undefined): string | null {
  return s ? SIZE_SYSTEMS.labels[s] : null;
}

export function diffRevisions(before: RevisionForDiff, after: RevisionForDiff): RevisionDiff {
  const a = before.spec;
  const b = after.spec;
  const fields: FieldChange[] = [];
  field(fields, "stoneSet", "Set with stones", a.stoneSet ? "Yes" : "No", b.stoneSet ? "Yes" : "No");
  field(fields, "dimensions.lengthMm", "Length", num(a.dimensions.lengthMm, "mm"), num(b.dimensions.lengthMm, "mm"));
  field(fields, "dimensions.widthMm", "Width", num(a.dimensions.widthMm, "mm"), num(b.dimensions.widthMm, "mm"));
  field(fields, "dimensions.heightMm", "Height", num(a.dimensions.heightMm, "mm"), num(b.dimensions.heightMm, "mm"));
  field(fields, "targetWeightGrams", "Target metal weight", num(a.targetWeightGrams, "g"), num(b.targetWeightGrams, "g"));
  const finishes = (f: DesignSpec["finishes"]) => (f.length === 0 ? NONE : [...f].sort().map((k) => FINISHES.labels[k]).join(", "));
  field(fields, "finishes", "Finish", finishes(a.finishes), finishes(b.finishes));
  field(fields, "engraving", "Engraving", text(a.engraving), text(b.engraving));
  field(fields, "personalisation", "Personalisation", text(a.personalisation), text(b.personalisation));
  field(fields, "hallmarking", "Hallmarking", text(a.hallmarking), text(b.hallmarking));
  field(fields, "packaging", "Packaging", text(a.packaging), text(b.packaging));
  field(fields, "notes", "Notes", text(a.notes), text(b.notes));

  const metals = items(a.metals, b.metals, metalOptionLabel, metalFields);
  const gemstones = items(a.gemstones, b.gemstones, gemstoneLabel, gemstoneFields);

  const sysA = a.sizeRun?.system;
  const sysB = b.sizeRun?.system;
  const sizesA = a.sizeRun?.sizes ?? [];
  const sizesB = b.sizeRun?.sizes ?? [];
  const sameSystem = sysA === sysB;
  const sizes = {
    systemBefore: sameSystem ? null : systemLabel(sysA) ?? "One size",
    systemAfter: sameSystem ? null : systemLabel(sysB) ?? "One size",
    added: sameSystem ? sizesB.filter((s) => !sizesA.includes(s)) : [...sizesB],
    removed: sameSystem ? sizesA.filter((s) => !sizesB.includes(s)) : [...sizesA],
  };

  const filesBefore = new Map(before.attachments.map((f) => [f.fileId, f]));
  const filesAfter = new Map(after.attachments.map((f) => [f.fileId, f]));
  const files = {
    added: after.attachments.filter((f) => !filesBefore.has(f.fileId)),
    removed: before.attachments.filter((f) => !filesAfter.has(f.fileId)),
    rekinded: after.attachments
      .filter((f) => filesBefore.has(f.fileId) && filesBefore.get(f.fileId)!.kind !== f.kind)
      .map((f) => ({ file: f, before: filesBefore.get(f.fileId)!.kind })),
  };

  const same =
    fields.length === 0 &&
    metals.length === 0 &&
    gemstones.length === 0 &&
    sizes.added.length === 0 &&
    sizes.removed.length === 0 &&
    sizes.systemBefore === null &&
    files.added.length === 0 &&
    files.removed.length === 0 &&
    files.rekinded.length === 0;
  return { fields, metals, gemstones, sizes, files, same };
}

export function attachmentKindLabel(kind: AttachmentKind): string {
  return ATTACHMENT_KINDS.labels[kind];
}
