import { sql } from "drizzle-orm";
import { char, check, date, index, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./organizations";

/** A public day of a country: a holiday (no work) or an official make-up working day (China's 调休). */
export const publicDayKind = pgEnum("public_day_kind", ["holiday", "working_day"]);
/** A workshop's change to its country's public days: a holiday of its own (or a new label), or a public day it does not keep. */
export const holidayChangeKind = pgEnum("holiday_change_kind", ["added", "removed"]);

/**
 * Public holidays by country and date, readable by everyone. Seeded from the `date-holidays` package
 * (holiday data CC-BY-3.0, see the migration that seeds it) with corrections; each row says where it came from.
 */
export const publicHolidays = pgTable(
  "public_holidays",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** ISO 3166-1 alpha-2. */
    country: char({ length: 2 }).notNull(),
    date: date({ mode: "string" }).notNull(),
    label: text().notNull(),
    kind: publicDayKind().notNull().default("holiday"),
    /** "date-holidays 3.37.0", or the correction's source. */
    source: text().notNull(),
  },
  (t) => [uniqueIndex("public_holidays_country_date_key").on(t.country, t.date)],
);

/**
 * A workshop's production calendar: the weekdays it works and the country whose public days it keeps.
 * Its time zone is the organization's. One per workshop organization.
 */
export const productionCalendars = pgTable(
  "production_calendars",
  {
    orgId: uuid()
      .primaryKey()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** ISO weekdays the workshop works, 1 = Monday. */
    workingWeekdays: smallint().array().notNull().default(sql`'{1,2,3,4,5}'::smallint[]`),
    holidayCountry: char({ length: 2 }).notNull(),
    /** When a member last confirmed the holidays are right; null until then. */
    holidaysReviewedAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("production_calendars_weekdays", sql`cardinality(${t.workingWeekdays}) between 1 and 7 and ${t.workingWeekdays} <@ '{1,2,3,4,5,6,7}'::smallint[]`)],
);

/** A workshop's own holiday (or a public holiday relabelled), or a public day it does not keep. One per date. */
export const calendarHolidayChanges = pgTable(
  "calendar_holiday_changes",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => productionCalendars.orgId, { onDelete: "cascade" }),
    date: date({ mode: "string" }).notNull(),
    change: holidayChangeKind().notNull(),
    /** The holiday's name for "added"; null for "removed". */
    label: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("calendar_holiday_changes_org_date_key").on(t.orgId, t.date)],
);

/** A date range the workshop is closed (a Lunar New Year shutdown, an August closure), both ends included. */
export const calendarClosures = pgTable(
  "calendar_closures",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => productionCalendars.orgId, { onDelete: "cascade" }),
    startsOn: date({ mode: "string" }).notNull(),
    endsOn: date({ mode: "string" }).notNull(),
    label: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.orgId, t.startsOn), check("calendar_closures_order", sql`${t.startsOn} <= ${t.endsOn}`)],
);

/** A day the workshop works although it normally would not (a make-up Saturday). One per date. */
export const calendarWorkingDays = pgTable(
  "calendar_working_days",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => productionCalendars.orgId, { onDelete: "cascade" }),
    date: date({ mode: "string" }).notNull(),
    label: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("calendar_working_days_org_date_key").on(t.orgId, t.date)],
);

export type ProductionCalendarRow = typeof productionCalendars.$inferSelect;
export type PublicHoliday = typeof publicHolidays.$inferSelect;
