import { eq, inArray, sql } from "drizzle-orm";
import { orderNumberLabel } from "~/lib/rfq-schemas";
import type { Queryable } from "../db/client";
import { orderMilestones, orderPlans, organizations, type Order } from "../db/schema";
import { asCounterparty } from "../db/tenant";
import { recordEvent } from "./events";
import { planMilestones } from "./milestone-forecast";
import { loadPlanTemplateIn } from "./plan-templates";
import { DEFAULT_LOAD_DAYS, loadProductionCalendarIn, localDateOf } from "./production-calendar";

/**
 * The milestone plan of a new order, written in the transaction that creates the order (accepting a
 * quote): the workshop's plan template over the order's lead time in the workshop's business days, from
 * the order's day in the workshop's time zone. The promised delivery date is fixed here.
 *
 * The plan is the workshop's: its template and its whole calendar (closures and own holidays, which a
 * brand cannot read) are read, and the rows written, as the workshop, then the transaction switches back
 * to the caller. Both parties read the plan afterwards. Returns the plan row.
 */
export async function createMilestonePlan(tx: Queryable, order: Order, actorId: string | null = order.createdById) {
  const { rows } = await tx.execute<{ org: string | null }>(sql`select nullif(current_setting('app.org_id', true), '') as org`);
  const callerOrgId = rows[0]?.org ?? null;
  if (callerOrgId !== order.brandOrgId && callerOrgId !== order.workshopOrgId) {
    throw new Error("a milestone plan is created inside a transaction of one of the order's parties");
  }
  const names = new Map(
    (await tx.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, [order.brandOrgId, order.workshopOrgId]))).map((o) => [o.id, o.name]),
  );
  const ref = { order: orderNumberLabel(order.year, order.seq), brand: names.get(order.brandOrgId) ?? "", workshop: names.get(order.workshopOrgId) ?? "" };

  const asWorkshop = <T>(fn: () => Promise<T>) => (callerOrgId === order.workshopOrgId ? fn() : asCounterparty(tx, callerOrgId, order.workshopOrgId, fn));
  const plan = await asWorkshop(async () => {
    const template = await loadPlanTemplateIn(tx, order.workshopOrgId);
    const [workshop] = await tx.select({ timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, order.workshopOrgId));
    const orderDate = localDateOf(order.createdAt, workshop?.timeZone ?? "UTC");
    const calendar = await loadProductionCalendarIn(tx, order.workshopOrgId, orderDate, DEFAULT_LOAD_DAYS);
    const planned = planMilestones(calendar, orderDate, order.leadTimeDays, template.steps.map((s) => s.sharePercent));
    const [row] = await tx
      .insert(orderPlans)
      .values({
        orderId: order.id,
        brandOrgId: order.brandOrgId,
        workshopOrgId: order.workshopOrgId,
        orderDate,
        leadTimeDays: order.leadTimeDays,
        promisedDeliveryDate: planned.promisedDeliveryDate,
        forecastDeliveryDate: planned.promisedDeliveryDate,
      })
      .returning();
    await tx.insert(orderMilestones).values(
      template.steps.map((step, position) => ({
        orderId: order.id,
        brandOrgId: order.brandOrgId,
        workshopOrgId: order.workshopOrgId,
        position,
        key: step.key,
        name: step.name,
        sharePercent: step.sharePercent,
        plannedDay: planned.steps[position]!.plannedDay,
        plannedDate: planned.steps[position]!.plannedDate,
        forecastDate: planned.steps[position]!.plannedDate,
        needsApproval: step.needsApproval,
      })),
    );
    const data = { ...ref, promisedDeliveryDate: planned.promisedDeliveryDate, milestones: template.steps.length };
    await recordEvent(tx, { orgId: order.workshopOrgId, actorId, action: "order.planned", subjectType: "order", subjectId: order.id, data });
    return row!;
  });
  const data = { ...ref, promisedDeliveryDate: plan.promisedDeliveryDate, milestones: 0 };
  const asBrand = <T>(fn: () => Promise<T>) => (callerOrgId === order.brandOrgId ? fn() : asCounterparty(tx, callerOrgId, order.brandOrgId, fn));
  const count = await tx.select({ n: sql<number>`count(*)::int` }).from(orderMilestones).where(eq(orderMilestones.orderId, order.id));
  await asBrand(() => recordEvent(tx, { orgId: order.brandOrgId, actorId, action: "order.planned", subjectType: "order", subjectId: order.id, data: { ...data, milestones: count[0]?.n ?? 0 } }));
  return plan;
}
