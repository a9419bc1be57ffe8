import { createTRPCRouter } from "../trpc";

/** A campaign's dashboard (the brand's): figures, reservations, refunds and emails to its customers. */
export const preorderDashboardRouter = createTRPCRouter({});
