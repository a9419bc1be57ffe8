import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../db/client";
import { files, orderMilestonePhotos, orderMilestoneUpdates, orderMilestones, preorderCampaignImages, preorderCampaigns, type FileVariant, type StoredFile } from "../db/schema";
import { withOrg } from "../db/tenant";
import { AppError } from "../errors";
import { getStorage, type Storage } from "../storage";
import { fileUrl } from "~/lib/files";
import type { Actor } from "./members";
import { campaignNotFound } from "./preorder-production";

/**
 * Work-in-progress photos on a campaign page. The brand picks photos of its linked order's milestones;
 * each is COPIED into a new file of the brand's own (purpose `preorder_image`), shown as a `progress`
 * image whose `milestonePhotoFileId` names the source — so the order's photo keeps the order's rule (its
 * two parties only), and the copy follows the campaign's (public while the campaign is). The insert
 * policy checks the source is a photo of the campaign's linked order.
 */

const photoNotFound = () => new AppError("NOT_FOUND", "That photo was not found.", "milestonePhotoFileId");

async function campaignWithOrder(tx: Tx, brandOrgId: string, campaignId: string) {
  const [c] = await tx
    .select({ id: preorderCampaigns.id, orderId: preorderCampaigns.orderId, status: preorderCampaigns.status })
    .from(preorderCampaigns)
    .where(and(eq(preorderCampaigns.id, campaignId), eq(preorderCampaigns.brandOrgId, brandOrgId)));
  if (!c) throw campaignNotFound();
  return c;
}

/** The linked order's milestone photos, newest first, each with the copy on the page if it is published. */
export async function listProgressPhotos(db: Db, brandOrgId: string, campaignId: string) {
  return withOrg(db, brandOrgId, async (tx) => {
    const c = await campaignWithOrder(tx, brandOrgId, campaignId);
    if (!c.orderId) return [];
    const photos = await tx
      .select({ fileId: orderMilestonePhotos.fileId, name: files.originalName, variants: files.variants, milestone: orderMilestones.name, happenedOn: orderMilestoneUpdates.happenedOn, note: orderMilestoneUpdates.note })
      .from(orderMilestonePhotos)
      .innerJoin(orderMilestoneUpdates, eq(orderMilestoneUpdates.id, orderMilestonePhotos.updateId))
      .innerJoin(orderMilestones, eq(orderMilestones.id, orderMilestoneUpdates.milestoneId))
      .innerJoin(files, eq(files.id, orderMilestonePhotos.fileId))
      .where(and(eq(orderMilestoneUpdates.orderId, c.orderId), eq(orderMilestoneUpdates.brandOrgId, brandOrgId)))
      .orderBy(desc(orderMilestoneUpdates.happenedOn), desc(orderMilestoneUpdates.createdAt), asc(orderMilestonePhotos.position));
    const shown = await tx
      .select({ fileId: preorderCampaignImages.fileId, source: preorderCampaignImages.milestonePhotoFileId, caption: preorderCampaignImages.caption })
      .from(preorderCampaignImages)
      .where(and(eq(preorderCampaignImages.campaignId, c.id), eq(preorderCampaignImages.orgId, brandOrgId), eq(preorderCampaignImages.kind, "progress")));
    const bySource = new Map(shown.map((s) => [s.source, s]));
    return photos.map((p) => {
      const copy = bySource.get(p.fileId);
      return {
        milestonePhotoFileId: p.fileId,
        name: p.name,
        milestone: p.milestone,
        happenedOn: p.happenedOn,
        note: p.note,
        thumbUrl: p.variants.thumb ? fileUrl(p.fileId, "thumb") : fileUrl(p.fileId),
        published: copy ? { fileId: copy.fileId, caption: copy.caption } : null,
      };
    });
  });
}

async function bytesOf(storage: Storage, key: string): Promise<Buffer> {
  const stored = await storage.get(key);
  if (!stored) throw new AppError("CONFLICT", "This photo's file is missing from storage: ask the workshop to upload it again.", "milestonePhotoFileId");
  return Buffer.isBuffer(stored.body) ? stored.body : Buffer.from(await new Response(stored.body).arrayBuffer());
}

