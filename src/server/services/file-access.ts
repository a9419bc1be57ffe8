import { and, eq, exists, isNotNull, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Db, Queryable } from "../db/client";
import { withOrg, withPublic } from "../db/tenant";
import { collectionStyleFiles, orderMilestonePhotos, orderMilestoneUpdates, designRevisionAttachments, designRevisions, designs, files, memberships, quoteVersionAttachments, quoteVersions, rfqAttachments, rfqMessageAttachments, rfqMessages, portfolioPiecePhotos, portfolioPieces, preorderCampaignImages, preorderCampaigns, sampleRequestAttachments, sampleRequests, workshopArtisans, workshopProfiles, type StoredFile } from "../db/schema";
import type { FilePurpose } from "~/lib/files";
import { listMyOrganizations } from "./organizations";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Who may read a file, besides the members of the organization that uploaded it (they always may).
 * Each rule is a condition on the file's row, so one query answers it.
 */
type FileAccessRule = {
  /** Said in words, for people reading the table. */
  readers: string;
  /** Everyone, signed in or not, while this holds. */
  publicWhile?: (db: Queryable, file: StoredFile) => SQL;
  /** These signed-in users too, while this holds. */
  sharedWith?: (db: Queryable, file: StoredFile, userId: string) => SQL;
};

/** The workshop's profile is published: its photos are public only while it is. */
const published = (orgId: string) =>
  and(eq(workshopProfiles.orgId, orgId), isNotNull(workshopProfiles.publishedAt));

/**
 * The sharing rule of designs, the same SQL function the row-level policies ask: a workshop sees a
 * brand's revision only while the brand shared that approved revision with it (a request for quote sent
 * to it). Never a draft. `workshopOrgId` is any organization the reader belongs to.
 */
export const revisionSharedWith = (revisionId: SQLWrapper | string, workshopOrgId: SQLWrapper | string) =>
  sql<boolean>`design_revision_shared_with(${revisionId}, ${workshopOrgId})`;

/** The one access table: one entry per purpose. A new purpose does not compile until it has its rule. */
/** The RFQ sharing rule, the SQL function the policies ask: invited, and the RFQ sent to that workshop. */
export const rfqSentTo = (rfqId: SQLWrapper | string, workshopOrgId: SQLWrapper | string) => sql<boolean>`rfq_sent_to(${rfqId}, ${workshopOrgId})`;

