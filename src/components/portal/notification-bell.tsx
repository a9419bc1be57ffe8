"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Bell, CheckCheck } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { errorMessage } from "~/components/forms/server-errors";
import { cn } from "~/components/ui/cn";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "~/components/ui/dropdown-menu";
import { Skeleton } from "~/components/ui/skeleton";
import { useTRPC } from "~/trpc/react";

const timeAgo = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
function ago(date: Date): string {
  const minutes = Math.round((date.getTime() - Date.now()) / 60_000);
  if (Math.abs(minutes) < 60) return timeAgo.format(minutes, "minute");
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 24) return timeAgo.format(hours, "hour");
  return timeAgo.format(Math.round(hours / 24), "day");
}

/** The bell in the portal header: unread count, the latest notifications, each linking to its page. */
export function NotificationBell({ orgId }: { orgId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const unread = useQuery({ ...trpc.notification.unreadCount.queryOptions({ orgId }), refetchInterval: 60_000 });
  const list = useInfiniteQuery({
    ...trpc.notification.list.infiniteQueryOptions({ orgId, limit: 8 }, { getNextPageParam: (last) => last.nextCursor }),
    enabled: open,
  });
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: trpc.notification.unreadCount.queryKey({ orgId }) }), queryClient.invalidateQueries({ queryKey: trpc.notification.list.pathKey() })]);
  const markRead = useMutation(trpc.notification.markRead.mutationOptions({ onSettled: refresh }));
  const markAll = useMutation(trpc.notification.markAllRead.mutationOptions({ onSettled: refresh }));

  const count = unread.data?.count ?? 0;
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <DropdownMenu
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) void refresh();
      }}
    >
      <DropdownMenuTrigger
        className="relative flex size-9 items-center justify-center rounded-full text-ink-muted hover:bg-sunken hover:text-ink"
        aria-label={count > 0 ? `Notifications, ${count} unread` : "Notifications"}
      >
        <Bell className="size-5" aria-hidden />
        {count > 0 && (
          <span className="absolute -top-0.5 -right-0.5 flex h-4.5 min-w-4.5 items-center justify-center rounded-full bg-brass-600 px-1 text-[0.65rem] leading-none font-semibold text-white" aria-hidden>
            {count > 99 ? "99+" : count}
          </span>
        )}
      </DropdownMenuTrigger>
      <DropdownMenuContent className="w-[min(24rem,calc(100vw-1rem))]">
        <div className="flex items-center justify-between gap-2">
          <DropdownMenuLabel>Notifications</DropdownMenuLabel>
          {count > 0 && (
            <DropdownMenuItem
              className="py-1 text-xs text-brass-700"
              onSelect={(e) => {
                e.preventDefault();
                markAll.mutate({ orgId }, { onError: (err) => toast.error(errorMessage(err)) });
              }}
            >
              <CheckCheck aria-hidden /> Mark all read
            </DropdownMenuItem>
          )}
        </div>
        <DropdownMenuSeparator />
        <div className="max-h-[min(26rem,70dvh)] overflow-y-auto">
          {list.isPending ? (
            <div className="space-y-2 p-2" role="status" aria-label="Loading notifications">
              {[0, 1, 2].map((i) => (
                <Skeleton key={i} className="h-10 w-full" />
              ))}
            </div>
          ) : list.isError ? (
            <p className="p-3 text-sm text-danger">{list.error.message}</p>
          ) : items.length === 0 ? (
            <p className="px-3 py-6 text-center text-sm text-ink-muted">Nothing yet. Sample requests and their answers show up here.</p>
          ) : (
            items.map((n) => (
              <DropdownMenuItem
                key={n.id}
                className="items-start"
                onSelect={() => {
                  if (!n.readAt) markRead.mutate({ orgId, notificationId: n.id });
                  router.push(n.href);
                }}
              >
                <span className={cn("mt-1.5 size-2 shrink-0 rounded-full", n.readAt ? "bg-transparent" : "bg-brass-500")} aria-hidden />
                <span className="min-w-0">
                  <span className={cn("block text-sm", !n.readAt && "font-medium")}>
                    {n.title}
                    {!n.readAt && <span className="sr-only"> (unread)</span>}
                  </span>
                  {n.body && <span className="line-clamp-2 block text-xs text-ink-muted">{n.body}</span>}
                  <span className="block text-xs text-ink-subtle">{ago(n.createdAt)}</span>
                </span>
              </DropdownMenuItem>
            ))
          )}
        </div>
        {list.hasNextPage && (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuItem
              className="justify-center text-brass-700"
              onSelect={(e) => {
                e.preventDefault();
                void list.fetchNextPage();
              }}
            >
              {list.isFetchingNextPage ? "Loading…" : "Show older"}
            </DropdownMenuItem>
          </>
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
