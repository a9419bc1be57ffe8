import { and, asc, eq, inArray } from "drizzle-orm";
import { fileUrl } from "~/lib/files";
import { orderNumberLabel } from "~/lib/rfq-schemas";
import type { Db } from "../db/client";
import { files, orderMilestonePhotos, orderMilestoneUpdates, orderMilestones, orderPlans, orders, organizations, users } from "../db/schema";
import { withOrg } from "../db/tenant";
import { availableMilestoneActions, orderNotFound, type OrderSide } from "./milestones";
import { currentStepIndex } from "./milestone-forecast";

/**
 * An order's timeline for one of its two parties: the plan (promise, forecast, at risk, shipping), each
 * milestone's planned, forecast and actual dates with the actions this side may take, and every update
 * with its note, photos and who did it. Three queries and two lookups, whatever the number of rows.
 */
export async function getOrderTimeline(db: Db, orgId: string, side: OrderSide, orderId: string) {
  return withOrg(db, orgId, async (tx) => {
    const [plan] = await tx
      .select({ plan: orderPlans, year: orders.year, seq: orders.seq, status: orders.status })
      .from(orderPlans)
      .innerJoin(orders, eq(orders.id, orderPlans.orderId))
      .where(and(eq(orderPlans.orderId, orderId), eq(side === "brand" ? orderPlans.brandOrgId : orderPlans.workshopOrgId, orgId)));
    if (!plan) throw orderNotFound();
    // A cancelled or closed order's plan is not reported on any more.
    const finished = plan.status === "cancelled" || plan.status === "completed";
    const milestones = await tx.select().from(orderMilestones).where(eq(orderMilestones.orderId, orderId)).orderBy(asc(orderMilestones.position));
    const updates = await tx
      .select({ update: orderMilestoneUpdates, authorName: users.name, authorOrgName: organizations.name })
      .from(orderMilestoneUpdates)
      .leftJoin(users, eq(users.id, orderMilestoneUpdates.authorId))
      .innerJoin(organizations, eq(organizations.id, orderMilestoneUpdates.authorOrgId))
      .where(eq(orderMilestoneUpdates.orderId, orderId))
      .orderBy(asc(orderMilestoneUpdates.createdAt), asc(orderMilestoneUpdates.id));
    const photos =
      updates.length === 0
        ? []
        : await tx
            .select({ updateId: orderMilestonePhotos.updateId, fileId: orderMilestonePhotos.fileId, position: orderMilestonePhotos.position, name: files.originalName, variants: files.variants })
            .from(orderMilestonePhotos)
            .innerJoin(files, eq(files.id, orderMilestonePhotos.fileId))
            .where(inArray(orderMilestonePhotos.updateId, updates.map((u) => u.update.id)))
            .orderBy(asc(orderMilestonePhotos.position));
    const current = currentStepIndex(milestones);
    const sideOf = (authorOrgId: string): OrderSide => (authorOrgId === plan.plan.brandOrgId ? "brand" : "workshop");
    return {
      orderId,
      order: orderNumberLabel(plan.year, plan.seq),
      side,
      finished,
      plan: {
        orderDate: plan.plan.orderDate,
        leadTimeDays: plan.plan.leadTimeDays,
        promisedDeliveryDate: plan.plan.promisedDeliveryDate,
        forecastDeliveryDate: plan.plan.forecastDeliveryDate,
        atRisk: plan.plan.atRisk,
        shipping: {
          carrier: plan.plan.carrier,
          trackingNumber: plan.plan.trackingNumber,
          shippedOn: plan.plan.shippedOn,
          customsEnteredOn: plan.plan.customsEnteredOn,
          customsClearedOn: plan.plan.customsClearedOn,
          deliveredOn: plan.plan.deliveredOn,
        },
      },
      currentMilestoneId: current === null ? null : milestones[current]!.id,
      milestones: milestones.map((m, i) => ({
        id: m.id,
        key: m.key,
        name: m.name,
        position: m.position,
        status: m.status,
        needsApproval: m.needsApproval,
        approval: m.approval,
        plannedDay: m.plannedDay,
        plannedDate: m.plannedDate,
        forecastDate: m.forecastDate,
        startedOn: m.startedOn,
        completedOn: m.completedOn,
        actions: finished ? [] : availableMilestoneActions(m, side, milestones.slice(0, i).every((e) => e.status === "completed" || e.status === "awaiting_approval")),
        updates: updates
          .filter((u) => u.update.milestoneId === m.id)
          .map((u) => ({
            id: u.update.id,
            action: u.update.action,
            toStatus: u.update.toStatus,
            note: u.update.note,
            happenedOn: u.update.happenedOn,
            createdAt: u.update.createdAt,
            by: { name: u.authorName ?? "A former member", org: u.authorOrgName, side: sideOf(u.update.authorOrgId) },
            photos: photos
              .filter((p) => p.updateId === u.update.id)
              .map((p) => ({ id: p.fileId, name: p.name, url: fileUrl(p.fileId, "display"), thumbUrl: p.variants.thumb ? fileUrl(p.fileId, "thumb") : fileUrl(p.fileId) })),
          })),
      })),
    };
  });
}

export type OrderTimeline = Awaited<ReturnType<typeof getOrderTimeline>>;
