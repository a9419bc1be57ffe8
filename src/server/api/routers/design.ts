import { z } from "zod";
import {
  addCommentSchema,
  attachFileSchema,
  collectionId,
  compareRevisionsSchema,
  createCollectionSchema,
  createDesignSchema,
  designId,
  detachFileSchema,
  listDesignsSchema,
  revisionId,
  saveDraftSchema,
  setCoverSchema,
  updateCollectionSchema,
  updateDesignSchema,
  updateStyleGuideSchema,
} from "~/lib/design-schemas";
import { collectionOptions, createCollection, getCollection, listCollections, updateCollection, updateStyleGuide } from "../../services/collections";
import { addRevisionComment, listRevisionComments } from "../../services/design-comments";
import { approveRevision, attachRevisionFile, detachRevisionFile, getRevision, revisionsForCompare, saveDraft, startDraft } from "../../services/design-revisions";
import { createDesign, getDesign, listDesigns, setDesignCover, updateDesign } from "../../services/designs";
import { brandProcedure, createTRPCRouter } from "../trpc";

const page = z.number().int().min(1).max(10_000).default(1);
const revisionNumber = z.number("Unknown revision.").int("Unknown revision.").min(1, "Unknown revision.").max(100_000, "Unknown revision.");

/** Collections and designs of a brand: the brand's own, never another's; workshops see them only through a share. */
export const designRouter = createTRPCRouter({
  collections: createTRPCRouter({
    list: brandProcedure("designs.view")
      .input(z.object({ page }))
      .query(({ ctx, input }) => listCollections(ctx.db, ctx.org.id, input)),
    options: brandProcedure("designs.view").query(({ ctx }) => collectionOptions(ctx.db, ctx.org.id)),
    get: brandProcedure("designs.view")
      .input(z.object({ collectionId }))
      .query(({ ctx, input }) => getCollection(ctx.db, ctx.org.id, input.collectionId)),
    create: brandProcedure("designs.edit")
      .input(createCollectionSchema)
      .mutation(({ ctx, input }) => createCollection(ctx.db, ctx.actor, input)),
    update: brandProcedure("designs.edit")
      .input(updateCollectionSchema)
      .mutation(({ ctx, input }) => updateCollection(ctx.db, ctx.actor, input)),
    updateStyleGuide: brandProcedure("designs.edit")
      .input(updateStyleGuideSchema)
      .mutation(({ ctx, input }) => updateStyleGuide(ctx.db, ctx.actor, input)),
  }),

  list: brandProcedure("designs.view")
    .input(listDesignsSchema)
    .query(({ ctx, input }) => listDesigns(ctx.db, ctx.org.id, input)),
  get: brandProcedure("designs.view")
    .input(z.object({ designId }))
    .query(({ ctx, input }) => getDesign(ctx.db, ctx.org.id, input.designId)),
  create: brandProcedure("designs.edit")
    .input(createDesignSchema)
    .mutation(({ ctx, input }) => createDesign(ctx.db, ctx.actor, input)),
  update: brandProcedure("designs.edit")
    .input(updateDesignSchema)
    .mutation(({ ctx, input }) => updateDesign(ctx.db, ctx.actor, input)),
  setCover: brandProcedure("designs.edit")
    .input(setCoverSchema)
    .mutation(({ ctx, input }) => setDesignCover(ctx.db, ctx.actor, input)),

  revision: brandProcedure("designs.view")
    .input(z.object({ designId, number: revisionNumber }))
    .query(({ ctx, input }) => getRevision(ctx.db, ctx.org.id, input)),
  saveDraft: brandProcedure("designs.edit")
    .input(saveDraftSchema)
    .mutation(({ ctx, input }) => saveDraft(ctx.db, ctx.actor, input)),
  attachFile: brandProcedure("designs.edit")
    .input(attachFileSchema)
    .mutation(({ ctx, input }) => attachRevisionFile(ctx.db, ctx.actor, input)),
  detachFile: brandProcedure("designs.edit")
    .input(detachFileSchema)
    .mutation(({ ctx, input }) => detachRevisionFile(ctx.db, ctx.actor, input)),
  startDraft: brandProcedure("designs.edit")
    .input(z.object({ revisionId }))
    .mutation(({ ctx, input }) => startDraft(ctx.db, ctx.actor, input)),
  approve: brandProcedure("designs.approve")
    .input(z.object({ revisionId }))
    .mutation(({ ctx, input }) => approveRevision(ctx.db, ctx.actor, input)),
  compare: brandProcedure("designs.view")
    .input(compareRevisionsSchema)
    .query(({ ctx, input }) => revisionsForCompare(ctx.db, ctx.org.id, input)),

  comments: createTRPCRouter({
    list: brandProcedure("designs.view")
      .input(z.object({ revisionId }))
      .query(({ ctx, input }) => listRevisionComments(ctx.db, ctx.org.id, input.revisionId)),
    add: brandProcedure("designs.comment")
      .input(addCommentSchema)
      .mutation(({ ctx, input }) => addRevisionComment(ctx.db, ctx.actor, input)),
  }),
});
