"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";

/**
 * The signed-in person on a public page, read in the browser: public pages render the same for everyone
 * (so a shared cache can keep them) and what depends on the session fills in after load. `null` while
 * unknown and when signed out; one request per page load, shared by every component that asks.
 */
export function useSessionUser() {
  const trpc = useTRPC();
  const me = useQuery({ ...trpc.auth.me.queryOptions(), retry: false, staleTime: 60_000, refetchOnWindowFocus: false });
  return { user: me.data ?? null, settled: !me.isPending };
}
