import { eq, inArray } from "drizzle-orm";
import type { Queryable } from "../db/client";
import { organizations, productionCalendars } from "../db/schema";
import { todayIn } from "~/lib/sample-request-schemas";

/**
 * The expected delivery date of a quote: `leadTimeDays` business days of the workshop from today in its
 * time zone. The one place quotes and orders ask; it reads the workshop's working days, and moves to the
 * production calendar (holidays, closures) when that service lands — callers do not change.
 *
 * Until then, working days are the workshop's weekdays (its production calendar's, ISO 1 = Monday), with
 * the calendar's stated edges: the start date is day 0 and is not counted; a start on a non-working day
 * first rolls forward to the next working day.
 */
export type WorkshopWorkweek = { timeZone: string; workingDays: number[] };

export async function workshopWorkweeks(tx: Queryable, workshopOrgIds: string[]): Promise<Map<string, WorkshopWorkweek>> {
  if (workshopOrgIds.length === 0) return new Map();
  const rows = await tx
    .select({ id: organizations.id, timeZone: organizations.timeZone, workingDays: productionCalendars.workingWeekdays })
    .from(organizations)
    .leftJoin(productionCalendars, eq(productionCalendars.orgId, organizations.id))
    .where(inArray(organizations.id, workshopOrgIds));
  return new Map(rows.map((r) => [r.id, { timeZone: r.timeZone, workingDays: r.workingDays && r.workingDays.length > 0 ? r.workingDays : [1, 2, 3, 4, 5] }]));
}

const isoWeekday = (date: Date) => ((date.getUTCDay() + 6) % 7) + 1;
const addDays = (date: Date, n: number) => new Date(date.getTime() + n * 86_400_000);

/** `days` business days after `from` (an ISO date), by the week's working days. */
export function addWorkingDays(week: WorkshopWorkweek, from: string, days: number): string {
  const working = new Set(week.workingDays);
  if (working.size === 0) throw new RangeError("a workshop works at least one day a week");
  let date = new Date(`${from}T00:00:00Z`);
  while (!working.has(isoWeekday(date))) date = addDays(date, 1);
  let left = days;
  while (left > 0) {
    date = addDays(date, 1);
    if (working.has(isoWeekday(date))) left--;
  }
  return date.toISOString().slice(0, 10);
}

/** The expected delivery date of `leadTimeDays` business days from today in the workshop's time zone. */
export function expectedDelivery(week: WorkshopWorkweek, leadTimeDays: number, now = new Date()): string {
  return addWorkingDays(week, todayIn(week.timeZone, now), leadTimeDays);
}
