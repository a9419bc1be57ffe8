"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { ReviewCard, type ReviewShown } from "~/components/orders/review-card";
import { ReviewStars } from "~/components/orders/review-stars";

type Page = { items: ReviewShown[]; page: number; pageSize: number; total: number };
type Averages = { quality: number; communication: number; timeliness: number } | null;

// Later pages come through the tRPC client, which is downloaded only when someone asks for more reviews.
const LaterPages = dynamic(() => import("./public-reviews-later"), {
  loading: () => <li className="px-4 py-4 text-sm text-ink-muted sm:px-6">Loading more reviews…</li>,
});

/** Reviews from brands whose orders were delivered, newest first, with the workshop's answers and the averages. */
export function PublicReviews({ slug, workshopName, first, averages }: { slug: string; workshopName: string; first: Page; averages: Averages }) {
  const [pages, setPages] = useState(1);
  const lastPage = Math.max(1, Math.ceil(first.total / first.pageSize));
  return (
    <section aria-labelledby="reviews-heading">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="reviews-heading" className="text-lg font-semibold">
          Reviews
        </h2>
        {first.total > 0 && (
          <p className="text-sm text-ink-muted">
            {first.total} verified review{first.total === 1 ? "" : "s"} from delivered orders
          </p>
        )}
      </div>
      {first.total === 0 ? (
        <p className="text-sm text-ink-muted">No reviews yet. Brands review an order once it is delivered.</p>
      ) : (
        <div className="rounded-lg border border-line bg-surface shadow-card">
          {averages && (
            <div className="grid gap-2 border-b border-line px-5 py-5 text-sm sm:grid-cols-3">
              {(
                [
                  ["Quality", averages.quality],
                  ["Communication", averages.communication],
                  ["Timeliness", averages.timeliness],
                ] as const
              ).map(([label, value]) => (
                <p key={label} className="flex items-center justify-between gap-2 sm:flex-col sm:items-start">
                  <span className="text-ink-muted">{label}</span>
                  <span className="inline-flex items-center gap-2 font-medium">
                    <ReviewStars value={value} label={`${label} average`} /> {value.toFixed(1)}
                  </span>
                </p>
              ))}
            </div>
          )}
          <ul className="divide-y divide-line">
            {first.items.map((r) => (
              <li key={`${r.createdAt.toISOString()}-${r.brandName}`} className="px-4 py-4 sm:px-6">
                <ReviewCard review={r} workshopName={workshopName} />
              </li>
            ))}
            {pages > 1 && <LaterPages slug={slug} through={pages} workshopName={workshopName} />}
          </ul>
          {pages < lastPage && (
            <div className="border-t border-line px-4 py-3 sm:px-6">
              <button type="button" className="btn btn-secondary h-8 px-3" onClick={() => setPages((p) => p + 1)}>
                Show more reviews
              </button>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
