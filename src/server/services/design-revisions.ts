import { and, eq, max } from "drizzle-orm";
import type { Db, Queryable, Tx } from "../db/client";
import { withOrg } from "../db/tenant";
import { designRevisionAttachments, designRevisions, designs, files, users, type DesignRevision } from "../db/schema";
import { AppError } from "../errors";
import { completenessGaps } from "~/lib/design-completeness";
import { extensionOf, REVISION_ATTACHMENTS_MAX } from "~/lib/design-schemas";
import { ATTACHMENT_EXTENSIONS, ATTACHMENT_KINDS, designSpecSchema, type AttachmentKind, type DesignSpec } from "~/lib/design-spec";
import { assertOwnFiles } from "./file-attachments";
import { recordEvent } from "./events";
import type { Actor } from "./members";
import { attachmentsOf, designNotFound, designSummaries, lockDesign } from "./designs";

const revisionNotFound = () => new AppError("NOT_FOUND", "That revision was not found.");

/** The service's refusal to touch an approved revision; the database refuses it too (trigger `design_revisions_frozen`). */
export const frozen = (number: number) =>
  new AppError("CONFLICT", `Revision ${number} is approved and can no longer change. Press “Edit” to start a new draft from it.`);

async function lockRevision(tx: Tx, orgId: string, revisionId: string) {
  const [row] = await tx
    .select()
    .from(designRevisions)
    .where(and(eq(designRevisions.id, revisionId), eq(designRevisions.orgId, orgId)))
    .for("update");
  if (!row) throw revisionNotFound();
  return row;
}

/** A draft of this brand, locked; an approved revision is refused before anything is written. */
async function lockDraft(tx: Tx, orgId: string, revisionId: string) {
  const row = await lockRevision(tx, orgId, revisionId);
  if (row.status === "approved") throw frozen(row.number);
  return row;
}

async function skuOf(tx: Queryable, designId: string) {
  const [d] = await tx.select({ sku: designs.sku, category: designs.category }).from(designs).where(eq(designs.id, designId));
  if (!d) throw designNotFound();
  return d;
}

/** One revision by its design and number, with its files and what it still lacks for approval. */
export async function getRevision(db: Db, orgId: string, input: { designId: string; number: number }) {
  return withOrg(db, orgId, async (tx) => {
    const [design] = await designSummaries(tx, orgId, [input.designId]);
    if (!design) throw designNotFound();
    const [revision] = await tx
      .select()
      .from(designRevisions)
      .where(and(eq(designRevisions.designId, design.id), eq(designRevisions.orgId, orgId), eq(designRevisions.number, input.number)));
    if (!revision) throw revisionNotFound();
    const attachments = (await attachmentsOf(tx, [revision.id])).get(revision.id) ?? [];
    const [draft] = await tx
      .select({ number: designRevisions.number })
      .from(designRevisions)
      .where(and(eq(designRevisions.designId, design.id), eq(designRevisions.orgId, orgId), eq(designRevisions.status, "draft")));
    return {
      design,
      revision: shapeRevision(revision),
      attachments,
      gaps: revision.status === "draft" ? completenessGaps(design.category, revision.spec, attachments) : [],
      draftNumber: draft?.number ?? null,
    };
  });
}

function shapeRevision(r: DesignRevision) {
  return { id: r.id, designId: r.designId, number: r.number, status: r.status, spec: r.spec, createdAt: r.createdAt, updatedAt: r.updatedAt, approvedAt: r.approvedAt, approvedByName: r.approvedByName };
}

