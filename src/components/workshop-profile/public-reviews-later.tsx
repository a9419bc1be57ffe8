"use client";

import { useQuery } from "@tanstack/react-query";
import { ReviewCard } from "~/components/orders/review-card";
import { Button } from "~/components/ui/button";
import { TRPCReactProvider, useTRPC } from "~/trpc/react";

/** Review pages 2 to `through` of a public profile, with a tRPC client of their own (public pages have none). */
export default function LaterPages({ slug, through, workshopName }: { slug: string; through: number; workshopName: string }) {
  return (
    <TRPCReactProvider>
      {Array.from({ length: through - 1 }, (_, i) => (
        <LaterPage key={i + 2} slug={slug} page={i + 2} workshopName={workshopName} />
      ))}
    </TRPCReactProvider>
  );
}

/** Pages after the first, fetched on demand; the first comes with the profile. */
function LaterPage({ slug, page, workshopName }: { slug: string; page: number; workshopName: string }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.review.publicList.queryOptions({ slug, page }));
  if (q.isPending) return <li className="px-4 py-4 text-sm text-ink-muted sm:px-6">Loading more reviews…</li>;
  if (q.isError)
    return (
      <li className="flex flex-wrap items-center gap-2 px-4 py-4 text-sm sm:px-6" role="alert">
        These reviews did not load.
        <Button size="sm" variant="secondary" onClick={() => void q.refetch()}>
          Try again
        </Button>
      </li>
    );
  return q.data.items.map((r) => (
    <li key={`${r.createdAt.toISOString()}-${r.brandName}`} className="px-4 py-4 sm:px-6">
      <ReviewCard review={r} workshopName={workshopName} />
    </li>
  ));
}

