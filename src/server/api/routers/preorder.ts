import { createTRPCRouter } from "../trpc";

/** The brand's preorder campaigns: list, details, publishing and images. */
export const preorderRouter = createTRPCRouter({});
