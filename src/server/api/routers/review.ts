import { z } from "zod";
import { answerReviewSchema, leaveReviewSchema, publicReviewsSchema } from "~/lib/review-schemas";
import { answerReview, getOrderReview, leaveReview, listPublicReviews } from "../../services/reviews";
import { brandProcedure, createTRPCRouter, publicProcedure, workshopProcedure } from "../trpc";

const orderInput = z.object({ orderId: z.uuid("Unknown order.") });

/** What leaves the server about a review: what the public profile shows too, nothing of either party's own. */
const reviewOutput = z.object({
  brandName: z.string(),
  quality: z.number(),
  communication: z.number(),
  timeliness: z.number(),
  body: z.string(),
  answer: z.string().nullable(),
  answeredAt: z.date().nullable(),
  createdAt: z.date(),
});

const orderReviewOutput = z.object({
  deliveredOn: z.string().nullable(),
  workshopName: z.string(),
  review: reviewOutput.nullable(),
  canReview: z.boolean(),
  canAnswer: z.boolean(),
});

const publicListOutput = z.object({ items: z.array(reviewOutput), page: z.number(), pageSize: z.number(), total: z.number() });

/** Reviews of delivered orders: the brand reviews once, the workshop answers once, the public reads. */
export const reviewRouter = createTRPCRouter({
  forBrandOrder: brandProcedure("orders.view")
    .input(orderInput)
    .output(orderReviewOutput)
    .query(({ ctx, input }) => getOrderReview(ctx.db, ctx.org.id, "brand", input.orderId)),
  leave: brandProcedure("reviews.write")
    .input(leaveReviewSchema)
    .output(reviewOutput)
    .mutation(({ ctx, input }) => leaveReview(ctx.db, ctx.actor, input)),
  forWorkshopOrder: workshopProcedure("orders.view")
    .input(orderInput)
    .output(orderReviewOutput)
    .query(({ ctx, input }) => getOrderReview(ctx.db, ctx.org.id, "workshop", input.orderId)),
  answer: workshopProcedure("reviews.write")
    .input(answerReviewSchema)
    .output(reviewOutput)
    .mutation(({ ctx, input }) => answerReview(ctx.db, ctx.actor, input)),
  /** A published workshop's published reviews, a page at a time, for everyone. */
  publicList: publicProcedure
    .input(publicReviewsSchema)
    .output(publicListOutput)
    .query(({ ctx, input }) => listPublicReviews(ctx.db, input.slug, input.page)),
});
