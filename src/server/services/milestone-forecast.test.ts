import { describe, expect, it } from "vitest";
import { DEFAULT_PLAN_TEMPLATE, type MilestoneStatus } from "~/lib/milestones";
import { currentStepIndex, forecastMilestones, isOverdueWithoutReport, planMilestones, plannedEndDays, type ForecastInput } from "./milestone-forecast";
import type { LoadedCalendar } from "./production-calendar";

/** Monday to Friday, with Easter Monday 2027 (29 March) off. */
const calendar: LoadedCalendar = {
  timeZone: "Europe/Rome",
  workingWeekdays: [1, 2, 3, 4, 5],
  holidays: new Map([["2027-03-29", "Easter Monday"]]),
  workingDays: new Map(),
  closures: [],
  from: "2027-01-01",
  to: "2027-12-31",
};

const SHARES = DEFAULT_PLAN_TEMPLATE.map((s) => s.sharePercent);
const ORDER_DATE = "2027-03-01"; // a Monday

/** The plan of a 30-business-day order on 2027-03-01, worked out by hand over the calendar above. */
const PLANNED = ["2027-03-03", "2027-03-08", "2027-03-11", "2027-03-19", "2027-03-25", "2027-03-31", "2027-04-02", "2027-04-05", "2027-04-08", "2027-04-13"];
const PLANNED_DAYS = [2, 5, 8, 14, 18, 21, 23, 24, 27, 30];
const plan = { orderDate: ORDER_DATE, leadTimeDays: 30, promisedDeliveryDate: "2027-04-13" };

/** Steps 0..n-1 completed on their planned dates, step n in `status`, the rest not started. */
function progress(n: number, status: MilestoneStatus, completedOn: string | null = null): ForecastInput[] {
  return PLANNED_DAYS.map((plannedDay, i) => ({
    plannedDay,
    status: i < n ? "completed" : i === n ? status : "pending",
    completedOn: i < n ? PLANNED[i]! : i === n ? completedOn : null,
  }));
}

describe("plannedEndDays: shares rounded on their running total, half up", () => {
  it("the default template over 30 business days", () => {
    // Running shares 5, 15, 25, 45, 60, 70, 75, 80, 90, 100 % of 30 = 1.5, 4.5, 7.5, 13.5, 18, 21, 22.5, 24, 27, 30.
    expect(plannedEndDays(SHARES, 30)).toEqual([2, 5, 8, 14, 18, 21, 23, 24, 27, 30]);
  });

  it("the default template over 45 business days ends on day 45", () => {
    // 2.25, 6.75, 11.25, 20.25, 27, 31.5, 33.75, 36, 40.5, 45.
    expect(plannedEndDays(SHARES, 45)).toEqual([2, 7, 11, 20, 27, 32, 34, 36, 41, 45]);
  });

  it("thirds of 10 days: 3, 7, 10 — the rounding does not accumulate", () => {
    expect(plannedEndDays([33, 33, 34], 10)).toEqual([3, 7, 10]);
  });

  it("a share that rounds to nothing ends with the step before it", () => {
    expect(plannedEndDays([1, 99], 10)).toEqual([0, 10]);
  });

  it("refuses shares that do not sum to 100 and shares that are not whole percents", () => {
    expect(() => plannedEndDays([50, 40], 10)).toThrow("the shares sum to 90 %, not 100 %");
    expect(() => plannedEndDays([50.5, 49.5], 10)).toThrow("whole percent");
    expect(() => plannedEndDays([100], -1)).toThrow("lead time");
  });
});

describe("planMilestones", () => {
  it("counts business days from the order date over the holiday; the promise is the lead time's last day", () => {
    const p = planMilestones(calendar, ORDER_DATE, 30, SHARES);
    expect(p.steps.map((s) => s.plannedDate)).toEqual(PLANNED);
    expect(p.steps.map((s) => s.plannedDay)).toEqual(PLANNED_DAYS);
    expect(p.promisedDeliveryDate).toBe("2027-04-13");
  });

  it("an order placed on a Saturday starts counting from the Monday", () => {
    const p = planMilestones(calendar, "2027-02-27", 5, [100]);
    expect(p.steps[0]!.plannedDate).toBe("2027-03-08");
    expect(p.promisedDeliveryDate).toBe("2027-03-08");
  });
});