/** Saves a draft's spec. Items keep their ids, so the diff can tell a changed stone from a new one. */
export async function saveDraft(db: Db, actor: Actor, input: { revisionId: string; spec: DesignSpec }) {
  const spec = designSpecSchema.parse(input.spec);
  return withOrg(db, actor.orgId, async (tx) => {
    const draft = await lockDraft(tx, actor.orgId, input.revisionId);
    const [row] = await tx
      .update(designRevisions)
      .set({ spec, updatedAt: new Date() })
      .where(and(eq(designRevisions.id, draft.id), eq(designRevisions.orgId, actor.orgId)))
      .returning();
    await tx.update(designs).set({ updatedAt: new Date() }).where(and(eq(designs.id, draft.designId), eq(designs.orgId, actor.orgId)));
    const { sku } = await skuOf(tx, draft.designId);
    await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "design_revision.saved", subjectType: "design_revision", subjectId: draft.id, data: { sku, number: draft.number } });
    return shapeRevision(row!);
  });
}

/** Adds an uploaded file to a draft as `kind`; its name must end as that kind allows. */
export async function attachRevisionFile(db: Db, actor: Actor, input: { revisionId: string; fileId: string; kind: AttachmentKind }) {
  return withOrg(db, actor.orgId, async (tx) => {
    const draft = await lockDraft(tx, actor.orgId, input.revisionId);
    await assertOwnFiles(tx, actor.orgId, [input.fileId], "design_attachment", "fileId");
    const [file] = await tx.select({ name: files.originalName }).from(files).where(eq(files.id, input.fileId));
    const ext = extensionOf(file!.name);
    const allowed = ATTACHMENT_EXTENSIONS[input.kind];
    if (!allowed.includes(ext)) {
      throw new AppError("BAD_REQUEST", `A ${ATTACHMENT_KINDS.labels[input.kind].toLowerCase()} is one of ${allowed.join(" ")}; “${file!.name}” is not.`, "kind");
    }
    const current = (await attachmentsOf(tx, [draft.id])).get(draft.id) ?? [];
    if (current.some((a) => a.fileId === input.fileId)) return { fileId: input.fileId };
    if (current.length >= REVISION_ATTACHMENTS_MAX) throw new AppError("BAD_REQUEST", `A revision holds at most ${REVISION_ATTACHMENTS_MAX} files. Remove one first.`, "fileId");
    const position = current.reduce((m, a) => Math.max(m, a.position + 1), 0);
    await tx.insert(designRevisionAttachments).values({ revisionId: draft.id, fileId: input.fileId, orgId: actor.orgId, kind: input.kind, position });
    await tx.update(designRevisions).set({ updatedAt: new Date() }).where(and(eq(designRevisions.id, draft.id), eq(designRevisions.orgId, actor.orgId)));
    return { fileId: input.fileId };
  });
}

/** Removes a file from a draft (the file stays on any other revision that has it). */
export async function detachRevisionFile(db: Db, actor: Actor, input: { revisionId: string; fileId: string }) {
  return withOrg(db, actor.orgId, async (tx) => {
    const draft = await lockDraft(tx, actor.orgId, input.revisionId);
    const removed = await tx
      .delete(designRevisionAttachments)
      .where(and(eq(designRevisionAttachments.revisionId, draft.id), eq(designRevisionAttachments.fileId, input.fileId), eq(designRevisionAttachments.orgId, actor.orgId)))
      .returning({ fileId: designRevisionAttachments.fileId });
    if (removed.length === 0) throw new AppError("NOT_FOUND", "That file is not on this revision.", "fileId");
    return { fileId: input.fileId };
  });
}

/**
 * Approves a draft: it must be complete (what a workshop needs to quote), and from then on it is frozen.
 * Who approved it and when is kept on the revision itself.
 */
