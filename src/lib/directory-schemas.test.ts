import { describe, expect, it } from "vitest";
import { activeFilters, directoryQueryString, directoryRangeError, directorySearchSchema, filterLabel, loosenableFilters, parseDirectoryQuery, withoutFilter } from "./directory-schemas";

describe("directory query string", () => {
  it("reads a shared link and writes it back the same", () => {
    const qs = "q=enamel+rings&capability=enamel&capability=casting&metal=platinum&gem=natural&country=IT&country=FR&cert=rjc&moq=5&lead=30&sort=moq&page=3";
    const params = parseDirectoryQuery(new URLSearchParams(qs));
    expect(params).toEqual({
      q: "enamel rings",
      capabilities: ["enamel", "casting"],
      metals: ["platinum"],
      gemstoneWork: ["natural"],
      countries: ["IT", "FR"],
      certifications: ["rjc"],
      moqMax: 5,
      leadTimeMax: 30,
      sort: "moq",
      page: 3,
    });
    expect(directoryQueryString(params)).toBe(`?${qs}`);
  });

  it("falls back to defaults for anything malformed instead of failing", () => {
    const params = parseDirectoryQuery({ moq: "abc", lead: "0", page: "-2", sort: "cheapest", capability: ["nope", "enamel", "enamel"], country: "XX", metal: "1e3" });
    expect(params).toEqual(parseDirectoryQuery({ capability: "enamel" }));
    expect(parseDirectoryQuery({ page: "99999", moq: "100001", lead: "5.5" })).toMatchObject({ page: 1, moqMax: undefined, leadTimeMax: undefined });
    expect(parseDirectoryQuery({ q: "x".repeat(500) }).q).toHaveLength(200);
    expect(directoryQueryString(parseDirectoryQuery({}))).toBe("");
  });

  it("removes one filter at a time and goes back to the first page", () => {
    const params = parseDirectoryQuery({ capability: ["enamel", "casting"], country: ["IT", "FR"], moq: "3", page: "4", q: "gold" });
    expect(activeFilters(params).map((f) => filterLabel(params, f))).toEqual(["“gold”", "Enamel", "Casting", "Italy", "France", "MOQ ≤ 3"]);
    expect(withoutFilter(params, { key: "capabilities", value: "enamel" })).toMatchObject({ capabilities: ["casting"], page: 1 });
    expect(withoutFilter(params, { key: "countries" })).toMatchObject({ countries: [], page: 1 });
    expect(withoutFilter(params, { key: "moqMax" }).moqMax).toBeUndefined();
    // Dropping one accepted country can only narrow a search, so an empty search loosens the facet as a whole.
    expect(loosenableFilters(params).map((f) => filterLabel(params, f))).toEqual(["“gold”", "Enamel", "Casting", "Italy or France", "MOQ ≤ 3"]);
  });

  it("ignores search text without letters or digits", () => {
    expect(activeFilters(parseDirectoryQuery({ q: "?!" }))).toEqual([]);
  });
});

describe("the number boxes checked in the browser", () => {
  it("say what the procedure's schema says, without loading it", () => {
    const typed = ["abc", "", "0", "-3", "1", "1.5", "1e3", "100000", "100001", "1000", "1001", "Infinity", " 7 "];
    for (const key of ["moqMax", "leadTimeMax"] as const) {
      for (const raw of typed) {
        const parsed = directorySearchSchema.shape[key].safeParse(Number(raw));
        expect([key, raw, directoryRangeError(key, Number(raw))]).toEqual([key, raw, parsed.success ? undefined : parsed.error.issues[0]?.message]);
      }
    }
    expect(directoryRangeError("moqMax", 0)).toBe("Enter at least 1 piece.");
    expect(directoryRangeError("leadTimeMax", 2.5)).toBe("Enter whole business days.");
    expect(directoryRangeError("moqMax", NaN)).toBe("Enter a number of pieces.");
  });
});
