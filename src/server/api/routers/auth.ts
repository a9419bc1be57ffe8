import { z } from "zod";
import { requestPasswordResetSchema, resetPasswordSchema, signUpSchema } from "~/lib/schemas";
import { requestPasswordReset, resetPassword, signUp } from "../../services/users";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "../trpc";

const publicUser = z.object({ id: z.uuid(), name: z.string(), email: z.string() });

export const authRouter = createTRPCRouter({
  signUp: publicProcedure
    .input(signUpSchema)
    .output(publicUser)
    .mutation(({ ctx, input }) => signUp(ctx.db, input)),

  requestPasswordReset: publicProcedure
    .input(requestPasswordResetSchema)
    .mutation(async ({ ctx, input }) => {
      await requestPasswordReset(ctx.db, input.email);
      return { ok: true as const };
    }),

  resetPassword: publicProcedure.input(resetPasswordSchema).mutation(async ({ ctx, input }) => {
    await resetPassword(ctx.db, input);
    return { ok: true as const };
  }),

  /** The signed-in user, with the organization used last (where a workshop profile preselects a brand). */
  me: protectedProcedure
    .output(publicUser.extend({ lastOrgId: z.uuid().nullable() }))
    .query(({ ctx }) => ({ id: ctx.user.id, name: ctx.user.name, email: ctx.user.email, lastOrgId: ctx.user.lastOrgId })),
});
