import { z } from "zod";
import {
  artisanIdSchema,
  artisanSchema,
  pieceIdSchema,
  portfolioPieceSchema,
  profileDetailsSchema,
  publicProfileInputSchema,
  reorderArtisansSchema,
  reorderPiecesSchema,
} from "~/lib/workshop-profile-schemas";
import {
  createArtisan,
  createPortfolioPiece,
  removeArtisan,
  removePortfolioPiece,
  reorderArtisans,
  reorderPortfolioPieces,
  updateArtisan,
  updatePortfolioPiece,
} from "../../services/workshop-profile-items";
import { getProfileForEditor, getPublicProfile, publishProfile, unpublishProfile, updateProfileDetails } from "../../services/workshop-profiles";
import { currentSlugOfPublishedWorkshop } from "../../services/organizations";
import { createTRPCRouter, publicProcedure, workshopProcedure } from "../trpc";

const view = workshopProcedure("workshopProfile.view");
const edit = workshopProcedure("workshopProfile.edit");
const publish = workshopProcedure("workshopProfile.publish");

export const workshopProfileRouter = createTRPCRouter({
  get: view.query(({ ctx }) => getProfileForEditor(ctx.db, ctx.org.id)),

  update: edit.input(profileDetailsSchema).mutation(({ ctx, input }) => updateProfileDetails(ctx.db, ctx.actor, input)),

  publish: publish.mutation(({ ctx }) => publishProfile(ctx.db, ctx.actor)),
  unpublish: publish.mutation(({ ctx }) => unpublishProfile(ctx.db, ctx.actor)),

  artisans: createTRPCRouter({
    create: edit.input(artisanSchema).mutation(({ ctx, input }) => createArtisan(ctx.db, ctx.actor, input)),
    update: edit
      .input(artisanSchema.extend(artisanIdSchema.shape))
      .mutation(({ ctx, input }) => updateArtisan(ctx.db, ctx.actor, input)),
    remove: edit.input(artisanIdSchema).mutation(({ ctx, input }) => removeArtisan(ctx.db, ctx.actor, input)),
    reorder: edit.input(reorderArtisansSchema).mutation(({ ctx, input }) => reorderArtisans(ctx.db, ctx.actor, input)),
  }),

  portfolio: createTRPCRouter({
    create: edit.input(portfolioPieceSchema).mutation(({ ctx, input }) => createPortfolioPiece(ctx.db, ctx.actor, input)),
    update: edit
      .input(portfolioPieceSchema.extend(pieceIdSchema.shape))
      .mutation(({ ctx, input }) => updatePortfolioPiece(ctx.db, ctx.actor, input)),
    remove: edit.input(pieceIdSchema).mutation(({ ctx, input }) => removePortfolioPiece(ctx.db, ctx.actor, input)),
    reorder: edit.input(reorderPiecesSchema).mutation(({ ctx, input }) => reorderPortfolioPieces(ctx.db, ctx.actor, input)),
  }),

  /** A published workshop's profile for everyone, signed in or not. */
  public: publicProcedure.input(publicProfileInputSchema).query(({ ctx, input }) => getPublicProfile(ctx.db, input.slug)),

  /** Where an old public profile address leads now (after the workshop changed its slug), while published; or null. */
  renamedPublic: publicProcedure
    .input(publicProfileInputSchema)
    .output(z.object({ slug: z.string() }).nullable())
    .query(async ({ ctx, input }) => {
      const slug = await currentSlugOfPublishedWorkshop(ctx.db, input.slug);
      return slug ? { slug } : null;
    }),
});
