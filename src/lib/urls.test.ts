import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./urls";

describe("safeCallbackUrl", () => {
  it("keeps paths on this site, with their query and hash", () => {
    expect(safeCallbackUrl("/brand/maison-lune")).toBe("/brand/maison-lune");
    expect(safeCallbackUrl("/workshops?q=gold#top")).toBe("/workshops?q=gold#top");
    expect(safeCallbackUrl("/invitations/abc", "/onboarding")).toBe("/invitations/abc");
  });

  it("refuses every way to another host, including the ones a browser rewrites (tab, newline, backslash)", () => {
    for (const value of [
      "/\t/evil.example/phish",
      "/\n/evil.example",
      "/\t\\evil.example",
      "/\r\n/evil.example",
      "//evil.example",
      "/\\evil.example",
      "\\/evil.example",
      "https://evil.example/",
      "javascript:alert(1)",
      " /\t/evil.example",
      "/%09/evil.example/..",
    ]) {
      const result = safeCallbackUrl(value);
      expect(new URL(result, "https://bezel.example").host).toBe("bezel.example");
    }
    expect(safeCallbackUrl("/\t/evil.example/phish")).toBe("/app");
    expect(safeCallbackUrl("/\n/evil.example")).toBe("/app");
    expect(safeCallbackUrl("/\t\\evil.example")).toBe("/app");
  });

  it("falls back for anything that is not a string path", () => {
    expect(safeCallbackUrl(undefined)).toBe("/app");
    expect(safeCallbackUrl(["/a", "/b"], "/onboarding")).toBe("/onboarding");
    expect(safeCallbackUrl("brand/x")).toBe("/app");
  });
});
