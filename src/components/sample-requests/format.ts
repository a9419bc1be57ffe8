import { formatMoney } from "~/lib/money";

const dayFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });
const shortDate = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium" });

/** A calendar day stored as YYYY-MM-DD, shown as the same day everywhere (no time zone shift). */
export const formatDay = (isoDate: string) => dayFormat.format(new Date(`${isoDate}T00:00:00Z`));
export const formatDateTime = (d: Date) => dateTimeFormat.format(d);
export const formatDate = (d: Date) => shortDate.format(d);

export function formatFee(feeMinor: number | null, feeCurrency: string | null): string | null {
  if (feeMinor === null || !feeCurrency) return null;
  return feeMinor === 0 ? "Free" : formatMoney({ amountMinor: feeMinor, currency: feeCurrency });
}

/** "Under an hour", "5 hours", "3 days": a response time people read at a glance. */
export function formatHours(hours: number): string {
  if (hours < 1) return "Under an hour";
  if (hours < 48) return `${Math.round(hours)} hour${Math.round(hours) === 1 ? "" : "s"}`;
  return `${Math.round(hours / 24)} days`;
}

/** Accepts "12" or "SR-12" from a URL; null when it is neither. */
export function parseSampleNumber(param: string): number | null {
  const match = /^(?:sr-)?(\d{1,9})$/i.exec(decodeURIComponent(param));
  if (!match) return null;
  const n = Number(match[1]);
  return n >= 1 ? n : null;
}
