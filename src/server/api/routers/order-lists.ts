import { z } from "zod";
import { orderFiltersSchema, orderListInputSchema } from "~/lib/order-list-schemas";
import { listOrderActivity } from "../../services/order-activity";
import { brandOrderDashboard, workshopOrderDashboard } from "../../services/order-dashboards";
import { exportOrdersCsv, listOrderPage } from "../../services/order-lists";
import { listCursorSchema } from "../list-cursor";
import { brandProcedure, orgProcedure, workshopProcedure } from "../trpc";
import { brandDashboardOutput, orderActivityOutput, orderExportOutput, orderPageOutput, workshopDashboardOutput } from "./order-output";

/** The orders lists, the CSV export, the dashboards and an order's activity log, for both parties. */
export const orderListProcedures = {
  list: orgProcedure("orders.view")
    .input(orderListInputSchema)
    .output(orderPageOutput)
    .query(({ ctx, input }) => listOrderPage(ctx.db, ctx.actor, input)),

  exportCsv: orgProcedure("orders.view")
    .input(z.object({ filters: orderFiltersSchema.default({ sort: "newest" }) }))
    .output(orderExportOutput)
    .query(({ ctx, input }) => exportOrdersCsv(ctx.db, ctx.actor, input)),

  brandDashboard: brandProcedure("orders.view")
    .output(brandDashboardOutput)
    .query(({ ctx }) => brandOrderDashboard(ctx.db, ctx.actor)),

  workshopDashboard: workshopProcedure("orders.view")
    .output(workshopDashboardOutput)
    .query(({ ctx }) => workshopOrderDashboard(ctx.db, ctx.actor)),

  activity: orgProcedure("orders.view")
    .input(z.object({ orderId: z.uuid("Unknown order."), limit: z.number().int().min(1).max(100).default(20), cursor: listCursorSchema.nullish() }))
    .output(orderActivityOutput)
    .query(({ ctx, input }) => listOrderActivity(ctx.db, ctx.org.id, input)),
};
