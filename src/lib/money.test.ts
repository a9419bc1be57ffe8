import { describe, expect, it } from "vitest";
import { formatMoney, isCurrency, minorUnitDigits, parseMoney, toDecimalString } from "./money";
import { acceptSampleRequestSchema } from "./sample-request-schemas";

describe("minor units", () => {
  it("come from Intl for each currency", () => {
    expect(minorUnitDigits("EUR")).toBe(2);
    expect(minorUnitDigits("JPY")).toBe(0);
    expect(minorUnitDigits("KWD")).toBe(3);
  });

  it("know real currency codes only", () => {
    expect(isCurrency("EUR")).toBe(true);
    expect(isCurrency("eur")).toBe(false);
    expect(isCurrency("XYZ")).toBe(false);
    expect(isCurrency("EURO")).toBe(false);
  });
});

describe("toDecimalString", () => {
  it("writes minor units as exact decimal text", () => {
    expect(toDecimalString(4500, "EUR")).toBe("45.00");
    expect(toDecimalString(5, "EUR")).toBe("0.05");
    expect(toDecimalString(0, "EUR")).toBe("0.00");
    expect(toDecimalString(-1234, "USD")).toBe("-12.34");
    expect(toDecimalString(1200, "JPY")).toBe("1200");
    expect(toDecimalString(1, "KWD")).toBe("0.001");
  });

  it("refuses a float or an unsafe integer", () => {
    expect(() => toDecimalString(1.5, "EUR")).toThrow(RangeError);
    expect(() => toDecimalString(2 ** 60, "EUR")).toThrow(RangeError);
  });
});

describe("formatMoney", () => {
  it("formats with Intl in the currency's own decimals", () => {
    expect(formatMoney({ amountMinor: 4500, currency: "EUR" })).toBe("€45.00");
    expect(formatMoney({ amountMinor: 123456789, currency: "USD" }, "en-US")).toBe("$1,234,567.89");
    expect(formatMoney({ amountMinor: 1200, currency: "JPY" }, "en-US")).toBe("¥1,200");
    expect(formatMoney({ amountMinor: 4500, currency: "EUR" }, "de-DE")).toBe("45,00\u00a0€");
  });

  it("stays exact for the largest safe amount", () => {
    expect(formatMoney({ amountMinor: Number.MAX_SAFE_INTEGER, currency: "USD" }, "en-US")).toBe("$90,071,992,547,409.91");
  });
});

describe("parseMoney", () => {
  const ok = (text: string, defaultCurrency?: string) => {
    const r = parseMoney(text, defaultCurrency);
    if (!r.ok) throw new Error(`expected ${text} to parse: ${r.error}`);
    return r.money;
  };
  const error = (text: string, defaultCurrency?: string) => {
    const r = parseMoney(text, defaultCurrency);
    if (r.ok) throw new Error(`expected ${text} to be refused`);
    return r.error;
  };

  it("reads an amount and a currency into minor units", () => {
    expect(ok("45.00 EUR")).toEqual({ amountMinor: 4500, currency: "EUR" });
    expect(ok("45 EUR")).toEqual({ amountMinor: 4500, currency: "EUR" });
    expect(ok("45.5 eur")).toEqual({ amountMinor: 4550, currency: "EUR" });
    expect(ok("EUR 0.05")).toEqual({ amountMinor: 5, currency: "EUR" });
    expect(ok("  1,250.99 USD ")).toEqual({ amountMinor: 125099, currency: "USD" });
    expect(ok("1200 JPY")).toEqual({ amountMinor: 1200, currency: "JPY" });
    expect(ok("1.234 KWD")).toEqual({ amountMinor: 1234, currency: "KWD" });
    expect(ok("0 EUR")).toEqual({ amountMinor: 0, currency: "EUR" });
  });

  it("uses the default currency when the text names none", () => {
    expect(ok("19.90", "GBP")).toEqual({ amountMinor: 1990, currency: "GBP" });
    expect(ok("19.90 EUR", "GBP")).toEqual({ amountMinor: 1990, currency: "EUR" });
  });

  it("does not go through floating point", () => {
    // 0.29 * 100 is 28.999999999999996 in floating point.
    expect(ok("0.29 EUR").amountMinor).toBe(29);
    expect(ok("1.13 EUR").amountMinor).toBe(113);
  });

  it("refuses anything loose, with a message for people", () => {
    expect(error("")).toMatch(/Enter an amount/);
    expect(error("45.00")).toMatch(/currency/);
    expect(error("-5 EUR")).toMatch(/like 45.00 EUR/);
    expect(error("1e3 EUR")).toMatch(/like 45.00 EUR/);
    expect(error("45,00 EUR")).toMatch(/like 45.00 EUR/);
    expect(error("1,2345 EUR")).toMatch(/like 45.00 EUR/);
    expect(error("45. EUR")).toMatch(/like 45.00 EUR/);
    expect(error(".5 EUR")).toMatch(/like 45.00 EUR/);
    expect(error("EUR 45 USD")).toMatch(/once/);
    expect(error("45 XYZ")).toMatch(/not a currency/);
    expect(error("45.001 EUR")).toMatch(/at most 2 decimal places/);
    expect(error("100.5 JPY")).toMatch(/no decimal places/);
    expect(error("99999999999999999 EUR")).toMatch(/too large/);
  });
});

describe("upper limits on amounts people type", () => {
  const fee = (text: string) => acceptSampleRequestSchema.shape.fee.safeParse(text);

  it("refuses an absurd sample fee and names the limit", () => {
    const r = fee("99999999999 EUR");
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe("A sample fee can be at most €100,000.00.");
    expect(fee("100,000.01 EUR").success).toBe(false);
  });

  it("accepts fees up to the limit, scaled for currencies with small units", () => {
    expect(fee("100,000.00 EUR")).toMatchObject({ success: true, data: { amountMinor: 10_000_000, currency: "EUR" } });
    // About 80 dollars: a real fee in Vietnam, far above 100,000 units.
    expect(fee("2,000,000 VND")).toMatchObject({ success: true, data: { amountMinor: 2_000_000, currency: "VND" } });
    expect(fee("1,000,000,001 VND").success).toBe(false);
    expect(fee("10,000,000 JPY").success).toBe(true);
    expect(fee("10,000,001 JPY").success).toBe(false);
  });
});