describe("forecastMilestones", () => {
  it("on plan: the forecast is the plan and the order is not at risk", () => {
    const f = forecastMilestones(calendar, plan, progress(3, "in_progress"), "2027-03-15");
    expect(f.forecastDates).toEqual(PLANNED);
    expect(f).toMatchObject({ expectedDeliveryDate: "2027-04-13", atRisk: false });
  });

  it("casting finished 3 business days late moves every later date by 3 business days, over Easter Monday, and flags the order", () => {
    const f = forecastMilestones(calendar, plan, progress(3, "completed", "2027-03-24"), "2027-03-24");
    expect(f.forecastDates).toEqual([
      "2027-03-03",
      "2027-03-08",
      "2027-03-11",
      "2027-03-24", // casting, actual: planned 19 March + 3 business days
      "2027-03-31", // 25 March + 3 (26, 30, 31: Easter Monday skipped)
      "2027-04-05", // 31 March + 3
      "2027-04-07", // 2 April + 3
      "2027-04-08", // 5 April + 3
      "2027-04-13", // 8 April + 3
      "2027-04-16", // 13 April + 3
    ]);
    expect(f).toMatchObject({ expectedDeliveryDate: "2027-04-16", atRisk: true });
  });

  it("casting finished 2 business days early pulls the rest in", () => {
    const f = forecastMilestones(calendar, plan, progress(3, "completed", "2027-03-17"), "2027-03-17");
    expect(f.forecastDates.slice(3)).toEqual(["2027-03-17", "2027-03-23", "2027-03-26", "2027-03-31", "2027-04-01", "2027-04-06", "2027-04-09"]);
    expect(f).toMatchObject({ expectedDeliveryDate: "2027-04-09", atRisk: false });
  });

  it("a quality check waiting 2 business days for the brand's approval moves the rest by 2", () => {
    const f = forecastMilestones(calendar, plan, progress(6, "awaiting_approval"), "2027-04-06");
    expect(f.forecastDates.slice(6)).toEqual(["2027-04-06", "2027-04-07", "2027-04-12", "2027-04-15"]);
    expect(f).toMatchObject({ expectedDeliveryDate: "2027-04-15", atRisk: true });
  });

  it("a blocked step is forecast today at the earliest; a weekend today counts from Monday", () => {
    const f = forecastMilestones(calendar, plan, progress(3, "blocked"), "2027-03-20");
    expect(f.forecastDates[3]).toBe("2027-03-22");
    expect(f.expectedDeliveryDate).toBe("2027-04-14");
  });

  it("a plan without steps expects the lead time", () => {
    expect(forecastMilestones(calendar, plan, [], "2027-03-01")).toEqual({ forecastDates: [], expectedDeliveryDate: "2027-04-13", atRisk: false });
  });
});

describe("the current step and the daily overdue check", () => {
  it("the current step is the first not completed", () => {
    expect(currentStepIndex(progress(3, "in_progress"))).toBe(3);
    expect(currentStepIndex(PLANNED_DAYS.map(() => ({ status: "completed" as const })))).toBeNull();
  });

  it("flags a step past its planned date with no report since, not one reported on or after it", () => {
    expect(isOverdueWithoutReport({ plannedDate: "2027-03-19", status: "in_progress", lastReportedOn: "2027-03-12" }, "2027-03-22")).toBe(true);
    expect(isOverdueWithoutReport({ plannedDate: "2027-03-19", status: "pending", lastReportedOn: null }, "2027-03-22")).toBe(true);
    expect(isOverdueWithoutReport({ plannedDate: "2027-03-19", status: "blocked", lastReportedOn: "2027-03-19" }, "2027-03-22")).toBe(false);
    expect(isOverdueWithoutReport({ plannedDate: "2027-03-19", status: "in_progress", lastReportedOn: null }, "2027-03-19")).toBe(false);
    expect(isOverdueWithoutReport({ plannedDate: "2027-03-19", status: "awaiting_approval", lastReportedOn: null }, "2027-03-25")).toBe(false);
  });
});
