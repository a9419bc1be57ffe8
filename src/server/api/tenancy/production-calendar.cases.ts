import { asc, eq } from "drizzle-orm";
import { expect } from "vitest";
import type { OrgFixture } from "~/test/fixtures";
import type { TenancyCase, TenancyCaseContext } from "~/test/tenancy";
import type { Db } from "../../db/client";
import { calendarClosures, calendarHolidayChanges, calendarWorkingDays, events, productionCalendars } from "../../db/schema";

const everything = async (d: Db, t: OrgFixture) => ({
  calendar: await d.select().from(productionCalendars).where(eq(productionCalendars.orgId, t.org.id)),
  changes: await d.select().from(calendarHolidayChanges).where(eq(calendarHolidayChanges.orgId, t.org.id)).orderBy(asc(calendarHolidayChanges.date)),
  closures: await d.select().from(calendarClosures).where(eq(calendarClosures.orgId, t.org.id)).orderBy(asc(calendarClosures.id)),
  workingDays: await d.select().from(calendarWorkingDays).where(eq(calendarWorkingDays.orgId, t.org.id)).orderBy(asc(calendarWorkingDays.id)),
  events: await d.select().from(events).where(eq(events.orgId, t.org.id)).orderBy(asc(events.id)),
});
type Everything = Awaited<ReturnType<typeof everything>>;
const stateOf = (s: unknown) => s as Everything;

// Rows are inserted directly. An organization of the other kind has no calendar, so its "row" is an id
// that names nothing, which must be refused the same way.
async function closureIdOf(db: Db, t: OrgFixture) {
  if (t.org.kind !== "workshop") return crypto.randomUUID();
  const [existing] = await db.select({ id: calendarClosures.id }).from(calendarClosures).where(eq(calendarClosures.orgId, t.org.id));
  if (existing) return existing.id;
  const [row] = await db.insert(calendarClosures).values({ orgId: t.org.id, startsOn: "2027-08-02", endsOn: "2027-08-20", label: "August closure" }).returning();
  return row!.id;
}

async function workingDayIdOf(db: Db, t: OrgFixture) {
  if (t.org.kind !== "workshop") return crypto.randomUUID();
  const [existing] = await db.select({ id: calendarWorkingDays.id }).from(calendarWorkingDays).where(eq(calendarWorkingDays.orgId, t.org.id));
  if (existing) return existing.id;
  const [row] = await db.insert(calendarWorkingDays).values({ orgId: t.org.id, date: "2027-03-20", label: "Make-up Saturday" }).returning();
  return row!.id;
}

/** The fixture's workshops are in Italy: Liberation Day, 2027-04-25, is one of its public holidays. */
const PUBLIC_HOLIDAY = "2027-04-25";

async function removedPublicHoliday(db: Db, t: OrgFixture) {
  if (t.org.kind !== "workshop") return;
  await db
    .insert(calendarHolidayChanges)
    .values({ orgId: t.org.id, date: PUBLIC_HOLIDAY, change: "removed" })
    .onConflictDoUpdate({ target: [calendarHolidayChanges.orgId, calendarHolidayChanges.date], set: { change: "removed", label: null } });
}

