import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { createOrg, type OrgFixture } from "~/test/fixtures";
import { actorOf } from "~/test/vetting";
import { organizations, productionCalendars, publicHolidays } from "../db/schema";
import {
  addBusinessDays,
  addBusinessDaysFrom,
  businessDaysBetween,
  dayStatus,
  loadProductionCalendar,
  localDateOf,
  nextWorkingDay,
  rollForward,
  type LoadedCalendar,
} from "./production-calendar";
import { addClosure, addWorkingDay, getCalendarView, removeHoliday, restoreHoliday, setHoliday, updateCalendar } from "./production-calendar-edits";

const db = await testDb();

/** A workshop in a country and time zone, with the seeded public holidays of that country. */
async function workshopIn(country: string, timeZone: string, name: string): Promise<OrgFixture> {
  const t = await createOrg(db, "workshop", name);
  await db.update(organizations).set({ country, timeZone }).where(eq(organizations.id, t.org.id));
  await db.update(productionCalendars).set({ holidayCountry: country }).where(eq(productionCalendars.orgId, t.org.id));
  return t;
}

/** A hand-built calendar for the edge rules: Monday to Friday, nothing else unless given. */
function calendar(over: Partial<LoadedCalendar> = {}): LoadedCalendar {
  return {
    timeZone: "Europe/Rome",
    workingWeekdays: [1, 2, 3, 4, 5],
    holidays: new Map(),
    workingDays: new Map(),
    closures: [],
    from: "2027-01-01",
    to: "2028-12-31",
    ...over,
  };
}

describe("the edge rules, ours", () => {
  const cal = calendar();

  it("the start date is day 0 and is not counted", () => {
    // Monday 2027-03-01 + 1 = Tuesday; + 5 = the next Monday
    expect(addBusinessDays(cal, "2027-03-01", 1)).toBe("2027-03-02");
    expect(addBusinessDays(cal, "2027-03-01", 5)).toBe("2027-03-08");
    expect(businessDaysBetween(cal, "2027-03-01", "2027-03-01")).toBe(0);
    expect(businessDaysBetween(cal, "2027-03-01", "2027-03-08")).toBe(5);
  });

  it("a start on a non-working day first rolls forward to the next working day", () => {
    // Saturday 2027-03-06 rolls to Monday 03-08; + 1 = Tuesday 03-09
    expect(rollForward(cal, "2027-03-06")).toBe("2027-03-08");
    expect(addBusinessDays(cal, "2027-03-06", 1)).toBe("2027-03-09");
    expect(businessDaysBetween(cal, "2027-03-06", "2027-03-09")).toBe(1);
  });

  it("adding 0 days gives the start rolled forward", () => {
    expect(addBusinessDays(cal, "2027-03-03", 0)).toBe("2027-03-03");
    expect(addBusinessDays(cal, "2027-03-07", 0)).toBe("2027-03-08");
  });

  it("a holiday on a weekend does not move, unless the table has its observed day as a row of its own", () => {
    // Christmas 2027 is a Saturday
    const withoutObserved = calendar({ holidays: new Map([["2027-12-25", "Christmas Day"]]) });
    expect(dayStatus(withoutObserved, "2027-12-27")).toEqual({ working: true, reason: "weekday" });
    expect(addBusinessDays(withoutObserved, "2027-12-24", 1)).toBe("2027-12-27");
    const withObserved = calendar({ holidays: new Map([["2027-12-25", "Christmas Day"], ["2027-12-27", "Christmas Day (observed)"]]) });
    expect(addBusinessDays(withObserved, "2027-12-24", 1)).toBe("2027-12-28");
  });

  it("next working day is strictly after; between is 0 when the end is not after the rolled start", () => {
    expect(nextWorkingDay(cal, "2027-03-05")).toBe("2027-03-08");
    expect(nextWorkingDay(cal, "2027-03-03")).toBe("2027-03-04");
    expect(businessDaysBetween(cal, "2027-03-08", "2027-03-01")).toBe(0);
  });

  it("a closure wins over a make-up day, a make-up day over a holiday, a holiday over the weekday", () => {
    const cal2 = calendar({
      holidays: new Map([["2027-03-10", "Own holiday"]]),
      workingDays: new Map([["2027-03-13", "Make-up Saturday"], ["2027-03-20", "Inside the closure"]]),
      closures: [{ startsOn: "2027-03-18", endsOn: "2027-03-22", label: "Stocktake" }],
    });
    expect(dayStatus(cal2, "2027-03-10")).toEqual({ working: false, reason: "holiday", label: "Own holiday" });
    expect(dayStatus(cal2, "2027-03-13")).toEqual({ working: true, reason: "working-day", label: "Make-up Saturday" });
    expect(dayStatus(cal2, "2027-03-20")).toEqual({ working: false, reason: "closure", label: "Stocktake" });
  });

  it("refuses a date outside what was loaded rather than guess", () => {
    expect(() => addBusinessDays(calendar({ to: "2027-03-05" }), "2027-03-04", 5)).toThrow(RangeError);
  });
});

