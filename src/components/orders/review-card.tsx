import { formatDay } from "~/components/sample-requests/format";

/** The day of an instant in UTC, so the server and the browser print the same day. */
const dayOf = (d: Date) => formatDay(d.toISOString().slice(0, 10));
import { REVIEW_RATINGS, REVIEW_RATING_LABELS } from "~/lib/review-vocabulary";
import { ReviewStars } from "./review-stars";

export type ReviewShown = {
  brandName: string;
  quality: number;
  communication: number;
  timeliness: number;
  body: string;
  answer: string | null;
  answeredAt: Date | null;
  createdAt: Date;
};

/** One review as both parties and the public see it: who, when, the three ratings, the text and the workshop's answer. */
export function ReviewCard({ review, workshopName }: { review: ReviewShown; workshopName: string }) {
  return (
    <article className="flex min-w-0 flex-col gap-3">
      <header className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <p className="font-medium break-words">{review.brandName}</p>
        <p className="text-sm text-ink-subtle">
          Verified order · <time dateTime={review.createdAt.toISOString()}>{dayOf(review.createdAt)}</time>
        </p>
      </header>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-3">
        {REVIEW_RATINGS.map((r) => (
          <div key={r} className="flex items-center justify-between gap-2 sm:flex-col sm:items-start">
            <dt className="text-ink-muted">{REVIEW_RATING_LABELS[r].title}</dt>
            <dd>
              <ReviewStars value={review[r]} label={REVIEW_RATING_LABELS[r].title} />
            </dd>
          </div>
        ))}
      </dl>
      <p className="text-sm break-words whitespace-pre-line">{review.body}</p>
      {review.answer !== null && (
        <div className="rounded-md border-l-2 border-brass-500 bg-sunken px-3 py-2 text-sm">
          <p className="font-medium">
            Answer from {workshopName}
            {review.answeredAt && <span className="font-normal text-ink-subtle"> · {dayOf(review.answeredAt)}</span>}
          </p>
          <p className="mt-1 break-words whitespace-pre-line">{review.answer}</p>
        </div>
      )}
    </article>
  );
}
