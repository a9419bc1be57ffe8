import type { Queryable } from "../db/client";
import { addBusinessDaysFrom, addDays, loadProductionCalendarIn, localDateOf, type LoadedCalendar } from "./production-calendar";

/**
 * The expected delivery date of a quote: its lead time in business days of the workshop's production
 * calendar (working weekdays, public holidays, its own closures and make-up days), counted from today in
 * the workshop's time zone, with the calendar's edges (the start is day 0; a non-working start rolls
 * forward). The one place the comparison and order creation ask.
 */
export async function workshopCalendars(tx: Queryable, workshopOrgIds: string[], now = new Date()): Promise<Map<string, LoadedCalendar>> {
  // A day before today in UTC covers today in every time zone; the default reach covers any lead time quoted.
  const from = addDays(localDateOf(now, "UTC"), -1);
  const calendars = new Map<string, LoadedCalendar>();
  for (const id of new Set(workshopOrgIds)) calendars.set(id, await loadProductionCalendarIn(tx, id, from));
  return calendars;
}

export function expectedDelivery(calendar: LoadedCalendar, leadTimeDays: number, now = new Date()): string {
  return addBusinessDaysFrom(calendar, now, leadTimeDays);
}