/** Publishes a photo of the linked order's milestones on the campaign page, as a copy the brand owns. */
export async function publishProgressPhoto(db: Db, actor: Actor, input: { campaignId: string; milestonePhotoFileId: string; caption: string }, storage: Storage = getStorage()) {
  const source: StoredFile = await withOrg(db, actor.orgId, async (tx) => {
    const c = await campaignWithOrder(tx, actor.orgId, input.campaignId);
    if (!c.orderId) throw new AppError("CONFLICT", "Link the campaign to its order first: progress photos come from the order's milestones.");
    if (c.status === "cancelled" || c.status === "draft") throw new AppError("CONFLICT", "Only a published campaign shows progress photos.");
    const [row] = await tx
      .select({ file: files })
      .from(orderMilestonePhotos)
      .innerJoin(orderMilestoneUpdates, eq(orderMilestoneUpdates.id, orderMilestonePhotos.updateId))
      .innerJoin(files, eq(files.id, orderMilestonePhotos.fileId))
      .where(and(eq(orderMilestonePhotos.fileId, input.milestonePhotoFileId), eq(orderMilestoneUpdates.orderId, c.orderId), eq(orderMilestoneUpdates.brandOrgId, actor.orgId)));
    if (!row) throw photoNotFound();
    const [already] = await tx
      .select({ fileId: preorderCampaignImages.fileId })
      .from(preorderCampaignImages)
      .where(and(eq(preorderCampaignImages.campaignId, c.id), eq(preorderCampaignImages.milestonePhotoFileId, input.milestonePhotoFileId)));
    if (already) throw new AppError("CONFLICT", "This photo is on the campaign page already.", "milestonePhotoFileId");
    return row.file;
  });

  const id = crypto.randomUUID();
  const prefix = `${actor.orgId.toLowerCase()}/${id}`;
  const ext = source.storageKey.split(".").pop() ?? "bin";
  const written: string[] = [];
  try {
    const originalKey = `${prefix}/original.${ext}`;
    await storage.put(originalKey, await bytesOf(storage, source.storageKey), source.contentType);
    written.push(originalKey);
    const variants: Record<string, FileVariant> = {};
    for (const [name, v] of Object.entries(source.variants)) {
      const key = `${prefix}/${name}.webp`;
      await storage.put(key, await bytesOf(storage, v.key), v.contentType);
      written.push(key);
      variants[name] = { ...v, key };
    }
    return await withOrg(db, actor.orgId, async (tx) => {
      await tx.insert(files).values({
        id,
        orgId: actor.orgId,
        purpose: "preorder_image",
        originalName: source.originalName,
        contentType: source.contentType,
        byteSize: source.byteSize,
        storageKey: originalKey,
        width: source.width,
        height: source.height,
        variants,
        uploadedById: actor.userId,
      });
      const [last] = await tx
        .select({ n: sql<number>`coalesce(max(${preorderCampaignImages.position}), -1)`.mapWith(Number) })
        .from(preorderCampaignImages)
        .where(eq(preorderCampaignImages.campaignId, input.campaignId));
      await tx.insert(preorderCampaignImages).values({
        campaignId: input.campaignId,
        fileId: id,
        orgId: actor.orgId,
        position: (last?.n ?? -1) + 1,
        kind: "progress",
        caption: input.caption.trim(),
        milestonePhotoFileId: input.milestonePhotoFileId,
      });
      return { campaignId: input.campaignId, fileId: id, milestonePhotoFileId: input.milestonePhotoFileId };
    });
  } catch (err) {
    await Promise.allSettled(written.map((key) => storage.delete(key)));
    throw err;
  }
}

/** Takes a progress photo off the campaign page; its copy is deleted (the order's photo stays). */
export async function unpublishProgressPhoto(db: Db, actor: Actor, input: { campaignId: string; fileId: string }, storage: Storage = getStorage()) {
  const removed = await withOrg(db, actor.orgId, async (tx) => {
    await campaignWithOrder(tx, actor.orgId, input.campaignId);
    const [image] = await tx
      .delete(preorderCampaignImages)
      .where(and(eq(preorderCampaignImages.campaignId, input.campaignId), eq(preorderCampaignImages.fileId, input.fileId), eq(preorderCampaignImages.orgId, actor.orgId), eq(preorderCampaignImages.kind, "progress")))
      .returning({ fileId: preorderCampaignImages.fileId });
    if (!image) throw new AppError("NOT_FOUND", "That photo is not on the campaign page.", "fileId");
    const [file] = await tx.delete(files).where(and(eq(files.id, image.fileId), eq(files.orgId, actor.orgId))).returning();
    return file ? [file.storageKey, ...Object.values(file.variants).map((v) => v.key)] : [];
  });
  await Promise.allSettled(removed.map((key) => storage.delete(key)));
  return { campaignId: input.campaignId, fileId: input.fileId };
}
