import { z } from "zod";
import { listNotifications, markAllNotificationsRead, markNotificationRead, unreadNotificationCount } from "../../services/notifications";
import { listCursorSchema } from "../list-cursor";
import { createTRPCRouter, orgProcedure } from "../trpc";

export const notificationRouter = createTRPCRouter({
  list: orgProcedure("notifications.view")
    .input(
      z.object({
        limit: z.number().int().min(1).max(50).default(10),
        cursor: listCursorSchema.nullish(),
      }),
    )
    .query(({ ctx, input }) => listNotifications(ctx.db, ctx.actor, input)),

  unreadCount: orgProcedure("notifications.view").query(async ({ ctx }) => ({ count: await unreadNotificationCount(ctx.db, ctx.actor) })),

  markRead: orgProcedure("notifications.view")
    .input(z.object({ notificationId: z.uuid("Unknown notification.") }))
    .mutation(({ ctx, input }) => markNotificationRead(ctx.db, ctx.actor, input.notificationId)),

  markAllRead: orgProcedure("notifications.view").mutation(({ ctx }) => markAllNotificationsRead(ctx.db, ctx.actor)),
});
