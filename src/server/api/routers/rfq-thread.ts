import { z } from "zod";
import { invitationId, messageSchema } from "~/lib/rfq-schemas";
import { postMessage, readThread } from "../../services/rfq-messages";
import { getOrder } from "../../services/rfq-views";
import { createTRPCRouter, orgProcedure } from "../trpc";
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
    .query(({ ctx, input }) => getOrder(ctx.db, ctx.org.id, input.orderId)),
});