describe("time-zone edges at midnight", () => {
  it("an instant is counted from the day it is in the workshop's zone", () => {
    expect(localDateOf(new Date("2027-02-04T15:59:59Z"), "Asia/Shanghai")).toBe("2027-02-04");
    expect(localDateOf(new Date("2027-02-04T16:00:00Z"), "Asia/Shanghai")).toBe("2027-02-05");
    expect(localDateOf(new Date("2027-02-13T04:59:59Z"), "America/New_York")).toBe("2027-02-12");
    expect(localDateOf(new Date("2027-02-13T05:00:00Z"), "America/New_York")).toBe("2027-02-13");
  });

  it("one second before and at midnight in Shanghai give different delivery dates", async () => {
    const t = await workshopIn("CN", "Asia/Shanghai", "Shenzhen Midnight");
    const cal = await loadProductionCalendar(db, t.org.id, "2027-01-01");
    // Thursday Feb 4, 23:59:59 local: + 1 skips the Spring Festival (Feb 5–12) and the weekend → Mon Feb 15
    expect(addBusinessDaysFrom(cal, new Date("2027-02-04T15:59:59Z"), 1)).toBe("2027-02-15");
    // Friday Feb 5, 00:00 local is a holiday: rolls to Mon Feb 15, + 1 → Tue Feb 16
    expect(addBusinessDaysFrom(cal, new Date("2027-02-04T16:00:00Z"), 1)).toBe("2027-02-16");
  });

  it("in New York, Friday 23:59 and Saturday 00:00 straddle Presidents' Day", async () => {
    const t = await workshopIn("US", "America/New_York", "Brooklyn Midnight");
    const cal = await loadProductionCalendar(db, t.org.id, "2027-01-01");
    expect(addBusinessDaysFrom(cal, new Date("2027-02-13T04:59:59Z"), 1)).toBe("2027-02-16");
    expect(addBusinessDaysFrom(cal, new Date("2027-02-13T05:00:00Z"), 1)).toBe("2027-02-17");
  });
});

describe("the seeded holidays", () => {
  let cn: OrgFixture;
  beforeAll(async () => {
    cn = await workshopIn("CN", "Asia/Shanghai", "Guangzhou Works");
  });

  it("30 business days from 2027-02-01 in China skip the Spring Festival and count the make-up Saturday", async () => {
    const cal = await loadProductionCalendar(db, cn.org.id, "2027-01-01");
    // Feb 2–4 (3); Feb 5–12 Spring Festival; Feb 15–19 (8); Sat Feb 20 make-up (9); Feb 22–26 (14);
    // Mar 1–5 (19); Mar 8–12 (24); Mar 15–19 (29); Mon Mar 22 (30). Women's Day, Mar 8, is not a day off.
    expect(addBusinessDays(cal, "2027-02-01", 30)).toBe("2027-03-22");
    expect(dayStatus(cal, "2027-02-20")).toEqual({ working: true, reason: "working-day", label: "Spring Festival make-up working day" });
    expect(dayStatus(cal, "2027-02-11")).toEqual({ working: false, reason: "holiday", label: "Spring Festival" });
    expect(businessDaysBetween(cal, "2027-02-01", "2027-03-22")).toBe(30);
  });

  it("a US workshop skips Presidents' Day", async () => {
    const us = await workshopIn("US", "America/New_York", "Providence Works");
    const cal = await loadProductionCalendar(db, us.org.id, "2027-01-01");
    expect(dayStatus(cal, "2027-02-15")).toMatchObject({ working: false, reason: "holiday" });
    // Feb 2–5 (4), Feb 8–12 (9), Feb 15 off, Feb 16–19 (13), Feb 22–26 (18), Mar 1–5 (23), Mar 8–12 (28), Mar 15, 16 (30)
    expect(addBusinessDays(cal, "2027-02-01", 30)).toBe("2027-03-16");
    expect(addBusinessDays(cal, "2027-02-12", 1)).toBe("2027-02-16");
  });

  it("India has Diwali and Thailand its Buddhist holidays in 2027", async () => {
    const rows = await db.select({ country: publicHolidays.country, date: publicHolidays.date, label: publicHolidays.label }).from(publicHolidays);
    expect(rows).toContainEqual({ country: "IN", date: "2027-10-29", label: "Diwali" });
    expect(rows).toContainEqual({ country: "TH", date: "2027-05-20", label: "Visakha Bucha" });
    expect(rows).toContainEqual({ country: "TH", date: "2028-02-10", label: "Makha Bucha" });
  });
});

