import { z } from "zod";
import { acceptInvitation, getInvitationByToken } from "../../services/invitations";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "../trpc";

const token = z.string().min(10, "This invitation link is not valid.").max(200, "This invitation link is not valid.");

export const invitationRouter = createTRPCRouter({
  /** Whoever holds the link may see whom it invites where; the token is the secret. */
  byToken: publicProcedure.input(z.object({ token })).query(({ ctx, input }) => getInvitationByToken(ctx.db, input.token)),

  accept: protectedProcedure.input(z.object({ token })).mutation(({ ctx, input }) => acceptInvitation(ctx.db, ctx.userId, input.token)),
});
