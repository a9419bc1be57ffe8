/**
 * The production calendar: the only place business days are computed. Pure functions over a loaded
 * calendar (`addBusinessDays`, `businessDaysBetween`, `nextWorkingDay`, `rollForward`, `dayStatus`), and the
 * loaders that read one from the database. Edits live in production-calendar-edits.ts.
 *
 * Dates are calendar days (`YYYY-MM-DD`) in the workshop's time zone (its organization's); an instant becomes
 * a day through `localDateOf(instant, timeZone)`, so 23:30 UTC can already be tomorrow in Shanghai.
 *
 * Whether a day is a working day, first rule that applies wins:
 *   1. inside one of the workshop's closures (both ends included) → not working;
 *   2. one of its working-day overrides (a make-up Saturday) → working;
 *   3. one of its own holidays (added, or a public holiday relabelled) → not working;
 *   4. a public day of its holiday country that it has not removed: a holiday → not working, an official
 *      make-up working day → working;
 *   5. otherwise its working weekdays decide.
 *
 * The edges, where peers disagree, are ours:
 *   - the start date is day 0 and is not counted;
 *   - a start on a non-working day first rolls forward to the next working day;
 *   - adding 0 days gives the start rolled forward;
 *   - a holiday on a weekend does not move: the day after is a day off only when the table has that observed
 *     day as a row of its own (date-holidays writes "(substitute day)" rows where a country has them);
 *   - businessDaysBetween(from, to) counts the working days d with rollForward(from) < d ≤ to (0 when to is
 *     not after it), so businessDaysBetween(s, addBusinessDays(s, n)) = n;
 *   - nextWorkingDay(d) is the first working day strictly after d; rollForward(d) is d itself when it works.
 */
import { and, asc, eq, gte, inArray, lte } from "drizzle-orm";
import type { Db, Queryable } from "../db/client";
import { calendarClosures, calendarHolidayChanges, calendarWorkingDays, organizations, productionCalendars, publicHolidays } from "../db/schema";
import { withOrg } from "../db/tenant";
import { notFound } from "../errors";

export type IsoDate = string;

export type Closure = { id?: string; startsOn: IsoDate; endsOn: IsoDate; label: string };

/** Everything the pure functions need, for the dates from `from` to `to` (both included). */
export type LoadedCalendar = {
  timeZone: string;
  /** ISO weekdays, 1 = Monday. */
  workingWeekdays: readonly number[];
  /** Effective days off from holidays: the public ones kept plus the workshop's own, by date, with a label. */
  holidays: ReadonlyMap<IsoDate, string>;
  /** Effective extra working days: the workshop's overrides plus official make-up days kept. */
  workingDays: ReadonlyMap<IsoDate, string>;
  closures: readonly Closure[];
  from: IsoDate;
  to: IsoDate;
};

export type DayStatus =
  | { working: true; reason: "weekday" | "working-day"; label?: string }
  | { working: false; reason: "weekend" | "holiday" | "closure"; label?: string };