export async function approveRevision(db: Db, actor: Actor, input: { revisionId: string }) {
  return withOrg(db, actor.orgId, async (tx) => {
    const draft = await lockDraft(tx, actor.orgId, input.revisionId);
    const design = await lockDesign(tx, actor.orgId, draft.designId);
    const attachments = (await attachmentsOf(tx, [draft.id])).get(draft.id) ?? [];
    const gaps = completenessGaps(design.category, draft.spec, attachments);
    if (gaps.length > 0) {
      throw new AppError("BAD_REQUEST", `Revision ${draft.number} is not complete yet: ${gaps.map((g) => g.message).join(" ")}`, gaps[0]!.field);
    }
    const [approver] = await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.userId));
    const now = new Date();
    const [row] = await tx
      .update(designRevisions)
      .set({ status: "approved", approvedAt: now, approvedById: actor.userId, approvedByName: approver?.name ?? null, updatedAt: now })
      .where(and(eq(designRevisions.id, draft.id), eq(designRevisions.orgId, actor.orgId)))
      .returning();
    await tx.update(designs).set({ updatedAt: now }).where(and(eq(designs.id, design.id), eq(designs.orgId, actor.orgId)));
    await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "design_revision.approved", subjectType: "design_revision", subjectId: draft.id, data: { sku: design.sku, number: draft.number } });
    return shapeRevision(row!);
  });
}

/**
 * "Edit" on a revision: a new draft copied from it, spec and files. A design has at most one draft, so
 * when one exists already it is returned instead (`existing: true`).
 */
export async function startDraft(db: Db, actor: Actor, input: { revisionId: string }) {
  return withOrg(db, actor.orgId, async (tx) => {
    const source = await lockRevision(tx, actor.orgId, input.revisionId);
    const design = await lockDesign(tx, actor.orgId, source.designId);
    const [existing] = await tx
      .select({ id: designRevisions.id, number: designRevisions.number })
      .from(designRevisions)
      .where(and(eq(designRevisions.designId, design.id), eq(designRevisions.orgId, actor.orgId), eq(designRevisions.status, "draft")));
    if (existing) return { ...existing, existing: true };
    const [top] = await tx.select({ n: max(designRevisions.number) }).from(designRevisions).where(eq(designRevisions.designId, design.id));
    const number = (top?.n ?? 0) + 1;
    const [draft] = await tx
      .insert(designRevisions)
      .values({ orgId: actor.orgId, designId: design.id, number, spec: source.spec, basedOnId: source.id, createdById: actor.userId })
      .returning({ id: designRevisions.id, number: designRevisions.number });
    const attachments = (await attachmentsOf(tx, [source.id])).get(source.id) ?? [];
    if (attachments.length > 0) {
      await tx.insert(designRevisionAttachments).values(attachments.map((a) => ({ revisionId: draft!.id, fileId: a.fileId, orgId: actor.orgId, kind: a.kind, position: a.position })));
    }
    await tx.update(designs).set({ updatedAt: new Date() }).where(and(eq(designs.id, design.id), eq(designs.orgId, actor.orgId)));
    await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "design_revision.started", subjectType: "design_revision", subjectId: draft!.id, data: { sku: design.sku, number, from: source.number } });
    return { ...draft!, existing: false };
  });
}

/** Two revisions of one design, in the shape the diff reads (spec and files). */
export async function revisionsForCompare(db: Db, orgId: string, input: { designId: string; fromNumber: number; toNumber: number }) {
  if (input.fromNumber === input.toNumber) throw new AppError("BAD_REQUEST", "Choose two different revisions to compare.", "toNumber");
  return withOrg(db, orgId, async (tx) => {
    const [design] = await designSummaries(tx, orgId, [input.designId]);
    if (!design) throw designNotFound();
    const pick = async (number: number, field: string) => {
      const [r] = await tx
        .select()
        .from(designRevisions)
        .where(and(eq(designRevisions.designId, design.id), eq(designRevisions.orgId, orgId), eq(designRevisions.number, number)));
      if (!r) throw new AppError("NOT_FOUND", `Revision ${number} was not found.`, field);
      const attachments = (await attachmentsOf(tx, [r.id])).get(r.id) ?? [];
      return { ...shapeRevision(r), attachments: attachments.map((a) => ({ fileId: a.fileId, name: a.name, kind: a.kind })) };
    };
    return { design, from: await pick(input.fromNumber, "fromNumber"), to: await pick(input.toNumber, "toNumber") };
  });
}
