"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { ActivityItem } from "~/components/portal/activity-item";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { Skeleton } from "~/components/ui/skeleton";
import { useTRPC } from "~/trpc/react";

/** The order's activity log: who did what on it, on either side, newest first, twenty at a time. */
export function OrderActivity({ orgId, orderId }: { orgId: string; orderId: string }) {
  const trpc = useTRPC();
  const query = useInfiniteQuery(trpc.order.activity.infiniteQueryOptions({ orgId, orderId, limit: 20 }, { getNextPageParam: (last) => last.nextCursor ?? undefined }));
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card className="mt-4">
      <CardHeader title="Activity" description="Everything done on this order, by either side." />
      <CardBody className="py-2">
        {query.isPending ? (
          <div role="status" aria-label="Loading the activity" className="flex flex-col gap-2 py-2">
            <Skeleton className="h-5 w-3/4" />
            <Skeleton className="h-5 w-2/3" />
          </div>
        ) : query.isError ? (
          <p role="alert" className="py-4 text-sm text-danger">
            The activity could not be loaded. Reload the page to try again.
          </p>
        ) : items.length === 0 ? (
          <p className="py-6 text-center text-sm text-ink-muted">Nothing has happened on this order yet.</p>
        ) : (
          <>
            <ul className="divide-y divide-line">
              {items.map((e) => (
                <ActivityItem key={e.id} event={e} />
              ))}
            </ul>
            {query.hasNextPage && (
              <div className="py-3">
                <Button type="button" size="sm" variant="secondary" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
                  Show older
                </Button>
              </div>
            )}
          </>
        )}
      </CardBody>
    </Card>
  );
}
