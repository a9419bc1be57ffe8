/**
 * Money as integer minor units plus an ISO 4217 currency code, never a float. How many minor units a
 * currency has comes from Intl (EUR 2, JPY 0, KWD 3), so there is no table to keep up to date.
 */
export type Money = { amountMinor: number; currency: string };

const CURRENCY_CODE = /^[A-Z]{3}$/;
let known: Set<string> | null = null;

export function isCurrency(code: string): boolean {
  if (!CURRENCY_CODE.test(code)) return false;
  known ??= new Set(Intl.supportedValuesOf("currency"));
  return known.has(code);
}

/** Digits after the decimal point in the currency's minor unit. */
export function minorUnitDigits(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** The exact decimal text of an amount in minor units, e.g. 4500 EUR → "45.00" (no float on the way). */
export function toDecimalString(amountMinor: number, currency: string): string {
  if (!Number.isSafeInteger(amountMinor)) throw new RangeError(`amountMinor must be a safe integer, got ${amountMinor}`);
  const digits = minorUnitDigits(currency);
  const sign = amountMinor < 0 ? "-" : "";
  const abs = String(Math.abs(amountMinor)).padStart(digits + 1, "0");
  if (digits === 0) return sign + abs;
  return `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}

/** "€45.00", "¥1,200"; the decimal text goes to Intl as a string so large amounts stay exact. */
export function formatMoney(money: Money, locale = "en-GB"): string {
  const formatter = new Intl.NumberFormat(locale, { style: "currency", currency: money.currency });
  return formatter.format(toDecimalString(money.amountMinor, money.currency) as `${number}`);
}

export type ParseMoneyResult = { ok: true; money: Money } | { ok: false; error: string };

// An amount with optional thousands commas and an optional decimal part, the currency code before or after.
const MONEY_TEXT = /^(?:([A-Za-z]{3})\s*)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s*([A-Za-z]{3}))?$/;

/**
 * Parses what a person types, strictly: "45.00 EUR", "EUR 45", "1,200 JPY". No negative amounts, no
 * exponents, no more decimals than the currency has. `defaultCurrency` is used when the text names none.
 */
export function parseMoney(text: string, defaultCurrency?: string): ParseMoneyResult {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, error: "Enter an amount." };
  const match = MONEY_TEXT.exec(trimmed);
  if (!match) return { ok: false, error: "Enter an amount like 45.00 EUR." };
  const [, before, whole, fraction = "", after] = match;
  if (before && after) return { ok: false, error: "Name the currency once, like 45.00 EUR." };
  const currency = (before ?? after ?? defaultCurrency ?? "").toUpperCase();
  if (!currency) return { ok: false, error: "Add the currency, like 45.00 EUR." };
  if (!isCurrency(currency)) return { ok: false, error: `${currency} is not a currency code we know.` };
  const digits = minorUnitDigits(currency);
  if (fraction.length > digits) {
    return { ok: false, error: digits === 0 ? `${currency} has no decimal places.` : `${currency} has at most ${digits} decimal places.` };
  }
  const minorText = (whole ?? "").replaceAll(",", "") + fraction.padEnd(digits, "0");
  const amountMinor = Number(minorText);
  if (!Number.isSafeInteger(amountMinor)) return { ok: false, error: "That amount is too large." };
  return { ok: true, money: { amountMinor, currency } };
}
