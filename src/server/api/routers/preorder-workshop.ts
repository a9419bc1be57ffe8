import { createTRPCRouter } from "../trpc";

/** The campaigns a workshop makes (quantities only, never a customer) and its consent to show its artisans. */
export const preorderWorkshopRouter = createTRPCRouter({});
