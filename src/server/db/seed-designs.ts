import sharp from "sharp";
import type { Db } from "./client";
import type { Storage } from "../storage";
import { emptySpec, type DesignCategory, type DesignSpec, type Gemstone, type MetalOption } from "~/lib/design-spec";
import { ringStl } from "~/lib/stl-builder";

/**
 * Demo collections and designs for each demo brand: 2 collections with a style guide, 8 designs with
 * realistic specs, approved revisions, drafts on top of approved ones and drafts still incomplete, a
 * pencil sketch per design drawn locally with sharp, and one small generated STL band per collection.
 * Everything goes through the services, as a person would do it.
 */

type Actor = { orgId: string; userId: string; role: "owner" };
type Stage = "approved" | "approved+draft" | "draft";
type DemoDesign = { sku: string; name: string; category: DesignCategory; stage: Stage; spec: DesignSpec; revise?: (s: DesignSpec) => DesignSpec };
type DemoCollection = { name: string; season: string; description: string; price: [number, number]; styleGuide: string; designs: DemoDesign[] };

let idSeq = 0;
/** Deterministic item ids, so a re-seeded database diffs the same way. */
const itemId = () => `00000000-0000-4000-8000-${(++idSeq).toString(16).padStart(12, "0")}`;

const metal = (m: Partial<MetalOption> & Pick<MetalOption, "metal" | "fineness">): MetalOption => ({ id: itemId(), colour: null, plating: "none", platingMicrons: null, ...m });
const stone = (g: Partial<Gemstone> & Pick<Gemstone, "type" | "cut" | "count" | "setting">): Gemstone => ({
  id: itemId(),
  typeDetail: "",
  origin: "natural",
  sizeMm: null,
  carats: null,
  colourGrade: "",
  clarityGrade: "",
  ...g,
});

function spec(s: Partial<DesignSpec>): DesignSpec {
  return { ...emptySpec(), hallmarking: "Fineness mark and maker's mark, 0.8 mm, inside", packaging: "Recycled card box with cotton pouch, brand stamp on lid", ...s };
}

const usSizes = ["5", "5.5", "6", "6.5", "7", "7.5", "8", "9"];

