import { asc, eq, sql } from "drizzle-orm";
import { DEFAULT_PLAN_TEMPLATE, type PlanTemplateStep } from "~/lib/milestones";
import type { SavePlanTemplateInput } from "~/lib/plan-template-schemas";
import type { Db, Queryable } from "../db/client";
import { planTemplateSteps } from "../db/schema";
import { withOrg } from "../db/tenant";
import { recordEvent } from "./events";
import type { Actor } from "./members";

/**
 * A workshop's plan template: the steps a new order's milestone plan starts from. Until the workshop saves
 * its own, DEFAULT_PLAN_TEMPLATE (the steps of the trade) applies; resetting goes back to it.
 */

export type PlanTemplate = { steps: PlanTemplateStep[]; isDefault: boolean };

/** The template of a workshop, inside a transaction that may read it (the workshop's own). */
export async function loadPlanTemplateIn(tx: Queryable, workshopOrgId: string): Promise<PlanTemplate> {
  const rows = await tx
    .select({ key: planTemplateSteps.key, name: planTemplateSteps.name, sharePercent: planTemplateSteps.sharePercent, needsApproval: planTemplateSteps.needsApproval })
    .from(planTemplateSteps)
    .where(eq(planTemplateSteps.orgId, workshopOrgId))
    .orderBy(asc(planTemplateSteps.position));
  if (rows.length === 0) return { steps: DEFAULT_PLAN_TEMPLATE.map((s) => ({ ...s })), isDefault: true };
  return { steps: rows, isDefault: false };
}

export async function getPlanTemplate(db: Db, orgId: string): Promise<PlanTemplate> {
  return withOrg(db, orgId, (tx) => loadPlanTemplateIn(tx, orgId));
}

/** Two saves of one template at once: the second waits and replaces the first whole. */
async function lockTemplate(tx: Queryable, orgId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('plan_template'), hashtext(${orgId}))`);
}

/** Replaces the whole template (the form edits the list and saves it): steps in the order given. */
export async function savePlanTemplate(db: Db, actor: Actor, input: SavePlanTemplateInput): Promise<PlanTemplate> {
  return withOrg(db, actor.orgId, async (tx) => {
    await lockTemplate(tx, actor.orgId);
    await tx.delete(planTemplateSteps).where(eq(planTemplateSteps.orgId, actor.orgId));
    await tx.insert(planTemplateSteps).values(
      input.steps.map((s, position) => ({ orgId: actor.orgId, position, key: s.key, name: s.name, sharePercent: s.sharePercent, needsApproval: s.needsApproval })),
    );
    await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "plan_template.saved", subjectType: "plan_template", subjectId: actor.orgId, data: { steps: input.steps.length } });
    return loadPlanTemplateIn(tx, actor.orgId);
  });
}

/** Back to the default steps. */
export async function resetPlanTemplate(db: Db, actor: Actor): Promise<PlanTemplate> {
  return withOrg(db, actor.orgId, async (tx) => {
    await lockTemplate(tx, actor.orgId);
    await tx.delete(planTemplateSteps).where(eq(planTemplateSteps.orgId, actor.orgId));
    await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "plan_template.reset", subjectType: "plan_template", subjectId: actor.orgId });
    return loadPlanTemplateIn(tx, actor.orgId);
  });
}
