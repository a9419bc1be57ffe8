import { describe, expect, it } from "vitest";
import { renamedPath } from "./renamed";

describe("the same page under an organization's new address", () => {
  it("keeps the rest of the path and the query", () => {
    expect(renamedPath("/brand/old/samples/3", "/brand/old", "/brand/new")).toBe("/brand/new/samples/3");
    expect(renamedPath("/brand/old?tab=1", "/brand/old", "/brand/new")).toBe("/brand/new?tab=1");
    expect(renamedPath("/brand/old", "/brand/old", "/brand/new")).toBe("/brand/new");
  });

  it("falls back to the portal's home when the path is missing, elsewhere, or not a path of this site", () => {
    expect(renamedPath(null, "/brand/old", "/brand/new")).toBe("/brand/new");
    expect(renamedPath("/brand/older/x", "/brand/old", "/brand/new")).toBe("/brand/new");
    expect(renamedPath("//evil.example/brand/old", "/brand/old", "/brand/new")).toBe("/brand/new");
    expect(renamedPath("https://evil.example", "/brand/old", "/brand/new")).toBe("/brand/new");
  });
});
