import { and, asc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { createFixture, createOrg, type Fixture } from "~/test/fixtures";
import { completeSpec, designFile, designWithRevision } from "~/test/designs";
import { actorOf } from "~/test/vetting";
import { emptySpec } from "~/lib/design-spec";
import { designRevisionAttachments, designRevisions, designs, notificationRecipients, notifications } from "../db/schema";
import { withOrg } from "../db/tenant";
import { createDesign, listDesigns, updateDesign } from "./designs";
import { approveRevision, attachRevisionFile, detachRevisionFile, getRevision, revisionsForCompare, saveDraft, startDraft } from "./design-revisions";
import { addRevisionComment } from "./design-comments";

const db = await testDb();

/** The SQLSTATE a statement failed with, or null when it succeeded. */
async function sqlState(run: () => Promise<unknown>): Promise<string | null> {
  try {
    await run();
    return null;
  } catch (err) {
    for (let e: unknown = err; e instanceof Error; e = (e as Error & { cause?: unknown }).cause) {
      const code = (e as Error & { code?: string }).code;
      if (code) return code;
    }
    return "error";
  }
}

const revisionRow = async (id: string) => (await db.select().from(designRevisions).where(eq(designRevisions.id, id)))[0];
const linksOf = (id: string) => db.select().from(designRevisionAttachments).where(eq(designRevisionAttachments.revisionId, id)).orderBy(asc(designRevisionAttachments.position));

describe("designs", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(db);
  });

  it("a SKU is unique within a brand (whatever its case) and free across brands", async () => {
    await createDesign(db, actorOf(f.brand), { fields: { sku: "ML-RG-001", name: "Lune ring", category: "ring", collectionId: null } });
    await expect(createDesign(db, actorOf(f.brand), { fields: { sku: "ml-rg-001", name: "Copy", category: "ring", collectionId: null } })).rejects.toMatchObject({ code: "CONFLICT", field: "sku" });
    const other = await createDesign(db, actorOf(f.outsider.brand), { fields: { sku: "ML-RG-001", name: "Their ring", category: "ring", collectionId: null } });
    expect(other.sku).toBe("ML-RG-001");
    const second = await createDesign(db, actorOf(f.brand), { fields: { sku: "ML-RG-002", name: "Second", category: "ring", collectionId: null } });
    await expect(updateDesign(db, actorOf(f.brand), { designId: second.id, fields: { sku: "ML-RG-001", name: "Second", category: "ring", collectionId: null } })).rejects.toMatchObject({ code: "CONFLICT", field: "sku" });
    const mine = await db.select({ sku: designs.sku }).from(designs).where(eq(designs.orgId, f.brand.org.id)).orderBy(asc(designs.sku));
    expect(mine.map((d) => d.sku)).toEqual(["ML-RG-001", "ML-RG-002"]);
  });

  it("a new design starts with revision 1, an empty draft", async () => {
    const d = await createDesign(db, actorOf(f.brand), { fields: { sku: "ML-PD-001", name: "Pendant", category: "pendant", collectionId: null } });
    const rev = await revisionRow(d.revision.id);
    expect({ number: rev!.number, status: rev!.status, spec: rev!.spec }).toEqual({ number: 1, status: "draft", spec: emptySpec() });
  });

  it("approval needs what a workshop quotes from: a ring without its size run is refused, with the field named", async () => {
    const d = await createDesign(db, actorOf(f.brand), { fields: { sku: "ML-RG-010", name: "Incomplete", category: "ring", collectionId: null } });
    await saveDraft(db, actorOf(f.brand), { revisionId: d.revision.id, spec: { ...completeSpec("ring"), sizeRun: null } });
    const sketch = await designFile(db, f.brand);
    await attachRevisionFile(db, actorOf(f.brand), { revisionId: d.revision.id, fileId: sketch.id, kind: "sketch" });
    await expect(approveRevision(db, actorOf(f.brand), { revisionId: d.revision.id })).rejects.toMatchObject({ code: "BAD_REQUEST", field: "sizeRun" });
    expect((await revisionRow(d.revision.id))!.status).toBe("draft");
  });

  it("an approved revision is frozen: the service refuses to save, attach or detach, and keeps who approved it", async () => {
    const { revisionId, sketch } = await designWithRevision(db, f.brand);
    const approved = await revisionRow(revisionId);
    expect(approved!.status).toBe("approved");
    expect(approved!.approvedByName).toBe(f.brand.owner.name);
    expect(approved!.approvedAt).toBeInstanceOf(Date);

    await expect(saveDraft(db, actorOf(f.brand), { revisionId, spec: emptySpec() })).rejects.toMatchObject({ code: "CONFLICT" });
    const extra = await designFile(db, f.brand, "photo.png");
    await expect(attachRevisionFile(db, actorOf(f.brand), { revisionId, fileId: extra.id, kind: "photo" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(detachRevisionFile(db, actorOf(f.brand), { revisionId, fileId: sketch.id })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(approveRevision(db, actorOf(f.brand), { revisionId })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await revisionRow(revisionId)).toEqual(approved);
    expect((await linksOf(revisionId)).map((l) => l.fileId)).toEqual([sketch.id]);
  });

  it("the database refuses UPDATE and DELETE of an approved revision and of its file links, even as the owner", async () => {
    const { revisionId, sketch } = await designWithRevision(db, f.brand);
    const before = await revisionRow(revisionId);
    const extra = await designFile(db, f.brand, "photo.png");
    expect(await sqlState(() => db.execute(sql`update design_revisions set spec = '{}'::jsonb where id = ${revisionId}`))).toBe("55000");
    expect(await sqlState(() => db.execute(sql`update design_revisions set status = 'draft', approved_at = null where id = ${revisionId}`))).toBe("55000");
    expect(await sqlState(() => db.execute(sql`delete from design_revisions where id = ${revisionId}`))).toBe("55000");
    expect(await sqlState(() => db.execute(sql`delete from design_revision_attachments where revision_id = ${revisionId}`))).toBe("55000");
    expect(await sqlState(() => db.execute(sql`update design_revision_attachments set kind = 'photo' where revision_id = ${revisionId}`))).toBe("55000");
    expect(await sqlState(() => db.execute(sql`insert into design_revision_attachments (revision_id, file_id, org_id, kind, position) values (${revisionId}, ${extra.id}, ${f.brand.org.id}, 'photo', 5)`))).toBe("55000");
    // Deleting the design would cascade to the approved revision: refused too.
    expect(await sqlState(() => db.execute(sql`delete from designs where id = ${before!.designId}`))).toBe("55000");
    // And through the app's role, under the brand's own organization.
    expect(await sqlState(() => withOrg(db, f.brand.org.id, (tx) => tx.execute(sql`update design_revisions set spec = '{}'::jsonb where id = ${revisionId}`)))).toBe("55000");
    expect(await revisionRow(revisionId)).toEqual(before);
    expect((await linksOf(revisionId)).map((l) => l.fileId)).toEqual([sketch.id]);
  });

  it("a draft can still be changed and deleted directly: the trigger guards approved revisions only", async () => {
    const { revisionId } = await designWithRevision(db, f.brand, { approve: false });
    expect(await sqlState(() => db.execute(sql`update design_revisions set spec = ${JSON.stringify(emptySpec())}::jsonb where id = ${revisionId}`))).toBeNull();
    expect(await sqlState(() => db.execute(sql`delete from design_revision_attachments where revision_id = ${revisionId}`))).toBeNull();
    expect(await sqlState(() => db.execute(sql`delete from design_revisions where id = ${revisionId}`))).toBeNull();
    expect(await revisionRow(revisionId)).toBeUndefined();
  });

  it("the category cannot change once a revision is approved (service and database)", async () => {
    const { design } = await designWithRevision(db, f.brand);
    await expect(updateDesign(db, actorOf(f.brand), { designId: design.id, fields: { sku: design.sku, name: design.name, category: "pendant", collectionId: null } })).rejects.toMatchObject({ code: "BAD_REQUEST", field: "category" });
    expect(await sqlState(() => db.execute(sql`update designs set category = 'pendant' where id = ${design.id}`))).toBe("55000");
    const draftOnly = await designWithRevision(db, f.brand, { approve: false });
    const moved = await updateDesign(db, actorOf(f.brand), { designId: draftOnly.design.id, fields: { sku: draftOnly.design.sku, name: "Now a pendant", category: "pendant", collectionId: null } });
    expect(moved.category).toBe("pendant");
  });

  it("“Edit” on an approved revision starts revision 2 from it, spec and files; a second “Edit” opens the same draft", async () => {
    const { design, revisionId, sketch } = await designWithRevision(db, f.brand);
    const draft = await startDraft(db, actorOf(f.brand), { revisionId });
    expect({ number: draft.number, existing: draft.existing }).toEqual({ number: 2, existing: false });
    const row = await revisionRow(draft.id);
    expect(row!.status).toBe("draft");
    expect(row!.spec).toEqual(completeSpec("ring"));
    expect(row!.basedOnId).toBe(revisionId);
    expect((await linksOf(draft.id)).map((l) => [l.fileId, l.kind])).toEqual([[sketch.id, "sketch"]]);
    expect(await startDraft(db, actorOf(f.brand), { revisionId })).toEqual({ id: draft.id, number: 2, existing: true });

    // Changing the draft leaves revision 1 as approved.
    const spec = completeSpec("ring");
    await saveDraft(db, actorOf(f.brand), { revisionId: draft.id, spec: { ...spec, metals: [{ ...spec.metals[0]!, fineness: "14k" }] } });
    await detachRevisionFile(db, actorOf(f.brand), { revisionId: draft.id, fileId: sketch.id });
    expect((await revisionRow(revisionId))!.spec).toEqual(completeSpec("ring"));
    expect((await linksOf(revisionId)).map((l) => l.fileId)).toEqual([sketch.id]);

    const compared = await revisionsForCompare(db, f.brand.org.id, { designId: design.id, fromNumber: 1, toNumber: 2 });
    expect(compared.from.spec.metals[0]!.fineness).toBe("18k");
    expect(compared.to.spec.metals[0]!.fineness).toBe("14k");
    expect(compared.from.attachments).toEqual([{ fileId: sketch.id, name: "sketch.png", kind: "sketch" }]);
    expect(compared.to.attachments).toEqual([]);
  });

  it("a file's name must fit the kind it is attached as; another brand's file is not found", async () => {
    const { revisionId } = await designWithRevision(db, f.brand, { approve: false });
    const stl = await designFile(db, f.brand, "band.stl");
    await expect(attachRevisionFile(db, actorOf(f.brand), { revisionId, fileId: stl.id, kind: "photo" })).rejects.toMatchObject({ code: "BAD_REQUEST", field: "kind" });
    await attachRevisionFile(db, actorOf(f.brand), { revisionId, fileId: stl.id, kind: "cad" });
    const theirs = await designFile(db, f.outsider.brand, "theirs.stl");
    await expect(attachRevisionFile(db, actorOf(f.brand), { revisionId, fileId: theirs.id, kind: "cad" })).rejects.toMatchObject({ code: "BAD_REQUEST", field: "fileId" });
    expect((await linksOf(revisionId)).map((l) => l.kind)).toEqual(["sketch", "cad"]);
  });

  it("the list searches SKU and name, filters by category and status, sorts and pages", async () => {
    const brand = await createOrg(db, "brand", "List Brand");
    const a = actorOf(brand);
    await createDesign(db, a, { fields: { sku: "LB-RG-1", name: "Crescent ring", category: "ring", collectionId: null } });
    await createDesign(db, a, { fields: { sku: "LB-PD-1", name: "Crescent pendant", category: "pendant", collectionId: null } });
    await designWithRevision(db, brand, { sku: "LB-RG-2", category: "ring" });
    const skus = async (opts: Partial<Parameters<typeof listDesigns>[2]>) => (await listDesigns(db, brand.org.id, { q: "", sort: "sku", page: 1, ...opts })).items.map((i) => i.sku);
    expect(await skus({})).toEqual(["LB-PD-1", "LB-RG-1", "LB-RG-2"]);
    expect(await skus({ q: "crescent" })).toEqual(["LB-PD-1", "LB-RG-1"]);
    expect(await skus({ q: "rg-" })).toEqual(["LB-RG-1", "LB-RG-2"]);
    expect(await skus({ q: "%" })).toEqual([]);
    expect(await skus({ category: "ring" })).toEqual(["LB-RG-1", "LB-RG-2"]);
    expect(await skus({ status: "approved" })).toEqual(["LB-RG-2"]);
    expect(await skus({ status: "draft" })).toEqual(["LB-PD-1", "LB-RG-1"]);
    const paged = await listDesigns(db, brand.org.id, { q: "", sort: "sku", page: 2, pageSize: 2 });
    expect({ skus: paged.items.map((i) => i.sku), total: paged.total }).toEqual({ skus: ["LB-RG-2"], total: 3 });
    const approved = paged.items[0]!;
    expect({ status: approved.latest?.status, approvedNumber: approved.approvedNumber, percent: approved.completeness.percent }).toEqual({ status: "approved", approvedNumber: 1, percent: 100 });
  });

  it("the revision view says what is missing for approval, next to which field", async () => {
    const d = await createDesign(db, actorOf(f.brand), { fields: { sku: "ML-NK-001", name: "Chain", category: "necklace", collectionId: null } });
    const view = await getRevision(db, f.brand.org.id, { designId: d.id, number: 1 });
    expect(view.gaps.map((g) => g.field)).toEqual(["metals", "sizeRun", "dimensions", "targetWeightGrams", "finishes", "attachments"]);
  });

  it("a comment that mentions a member notifies that member only, never the author", async () => {
    const { revisionId } = await designWithRevision(db, f.brand);
    const handle = f.brand.member.email.split("@")[0]!;
    const authorHandle = f.brand.owner.email.split("@")[0]!;
    await addRevisionComment(db, actorOf(f.brand), { revisionId, body: `@${handle} can you check the stone sizes? cc @${authorHandle} @nobody` });
    const sent = await db
      .select({ userId: notificationRecipients.userId, kind: notifications.kind })
      .from(notificationRecipients)
      .innerJoin(notifications, eq(notifications.id, notificationRecipients.notificationId))
      .where(and(eq(notifications.orgId, f.brand.org.id), eq(notifications.kind, "design_mention")));
    expect(sent).toEqual([{ userId: f.brand.member.id, kind: "design_mention" }]);
  });
});
