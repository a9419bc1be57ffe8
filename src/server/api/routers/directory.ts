import { directorySearchSchema } from "~/lib/directory-schemas";
import { searchWorkshopsCached } from "../../services/directory";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const directoryRouter = createTRPCRouter({
  /** Open to everyone: only published profiles are searched. */
  search: publicProcedure.input(directorySearchSchema).query(({ ctx, input }) => searchWorkshopsCached(ctx.db, input)),
});
