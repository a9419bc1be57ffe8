import { describe, expect, it } from "vitest";
import { COUNTRY_OPTIONS } from "./regions";

describe("country lists", () => {
  it("are sorted by name, not by code", () => {
    const names = COUNTRY_OPTIONS.map((c) => c.name);
    expect(names.slice(0, 4)).toEqual(["Australia", "Belgium", "Brazil", "Canada"]);
    expect(names.slice(-5)).toEqual(["Türkiye", "United Arab Emirates", "United Kingdom", "United States", "Vietnam"]);
    expect(names.indexOf("South Africa")).toBeLessThan(names.indexOf("South Korea"));
  });
});
