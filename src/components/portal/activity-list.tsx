"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { History } from "lucide-react";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { FormError } from "~/components/ui/field";
import { Skeleton } from "~/components/ui/skeleton";
import { useTRPC } from "~/trpc/react";
import { ActivityItem } from "./activity-item";

export function ActivityList({ orgId }: { orgId: string }) {
  const trpc = useTRPC();
  const query = useInfiniteQuery(trpc.activity.list.infiniteQueryOptions({ orgId, limit: 25 }, { getNextPageParam: (last) => last.nextCursor }));

  if (query.isPending) {
    return (
      <div className="space-y-3 py-3" role="status" aria-label="Loading activity">
        {Array.from({ length: 5 }, (_, i) => (
          <Skeleton key={i} className="h-6 w-full" />
        ))}
      </div>
    );
  }
  if (query.isError) return <FormError message={query.error.message} />;
  const items = query.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <EmptyState icon={<History />} title="No activity yet" description="Changes to your organization and its members appear here." />;
  return (
    <>
      <ul className="divide-y divide-line">
        {items.map((e) => (
          <ActivityItem key={e.id} event={e} />
        ))}
      </ul>
      {query.hasNextPage && (
        <div className="pt-4 text-center">
          <Button variant="secondary" loading={query.isFetchingNextPage} onClick={() => query.fetchNextPage()}>
            Show older activity
          </Button>
        </div>
      )}
    </>
  );
}
