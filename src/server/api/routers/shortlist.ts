import { z } from "zod";
import { COMPARE_MAX, COMPARE_MIN, shortlistTagSchema, updateShortlistEntrySchema } from "~/lib/shortlist-schemas";
import { addToShortlist, compareShortlist, getShortlistEntryFor, listShortlist, removeFromShortlist, updateShortlistEntry } from "../../services/shortlist";
import { brandProcedure, createTRPCRouter } from "../trpc";

const workshopOrgId = z.uuid("Unknown workshop.");
const entryId = z.uuid("Unknown shortlist entry.");

export const shortlistRouter = createTRPCRouter({
  list: brandProcedure("shortlist.view")
    .input(z.object({ tag: shortlistTagSchema.nullish(), page: z.number().int().min(1).max(10_000).default(1) }))
    .query(({ ctx, input }) => listShortlist(ctx.db, ctx.org.id, input)),

  entryFor: brandProcedure("shortlist.view")
    .input(z.object({ workshopOrgId }))
    .query(({ ctx, input }) => getShortlistEntryFor(ctx.db, ctx.org.id, input.workshopOrgId)),

  add: brandProcedure("shortlist.edit")
    .input(z.object({ workshopOrgId }))
    .mutation(({ ctx, input }) => addToShortlist(ctx.db, ctx.actor, input)),

  remove: brandProcedure("shortlist.edit")
    .input(z.object({ entryId }))
    .mutation(({ ctx, input }) => removeFromShortlist(ctx.db, ctx.actor, input)),

  update: brandProcedure("shortlist.edit")
    .input(updateShortlistEntrySchema)
    .mutation(({ ctx, input }) => updateShortlistEntry(ctx.db, ctx.actor, input)),

  compare: brandProcedure("shortlist.view")
    .input(
      z.object({
        entryIds: z
          .array(entryId)
          .min(COMPARE_MIN, `Choose at least ${COMPARE_MIN} workshops to compare.`)
          .max(COMPARE_MAX, `Compare at most ${COMPARE_MAX} workshops at a time.`),
      }),
    )
    .query(({ ctx, input }) => compareShortlist(ctx.db, ctx.org.id, input.entryIds)),
});
