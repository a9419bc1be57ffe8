/**
 * Shares of a lead time as whole business days: pure, and safe for the browser (the plan template's
 * preview) as well as the planner in services/milestone-forecast.ts. The rule is stated there.
 */
export class PlanShareError extends RangeError {}

/** The business day (counted from the order date) each step ends on, for shares in percent summing to 100. */
export function plannedEndDays(sharesPercent: readonly number[], leadTimeDays: number): number[] {
  if (!Number.isSafeInteger(leadTimeDays) || leadTimeDays < 0) throw new PlanShareError(`a lead time is a whole number of business days ≥ 0, got ${leadTimeDays}`);
  if (sharesPercent.some((s) => !Number.isInteger(s) || s < 0 || s > 100)) throw new PlanShareError("each share is a whole percent from 0 to 100");
  const total = sharesPercent.reduce((a, b) => a + b, 0);
  if (sharesPercent.length > 0 && total !== 100) throw new PlanShareError(`the shares sum to ${total} %, not 100 %`);
  let running = 0;
  return sharesPercent.map((share) => {
    running += share;
    // Half up in integers: floor((L × S + 50) / 100).
    return Math.floor((leadTimeDays * running + 50) / 100);
  });
}

