import { describe, expect, it } from "vitest";
import { amountText, parseAmount } from "./format";

describe("typed amounts in minor units", () => {
  it("reads 45.00 EUR as 4500, 1200 JPY as 1200, 1.250 KWD as 1250", () => {
    expect(parseAmount("45.00", 2)).toBe(4500);
    expect(parseAmount("45,5", 2)).toBe(4550);
    expect(parseAmount("1200", 0)).toBe(1200);
    expect(parseAmount("1.250", 3)).toBe(1250);
  });
  it("refuses more decimals than the currency has, and text", () => {
    expect(parseAmount("45.001", 2)).toBeNull();
    expect(parseAmount("12.5", 0)).toBeNull();
    expect(parseAmount("abc", 2)).toBeNull();
  });
  it("writes minor units back as text", () => {
    expect(amountText(4500, 2)).toBe("45.00");
    expect(amountText(5, 2)).toBe("0.05");
    expect(amountText(1250, 3)).toBe("1.250");
    expect(amountText(1200, 0)).toBe("1200");
  });
});
