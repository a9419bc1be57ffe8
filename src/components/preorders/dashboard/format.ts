import { formatMoney } from "~/lib/money";
import type { PreorderReservationStatus } from "~/lib/preorder-vocabulary";

export const money = (amountMinor: number, currency: string) => formatMoney({ amountMinor, currency });

const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
/** "18 Nov" from "2026-11-18" (the series' days are UTC days). */
export const shortDay = (day: string) => dayFormat.format(new Date(`${day}T00:00:00Z`));

export const units = (n: number) => `${n.toLocaleString("en-GB")} unit${n === 1 ? "" : "s"}`;

export const RESERVATION_STATUS_TONE: Record<PreorderReservationStatus, "neutral" | "info" | "success" | "danger" | "warning"> = {
  held: "warning",
  paid: "success",
  expired: "neutral",
  cancelled: "neutral",
  refunded: "info",
};
