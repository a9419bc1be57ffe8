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

/**
 * How many units of a currency make roughly what one US dollar buys, rounded to a power of ten, for the
 * currencies whose units are small. Only used to keep upper limits sensible in every currency (a sample
 * fee of 2,000,000 VND is about 80 dollars); not for conversion. Unlisted currencies count as 1.
 */
const SMALL_UNIT_SCALE: Record<string, number> = {
  CNY: 10, DKK: 10, HKD: 10, MXN: 10, NOK: 10, SEK: 10, THB: 10, TRY: 10, ZAR: 10,
  INR: 100, JPY: 100,
  COP: 1_000, KRW: 1_000,
  IDR: 10_000, VND: 10_000,
};

/** Upper limits of amounts people type, per purpose, in dollar-sized units (scaled per currency). */
export const MONEY_LIMITS = {
  sampleFee: 100_000,
  retailPrice: 1_000_000,
  /** A quote's unit price or per-size surcharge. */
  unitPrice: 1_000_000,
  /** A quote's one-time fee (mould, tooling, CAD). */
  oneTimeFee: 1_000_000,
} as const;

export type MoneyLimit = keyof typeof MONEY_LIMITS;

/** The largest amount allowed for a purpose in a currency, in minor units. */
export function maxAmountMinor(limit: MoneyLimit, currency: string): number {
  const major = MONEY_LIMITS[limit] * (SMALL_UNIT_SCALE[currency] ?? 1);
  return major * 10 ** minorUnitDigits(currency);
}

/** A readable refusal when `money` is above the limit for its purpose; null when it is within. */
export function aboveLimitError(money: Money, limit: MoneyLimit, what: string): string | null {
  const max = maxAmountMinor(limit, money.currency);
  if (money.amountMinor <= max) return null;
  return `${what} can be at most ${formatMoney({ amountMinor: max, currency: money.currency })}.`;
}

/**
 * The amount Stripe is asked to charge, in Stripe's units. Stripe counts in the currency's minor units
 * (cents; yen for JPY), except that for three-decimal currencies (KWD, BHD, JOD, OMR, TND) the last digit
 * must be 0. Returns the step too; null when the amount cannot be charged as it is.
 */
export function stripeAmountOf(money: Money): { amount: number; step: number } | null {
  if (!Number.isSafeInteger(money.amountMinor) || money.amountMinor <= 0) return null;
  const step = minorUnitDigits(money.currency) === 3 ? 10 : 1;
  if (money.amountMinor % step !== 0) return null;
  return { amount: money.amountMinor, step };
}
