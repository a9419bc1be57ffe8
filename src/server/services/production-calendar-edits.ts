import { and, eq, sql } from "drizzle-orm";
import type { AddClosureInput, AddWorkingDayInput, SetHolidayInput, UpdateCalendarInput } from "~/lib/production-calendar-schemas";
import type { Db, Tx } from "../db/client";
import { calendarClosures, calendarHolidayChanges, calendarWorkingDays, productionCalendars, publicHolidays } from "../db/schema";
import { withOrg } from "../db/tenant";
import { AppError, notFound } from "../errors";
import { recordEvent } from "./events";
import type { Actor } from "./members";
import { addDays, calendarFromRows, dayStatus, localDateOf, loadCalendarRows, type DayStatus, type IsoDate } from "./production-calendar";

/**
 * A workshop's edits to its production calendar, each in one transaction with its activity-log event,
 * and the settings page's view of the next 12 months. The business-day rules are in production-calendar.ts.
 */

/** Edits are accepted from a year back to three years ahead: enough for any order, not a typo's century. */
const EDIT_BACK_DAYS = 366;
const EDIT_AHEAD_DAYS = 3 * 366;

async function calendarRow(tx: Tx, orgId: string) {
  const [row] = await tx.select().from(productionCalendars).where(eq(productionCalendars.orgId, orgId)).for("update");
  if (!row) throw notFound("The production calendar");
  return row;
}

async function todayOf(tx: Tx, orgId: string): Promise<IsoDate> {
  const { rows } = await tx.execute<{ tz: string }>(sql`select time_zone as tz from organizations where id = ${orgId}`);
  return localDateOf(new Date(), rows[0]?.tz ?? "UTC");
}

async function assertEditable(tx: Tx, orgId: string, date: IsoDate, field: string) {
  const today = await todayOf(tx, orgId);
  if (date < addDays(today, -EDIT_BACK_DAYS) || date > addDays(today, EDIT_AHEAD_DAYS)) {
    throw new AppError("BAD_REQUEST", "Choose a date from a year ago to three years ahead.", field);
  }
}

async function publicDayOn(tx: Tx, country: string, date: IsoDate) {
  const [row] = await tx.select().from(publicHolidays).where(and(eq(publicHolidays.country, country), eq(publicHolidays.date, date)));
  return row ?? null;
}

// ─── The view ───────────────────────────────────────────────────────────────────────────────────────────

export type CalendarDay = { date: IsoDate; status: DayStatus };

/** The settings page: the calendar's settings, its rows and each day's status for 12 months from today. */
export async function getCalendarView(db: Db, orgId: string, now = new Date()) {
  return withOrg(db, orgId, async (tx) => {
    const { rows: tzRows } = await tx.execute<{ tz: string }>(sql`select time_zone as tz from organizations where id = ${orgId}`);
    const timeZone = tzRows[0]?.tz ?? "UTC";
    const today = localDateOf(now, timeZone);
    const from = `${today.slice(0, 7)}-01`;
    const to = addDays(`${addDays(from, 366).slice(0, 7)}-01`, -1);
    const rows = await loadCalendarRows(tx, orgId, from, to);
    const calendar = calendarFromRows(rows, from, to);
    const days: CalendarDay[] = [];
    for (let d = from; d <= to; d = addDays(d, 1)) days.push({ date: d, status: dayStatus(calendar, d) });
    const [known] = await tx
      .select({ last: sql<string | null>`max(${publicHolidays.date})::text` })
      .from(publicHolidays)
      .where(eq(publicHolidays.country, rows.calendar.holidayCountry));
    return {
      settings: {
        workingWeekdays: calendar.workingWeekdays,
        holidayCountry: rows.calendar.holidayCountry,
        holidaysReviewedAt: rows.calendar.holidaysReviewedAt,
        timeZone,
      },
      today,
      from,
      to,
      days,
      publicDays: rows.publicDays.map((p) => ({ ...p, change: rows.changes.find((c) => c.date === p.date)?.change ?? null })),
      ownHolidays: rows.changes.filter((c) => c.change === "added").map((c) => ({ date: c.date, label: c.label ?? "", relabels: rows.publicDays.some((p) => p.date === c.date) })),
      closures: rows.closures,
      workingDays: rows.overrides,
      holidaysKnownThrough: known?.last ?? null,
    };
  });
}

