/**
 * The milestone planner and forecaster: pure functions over a loaded production calendar, the only place
 * milestone dates are computed. Business days come from production-calendar.ts and its edges hold here
 * (the order date is day 0; a date on a non-working day rolls forward first).
 *
 * Planning, at order:
 *   - Each step has a share of the quote's lead time in percent; a plan's shares sum to 100.
 *   - Shares are rounded to whole business days on their running total, half up: step k ends on business
 *     day round(leadTime × (share₁ + … + shareₖ) / 100). So the rounding never accumulates, the days of
 *     the steps sum exactly to the lead time, and the last step ends on the lead time's last day. A step
 *     whose share rounds to nothing ends the same day as the step before it.
 *   - The planned date of a step is its end day counted from the order date; the promised delivery date
 *     is the lead time counted from the order date, fixed at order, never moved.
 *
 * Forecasting, after every change:
 *   - A completed step's forecast is its actual date. Every other step is forecast its own planned length
 *     (its planned business days) after the forecast of the step before it, so a step finished n business
 *     days late moves every later step by n business days, and one finished early pulls them in.
 *   - A step not completed cannot finish before today: an overdue step, a blocked one, and one waiting for
 *     the brand's approval are forecast today at the earliest, which moves what follows day by day — the
 *     wait for an approval is counted that way, and once approved the approval day is its actual date.
 *   - The expected delivery is the last step's forecast; the order is at risk when it is after the promise.
 */
import { addBusinessDays, rollForward, type IsoDate, type LoadedCalendar } from "./production-calendar";
import type { MilestoneStatus } from "~/lib/milestones";
import { PlanShareError, plannedEndDays } from "~/lib/milestone-shares";

export { PlanShareError, plannedEndDays };

export type PlannedStep = { plannedDay: number; plannedDate: IsoDate };

export type MilestonePlan = { orderDate: IsoDate; promisedDeliveryDate: IsoDate; steps: PlannedStep[] };

/** The plan of an order placed on `orderDate` (the workshop's day) with a lead time in business days. */
export function planMilestones(calendar: LoadedCalendar, orderDate: IsoDate, leadTimeDays: number, sharesPercent: readonly number[]): MilestonePlan {
  const days = plannedEndDays(sharesPercent, leadTimeDays);
  return {
    orderDate,
    promisedDeliveryDate: addBusinessDays(calendar, orderDate, leadTimeDays),
    steps: days.map((plannedDay) => ({ plannedDay, plannedDate: addBusinessDays(calendar, orderDate, plannedDay) })),
  };
}

export type ForecastInput = {
  plannedDay: number;
  status: MilestoneStatus;
  /** The actual date it was completed (approved, for a step that needs approval). */
  completedOn: IsoDate | null;
};

export type Forecast = { forecastDates: IsoDate[]; expectedDeliveryDate: IsoDate; atRisk: boolean };

const later = (a: IsoDate, b: IsoDate) => (a > b ? a : b);

/**
 * The forecast of every step and the expected delivery, from the actual dates so far. `today` is the
 * workshop's day; `steps` are in plan order.
 */
export function forecastMilestones(
  calendar: LoadedCalendar,
  plan: { orderDate: IsoDate; leadTimeDays: number; promisedDeliveryDate: IsoDate },
  steps: readonly ForecastInput[],
  today: IsoDate,
): Forecast {
  const earliestOpen = rollForward(calendar, today);
  const forecastDates: IsoDate[] = [];
  let previousDate = plan.orderDate;
  let previousDay = 0;
  for (const step of steps) {
    const length = Math.max(0, step.plannedDay - previousDay);
    previousDay = step.plannedDay;
    let date: IsoDate;
    if (step.status === "completed" && step.completedOn) {
      date = step.completedOn;
    } else {
      date = later(addBusinessDays(calendar, previousDate, length), earliestOpen);
    }
    forecastDates.push(date);
    previousDate = date;
  }
  const expectedDeliveryDate = steps.length > 0 ? forecastDates[forecastDates.length - 1]! : addBusinessDays(calendar, plan.orderDate, plan.leadTimeDays);
  return { forecastDates, expectedDeliveryDate, atRisk: expectedDeliveryDate > plan.promisedDeliveryDate };
}

/** The step a workshop works on: the first one not completed, or null when all are. */
export function currentStepIndex(steps: readonly { status: MilestoneStatus }[]): number | null {
  const i = steps.findIndex((s) => s.status !== "completed");
  return i === -1 ? null : i;
}

/**
 * Whether the daily check flags the current step: its planned date is before today and nothing was
 * reported on it since that date (no start, block, completion or approval request on or after it).
 */
export function isOverdueWithoutReport(step: { plannedDate: IsoDate; status: MilestoneStatus; lastReportedOn: IsoDate | null }, today: IsoDate): boolean {
  if (step.status === "completed" || step.status === "awaiting_approval") return false;
  if (step.plannedDate >= today) return false;
  return step.lastReportedOn === null || step.lastReportedOn < step.plannedDate;
}
