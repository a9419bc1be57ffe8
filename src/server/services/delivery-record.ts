import type { Queryable } from "../db/client";
import { businessDaysBetween, loadProductionCalendarIn, type IsoDate } from "./production-calendar";

/**
 * By how many business days a delivery missed its promise, in the workshop's calendar: 0 on or before the
 * promised day. Kept on the plan when the delivery is recorded, so the workshop's public record reads a
 * number and never needs the workshop's own calendar. Inside a transaction bound to the workshop.
 */
export async function lateBusinessDaysOf(tx: Queryable, workshopOrgId: string, promisedOn: IsoDate, deliveredOn: IsoDate | null): Promise<number | null> {
  if (!deliveredOn) return null;
  if (deliveredOn <= promisedOn) return 0;
  const span = Math.round((Date.parse(deliveredOn) - Date.parse(promisedOn)) / 86_400_000);
  // One day past the delivery, so every day counted is inside the loaded calendar.
  const calendar = await loadProductionCalendarIn(tx, workshopOrgId, promisedOn, span + 1);
  return businessDaysBetween(calendar, promisedOn, deliveredOn);
}
