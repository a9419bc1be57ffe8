/** The directory reads published profiles only, which are public on purpose. */
export const publicProcedures = ["directory.search"];