function collectionsFor(currency: string): DemoCollection[] {
  const lune = currency === "EUR";
  return [
    {
      name: lune ? "Croissant capsule" : "Desert Bloom",
      season: lune ? "SS27" : "Spring 2027",
      description: lune ? "Four crescent pieces in recycled gold and silver, built around one moon motif." : "Sand-cast textures and warm stones, a four-piece capsule for spring.",
      price: lune ? [12000, 68000] : [9500, 54000],
      styleGuide: `## Finish\n- High polish on the outer faces, satin inside bands.\n- No rhodium on yellow gold.\n\n## Hallmarks and stamps\n- Fineness mark and our maker's mark inside the shank or on the bail, **0.8 mm** letters.\n- No hallmark on the visible face.\n\n## Packaging\nRecycled card box, cotton pouch, care card. One piece per box.\n\n## References\nSee the mood board and the finish references in the files below.`,
      designs: [
        {
          sku: lune ? "ML-RG-001" : "SS-RG-101",
          name: lune ? "Croissant signet" : "Bloom signet",
          category: "ring",
          stage: "approved+draft",
          spec: spec({
            metals: [metal({ metal: "gold", fineness: "18k", colour: "yellow" }), metal({ metal: "silver", fineness: "925" })],
            sizeRun: { system: "ring_us", sizes: usSizes },
            dimensions: { lengthMm: 11, widthMm: 9, heightMm: 2.2 },
            targetWeightGrams: 6.8,
            finishes: ["high_polish", "satin"],
            engraving: "Initials on the face, up to 3 letters, hand engraved",
            notes: "Cast, face hand-finished. Shank tapers from 4 mm to 2.2 mm.",
          }),
          revise: (s) => ({ ...s, metals: [s.metals[0]!, { ...s.metals[1]!, plating: "yellow_gold", platingMicrons: 2.5 }], notes: `${s.notes} Vermeil option in 2.5 µm.` }),
        },
        {
          sku: lune ? "ML-RG-002" : "SS-RG-102",
          name: lune ? "Croissant pavé band" : "Bloom pavé band",
          category: "ring",
          stage: "approved",
          spec: spec({
            metals: [metal({ metal: "gold", fineness: "14k", colour: "white", plating: "rhodium", platingMicrons: 0.5 })],
            stoneSet: true,
            gemstones: [stone({ type: "diamond", origin: "lab_grown", cut: "round_brilliant", sizeMm: 1.3, count: 18, colourGrade: "F-G", clarityGrade: "VS", setting: "pave" })],
            sizeRun: { system: "ring_eu", sizes: ["48", "50", "52", "54", "56", "58"] },
            dimensions: { lengthMm: null, widthMm: 2.4, heightMm: 1.8 },
            targetWeightGrams: 3.1,
            finishes: ["high_polish"],
          }),
        },
        {
          sku: lune ? "ML-PD-001" : "SS-PD-101",
          name: lune ? "Croissant pendant" : "Bloom pendant",
          category: "pendant",
          stage: "approved",
          spec: spec({
            metals: [metal({ metal: "gold", fineness: "18k", colour: "yellow" })],
            stoneSet: true,
            gemstones: [stone({ type: "sapphire", typeDetail: "Ceylon blue", cut: "oval", sizeMm: 5, carats: 0.45, count: 1, colourGrade: "medium blue", setting: "bezel" })],
            dimensions: { lengthMm: 18, widthMm: 12, heightMm: 3 },
            targetWeightGrams: 2.6,
            finishes: ["high_polish"],
            notes: "Sold without chain; bail fits chains up to 2 mm.",
          }),
        },
        {
          sku: lune ? "ML-NK-001" : "SS-NK-101",
          name: lune ? "Fine cable chain" : "Dune cable chain",
          category: "necklace",
          stage: "draft",
          spec: spec({ metals: [metal({ metal: "gold", fineness: "18k", colour: "yellow" })], sizeRun: { system: "length_cm", sizes: ["40", "42", "45"] }, finishes: ["high_polish"] }),
        },
      ],
    },
    {
      name: lune ? "Marée essentials" : "Dune essentials",
      season: lune ? "AW26" : "Core",
      description: lune ? "Everyday silver pieces with a wave texture, priced for gifting." : "Everyday pieces in recycled silver, textured like wind-blown sand.",
      price: lune ? [6500, 24000] : [5500, 19000],
      styleGuide: `## Finish\nHammered texture on the face, high polish edges. Oxidised recesses only where drawn.\n\n## Hallmarks\n925 and our mark on the back or the clasp tag.\n\n## Packaging\nEnvelope of recycled paper, no plastic.`,
      designs: [
        {
          sku: lune ? "ML-RG-010" : "SS-RG-110",
          name: lune ? "Vague stacking ring" : "Ripple stacking ring",
          category: "ring",
          stage: "approved+draft",
          spec: spec({
            metals: [metal({ metal: "silver", fineness: "925" })],
            sizeRun: { system: "ring_uk", sizes: ["J", "K", "L", "M", "N", "O", "P"] },
            dimensions: { lengthMm: null, widthMm: 2, heightMm: 1.4 },
            targetWeightGrams: 1.9,
            finishes: ["hammered", "high_polish"],
          }),
          revise: (s) => ({ ...s, stoneSet: true, gemstones: [stone({ type: "topaz", typeDetail: "London blue", cut: "round_brilliant", sizeMm: 2, count: 1, setting: "flush" })] }),
        },
        {
          sku: lune ? "ML-ER-010" : "SS-ER-110",
          name: lune ? "Vague hoops" : "Ripple hoops",
          category: "earrings",
          stage: "approved",
          spec: spec({
            metals: [metal({ metal: "silver", fineness: "925" }), metal({ metal: "silver", fineness: "925", plating: "yellow_gold", platingMicrons: 2.5 })],
            dimensions: { lengthMm: 22, widthMm: 22, heightMm: 2.5 },
            targetWeightGrams: 3.4,
            finishes: ["hammered"],
            notes: "Sold as a pair; hinged click closure.",
          }),
        },
        {
          sku: lune ? "ML-BR-010" : "SS-BR-110",
          name: lune ? "Vague cuff bracelet" : "Ripple cuff",
          category: "bracelet",
          stage: "approved",
          spec: spec({
            metals: [metal({ metal: "silver", fineness: "935" })],
            sizeRun: { system: "length_cm", sizes: ["16", "17", "18", "19"] },
            dimensions: { lengthMm: null, widthMm: 8, heightMm: 1.6 },
            targetWeightGrams: 18.5,
            finishes: ["hammered", "oxidised"],
            personalisation: "Coordinates engraved inside, up to 24 characters",
          }),
        },
        {
          sku: lune ? "ML-CH-010" : "SS-CH-110",
          name: lune ? "Shell charm" : "Cactus charm",
          category: "charm",
          stage: "draft",
          spec: spec({ metals: [metal({ metal: "silver", fineness: "925" })], dimensions: { lengthMm: 12, widthMm: 9, heightMm: null } }),
        },
      ],
    },
  ];
}

