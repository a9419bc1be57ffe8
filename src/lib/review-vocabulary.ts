/**
 * What a review rates and its limits, without zod: the public profile's review cards read these in the browser,
 * which then loads no schema library. The input schemas are in review-schemas.ts.
 */

export const REVIEW_LIMITS = { bodyMin: 20, body: 3_000, answer: 2_000 } as const;
export const PUBLIC_REVIEWS_PAGE_SIZE = 5;

/** What a review rates, in the order forms and pages show it. */
export const REVIEW_RATINGS = ["quality", "communication", "timeliness"] as const;
export type ReviewRating = (typeof REVIEW_RATINGS)[number];
export const REVIEW_RATING_LABELS: Record<ReviewRating, { title: string; description: string }> = {
  quality: { title: "Quality", description: "The pieces: finish, setting, fit to the design." },
  communication: { title: "Communication", description: "Answers, updates and photos along the way." },
  timeliness: { title: "Timeliness", description: "Delivered when promised, or told early when not." },
};
