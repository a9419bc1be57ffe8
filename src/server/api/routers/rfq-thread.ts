import { z } from "zod";
import { invitationId, messageSchema } from "~/lib/rfq-schemas";
import { postMessage, readThread } from "../../services/rfq-messages";
import { getOrder, listOrders } from "../../services/rfq-views";
import { createTRPCRouter, orgProcedure } from "../trpc";
import { orderListOutput, orderOutput, threadOutput } from "./rfq-output";

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
  list: orgProcedure("orders.view")
    .input(z.object({ page: z.number().int().min(1).max(10_000).default(1) }))
    .output(orderListOutput)
    .query(({ ctx, input }) => listOrders(ctx.db, ctx.org.id, input)),

  get: orgProcedure("orders.view")
    .input(z.object({ orderId: z.uuid("Unknown order.") }))
    .output(orderOutput)
    .query(({ ctx, input }) => getOrder(ctx.db, ctx.org.id, input.orderId)),
});
