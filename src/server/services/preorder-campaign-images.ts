import { and, asc, eq, inArray, like, sql } from "drizzle-orm";
import type { Db, Queryable, Tx } from "../db/client";
import { withOrg } from "../db/tenant";
import { designRevisionAttachments, files, preorderCampaignImages, preorderCampaigns, type FileVariant, type PreorderCampaign } from "../db/schema";
import { AppError } from "../errors";
import { getStorage, type Storage } from "../storage";
import { fileUrl } from "~/lib/files";
import { CAMPAIGN_IMAGES_MAX } from "~/lib/preorder-schemas";
import { recordEvent } from "./events";
import { assertOwnFiles } from "./file-attachments";
import type { Actor } from "./members";
import { campaignNotFound, lockCampaign } from "./preorder-campaigns";

/**
 * A campaign page's pictures. Every one is a brand-owned file of purpose `preorder_image`: an upload made
 * for the campaign (through /api/uploads), or a copy of one of the design revision's sketches, so the
 * design's files keep their own rule (never public) while the copy is public with the campaign.
 */

const imageNotFound = () => new AppError("NOT_FOUND", "That image was not found.", "fileId");

/** A campaign's images in order, with their URLs. */
export async function campaignImages(tx: Queryable, brandOrgId: string, campaignId: string) {
  const rows = await tx
    .select({ fileId: preorderCampaignImages.fileId, kind: preorderCampaignImages.kind, caption: preorderCampaignImages.caption, position: preorderCampaignImages.position, name: files.originalName, width: files.width, height: files.height })
    .from(preorderCampaignImages)
    .innerJoin(files, eq(files.id, preorderCampaignImages.fileId))
    .where(and(eq(preorderCampaignImages.campaignId, campaignId), eq(preorderCampaignImages.orgId, brandOrgId)))
    .orderBy(asc(preorderCampaignImages.position));
  return rows.map((r) => ({ ...r, url: fileUrl(r.fileId, "display"), thumbUrl: fileUrl(r.fileId, "thumb") }));
}

/** The revision's sketches and photos that can be copied onto the page (images only, not PDFs or CAD). */
export async function revisionSketches(tx: Queryable, brandOrgId: string, revisionId: string) {
  const rows = await tx
    .select({ fileId: files.id, kind: designRevisionAttachments.kind, name: files.originalName })
    .from(designRevisionAttachments)
    .innerJoin(files, and(eq(files.id, designRevisionAttachments.fileId), eq(files.orgId, brandOrgId)))
    .where(and(eq(designRevisionAttachments.revisionId, revisionId), eq(designRevisionAttachments.orgId, brandOrgId), inArray(designRevisionAttachments.kind, ["sketch", "photo"]), like(files.contentType, "image/%")))
    .orderBy(asc(designRevisionAttachments.position));
  return rows.map((r) => ({ ...r, thumbUrl: fileUrl(r.fileId, "thumb") }));
}

/** The sketches and photos of a campaign's design revision that can be copied onto its page. */
export async function campaignSketches(db: Db, brandOrgId: string, campaignId: string) {
  return withOrg(db, brandOrgId, async (tx) => {
    const [c] = await tx
      .select({ revisionId: preorderCampaigns.designRevisionId })
      .from(preorderCampaigns)
      .where(and(eq(preorderCampaigns.id, campaignId), eq(preorderCampaigns.brandOrgId, brandOrgId)));
    if (!c) throw campaignNotFound();
    return revisionSketches(tx, brandOrgId, c.revisionId);
  });
}

async function lockForImages(tx: Tx, actor: Actor, campaignId: string) {
  const c = await lockCampaign(tx, actor.orgId, campaignId);
  if (c.status === "cancelled" || c.status === "completed") throw new AppError("BAD_REQUEST", `A ${c.status} campaign's images can't change.`);
  return c;
}

