import { createTRPCRouter, publicProcedure } from "../trpc";

export const healthRouter = createTRPCRouter({
  /**
   * Answers without touching the database: for load-balancer liveness checks, and as the floor the
   * directory benchmark compares against (the cost of HTTP + Next.js + tRPC alone).
   */
  ping: publicProcedure.query(() => ({ ok: true as const })),
});
