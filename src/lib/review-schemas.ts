import "./zod-config";
import { z } from "zod";
import { REVIEW_LIMITS } from "./review-vocabulary";

/** Input schemas of reviews, shared by the forms and the procedures. */

export * from "./review-vocabulary";

const rating = (what: string) =>
  z.coerce
    .number(`Rate ${what} from 1 to 5.`)
    .int(`Rate ${what} from 1 to 5.`)
    .min(1, `Rate ${what} from 1 to 5.`)
    .max(5, `Rate ${what} from 1 to 5.`);

const orderId = z.uuid("Unknown order.");

export const leaveReviewSchema = z.object({
  orderId,
  quality: rating("the quality"),
  communication: rating("the communication"),
  timeliness: rating("the timeliness"),
  body: z
    .string("Write a few words about the order.")
    .trim()
    .min(REVIEW_LIMITS.bodyMin, `Write at least ${REVIEW_LIMITS.bodyMin} characters about the order.`)
    .max(REVIEW_LIMITS.body, `Keep the review to ${REVIEW_LIMITS.body} characters.`),
});
export type LeaveReviewInput = z.infer<typeof leaveReviewSchema>;

export const answerReviewSchema = z.object({
  orderId,
  answer: z.string("Write your answer.").trim().min(1, "Write your answer.").max(REVIEW_LIMITS.answer, `Keep the answer to ${REVIEW_LIMITS.answer} characters.`),
});
export type AnswerReviewInput = z.infer<typeof answerReviewSchema>;

export const publicReviewsSchema = z.object({
  slug: z.string("Unknown workshop.").trim().min(1, "Unknown workshop.").max(100, "Unknown workshop."),
  page: z.number().int().min(1).max(10_000).default(1),
});
