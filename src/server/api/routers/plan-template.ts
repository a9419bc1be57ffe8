import { z } from "zod";
import { MILESTONE_KEYS } from "~/lib/milestones";
import { savePlanTemplateSchema } from "~/lib/plan-template-schemas";
import { getPlanTemplate, resetPlanTemplate, savePlanTemplate } from "../../services/plan-templates";
import { createTRPCRouter, workshopProcedure } from "../trpc";

const planTemplateOutput = z.object({
  steps: z.array(z.object({ key: z.enum(MILESTONE_KEYS).nullable(), name: z.string(), sharePercent: z.number(), needsApproval: z.boolean() })),
  isDefault: z.boolean(),
});

/** The workshop's plan template, in its settings. */
export const planTemplateRouter = createTRPCRouter({
  get: workshopProcedure("planTemplate.view")
    .output(planTemplateOutput)
    .query(({ ctx }) => getPlanTemplate(ctx.db, ctx.org.id)),
  save: workshopProcedure("planTemplate.edit")
    .input(savePlanTemplateSchema)
    .output(planTemplateOutput)
    .mutation(({ ctx, input }) => savePlanTemplate(ctx.db, ctx.actor, input)),
  reset: workshopProcedure("planTemplate.edit")
    .output(planTemplateOutput)
    .mutation(({ ctx }) => resetPlanTemplate(ctx.db, ctx.actor)),
});
