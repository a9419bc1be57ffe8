import { directorySearchSchema } from "~/lib/directory-schemas";
import { searchWorkshops } from "../../services/directory";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const directoryRouter = createTRPCRouter({
  /** Open to everyone: only published profiles are searched. */
  search: publicProcedure.input(directorySearchSchema).query(({ ctx, input }) => searchWorkshops(ctx.db, input)),
});
