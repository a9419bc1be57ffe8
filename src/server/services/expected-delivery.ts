import type { Queryable } from "../db/client";
import { addBusinessDaysFrom, addDays, calendarFromRows, loadCalendarRowsFor, localDateOf, type LoadedCalendar } from "./production-calendar";

/**
 * The expected delivery date of a quote: its lead time in business days of the workshop's production
 * calendar (working weekdays, public holidays, its own closures and make-up days), counted from today in
 * the workshop's time zone, with the calendar's edges (the start is day 0; a non-working start rolls
 * forward). The one place the comparison and order creation ask.
 */

/**
 * Calendar days first loaded for a lead time: its business days at five a week, plus room for a season of
 * holidays and a closure. When that span is not enough (a long shutdown, a four-day week) the span is
 * doubled and loaded again, so the date is the one a calendar of any length would give.
 */
export const firstSpanDays = (leadTimeDays: number) => Math.ceil((leadTimeDays * 7) / 5) + 45;
/** Past this the lead time cannot be reached: the date is refused as before, not guessed. */
const MAX_SPAN_DAYS = 10 * 366;

function reaches(calendar: LoadedCalendar, leadTimeDays: number, now: Date): boolean {
  try {
    addBusinessDaysFrom(calendar, now, leadTimeDays);
    return true;
  } catch (err) {
    if (err instanceof RangeError) return false;
    throw err;
  }
}

/**
 * Each workshop's calendar over the span its quotes' lead times need (the longest of them), not years
 * ahead, all read together: the comparison reads ten of these per page view.
 */
export async function workshopCalendars(tx: Queryable, quotes: { workshopOrgId: string; leadTimeDays: number }[], now = new Date()): Promise<Map<string, LoadedCalendar>> {
  // A day before today in UTC covers today in every time zone.
  const from = addDays(localDateOf(now, "UTC"), -1);
  const longest = new Map<string, number>();
  for (const q of quotes) longest.set(q.workshopOrgId, Math.max(longest.get(q.workshopOrgId) ?? 0, q.leadTimeDays));
  const calendars = new Map<string, LoadedCalendar>();
  let days = Math.min(firstSpanDays(Math.max(0, ...longest.values())), MAX_SPAN_DAYS);
  let pending = [...longest.keys()];
  while (pending.length > 0) {
    const to = addDays(from, days);
    const rows = await loadCalendarRowsFor(tx, pending, from, to);
    const short: string[] = [];
    for (const id of pending) {
      const calendar = calendarFromRows(rows.get(id)!, from, to);
      calendars.set(id, calendar);
      if (!reaches(calendar, longest.get(id)!, now)) short.push(id);
    }
    // Past the longest span the date is refused by expectedDelivery, as any calendar too short would be.
    if (days >= MAX_SPAN_DAYS) break;
    pending = short;
    days = Math.min(days * 2, MAX_SPAN_DAYS);
  }
  return calendars;
}

export function expectedDelivery(calendar: LoadedCalendar, leadTimeDays: number, now = new Date()): string {
  return addBusinessDaysFrom(calendar, now, leadTimeDays);
}
