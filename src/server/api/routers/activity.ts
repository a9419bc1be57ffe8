import { z } from "zod";
import { withOrg } from "../../db/tenant";
import { listEvents } from "../../services/events";
import { listCursorSchema } from "../list-cursor";
import { createTRPCRouter, orgProcedure } from "../trpc";

export const activityRouter = createTRPCRouter({
  list: orgProcedure("activity.view")
    .input(
      z.object({
        limit: z.number().int().min(1).max(100).default(25),
        cursor: listCursorSchema.nullish(),
      }),
    )
    .query(({ ctx, input }) => withOrg(ctx.db, ctx.org.id, (tx) => listEvents(tx, ctx.org.id, input))),
});
