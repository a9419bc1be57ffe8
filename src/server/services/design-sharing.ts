import { and, eq } from "drizzle-orm";
import type { Db, Queryable } from "../db/client";
import { withOrg } from "../db/tenant";
import { collections, designRevisions, designRevisionShares, designs, organizations } from "../db/schema";
import { AppError } from "../errors";
import { revisionSharedWith } from "./file-access";
import { styleFilesOf } from "./collections";
import { attachmentsOf } from "./designs";

/**
 * Sharing a brand's design with a workshop. The rule is the SQL function `design_revision_shared_with`
 * (drizzle/0015_designs_rls_frozen_revisions.sql), read by every row-level policy and by the file access
 * table: a workshop sees an approved revision, its files, its design and its collection's style guide only
 * through a share row, and never a draft. The request-for-quote issue adds the invitation that calls
 * `shareRevision` in its own transaction; nothing else shares.
 */

/** Inside the brand's transaction: shares one approved revision of its own with a workshop. Idempotent. */
export async function shareRevision(tx: Queryable, brandOrgId: string, input: { revisionId: string; workshopOrgId: string }) {
  const [revision] = await tx
    .select({ id: designRevisions.id, status: designRevisions.status, number: designRevisions.number })
    .from(designRevisions)
    .where(and(eq(designRevisions.id, input.revisionId), eq(designRevisions.orgId, brandOrgId)));
  if (!revision) throw new AppError("NOT_FOUND", "That revision was not found.", "revisionId");
  // The database refuses it too (trigger `design_revision_shares_check`); this says it in words.
  if (revision.status !== "approved") throw new AppError("BAD_REQUEST", `Revision ${revision.number} is a draft. Approve it before sending it to a workshop.`, "revisionId");
  const [share] = await tx
    .insert(designRevisionShares)
    .values({ brandOrgId, workshopOrgId: input.workshopOrgId, revisionId: revision.id })
    .onConflictDoNothing({ target: [designRevisionShares.revisionId, designRevisionShares.workshopOrgId] })
    .returning();
  return share ?? null;
}

/** Whether `orgId` may see revision `revisionId` by the sharing rule (its own brand's revisions aside). */
export async function isRevisionSharedWith(db: Db, orgId: string, revisionId: string): Promise<boolean> {
  return withOrg(db, orgId, async (tx) => {
    const [row] = await tx.select({ yes: revisionSharedWith(revisionId, orgId) }).from(organizations).where(eq(organizations.id, orgId));
    return row?.yes === true;
  });
}

/**
 * What a workshop reads of a shared revision: the spec, its files, the design and the collection's style
 * guide with its files. NOT_FOUND for anything not shared with it, a draft above all.
 */
export async function getSharedRevision(db: Db, workshopOrgId: string, revisionId: string) {
  return withOrg(db, workshopOrgId, async (tx) => {
    const [row] = await tx
      .select({ revision: designRevisions, design: { id: designs.id, sku: designs.sku, name: designs.name, category: designs.category, collectionId: designs.collectionId } })
      .from(designRevisions)
      .innerJoin(designs, eq(designs.id, designRevisions.designId))
      .where(and(eq(designRevisions.id, revisionId), revisionSharedWith(designRevisions.id, workshopOrgId)));
    if (!row) throw new AppError("NOT_FOUND", "That design was not found.");
    const [collection] = row.design.collectionId
      ? await tx.select({ id: collections.id, name: collections.name, season: collections.season, styleGuide: collections.styleGuide }).from(collections).where(eq(collections.id, row.design.collectionId))
      : [];
    return {
      design: row.design,
      revision: { id: row.revision.id, number: row.revision.number, spec: row.revision.spec, approvedAt: row.revision.approvedAt },
      attachments: (await attachmentsOf(tx, [row.revision.id])).get(row.revision.id) ?? [],
      collection: collection ? { ...collection, styleFiles: await styleFilesOf(tx, collection.id) } : null,
    };
  });
}