export const cases = ({ db }: TenancyCaseContext): TenancyCase[] => [
  {
    procedure: "productionCalendar.get",
    kind: "workshop",
    input: (t) => ({ orgId: t.org.id }),
    state: everything,
    allowed: ({ result }) => {
      const view = result as { settings: { workingWeekdays: number[]; holidayCountry: string }; days: unknown[] };
      expect(view.settings).toMatchObject({ workingWeekdays: [1, 2, 3, 4, 5], holidayCountry: "IT" });
      expect(view.days.length).toBeGreaterThanOrEqual(365);
    },
  },
  {
    procedure: "productionCalendar.update",
    kind: "workshop",
    input: (t) => ({ orgId: t.org.id, workingWeekdays: [1, 2, 3, 4, 5, 6], holidayCountry: "IT" }),
    state: everything,
    allowed: ({ after }) => expect(stateOf(after).calendar[0]).toMatchObject({ workingWeekdays: [1, 2, 3, 4, 5, 6] }),
  },
  {
    procedure: "productionCalendar.markReviewed",
    kind: "workshop",
    input: (t) => ({ orgId: t.org.id }),
    state: everything,
    allowed: ({ after }) => expect(stateOf(after).calendar[0]?.holidaysReviewedAt).toBeInstanceOf(Date),
  },
  {
    procedure: "productionCalendar.setHoliday",
    kind: "workshop",
    input: (t) => ({ orgId: t.org.id, date: "2027-06-24", label: "San Giovanni" }),
    state: everything,
    allowed: ({ after }) => expect(stateOf(after).changes).toContainEqual(expect.objectContaining({ date: "2027-06-24", change: "added", label: "San Giovanni" })),
  },
  {
    procedure: "productionCalendar.removeHoliday",
    kind: "workshop",
    input: (t) => ({ orgId: t.org.id, date: PUBLIC_HOLIDAY }),
    state: everything,
    allowed: ({ before, after }) => {
      expect(stateOf(before).changes.find((c) => c.date === PUBLIC_HOLIDAY)).toBeUndefined();
      expect(stateOf(after).changes).toContainEqual(expect.objectContaining({ date: PUBLIC_HOLIDAY, change: "removed" }));
    },
  },
  {
    procedure: "productionCalendar.restoreHoliday",
    kind: "workshop",
    input: async (t) => {
      await removedPublicHoliday(db, t);
      return { orgId: t.org.id, date: PUBLIC_HOLIDAY };
    },
    state: everything,
    allowed: ({ before, after }) => {
      expect(stateOf(before).changes.find((c) => c.date === PUBLIC_HOLIDAY)).toMatchObject({ change: "removed" });
      expect(stateOf(after).changes.find((c) => c.date === PUBLIC_HOLIDAY)).toBeUndefined();
    },
  },
  {
    procedure: "productionCalendar.addClosure",
    kind: "workshop",
    input: (t) => ({ orgId: t.org.id, startsOn: "2027-12-23", endsOn: "2028-01-06", label: "Winter closure" }),
    state: everything,
    allowed: ({ after }) => expect(stateOf(after).closures).toContainEqual(expect.objectContaining({ startsOn: "2027-12-23", endsOn: "2028-01-06", label: "Winter closure" })),
  },
  {
    procedure: "productionCalendar.removeClosure",
    kind: "workshop",
    input: async (t) => ({ orgId: t.org.id, closureId: await closureIdOf(db, t) }),
    state: everything,
    rowIds: ["closureId"],
    allowed: ({ before, after }) => {
      const removed = stateOf(before).closures.filter((c) => !stateOf(after).closures.some((a) => a.id === c.id));
      expect(removed).toHaveLength(1);
      expect(stateOf(after).events.filter((e) => e.action === "calendar_closure.removed")).toHaveLength(stateOf(before).events.filter((e) => e.action === "calendar_closure.removed").length + 1);
    },
  },
  {
    procedure: "productionCalendar.addWorkingDay",
    kind: "workshop",
    input: (t) => ({ orgId: t.org.id, date: "2027-05-08", label: "Make-up Saturday" }),
    state: everything,
    allowed: ({ after }) => expect(stateOf(after).workingDays).toContainEqual(expect.objectContaining({ date: "2027-05-08", label: "Make-up Saturday" })),
  },
  {
    procedure: "productionCalendar.removeWorkingDay",
    kind: "workshop",
    input: async (t) => ({ orgId: t.org.id, workingDayId: await workingDayIdOf(db, t) }),
    state: everything,
    rowIds: ["workingDayId"],
    allowed: ({ before, after }) => {
      const removed = stateOf(before).workingDays.filter((w) => !stateOf(after).workingDays.some((a) => a.id === w.id));
      expect(removed).toHaveLength(1);
      expect(stateOf(after).events.filter((e) => e.action === "calendar_working_day.removed")).toHaveLength(stateOf(before).events.filter((e) => e.action === "calendar_working_day.removed").length + 1);
    },
  },
];
