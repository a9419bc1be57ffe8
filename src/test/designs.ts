import type { Db } from "~/server/db/client";
import { files } from "~/server/db/schema";
import type { DesignSpec } from "~/lib/design-spec";
import type { DesignCategory } from "~/lib/design-spec";
import { emptySpec } from "~/lib/design-spec";
import { createDesign } from "~/server/services/designs";
import { approveRevision, attachRevisionFile, saveDraft } from "~/server/services/design-revisions";
import type { OrgFixture } from "./fixtures";
import { actorOf } from "./vetting";

/** Test data for designs: specs a workshop can quote, files by name, designs with an approved revision. */

export const METAL_ID = "5d1c2c8e-6f0a-4c38-9a39-0d9c0b7f1a01";
export const STONE_ID = "5d1c2c8e-6f0a-4c38-9a39-0d9c0b7f1a02";

/** A spec complete for approval in `category`. */
export function completeSpec(category: DesignCategory = "ring"): DesignSpec {
  return {
    ...emptySpec(),
    metals: [{ id: METAL_ID, metal: "gold", fineness: "18k", colour: "yellow", plating: "none", platingMicrons: null }],
    stoneSet: true,
    gemstones: [
      { id: STONE_ID, type: "diamond", typeDetail: "", origin: "lab_grown", cut: "round_brilliant", sizeMm: 2.5, carats: null, count: 5, colourGrade: "F", clarityGrade: "VS1", setting: "prong" },
    ],
    sizeRun: category === "ring" ? { system: "ring_us", sizes: ["5", "6", "7", "8", "9"] } : category === "necklace" || category === "bracelet" ? { system: "length_cm", sizes: ["40", "45"] } : null,
    dimensions: { lengthMm: null, widthMm: 2.2, heightMm: 1.6 },
    targetWeightGrams: 3.4,
    finishes: ["high_polish"],
    hallmarking: "750 and the brand's mark inside the band",
  };
}

/** A design-attachment file row (no bytes in storage). */
export async function designFile(db: Db, t: OrgFixture, name = "sketch.png", purpose: "design_attachment" | "collection_style_file" = "design_attachment") {
  const image = /\.(png|jpe?g|webp)$/i.test(name);
  const [row] = await db
    .insert(files)
    .values({ orgId: t.org.id, purpose, originalName: name, contentType: image ? "image/png" : "model/stl", byteSize: 1234, width: image ? 800 : null, height: image ? 600 : null, storageKey: `test/${crypto.randomUUID()}` })
    .returning();
  return row!;
}

let skuSeq = 0;

/** A design whose revision 1 is complete and, unless `approve: false`, approved. */
export async function designWithRevision(db: Db, brand: OrgFixture, opts: { approve?: boolean; sku?: string; category?: DesignCategory } = {}) {
  const category = opts.category ?? "ring";
  const design = await createDesign(db, actorOf(brand), { fields: { sku: opts.sku ?? `T-${Date.now().toString(36)}-${skuSeq++}`, name: "Test ring", category, collectionId: null } });
  await saveDraft(db, actorOf(brand), { revisionId: design.revision.id, spec: completeSpec(category) });
  const sketch = await designFile(db, brand, "sketch.png");
  await attachRevisionFile(db, actorOf(brand), { revisionId: design.revision.id, fileId: sketch.id, kind: "sketch" });
  if (opts.approve !== false) await approveRevision(db, actorOf(brand), { revisionId: design.revision.id });
  return { design, revisionId: design.revision.id, sketch };
}