export const FILE_ACCESS: Record<FilePurpose, FileAccessRule> = {
  artisan_photo: {
    readers: "the workshop; everyone while its published profile shows the artisan with this photo",
    publicWhile: (db, file) =>
      and(
        exists(db.select({ one: workshopProfiles.orgId }).from(workshopProfiles).where(published(file.orgId))),
        exists(db.select({ id: workshopArtisans.id }).from(workshopArtisans).where(and(eq(workshopArtisans.orgId, file.orgId), eq(workshopArtisans.photoFileId, file.id)))),
      )!,
  },
  portfolio_photo: {
    readers: "the workshop; everyone while its published profile shows a piece with this photo",
    publicWhile: (db, file) =>
      and(
        exists(db.select({ one: workshopProfiles.orgId }).from(workshopProfiles).where(published(file.orgId))),
        // The piece must be the workshop's own: another workshop listing this file does not make it public.
        exists(
          db
            .select({ id: portfolioPiecePhotos.pieceId })
            .from(portfolioPiecePhotos)
            .innerJoin(portfolioPieces, eq(portfolioPieces.id, portfolioPiecePhotos.pieceId))
            .where(and(eq(portfolioPiecePhotos.fileId, file.id), eq(portfolioPieces.orgId, file.orgId))),
        ),
      )!,
  },
  sample_request_attachment: {
    readers: "the brand that attached it and the workshop the request went to; never public",
    sharedWith: (db, file, userId) =>
      exists(
        db
          .select({ id: sampleRequests.id })
          .from(sampleRequestAttachments)
          .innerJoin(sampleRequests, eq(sampleRequests.id, sampleRequestAttachments.sampleRequestId))
          .innerJoin(memberships, and(eq(memberships.userId, userId), or(eq(memberships.orgId, sampleRequests.brandOrgId), eq(memberships.orgId, sampleRequests.workshopOrgId))))
          .where(and(eq(sampleRequestAttachments.fileId, file.id), eq(sampleRequests.brandOrgId, file.orgId))),
      ),
  },
  design_attachment: {
    readers: "the brand's members; a workshop's members only while an approved revision with this file is shared with the workshop; never a draft's file, never public",
    sharedWith: (db, file, userId) =>
      exists(
        db
          .select({ one: designRevisionAttachments.fileId })
          .from(designRevisionAttachments)
          .innerJoin(memberships, eq(memberships.userId, userId))
          .where(and(eq(designRevisionAttachments.fileId, file.id), eq(designRevisionAttachments.orgId, file.orgId), revisionSharedWith(designRevisionAttachments.revisionId, memberships.orgId))),
      ),
  },
  collection_style_file: {
    readers: "the brand's members; a workshop's members only while an approved revision of a design in the collection is shared with the workshop; never public",
    sharedWith: (db, file, userId) =>
      exists(
        db
          .select({ one: collectionStyleFiles.fileId })
          .from(collectionStyleFiles)
          .innerJoin(designs, eq(designs.collectionId, collectionStyleFiles.collectionId))
          .innerJoin(designRevisions, eq(designRevisions.designId, designs.id))
          .innerJoin(memberships, eq(memberships.userId, userId))
          .where(and(eq(collectionStyleFiles.fileId, file.id), eq(collectionStyleFiles.orgId, file.orgId), revisionSharedWith(designRevisions.id, memberships.orgId))),
      ),
  },
  rfq_attachment: {
    readers: "the brand's members; a workshop's members once the RFQ was sent to that workshop; never public",
    sharedWith: (db, file, userId) =>
      exists(
        db
          .select({ one: rfqAttachments.fileId })
          .from(rfqAttachments)
          .innerJoin(memberships, eq(memberships.userId, userId))
          .where(and(eq(rfqAttachments.fileId, file.id), eq(rfqAttachments.orgId, file.orgId), rfqSentTo(rfqAttachments.rfqId, memberships.orgId))),
      ),
  },
  quote_attachment: {
    readers: "the workshop's members; the brand's members once a version with this file was sent; never public",
    sharedWith: (db, file, userId) =>
      exists(
        db
          .select({ one: quoteVersionAttachments.fileId })
          .from(quoteVersionAttachments)
          .innerJoin(quoteVersions, eq(quoteVersions.id, quoteVersionAttachments.quoteVersionId))
          .innerJoin(memberships, and(eq(memberships.userId, userId), eq(memberships.orgId, quoteVersions.brandOrgId)))
          .where(and(eq(quoteVersionAttachments.fileId, file.id), eq(quoteVersions.workshopOrgId, file.orgId), sql`${quoteVersions.status} <> 'draft'`)),
      ),
  },
  rfq_message_attachment: {
    readers: "the two parties of the thread; never public",
    sharedWith: (db, file, userId) =>
      exists(
        db
          .select({ one: rfqMessageAttachments.fileId })
          .from(rfqMessageAttachments)
          .innerJoin(rfqMessages, eq(rfqMessages.id, rfqMessageAttachments.messageId))
          .innerJoin(memberships, and(eq(memberships.userId, userId), or(eq(memberships.orgId, rfqMessages.brandOrgId), eq(memberships.orgId, rfqMessages.workshopOrgId))))
          .where(and(eq(rfqMessageAttachments.fileId, file.id), eq(rfqMessages.authorOrgId, file.orgId))),
      ),
  },
  preorder_image: {
    readers: "the brand's members; everyone while a campaign that is not a draft shows it (its public page), and the campaign's workshop",
    publicWhile: (db, file) =>
      exists(
        db
          .select({ one: preorderCampaignImages.fileId })
          .from(preorderCampaignImages)
          .innerJoin(preorderCampaigns, eq(preorderCampaigns.id, preorderCampaignImages.campaignId))
          .where(and(eq(preorderCampaignImages.fileId, file.id), eq(preorderCampaigns.brandOrgId, file.orgId), sql`${preorderCampaigns.status} <> 'draft'`)),
      ),
  },
  milestone_photo: {
    readers: "the two parties of the order; never public",
    sharedWith: (db, file, userId) =>
      exists(
        db
          .select({ one: orderMilestonePhotos.fileId })
          .from(orderMilestonePhotos)
          .innerJoin(orderMilestoneUpdates, eq(orderMilestoneUpdates.id, orderMilestonePhotos.updateId))
          .innerJoin(memberships, and(eq(memberships.userId, userId), or(eq(memberships.orgId, orderMilestoneUpdates.brandOrgId), eq(memberships.orgId, orderMilestoneUpdates.workshopOrgId))))
          .where(and(eq(orderMilestonePhotos.fileId, file.id), eq(orderMilestoneUpdates.authorOrgId, file.orgId))),
      ),
  },
};

async function holds(db: Queryable, file: StoredFile, condition: SQL): Promise<boolean> {
  const [row] = await db.select({ id: files.id }).from(files).where(and(eq(files.id, file.id), condition));
  return row !== undefined;
}

export type ReadableFile = { file: StoredFile; isPublic: boolean };

/**
 * The file and whether it is public, if `userId` (null when signed out) may read it; otherwise null, so
 * a file someone may not see looks exactly like one that does not exist. The rule above decides, and the
 * database's policies too: first as the public (a photo a published profile shows), then as each of the
 * user's organizations (its own files, and the attachments of requests it is a party to).
 */
export async function readableFile(db: Db, userId: string | null, fileId: string): Promise<ReadableFile | null> {
  if (!UUID.test(fileId)) return null;
  const shown = await withPublic(db, (tx) => readableAs(tx, null, fileId));
  if (shown) return shown;
  if (!userId) return null;
  for (const org of await listMyOrganizations(db, userId)) {
    const found = await withOrg(db, org.id, (tx) => readableAs(tx, userId, fileId));
    if (found) return found;
  }
  return null;
}

/** The file by the access rule, reading as the transaction's organization (or as the public). */
async function readableAs(tx: Queryable, userId: string | null, fileId: string): Promise<ReadableFile | null> {
  const [file] = await tx.select().from(files).where(eq(files.id, fileId));
  if (!file) return null;
  const rule = FILE_ACCESS[file.purpose];
  if (rule.publicWhile && (await holds(tx, file, rule.publicWhile(tx, file)))) return { file, isPublic: true };
  if (!userId) return null;
  const [member] = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.orgId, file.orgId), eq(memberships.userId, userId)));
  if (member) return { file, isPublic: false };
  if (rule.sharedWith && (await holds(tx, file, rule.sharedWith(tx, file, userId)))) return { file, isPublic: false };
  return null;
}

export async function canReadFile(db: Db, userId: string | null, fileId: string): Promise<boolean> {
  return (await readableFile(db, userId, fileId)) !== null;
}