// ─── Edits ──────────────────────────────────────────────────────────────────────────────────────────────

export async function updateCalendar(db: Db, actor: Actor, input: UpdateCalendarInput) {
  return withOrg(db, actor.orgId, async (tx) => {
    const before = await calendarRow(tx, actor.orgId);
    const workingWeekdays = [...input.workingWeekdays].sort((a, b) => a - b);
    const changed = [
      ...(before.workingWeekdays.join() !== workingWeekdays.join() ? ["working days"] : []),
      ...(before.holidayCountry !== input.holidayCountry ? ["holiday country"] : []),
    ];
    if (changed.length === 0) return { changed };
    await tx
      .update(productionCalendars)
      .set({
        workingWeekdays,
        holidayCountry: input.holidayCountry,
        // Another country's holidays have not been reviewed yet.
        ...(before.holidayCountry !== input.holidayCountry ? { holidaysReviewedAt: null } : {}),
        updatedAt: new Date(),
      })
      .where(eq(productionCalendars.orgId, actor.orgId));
    await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "production_calendar.updated", subjectType: "production_calendar", subjectId: actor.orgId, data: { changed } });
    return { changed };
  });
}

export async function markHolidaysReviewed(db: Db, actor: Actor) {
  return withOrg(db, actor.orgId, async (tx) => {
    await calendarRow(tx, actor.orgId);
    const reviewedAt = new Date();
    await tx.update(productionCalendars).set({ holidaysReviewedAt: reviewedAt, updatedAt: reviewedAt }).where(eq(productionCalendars.orgId, actor.orgId));
    await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "production_calendar.reviewed", subjectType: "production_calendar", subjectId: actor.orgId, data: {} });
    return { holidaysReviewedAt: reviewedAt };
  });
}

/** A holiday of the workshop's own on a date, or a new name for the public holiday there. */
export async function setHoliday(db: Db, actor: Actor, input: SetHolidayInput) {
  return withOrg(db, actor.orgId, async (tx) => {
    await calendarRow(tx, actor.orgId);
    await assertEditable(tx, actor.orgId, input.date, "date");
    await tx
      .insert(calendarHolidayChanges)
      .values({ orgId: actor.orgId, date: input.date, change: "added", label: input.label })
      .onConflictDoUpdate({ target: [calendarHolidayChanges.orgId, calendarHolidayChanges.date], set: { change: "added", label: input.label } });
    await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "calendar_holiday.set", subjectType: "production_calendar", subjectId: actor.orgId, data: { date: input.date, label: input.label } });
    return { date: input.date };
  });
}

/** The date is no longer a day off (or no longer an official make-up day) for this workshop. */
export async function removeHoliday(db: Db, actor: Actor, input: { date: IsoDate }) {
  return withOrg(db, actor.orgId, async (tx) => {
    const calendar = await calendarRow(tx, actor.orgId);
    const [own] = await tx.select().from(calendarHolidayChanges).where(and(eq(calendarHolidayChanges.orgId, actor.orgId), eq(calendarHolidayChanges.date, input.date)));
    const publicDay = await publicDayOn(tx, calendar.holidayCountry, input.date);
    if (own?.change === "removed" || (!own && !publicDay)) throw new AppError("BAD_REQUEST", "There is no holiday on that date.", "date");
    const label = own?.label ?? publicDay?.label ?? "";
    if (publicDay) {
      await tx
        .insert(calendarHolidayChanges)
        .values({ orgId: actor.orgId, date: input.date, change: "removed", label: null })
        .onConflictDoUpdate({ target: [calendarHolidayChanges.orgId, calendarHolidayChanges.date], set: { change: "removed", label: null } });
    } else {
      await tx.delete(calendarHolidayChanges).where(and(eq(calendarHolidayChanges.orgId, actor.orgId), eq(calendarHolidayChanges.date, input.date)));
    }
    await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "calendar_holiday.removed", subjectType: "production_calendar", subjectId: actor.orgId, data: { date: input.date, label } });
    return { date: input.date };
  });
}

