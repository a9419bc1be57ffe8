import "./zod-config";
import { z } from "zod";
import { MILESTONE_KEYS } from "./milestones";

/** Input schemas of the plan template, shared by its settings form and procedures. */

export const PLAN_STEP_NAME_MAX = 60;
export const PLAN_STEPS_MAX = 20;

export const planTemplateStepSchema = z.object({
  key: z.enum(MILESTONE_KEYS, "Unknown step.").nullable(),
  name: z.string("Name the step.").trim().min(1, "Name the step.").max(PLAN_STEP_NAME_MAX, `Keep the name to ${PLAN_STEP_NAME_MAX} characters.`),
  sharePercent: z
    .number("Give the step's share of the lead time in percent.")
    .int("Use a whole percent.")
    .min(0, "A share cannot be below 0 %.")
    .max(100, "A share cannot be above 100 %."),
  needsApproval: z.boolean(),
});

export const savePlanTemplateSchema = z.object({
  steps: z
    .array(planTemplateStepSchema)
    .min(1, "Keep at least one step.")
    .max(PLAN_STEPS_MAX, `A plan has at most ${PLAN_STEPS_MAX} steps.`)
    .superRefine((steps, ctx) => {
      const total = steps.reduce((a, s) => a + (Number.isFinite(s.sharePercent) ? s.sharePercent : 0), 0);
      if (total !== 100) ctx.addIssue({ code: "custom", message: `The shares add up to ${total} %; make them 100 %.` });
      const seen = new Set<string>();
      steps.forEach((s, i) => {
        const name = s.name.trim().toLowerCase();
        if (seen.has(name)) ctx.addIssue({ code: "custom", message: "Two steps have this name; give each its own.", path: [i, "name"] });
        seen.add(name);
      });
      const keys = steps.map((s) => s.key).filter((k) => k !== null);
      if (new Set(keys).size !== keys.length) ctx.addIssue({ code: "custom", message: "A step of the trade appears twice." });
    }),
});

export type SavePlanTemplateInput = z.infer<typeof savePlanTemplateSchema>;
