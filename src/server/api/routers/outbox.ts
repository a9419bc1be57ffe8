import { outboxEnabled } from "~/env";
import { notFound } from "../../errors";
import { listOutbox } from "../../services/email";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const outboxRouter = createTRPCRouter({
  /** The last emails the app sent, for development and tests; does not exist in production. */
  list: publicProcedure.query(({ ctx }) => {
    if (!outboxEnabled) throw notFound("Outbox");
    return listOutbox(ctx.db, 50);
  }),
});
