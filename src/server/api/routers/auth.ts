import { z } from "zod";
import { changePasswordSchema, requestPasswordResetSchema, resetPasswordSchema, signUpSchema, verifyEmailSchema } from "~/lib/schemas";
import { resendVerification, verifyEmail } from "../../services/email-verification";
import { endAllSessions } from "../../services/sessions";
import { changePassword, requestPasswordReset, resetLinkUsable, resetPassword, signUp } from "../../services/users";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "../trpc";

const publicUser = z.object({ id: z.uuid(), name: z.string(), email: z.string(), emailVerified: z.boolean() });
const ok = z.object({ ok: z.literal(true) });

export const authRouter = createTRPCRouter({
  /** The same answer whether or not the email already has an account. */
  signUp: publicProcedure
    .input(signUpSchema.extend({ callbackUrl: z.string().max(500, "This link is too long.").optional() }))
    .output(z.object({ email: z.string() }))
    .mutation(({ ctx, input }) => signUp(ctx.db, { ...input, ip: ctx.ip })),

  requestPasswordReset: publicProcedure
    .input(requestPasswordResetSchema)
    .output(ok)
    .mutation(async ({ ctx, input }) => {
      await requestPasswordReset(ctx.db, { email: input.email, ip: ctx.ip });
      return { ok: true as const };
    }),

  /** Checked when the reset page opens, so a dead link says so before anything is typed. */
  resetLinkStatus: publicProcedure
    .input(z.object({ token: z.string().max(500, "This reset link is not valid.") }))
    .output(z.object({ usable: z.boolean() }))
    .query(async ({ ctx, input }) => {
      const parsed = resetPasswordSchema.shape.token.safeParse(input.token);
      return { usable: parsed.success && (await resetLinkUsable(ctx.db, input.token)) };
    }),

  resetPassword: publicProcedure
    .input(resetPasswordSchema)
    .output(ok)
    .mutation(async ({ ctx, input }) => {
      await resetPassword(ctx.db, input);
      return { ok: true as const };
    }),

  verifyEmail: publicProcedure
    .input(verifyEmailSchema)
    .output(z.object({ email: z.string() }))
    .mutation(({ ctx, input }) => verifyEmail(ctx.db, input.token)),

  resendVerification: protectedProcedure
    .output(z.object({ sent: z.boolean() }))
    .mutation(({ ctx }) => resendVerification(ctx.db, ctx.userId, ctx.ip)),

  /** Ends every session of the account, this one included. */
  signOutEverywhere: protectedProcedure.output(ok).mutation(async ({ ctx }) => {
    await endAllSessions(ctx.db, ctx.userId);
    return { ok: true as const };
  }),

  /** Every session ends, this one included: the client signs in again with the new password. */
  changePassword: protectedProcedure
    .input(changePasswordSchema)
    .output(ok)
    .mutation(async ({ ctx, input }) => {
      await changePassword(ctx.db, ctx.userId, input);
      return { ok: true as const };
    }),

  /** The signed-in user, with the organization used last (where a workshop profile preselects a brand). */
  me: protectedProcedure
    .output(publicUser.extend({ lastOrgId: z.uuid().nullable() }))
    .query(({ ctx }) => ({ id: ctx.user.id, name: ctx.user.name, email: ctx.user.email, emailVerified: ctx.user.emailVerifiedAt !== null, lastOrgId: ctx.user.lastOrgId })),
});