// ─── Dates ──────────────────────────────────────────────────────────────────────────────────────────────

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function toUtcMs(date: IsoDate): number {
  const m = ISO.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== date) throw new RangeError(`not a date: ${date}`);
  return ms;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(toUtcMs(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  const day = new Date(toUtcMs(date)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The calendar day an instant falls on in a time zone. */
export function localDateOf(instant: Date, timeZone: string): IsoDate {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

// ─── The pure core ──────────────────────────────────────────────────────────────────────────────────────

function assertLoaded(calendar: LoadedCalendar, date: IsoDate) {
  if (date < calendar.from || date > calendar.to) {
    throw new RangeError(`the calendar is loaded from ${calendar.from} to ${calendar.to}, not for ${date}`);
  }
}

export function dayStatus(calendar: LoadedCalendar, date: IsoDate): DayStatus {
  assertLoaded(calendar, date);
  const closure = calendar.closures.find((c) => c.startsOn <= date && date <= c.endsOn);
  if (closure) return { working: false, reason: "closure", label: closure.label };
  const extra = calendar.workingDays.get(date);
  if (extra !== undefined) return { working: true, reason: "working-day", label: extra };
  const holiday = calendar.holidays.get(date);
  if (holiday !== undefined) return { working: false, reason: "holiday", label: holiday };
  return calendar.workingWeekdays.includes(isoWeekday(date)) ? { working: true, reason: "weekday" } : { working: false, reason: "weekend" };
}

export const isWorkingDay = (calendar: LoadedCalendar, date: IsoDate) => dayStatus(calendar, date).working;

/** The first working day strictly after `date`. */
export function nextWorkingDay(calendar: LoadedCalendar, date: IsoDate): IsoDate {
  let day = addDays(date, 1);
  while (!isWorkingDay(calendar, day)) day = addDays(day, 1);
  return day;
}

/** `date` itself when it is a working day, else the next working day. */
export function rollForward(calendar: LoadedCalendar, date: IsoDate): IsoDate {
  return isWorkingDay(calendar, date) ? date : nextWorkingDay(calendar, date);
}

/** The working day `days` business days after `start` (start rolled forward first; 0 → the rolled start). */
export function addBusinessDays(calendar: LoadedCalendar, start: IsoDate, days: number): IsoDate {
  if (!Number.isSafeInteger(days) || days < 0) throw new RangeError(`business days must be a whole number ≥ 0, got ${days}`);
  let day = rollForward(calendar, start);
  for (let i = 0; i < days; i++) day = nextWorkingDay(calendar, day);
  return day;
}

/** Working days d with rollForward(from) < d ≤ to; 0 when `to` is not after the rolled start. */
export function businessDaysBetween(calendar: LoadedCalendar, from: IsoDate, to: IsoDate): number {
  const start = rollForward(calendar, from);
  let count = 0;
  for (let day = addDays(start, 1); day <= to; day = addDays(day, 1)) {
    if (isWorkingDay(calendar, day)) count++;
  }
  return count;
}

/** `addBusinessDays` from the day an instant falls on in the workshop's time zone. */
export function addBusinessDaysFrom(calendar: LoadedCalendar, instant: Date, days: number): IsoDate {
  return addBusinessDays(calendar, localDateOf(instant, calendar.timeZone), days);
}

// ─── Loaders ────────────────────────────────────────────────────────────────────────────────────────────

/** How far a default load reaches: lead times are 30–45 business days, quotes compare a few months out. */
export const DEFAULT_LOAD_DAYS = 3 * 366;

export type CalendarRows = {
  calendar: { orgId: string; workingWeekdays: number[]; holidayCountry: string; holidaysReviewedAt: Date | null; timeZone: string };
  publicDays: { date: IsoDate; label: string; kind: "holiday" | "working_day"; source: string }[];
  changes: { date: IsoDate; change: "added" | "removed"; label: string | null }[];
  closures: (Closure & { id: string })[];
  overrides: { id: string; date: IsoDate; label: string }[];
};

/** The calendar's rows for a range, inside a tenant transaction (the workshop's own, or a party's read). */
export async function loadCalendarRows(tx: Queryable, orgId: string, from: IsoDate, to: IsoDate): Promise<CalendarRows> {
  const [row] = await tx
    .select({ calendar: productionCalendars, timeZone: organizations.timeZone, country: organizations.country })
    .from(organizations)
    .leftJoin(productionCalendars, eq(productionCalendars.orgId, organizations.id))
    .where(and(eq(organizations.id, orgId), eq(organizations.kind, "workshop")));
  if (!row) throw notFound("Workshop");
  // A workshop always has its calendar from creation; the defaults only guard a row lost by hand.
  const calendar = {
    orgId,
    workingWeekdays: row.calendar?.workingWeekdays ?? [1, 2, 3, 4, 5],
    holidayCountry: row.calendar?.holidayCountry ?? row.country,
    holidaysReviewedAt: row.calendar?.holidaysReviewedAt ?? null,
    timeZone: row.timeZone,
  };
  const publicDays = await tx
    .select({ date: publicHolidays.date, label: publicHolidays.label, kind: publicHolidays.kind, source: publicHolidays.source })
    .from(publicHolidays)
    .where(and(eq(publicHolidays.country, calendar.holidayCountry), gte(publicHolidays.date, from), lte(publicHolidays.date, to)))
    .orderBy(asc(publicHolidays.date));
  const changes = await tx
    .select({ date: calendarHolidayChanges.date, change: calendarHolidayChanges.change, label: calendarHolidayChanges.label })
    .from(calendarHolidayChanges)
    .where(and(eq(calendarHolidayChanges.orgId, orgId), gte(calendarHolidayChanges.date, from), lte(calendarHolidayChanges.date, to)))
    .orderBy(asc(calendarHolidayChanges.date));
  const closures = await tx
    .select({ id: calendarClosures.id, startsOn: calendarClosures.startsOn, endsOn: calendarClosures.endsOn, label: calendarClosures.label })
    .from(calendarClosures)
    .where(and(eq(calendarClosures.orgId, orgId), lte(calendarClosures.startsOn, to), gte(calendarClosures.endsOn, from)))
    .orderBy(asc(calendarClosures.startsOn));
  const overrides = await tx
    .select({ id: calendarWorkingDays.id, date: calendarWorkingDays.date, label: calendarWorkingDays.label })
    .from(calendarWorkingDays)
    .where(and(eq(calendarWorkingDays.orgId, orgId), gte(calendarWorkingDays.date, from), lte(calendarWorkingDays.date, to)))
    .orderBy(asc(calendarWorkingDays.date));
  return { calendar, publicDays, changes, closures, overrides };
}

/**
 * `loadCalendarRows` for several workshops at once over one range: five queries in all rather than five
 * per workshop (a comparison reads ten calendars per view). Each workshop's rows are exactly what
 * `loadCalendarRows` would read for it.
 */
export async function loadCalendarRowsFor(tx: Queryable, orgIds: readonly string[], from: IsoDate, to: IsoDate): Promise<Map<string, CalendarRows>> {
  const ids = [...new Set(orgIds)];
  const result = new Map<string, CalendarRows>();
  if (ids.length === 0) return result;
  const found = await tx
    .select({ orgId: organizations.id, calendar: productionCalendars, timeZone: organizations.timeZone, country: organizations.country })
    .from(organizations)
    .leftJoin(productionCalendars, eq(productionCalendars.orgId, organizations.id))
    .where(and(inArray(organizations.id, ids), eq(organizations.kind, "workshop")));
  if (found.length !== ids.length) throw notFound("Workshop");
  const calendars = found.map((row) => ({
    orgId: row.orgId,
    workingWeekdays: row.calendar?.workingWeekdays ?? [1, 2, 3, 4, 5],
    holidayCountry: row.calendar?.holidayCountry ?? row.country,
    holidaysReviewedAt: row.calendar?.holidaysReviewedAt ?? null,
    timeZone: row.timeZone,
  }));
  const countries = [...new Set(calendars.map((c) => c.holidayCountry))];
  const publicDays = await tx
    .select({ country: publicHolidays.country, date: publicHolidays.date, label: publicHolidays.label, kind: publicHolidays.kind, source: publicHolidays.source })
    .from(publicHolidays)
    .where(and(inArray(publicHolidays.country, countries), gte(publicHolidays.date, from), lte(publicHolidays.date, to)))
    .orderBy(asc(publicHolidays.date));
  const changes = await tx
    .select({ orgId: calendarHolidayChanges.orgId, date: calendarHolidayChanges.date, change: calendarHolidayChanges.change, label: calendarHolidayChanges.label })
    .from(calendarHolidayChanges)
    .where(and(inArray(calendarHolidayChanges.orgId, ids), gte(calendarHolidayChanges.date, from), lte(calendarHolidayChanges.date, to)))
    .orderBy(asc(calendarHolidayChanges.date));
  const closures = await tx
    .select({ orgId: calendarClosures.orgId, id: calendarClosures.id, startsOn: calendarClosures.startsOn, endsOn: calendarClosures.endsOn, label: calendarClosures.label })
    .from(calendarClosures)
    .where(and(inArray(calendarClosures.orgId, ids), lte(calendarClosures.startsOn, to), gte(calendarClosures.endsOn, from)))
    .orderBy(asc(calendarClosures.startsOn));
  const overrides = await tx
    .select({ orgId: calendarWorkingDays.orgId, id: calendarWorkingDays.id, date: calendarWorkingDays.date, label: calendarWorkingDays.label })
    .from(calendarWorkingDays)
    .where(and(inArray(calendarWorkingDays.orgId, ids), gte(calendarWorkingDays.date, from), lte(calendarWorkingDays.date, to)))
    .orderBy(asc(calendarWorkingDays.date));
  for (const calendar of calendars) {
    result.set(calendar.orgId, {
      calendar,
      publicDays: publicDays.filter((d) => d.country === calendar.holidayCountry).map(({ country: _c, ...d }) => d),
      changes: changes.filter((c) => c.orgId === calendar.orgId).map(({ orgId: _o, ...c }) => c),
      closures: closures.filter((c) => c.orgId === calendar.orgId).map(({ orgId: _o, ...c }) => c),
      overrides: overrides.filter((o) => o.orgId === calendar.orgId).map(({ orgId: _o, ...o }) => o),
    });
  }
  return result;
}

/** The effective calendar from its rows (rules 3 and 4 of the header resolved here). */
export function calendarFromRows(rows: CalendarRows, from: IsoDate, to: IsoDate): LoadedCalendar {
  const holidays = new Map<IsoDate, string>();
  const workingDays = new Map<IsoDate, string>();
  const changes = new Map(rows.changes.map((c) => [c.date, c]));
  for (const day of rows.publicDays) {
    if (changes.has(day.date)) continue;
    if (day.kind === "holiday") holidays.set(day.date, day.label);
    else workingDays.set(day.date, day.label);
  }
  for (const change of rows.changes) {
    if (change.change === "added") holidays.set(change.date, change.label ?? "Holiday");
  }
  for (const override of rows.overrides) workingDays.set(override.date, override.label);
  return {
    timeZone: rows.calendar.timeZone,
    workingWeekdays: [...rows.calendar.workingWeekdays].sort((a, b) => a - b),
    holidays,
    workingDays,
    closures: rows.closures,
    from,
    to,
  };
}

/** A workshop's calendar from `from` for `days` days, read as that workshop. */
export async function loadProductionCalendar(db: Db, orgId: string, from: IsoDate, days = DEFAULT_LOAD_DAYS): Promise<LoadedCalendar> {
  const to = addDays(from, days);
  return withOrg(db, orgId, async (tx) => calendarFromRows(await loadCalendarRows(tx, orgId, from, to), from, to));
}

/** The same inside a transaction already bound to the workshop (or to a party allowed to read it). */
export async function loadProductionCalendarIn(tx: Queryable, orgId: string, from: IsoDate, days = DEFAULT_LOAD_DAYS): Promise<LoadedCalendar> {
  const to = addDays(from, days);
  return calendarFromRows(await loadCalendarRows(tx, orgId, from, to), from, to);
}
