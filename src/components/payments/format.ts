import { formatMoney } from "~/lib/money";
import type { PaymentStatus } from "~/lib/payment-schemas";

export const money = (amountMinor: number, currency: string) => formatMoney({ amountMinor, currency });

const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
export const formatDay = (date: string) => dayFormat.format(new Date(`${date}T00:00:00Z`));

export const PAYMENT_STATUS_TONE: Record<PaymentStatus, "neutral" | "info" | "success" | "danger" | "warning"> = {
  due: "warning",
  processing: "info",
  paid: "success",
  failed: "danger",
  refunded: "neutral",
  partially_refunded: "neutral",
};
