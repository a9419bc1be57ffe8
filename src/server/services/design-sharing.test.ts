import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { createFixture, type Fixture } from "~/test/fixtures";
import { designFile, designWithRevision } from "~/test/designs";
import { actorOf } from "~/test/vetting";
import { withOrg } from "../db/tenant";
import { createCollection, updateStyleGuide } from "./collections";
import { startDraft } from "./design-revisions";
import { getSharedRevision, isRevisionSharedWith, shareRevision } from "./design-sharing";
import { updateDesign } from "./designs";
import { canReadFile } from "./file-access";

const db = await testDb();

/**
 * The sharing rule: a brand's files, designs and style guides are its members' alone; a workshop sees an
 * approved revision (its files, its design, its collection's style guide) only once the brand shares it,
 * and never a draft — not even when a share row names one.
 */
describe("sharing designs with workshops", () => {
  let f: Fixture;
  let approved: Awaited<ReturnType<typeof designWithRevision>>;
  let draft: { id: string; number: number };
  let styleFile: { id: string };
  let draftOnlyFile: { id: string };

  beforeAll(async () => {
    f = await createFixture(db);
    approved = await designWithRevision(db, f.brand);
    const collection = await createCollection(db, actorOf(f.brand), { fields: { name: "Lune", season: "SS27", description: "", priceMinMinor: null, priceMaxMinor: null, priceCurrency: null } });
    styleFile = await designFile(db, f.brand, "mood.png", "collection_style_file");
    await updateStyleGuide(db, actorOf(f.brand), { collectionId: collection.id, styleGuide: "# Finish\nHigh polish only.", styleFileIds: [styleFile.id] });
    await updateDesign(db, actorOf(f.brand), { designId: approved.design.id, fields: { sku: approved.design.sku, name: approved.design.name, category: "ring", collectionId: collection.id } });
    draft = await startDraft(db, actorOf(f.brand), { revisionId: approved.revisionId });
    draftOnlyFile = await designFile(db, f.brand, "draft-sketch.png");
    await db.execute(sql`insert into design_revision_attachments (revision_id, file_id, org_id, kind, position) values (${draft.id}, ${draftOnlyFile.id}, ${f.brand.org.id}, 'sketch', 9)`);
  });

  const readers = () => ({
    brandMember: f.brand.member.id,
    otherBrand: f.outsider.brand.owner.id,
    workshop: f.workshop.owner.id,
    otherWorkshop: f.outsider.workshop.owner.id,
  });

  async function whoReads(fileId: string) {
    const out: Record<string, boolean> = {};
    for (const [who, userId] of Object.entries(readers())) out[who] = await canReadFile(db, userId, fileId);
    out.signedOut = await canReadFile(db, null, fileId);
    return out;
  }

  it("before any share: only the brand's members read its design files and style-guide files", async () => {
    const expected = { brandMember: true, otherBrand: false, workshop: false, otherWorkshop: false, signedOut: false };
    expect(await whoReads(approved.sketch.id)).toEqual(expected);
    expect(await whoReads(styleFile.id)).toEqual(expected);
    expect(await isRevisionSharedWith(db, f.workshop.org.id, approved.revisionId)).toBe(false);
    await expect(getSharedRevision(db, f.workshop.org.id, approved.revisionId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const seen = await withOrg(db, f.workshop.org.id, async (tx) => ({
      designs: (await tx.execute(sql`select id from designs`)).rows.length,
      revisions: (await tx.execute(sql`select id from design_revisions`)).rows.length,
      collections: (await tx.execute(sql`select id from collections`)).rows.length,
    }));
    expect(seen).toEqual({ designs: 0, revisions: 0, collections: 0 });
  });

  it("a draft cannot be shared: the service refuses, and so does the database", async () => {
    await expect(withOrg(db, f.brand.org.id, (tx) => shareRevision(tx, f.brand.org.id, { revisionId: draft.id, workshopOrgId: f.workshop.org.id }))).rejects.toMatchObject({ code: "BAD_REQUEST", field: "revisionId" });
    await expect(
      db.execute(sql`insert into design_revision_shares (brand_org_id, workshop_org_id, revision_id) values (${f.brand.org.id}, ${f.workshop.org.id}, ${draft.id})`),
    ).rejects.toThrow();
    // Another brand cannot share this brand's revision, nor share with a brand.
    await expect(withOrg(db, f.outsider.brand.org.id, (tx) => shareRevision(tx, f.outsider.brand.org.id, { revisionId: approved.revisionId, workshopOrgId: f.workshop.org.id }))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      db.execute(sql`insert into design_revision_shares (brand_org_id, workshop_org_id, revision_id) values (${f.outsider.brand.org.id}, ${f.workshop.org.id}, ${approved.revisionId})`),
    ).rejects.toThrow();
    await expect(
      db.execute(sql`insert into design_revision_shares (brand_org_id, workshop_org_id, revision_id) values (${f.brand.org.id}, ${f.outsider.brand.org.id}, ${approved.revisionId})`),
    ).rejects.toThrow();
    expect((await db.execute(sql`select id from design_revision_shares`)).rows).toEqual([]);
  });

  it("once the approved revision is shared with a workshop, that workshop reads it, its files and the style guide; nobody else does", async () => {
    await withOrg(db, f.brand.org.id, (tx) => shareRevision(tx, f.brand.org.id, { revisionId: approved.revisionId, workshopOrgId: f.workshop.org.id }));
    expect(await whoReads(approved.sketch.id)).toEqual({ brandMember: true, otherBrand: false, workshop: true, otherWorkshop: false, signedOut: false });
    expect(await whoReads(styleFile.id)).toEqual({ brandMember: true, otherBrand: false, workshop: true, otherWorkshop: false, signedOut: false });
    const shared = await getSharedRevision(db, f.workshop.org.id, approved.revisionId);
    expect({ number: shared.revision.number, sku: shared.design.sku, files: shared.attachments.map((a) => a.fileId), guide: shared.collection?.styleGuide, styleFiles: shared.collection?.styleFiles.map((s) => s.id) }).toEqual({
      number: 1,
      sku: approved.design.sku,
      files: [approved.sketch.id],
      guide: "# Finish\nHigh polish only.",
      styleFiles: [styleFile.id],
    });
    await expect(getSharedRevision(db, f.outsider.workshop.org.id, approved.revisionId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("no workshop sees a draft, ever: the design's draft revision 2 and its new file stay hidden from the workshop the design was shared with", async () => {
    expect(await isRevisionSharedWith(db, f.workshop.org.id, draft.id)).toBe(false);
    await expect(getSharedRevision(db, f.workshop.org.id, draft.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await whoReads(draftOnlyFile.id)).toEqual({ brandMember: true, otherBrand: false, workshop: false, otherWorkshop: false, signedOut: false });
    const seen = await withOrg(db, f.workshop.org.id, async (tx) => ({
      revisions: (await tx.execute<{ status: string }>(sql`select status from design_revisions`)).rows.map((r) => r.status),
      attachments: (await tx.execute(sql`select file_id from design_revision_attachments`)).rows.length,
      comments: (await tx.execute(sql`select id from design_revision_comments`)).rows.length,
    }));
    expect(seen).toEqual({ revisions: ["approved"], attachments: 1, comments: 0 });
  });

  it("a workshop cannot write a share for itself, nor change what was shared", async () => {
    const before = (await db.execute(sql`select * from design_revision_shares order by id`)).rows;
    await expect(
      withOrg(db, f.outsider.workshop.org.id, (tx) => tx.execute(sql`insert into design_revision_shares (brand_org_id, workshop_org_id, revision_id) values (${f.brand.org.id}, ${f.outsider.workshop.org.id}, ${approved.revisionId})`)),
    ).rejects.toThrow();
    const touched = await withOrg(db, f.workshop.org.id, async (tx) => ({
      moved: (await tx.execute(sql`update design_revision_shares set workshop_org_id = ${f.outsider.workshop.org.id}`)).rowCount,
      deleted: (await tx.execute(sql`delete from design_revision_shares`)).rowCount,
      designs: (await tx.execute(sql`update designs set name = 'Hijacked'`)).rowCount,
    }));
    expect(touched).toEqual({ moved: 0, deleted: 0, designs: 0 });
    expect((await db.execute(sql`select * from design_revision_shares order by id`)).rows).toEqual(before);
  });
});