describe("the workshop's own changes", () => {
  it("a closure is skipped", async () => {
    const t = await workshopIn("IT", "Europe/Rome", "Vicenza Closure");
    await addClosure(db, actorOf(t), { startsOn: "2027-08-02", endsOn: "2027-08-20", label: "August closure" });
    const cal = await loadProductionCalendar(db, t.org.id, "2027-01-01");
    // Friday Jul 30 + 1 → the closure runs Mon Aug 2 to Fri Aug 20 → Mon Aug 23
    expect(addBusinessDays(cal, "2027-07-30", 1)).toBe("2027-08-23");
    expect(businessDaysBetween(cal, "2027-07-30", "2027-08-23")).toBe(1);
  });

  it("a make-up Saturday counts; a removed public holiday is worked; an own holiday is not; restore undoes", async () => {
    const t = await workshopIn("US", "America/New_York", "Austin Changes");
    await addWorkingDay(db, actorOf(t), { date: "2027-02-13", label: "Make-up Saturday" });
    let cal = await loadProductionCalendar(db, t.org.id, "2027-01-01");
    // Fri Feb 12 + 1 → Sat Feb 13 (make-up); + 2 → Tue Feb 16 (Presidents' Day skipped)
    expect(addBusinessDays(cal, "2027-02-12", 1)).toBe("2027-02-13");
    expect(addBusinessDays(cal, "2027-02-12", 2)).toBe("2027-02-16");

    await removeHoliday(db, actorOf(t), { date: "2027-02-15" });
    await setHoliday(db, actorOf(t), { date: "2027-02-17", label: "Founders' day" });
    cal = await loadProductionCalendar(db, t.org.id, "2027-01-01");
    expect(addBusinessDays(cal, "2027-02-12", 2)).toBe("2027-02-15");
    expect(dayStatus(cal, "2027-02-17")).toEqual({ working: false, reason: "holiday", label: "Founders' day" });

    await restoreHoliday(db, actorOf(t), { date: "2027-02-15" });
    cal = await loadProductionCalendar(db, t.org.id, "2027-01-01");
    expect(dayStatus(cal, "2027-02-15")).toMatchObject({ working: false, reason: "holiday" });
  });

  it("relabels a public holiday, and refuses an overlapping closure next to its field", async () => {
    const t = await workshopIn("US", "America/New_York", "Denver Labels");
    await setHoliday(db, actorOf(t), { date: "2027-02-15", label: "Presidents' Day" });
    const cal = await loadProductionCalendar(db, t.org.id, "2027-01-01");
    expect(dayStatus(cal, "2027-02-15")).toEqual({ working: false, reason: "holiday", label: "Presidents' Day" });
    await addClosure(db, actorOf(t), { startsOn: "2027-12-20", endsOn: "2027-12-31", label: "Winter" });
    await expect(addClosure(db, actorOf(t), { startsOn: "2027-12-30", endsOn: "2028-01-03", label: "New Year" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      field: "startsOn",
      message: 'This overlaps the closure "Winter"; change that one instead.',
    });
  });

  it("the settings view covers 12 months from the start of this month, and changing the country asks for a new review", async () => {
    const t = await workshopIn("CN", "Asia/Shanghai", "Xiamen View");
    const view = await getCalendarView(db, t.org.id, new Date("2027-01-15T12:00:00Z"));
    expect(view.from).toBe("2027-01-01");
    expect(view.to).toBe("2027-12-31");
    expect(view.days).toHaveLength(365);
    expect(view.days.find((d) => d.date === "2027-01-31")?.status).toMatchObject({ working: true, reason: "working-day" });
    expect(view.holidaysKnownThrough).toBe("2028-10-03");
    await db.update(productionCalendars).set({ holidaysReviewedAt: new Date() }).where(eq(productionCalendars.orgId, t.org.id));
    await updateCalendar(db, actorOf(t), { workingWeekdays: [1, 2, 3, 4, 5, 6], holidayCountry: "HK" });
    const [row] = await db.select().from(productionCalendars).where(eq(productionCalendars.orgId, t.org.id));
    expect(row).toMatchObject({ workingWeekdays: [1, 2, 3, 4, 5, 6], holidayCountry: "HK", holidaysReviewedAt: null });
  });
});
