import { z } from "zod";
import { invitationId, messageSchema } from "~/lib/rfq-schemas";
import { postMessage, readThread } from "../../services/rfq-messages";
import { availableOrderStatusActions, cancelOrderSchema, closeOrderSchema } from "~/lib/order-status";
import { ORDER_STATUSES } from "~/lib/rfq-schemas";
import { cancelOrder, closeOrder } from "../../services/order-status";
import { getOrder } from "../../services/rfq-views";
import { brandProcedure, createTRPCRouter, orgProcedure } from "../trpc";
import { orderListProcedures } from "./order-lists";
import { orderOutput, threadOutput } from "./rfq-output";

/** The thread of an invitation, for its two parties. */
export const rfqThreadRouter = createTRPCRouter({
  list: orgProcedure("rfqThreads.use")
    .input(z.object({ invitationId }))
    .output(threadOutput)
    .query(({ ctx, input }) => readThread(ctx.db, ctx.actor, input)),

  post: orgProcedure("rfqThreads.use")
    .input(messageSchema)
    .output(z.object({ id: z.uuid() }))
    .mutation(async ({ ctx, input }) => ({ id: (await postMessage(ctx.db, ctx.actor, input)).id })),
});

/** Orders, for both parties. */
export const orderRouter = createTRPCRouter({
  ...orderListProcedures,

  get: orgProcedure("orders.view")
    .input(z.object({ orderId: z.uuid("Unknown order.") }))
    .output(orderOutput)
    .query(async ({ ctx, input }) => {
      const order = await getOrder(ctx.db, ctx.org.id, input.orderId);
      return { ...order, statusActions: availableOrderStatusActions(order.stage, order.brand.id === ctx.org.id ? "brand" : "workshop", ctx.actor.role) };
    }),

  /** Either party cancels, with a reason, as the rule in src/server/services/order-status.ts allows. */
  cancel: orgProcedure("orders.cancel")
    .input(cancelOrderSchema)
    .output(z.object({ orderId: z.uuid(), status: z.enum(ORDER_STATUSES), stage: z.literal("cancelled"), cancelReason: z.string(), cancelledAt: z.date() }))
    .mutation(({ ctx, input }) => cancelOrder(ctx.db, ctx.actor, input)),

  /** The brand closes a delivered order. */
  close: brandProcedure("orders.close")
    .input(closeOrderSchema)
    .output(z.object({ orderId: z.uuid(), status: z.enum(ORDER_STATUSES), stage: z.literal("closed"), closedAt: z.date() }))
    .mutation(({ ctx, input }) => closeOrder(ctx.db, ctx.actor, input)),
});