async function nextPosition(tx: Tx, c: PreorderCampaign) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int`, next: sql<number>`coalesce(max(${preorderCampaignImages.position}) + 1, 0)::int` })
    .from(preorderCampaignImages)
    .where(and(eq(preorderCampaignImages.campaignId, c.id), eq(preorderCampaignImages.orgId, c.brandOrgId)));
  if ((row?.n ?? 0) >= CAMPAIGN_IMAGES_MAX) throw new AppError("BAD_REQUEST", `A campaign shows at most ${CAMPAIGN_IMAGES_MAX} images; remove one first.`, "fileId");
  return row?.next ?? 0;
}

const changed = (tx: Tx, actor: Actor, c: PreorderCampaign) =>
  recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "preorder_campaign.images_changed", subjectType: "preorder_campaign", subjectId: c.id, data: { title: c.title } });

/** Attaches an image uploaded for the campaign (purpose `preorder_image`) at the end of its list. */
export async function addCampaignImage(db: Db, actor: Actor, input: { campaignId: string; fileId: string; caption: string }) {
  return withOrg(db, actor.orgId, async (tx) => {
    const c = await lockForImages(tx, actor, input.campaignId);
    await assertOwnFiles(tx, actor.orgId, [input.fileId], "preorder_image", "fileId", { imagesOnly: true });
    const taken = await tx.select({ id: preorderCampaignImages.fileId }).from(preorderCampaignImages).where(eq(preorderCampaignImages.fileId, input.fileId));
    if (taken.length > 0) throw new AppError("BAD_REQUEST", "That image is already on a campaign. Upload it again.", "fileId");
    const position = await nextPosition(tx, c);
    await tx.insert(preorderCampaignImages).values({ campaignId: c.id, fileId: input.fileId, orgId: actor.orgId, position, kind: "image", caption: input.caption });
    await changed(tx, actor, c);
    return campaignImages(tx, actor.orgId, c.id);
  });
}

async function bytesOf(storage: Storage, key: string): Promise<{ bytes: Buffer; contentType?: string } | null> {
  const obj = await storage.get(key);
  if (!obj) return null;
  if (Buffer.isBuffer(obj.body)) return { bytes: obj.body, contentType: obj.contentType };
  return { bytes: Buffer.from(await new Response(obj.body).arrayBuffer()), contentType: obj.contentType };
}

/**
 * Copies one of the revision's sketches (or photos) into a new `preorder_image` file of the brand — its
 * bytes and resized variants copied in storage, under the new file's own keys — and shows it on the page.
 */
export async function copySketchToCampaign(db: Db, actor: Actor, input: { campaignId: string; sourceFileId: string }, storage: Storage = getStorage()) {
  const source = await withOrg(db, actor.orgId, async (tx) => {
    const c = await lockForImages(tx, actor, input.campaignId);
    const offered = await revisionSketches(tx, actor.orgId, c.designRevisionId);
    if (!offered.some((s) => s.fileId === input.sourceFileId)) throw new AppError("NOT_FOUND", "Choose a sketch or photo of the campaign's design revision.", "sourceFileId");
    const [f] = await tx.select().from(files).where(and(eq(files.id, input.sourceFileId), eq(files.orgId, actor.orgId)));
    return f!;
  });

  const id = crypto.randomUUID();
  const prefix = `${actor.orgId}/${id}`;
  const written: string[] = [];
  try {
    const copy = async (key: string, name: string) => {
      const got = await bytesOf(storage, key);
      if (!got) throw new AppError("BAD_REQUEST", `The sketch “${source.originalName}” has no stored copy; upload it again on the design.`, "sourceFileId");
      const ext = key.slice(key.lastIndexOf("."));
      const to = `${prefix}/${name}${ext}`;
      await storage.put(to, got.bytes, got.contentType ?? source.contentType);
      written.push(to);
      return { key: to, byteSize: got.bytes.length };
    };
    const original = await copy(source.storageKey, "original");
    const variants: Record<string, FileVariant> = {};
    for (const [name, v] of Object.entries(source.variants)) {
      const out = await copy(v.key, name);
      variants[name] = { ...v, key: out.key };
    }
    return await withOrg(db, actor.orgId, async (tx) => {
      const c = await lockForImages(tx, actor, input.campaignId);
      const position = await nextPosition(tx, c);
      await tx.insert(files).values({
        id,
        orgId: actor.orgId,
        purpose: "preorder_image",
        originalName: source.originalName,
        contentType: source.contentType,
        byteSize: original.byteSize,
        storageKey: original.key,
        width: source.width,
        height: source.height,
        variants,
        uploadedById: actor.userId,
      });
      await tx.insert(preorderCampaignImages).values({ campaignId: c.id, fileId: id, orgId: actor.orgId, position, kind: "sketch", caption: "" });
      await changed(tx, actor, c);
      return campaignImages(tx, actor.orgId, c.id);
    });
  } catch (err) {
    // Copied bytes without a row are unreachable; remove them rather than leave orphans.
    await Promise.allSettled(written.map((key) => storage.delete(key)));
    throw err;
  }
}

/** Puts the images in the order given, which must name each of them once. */
export async function reorderCampaignImages(db: Db, actor: Actor, input: { campaignId: string; fileIds: string[] }) {
  return withOrg(db, actor.orgId, async (tx) => {
    const c = await lockForImages(tx, actor, input.campaignId);
    const current = await campaignImages(tx, actor.orgId, c.id);
    const ids = current.map((i) => i.fileId);
    if (input.fileIds.length !== ids.length || new Set(input.fileIds).size !== ids.length || input.fileIds.some((id) => !ids.includes(id))) {
      throw new AppError("BAD_REQUEST", "The images changed meanwhile. Reload the page and try again.", "fileIds");
    }
    // Two passes, so no intermediate order repeats a position.
    for (const [i, fileId] of input.fileIds.entries()) {
      await tx
        .update(preorderCampaignImages)
        .set({ position: ids.length + i })
        .where(and(eq(preorderCampaignImages.campaignId, c.id), eq(preorderCampaignImages.orgId, actor.orgId), eq(preorderCampaignImages.fileId, fileId)));
    }
    for (const [i, fileId] of input.fileIds.entries()) {
      await tx
        .update(preorderCampaignImages)
        .set({ position: i })
        .where(and(eq(preorderCampaignImages.campaignId, c.id), eq(preorderCampaignImages.orgId, actor.orgId), eq(preorderCampaignImages.fileId, fileId)));
    }
    await changed(tx, actor, c);
    return campaignImages(tx, actor.orgId, c.id);
  });
}

export async function captionCampaignImage(db: Db, actor: Actor, input: { campaignId: string; fileId: string; caption: string }) {
  return withOrg(db, actor.orgId, async (tx) => {
    const c = await lockForImages(tx, actor, input.campaignId);
    const [row] = await tx
      .update(preorderCampaignImages)
      .set({ caption: input.caption })
      .where(and(eq(preorderCampaignImages.campaignId, c.id), eq(preorderCampaignImages.orgId, actor.orgId), eq(preorderCampaignImages.fileId, input.fileId)))
      .returning({ fileId: preorderCampaignImages.fileId });
    if (!row) throw imageNotFound();
    await changed(tx, actor, c);
    return campaignImages(tx, actor.orgId, c.id);
  });
}

/** Takes an image off the page and deletes its file (a copy or an upload made for this campaign alone). */
export async function removeCampaignImage(db: Db, actor: Actor, input: { campaignId: string; fileId: string }, storage: Storage = getStorage()) {
  const { images, keys } = await withOrg(db, actor.orgId, async (tx) => {
    const c = await lockForImages(tx, actor, input.campaignId);
    const [row] = await tx
      .delete(preorderCampaignImages)
      .where(and(eq(preorderCampaignImages.campaignId, c.id), eq(preorderCampaignImages.orgId, actor.orgId), eq(preorderCampaignImages.fileId, input.fileId)))
      .returning({ fileId: preorderCampaignImages.fileId });
    if (!row) throw imageNotFound();
    const gone = await tx
      .delete(files)
      .where(and(eq(files.id, input.fileId), eq(files.orgId, actor.orgId), eq(files.purpose, "preorder_image")))
      .returning({ storageKey: files.storageKey, variants: files.variants });
    await changed(tx, actor, c);
    return { images: await campaignImages(tx, actor.orgId, c.id), keys: gone.flatMap((f) => [f.storageKey, ...Object.values(f.variants).map((v) => v.key)]) };
  });
  // The row is gone first: a key whose delete fails is unreachable, never served.
  await Promise.allSettled(keys.map((key) => storage.delete(key)));
  return images;
}
