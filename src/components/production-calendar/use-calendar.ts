"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "~/server/api/root";
import { useTRPC } from "~/trpc/react";

export type CalendarView = inferRouterOutputs<AppRouter>["productionCalendar"]["get"];
export type CalendarDayView = CalendarView["days"][number];

/** The calendar's data and a function that reloads it after an edit. */
export function useCalendar(orgId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.productionCalendar.get.queryOptions({ orgId }));
  const reload = async (): Promise<void> => {
    await queryClient.invalidateQueries({ queryKey: trpc.productionCalendar.get.queryKey({ orgId }) });
  };
  return { query, reload };
}

const dayFormat = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
/** "Mon 22 Mar 2027" for a calendar day (the day itself, whatever the viewer's zone). */
export const formatDay = (date: string) => dayFormat.format(new Date(`${date}T00:00:00Z`));

export function statusText(status: CalendarDayView["status"]): string {
  switch (status.reason) {
    case "weekday":
      return "Working day";
    case "working-day":
      return `Working day: ${status.label ?? "make-up day"}`;
    case "weekend":
      return "Not a working day";
    case "holiday":
      return `Holiday: ${status.label ?? ""}`;
    case "closure":
      return `Closed: ${status.label ?? ""}`;
  }
}
