import { formatMoney } from "~/lib/money";
import { orderNumberLabel, type QuoteVersionStatus, type RfqInvitationStatus, type RfqStatus } from "~/lib/rfq-schemas";

export const money = (amountMinor: number, currency: string) => formatMoney({ amountMinor, currency });

export const RFQ_STATUS_TONE: Record<RfqStatus, "neutral" | "info" | "success" | "warning"> = { draft: "neutral", open: "info", closed: "neutral", awarded: "success" };
export const INVITATION_TONE: Record<RfqInvitationStatus, "neutral" | "info" | "success" | "warning" | "danger"> = {
  invited: "info",
  declined: "neutral",
  quoted: "warning",
  awarded: "success",
  not_awarded: "neutral",
};
export const VERSION_TONE: Record<QuoteVersionStatus, "neutral" | "info" | "success" | "warning" | "danger"> = {
  draft: "neutral",
  sent: "info",
  superseded: "neutral",
  withdrawn: "neutral",
  accepted: "success",
  declined: "neutral",
  expired: "warning",
  outdated: "warning",
};

/** "45.00" in the currency's minor units, or null when it is not an amount. */
export function parseAmount(text: string, digits: number): number | null {
  const t = text.trim().replace(",", ".");
  const re = digits === 0 ? /^\d+$/ : new RegExp(`^\\d+(\\.\\d{1,${digits}})?$`);
  if (!re.test(t)) return null;
  const [whole, frac = ""] = t.split(".");
  const value = Number(whole) * 10 ** digits + Number((frac + "0".repeat(digits)).slice(0, digits) || "0");
  return Number.isSafeInteger(value) ? value : null;
}

export function amountText(amountMinor: number, digits: number): string {
  if (digits === 0) return String(amountMinor);
  const s = String(amountMinor).padStart(digits + 1, "0");
  return `${s.slice(0, -digits)}.${s.slice(-digits)}`;
}

export const orderLabel = (o: { year: number; seq: number }) => orderNumberLabel(o.year, o.seq);