/** A pencil sketch of the piece on paper, with a dimension line: drawn as SVG, rendered by sharp. */
export async function demoSketch(category: DesignCategory, seed: number): Promise<Buffer> {
  const pencil = `fill="none" stroke="#3a3a3a" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"`;
  const faint = `fill="none" stroke="#9a9a9a" stroke-width="1.5" stroke-dasharray="6 6"`;
  const shapes: Record<DesignCategory, string> = {
    ring: `<ellipse cx="320" cy="330" rx="150" ry="160" ${pencil}/><ellipse cx="320" cy="330" rx="122" ry="132" ${pencil}/><rect x="270" y="150" width="100" height="46" rx="12" ${pencil}/>`,
    pendant: `<path d="M320 200 C400 290 410 400 320 480 C230 400 240 290 320 200 Z" ${pencil}/><circle cx="320" cy="182" r="16" ${pencil}/><ellipse cx="320" cy="360" rx="34" ry="44" ${pencil}/>`,
    necklace: `<path d="M110 120 Q320 560 530 120" ${pencil}/><path d="M118 132 Q320 540 522 132" ${faint}/>`,
    earrings: `<circle cx="210" cy="330" r="100" ${pencil}/><circle cx="430" cy="330" r="100" ${pencil}/><circle cx="210" cy="222" r="10" ${pencil}/><circle cx="430" cy="222" r="10" ${pencil}/>`,
    bracelet: `<ellipse cx="320" cy="330" rx="220" ry="120" ${pencil}/><ellipse cx="320" cy="330" rx="196" ry="100" ${pencil}/>`,
    brooch: `<path d="M320 180 L380 300 L500 320 L400 400 L420 520 L320 460 L220 520 L240 400 L140 320 L260 300 Z" ${pencil}/>`,
    charm: `<path d="M320 230 C380 230 420 300 400 380 C380 450 260 450 240 380 C220 300 260 230 320 230 Z" ${pencil}/><circle cx="320" cy="208" r="14" ${pencil}/>`,
    other: `<rect x="200" y="220" width="240" height="220" rx="30" ${pencil}/>`,
  };
  const tilt = (seed % 5) - 2;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="640" viewBox="0 0 640 640">
    <rect width="640" height="640" fill="#fbf8f1"/>
    ${Array.from({ length: 16 }, (_, i) => `<line x1="0" y1="${40 * i}" x2="640" y2="${40 * i}" stroke="#e6e0d2" stroke-width="1"/>`).join("")}
    <g transform="rotate(${tilt} 320 330)">${shapes[category]}</g>
    <line x1="170" y1="560" x2="470" y2="560" stroke="#b0472f" stroke-width="2"/><line x1="170" y1="550" x2="170" y2="570" stroke="#b0472f" stroke-width="2"/><line x1="470" y1="550" x2="470" y2="570" stroke="#b0472f" stroke-width="2"/>
  </svg>`;
  return sharp(Buffer.from(svg)).png({ compressionLevel: 6 }).toBuffer();
}

/** Seeds the designs of one brand; `actor` is its owner. */
export async function seedBrandDesigns(db: Db, actor: Actor, currency: string, storage?: Storage): Promise<number> {
  // Loaded here: only seeding needs the services and the storage behind uploads.
  const files = await import("../services/files");
  const storeUpload = (d: Db, input: Parameters<typeof files.storeUpload>[1]) => files.storeUpload(d, input, storage);
  const { createCollection, updateStyleGuide } = await import("../services/collections");
  const { createDesign } = await import("../services/designs");
  const { approveRevision, attachRevisionFile, saveDraft, startDraft } = await import("../services/design-revisions");
  const { addRevisionComment } = await import("../services/design-comments");
  let count = 0;
  for (const [ci, c] of collectionsFor(currency).entries()) {
    const collection = await createCollection(db, actor, { fields: { name: c.name, season: c.season, description: c.description, priceMinMinor: c.price[0], priceMaxMinor: c.price[1], priceCurrency: currency } });
    const mood = await storeUpload(db, { ...actor, purpose: "collection_style_file", fileName: "mood-board.png", bytes: await demoSketch("other", ci) });
    await updateStyleGuide(db, actor, { collectionId: collection.id, styleGuide: c.styleGuide, styleFileIds: [mood.id] });
    const stl = await storeUpload(db, { ...actor, purpose: "design_attachment", fileName: `${c.designs[0]!.sku.toLowerCase()}-band.stl`, bytes: Buffer.from(ringStl({ innerDiameterMm: 17.3, widthMm: 2.4, thicknessMm: 1.6, segments: 48 })) });
    for (const [di, d] of c.designs.entries()) {
      const design = await createDesign(db, actor, { fields: { sku: d.sku, name: d.name, category: d.category, collectionId: collection.id } });
      await saveDraft(db, actor, { revisionId: design.revision.id, spec: d.spec });
      const sketch = await storeUpload(db, { ...actor, purpose: "design_attachment", fileName: `${d.sku.toLowerCase()}-sketch.png`, bytes: await demoSketch(d.category, ci * 10 + di) });
      await attachRevisionFile(db, actor, { revisionId: design.revision.id, fileId: sketch.id, kind: "sketch" });
      if (di === 0) await attachRevisionFile(db, actor, { revisionId: design.revision.id, fileId: stl.id, kind: "cad" });
      if (d.stage !== "draft") await approveRevision(db, actor, { revisionId: design.revision.id });
      if (d.stage === "approved+draft") {
        const draft = await startDraft(db, actor, { revisionId: design.revision.id });
        await saveDraft(db, actor, { revisionId: draft.id, spec: d.revise!(d.spec) });
        await addRevisionComment(db, actor, { revisionId: draft.id, body: "Revision 2: the change the workshops asked about. **Check before approving.**" });
      }
      count++;
    }
  }
  return count;
}
