import { z } from "zod";
import { APPROVAL_STATES, MILESTONE_KEYS, MILESTONE_STATUSES } from "~/lib/milestones";
import { milestoneApproveSchema, milestoneReasonSchema, milestoneReportSchema, recordBankTransferSchema, requestChangesSchema, shippingSchema } from "~/lib/milestone-schemas";
import { changeMilestone, recordBankTransfer, updateShipping } from "../../services/milestones";
import { getOrderTimeline } from "../../services/milestone-views";
import { brandProcedure, createTRPCRouter, workshopProcedure } from "../trpc";

const orderInput = z.object({ orderId: z.uuid("Unknown order.") });
const day = z.string();
const side = z.enum(["brand", "workshop"]);
const status = z.enum(MILESTONE_STATUSES);

/** What leaves the server about an order's plan: the same for both parties, nothing of either's own. */
const timelineOutput = z.object({
  orderId: z.string(),
  order: z.string(),
  side,
  plan: z.object({
    orderDate: day,
    leadTimeDays: z.number(),
    promisedDeliveryDate: day,
    forecastDeliveryDate: day,
    atRisk: z.boolean(),
    shipping: z.object({
      carrier: z.string(),
      trackingNumber: z.string(),
      shippedOn: day.nullable(),
      customsEnteredOn: day.nullable(),
      customsClearedOn: day.nullable(),
      deliveredOn: day.nullable(),
    }),
  }),
  /** Cancelled or closed: nothing on the plan changes any more. */
  finished: z.boolean(),
  currentMilestoneId: z.string().nullable(),
  milestones: z.array(
    z.object({
      id: z.string(),
      key: z.enum(MILESTONE_KEYS).nullable(),
      name: z.string(),
      position: z.number(),
      status,
      needsApproval: z.boolean(),
      approval: z.enum(APPROVAL_STATES),
      plannedDay: z.number(),
      plannedDate: day,
      forecastDate: day,
      startedOn: day.nullable(),
      completedOn: day.nullable(),
      actions: z.array(z.enum(["start", "block", "complete", "approve", "request_changes", "record_deposit"])),
      updates: z.array(
        z.object({
          id: z.string(),
          action: z.string(),
          toStatus: status,
          note: z.string(),
          happenedOn: day,
          createdAt: z.date(),
          by: z.object({ name: z.string(), org: z.string(), side }),
          photos: z.array(z.object({ id: z.string(), name: z.string(), url: z.string(), thumbUrl: z.string() })),
        }),
      ),
    }),
  ),
});

const changeOutput = z.object({ milestoneId: z.string(), status, updateId: z.string(), expectedDeliveryDate: day, atRisk: z.boolean() });
const shippingOutput = z.object({
  carrier: z.string(),
  trackingNumber: z.string(),
  shippedOn: day.nullable(),
  customsEnteredOn: day.nullable(),
  customsClearedOn: day.nullable(),
  deliveredOn: day.nullable(),
});

const workshopView = workshopProcedure("orders.view");
const workshopReport = workshopProcedure("milestones.report");
const brandView = brandProcedure("orders.view");
const brandApprove = brandProcedure("milestones.approve");

/** An order's milestones: the workshop reports progress and shipping, the brand approves. */
export const milestoneRouter = createTRPCRouter({
  // Workshop side ---------------------------------------------------------------------------------------
  timeline: workshopView.input(orderInput).output(timelineOutput).query(({ ctx, input }) => getOrderTimeline(ctx.db, ctx.org.id, "workshop", input.orderId)),
  start: workshopReport.input(milestoneReportSchema).output(changeOutput).mutation(({ ctx, input }) => changeMilestone(ctx.db, ctx.actor, "workshop", "start", input)),
  complete: workshopReport.input(milestoneReportSchema).output(changeOutput).mutation(({ ctx, input }) => changeMilestone(ctx.db, ctx.actor, "workshop", "complete", input)),
  block: workshopReport.input(milestoneReasonSchema).output(changeOutput).mutation(({ ctx, input }) => changeMilestone(ctx.db, ctx.actor, "workshop", "block", input)),
  recordBankTransfer: workshopProcedure("payments.record")
    .input(recordBankTransferSchema)
    .output(changeOutput)
    .mutation(({ ctx, input }) => recordBankTransfer(ctx.db, ctx.actor, input)),
  updateShipping: workshopReport
    .input(shippingSchema)
    .output(shippingOutput)
    .mutation(async ({ ctx, input }) => {
      const row = await updateShipping(ctx.db, ctx.actor, input);
      return { carrier: row.carrier, trackingNumber: row.trackingNumber, shippedOn: row.shippedOn, customsEnteredOn: row.customsEnteredOn, customsClearedOn: row.customsClearedOn, deliveredOn: row.deliveredOn };
    }),
  // Brand side ------------------------------------------------------------------------------------------
  brandTimeline: brandView.input(orderInput).output(timelineOutput).query(({ ctx, input }) => getOrderTimeline(ctx.db, ctx.org.id, "brand", input.orderId)),
  approve: brandApprove
    .input(milestoneApproveSchema)
    .output(changeOutput)
    .mutation(({ ctx, input }) => changeMilestone(ctx.db, ctx.actor, "brand", "approve", { ...input, photoFileIds: [] })),
  requestChanges: brandApprove
    .input(requestChangesSchema)
    .output(changeOutput)
    .mutation(({ ctx, input }) => changeMilestone(ctx.db, ctx.actor, "brand", "request_changes", { ...input, photoFileIds: [] })),
});