/** Undoes the workshop's change on a public day: the public table's word holds again. */
export async function restoreHoliday(db: Db, actor: Actor, input: { date: IsoDate }) {
  return withOrg(db, actor.orgId, async (tx) => {
    const calendar = await calendarRow(tx, actor.orgId);
    const publicDay = await publicDayOn(tx, calendar.holidayCountry, input.date);
    if (!publicDay) throw new AppError("BAD_REQUEST", "That date is not in the public holidays.", "date");
    const removed = await tx
      .delete(calendarHolidayChanges)
      .where(and(eq(calendarHolidayChanges.orgId, actor.orgId), eq(calendarHolidayChanges.date, input.date)))
      .returning({ id: calendarHolidayChanges.id });
    if (removed.length === 0) throw new AppError("BAD_REQUEST", "That public day has not been changed.", "date");
    await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "calendar_holiday.restored", subjectType: "production_calendar", subjectId: actor.orgId, data: { date: input.date } });
    return { date: input.date };
  });
}

export async function addClosure(db: Db, actor: Actor, input: AddClosureInput) {
  return withOrg(db, actor.orgId, async (tx) => {
    await calendarRow(tx, actor.orgId);
    await assertEditable(tx, actor.orgId, input.startsOn, "startsOn");
    await assertEditable(tx, actor.orgId, input.endsOn, "endsOn");
    const [overlap] = await tx
      .select({ label: calendarClosures.label })
      .from(calendarClosures)
      .where(and(eq(calendarClosures.orgId, actor.orgId), sql`${calendarClosures.startsOn} <= ${input.endsOn}`, sql`${calendarClosures.endsOn} >= ${input.startsOn}`));
    if (overlap) throw new AppError("BAD_REQUEST", `This overlaps the closure "${overlap.label}"; change that one instead.`, "startsOn");
    const [row] = await tx.insert(calendarClosures).values({ orgId: actor.orgId, ...input }).returning();
    await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "calendar_closure.added", subjectType: "calendar_closure", subjectId: row!.id, data: { label: input.label, startsOn: input.startsOn, endsOn: input.endsOn } });
    return { id: row!.id };
  });
}

export async function removeClosure(db: Db, actor: Actor, input: { closureId: string }) {
  return withOrg(db, actor.orgId, async (tx) => {
    const [row] = await tx
      .delete(calendarClosures)
      .where(and(eq(calendarClosures.id, input.closureId), eq(calendarClosures.orgId, actor.orgId)))
      .returning();
    if (!row) throw notFound("That closure");
    await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "calendar_closure.removed", subjectType: "calendar_closure", subjectId: row.id, data: { label: row.label, startsOn: row.startsOn, endsOn: row.endsOn } });
    return { id: row.id };
  });
}

export async function addWorkingDay(db: Db, actor: Actor, input: AddWorkingDayInput) {
  return withOrg(db, actor.orgId, async (tx) => {
    await calendarRow(tx, actor.orgId);
    await assertEditable(tx, actor.orgId, input.date, "date");
    const [row] = await tx.insert(calendarWorkingDays).values({ orgId: actor.orgId, ...input }).onConflictDoNothing().returning();
    if (!row) throw new AppError("BAD_REQUEST", "That date is already a working day of yours.", "date");
    await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "calendar_working_day.added", subjectType: "calendar_working_day", subjectId: row.id, data: { date: input.date, label: input.label } });
    return { id: row.id };
  });
}

export async function removeWorkingDay(db: Db, actor: Actor, input: { workingDayId: string }) {
  return withOrg(db, actor.orgId, async (tx) => {
    const [row] = await tx
      .delete(calendarWorkingDays)
      .where(and(eq(calendarWorkingDays.id, input.workingDayId), eq(calendarWorkingDays.orgId, actor.orgId)))
      .returning();
    if (!row) throw notFound("That working day");
    await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "calendar_working_day.removed", subjectType: "calendar_working_day", subjectId: row.id, data: { date: row.date, label: row.label } });
    return { id: row.id };
  });
}
