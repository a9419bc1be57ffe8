import { emailPreferencesSchema } from "~/lib/schemas";
import { getEmailPreferences, updateEmailPreferences } from "../../services/account";
import { createTRPCRouter, protectedProcedure } from "../trpc";

/** The signed-in user's own settings; no organization's data. */
export const accountRouter = createTRPCRouter({
  emailPreferences: protectedProcedure.query(({ ctx }) => getEmailPreferences(ctx.db, ctx.userId)),

  updateEmailPreferences: protectedProcedure.input(emailPreferencesSchema).mutation(({ ctx, input }) => updateEmailPreferences(ctx.db, ctx.userId, input)),
});
