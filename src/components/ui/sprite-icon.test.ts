import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SPRITE_ICONS } from "./sprite-icon";

describe("the icon sprite", () => {
  it("holds a symbol for every icon the components may ask for", () => {
    const sprite = readFileSync(path.resolve(import.meta.dirname, "../../../public/icons.svg"), "utf8");
    const ids = [...sprite.matchAll(/<symbol id="([^"]+)"/g)].map((m) => m[1]);
    expect(SPRITE_ICONS).toEqual(["map-pin", "package", "clock", "gem", "x", "search", "sliders-horizontal", "loader-circle", "chevron-left", "chevron-right"]);
    expect(ids).toEqual(["map-pin", "package", "clock", "gem", "x", "search", "sliders-horizontal", "loader-circle", "chevron-left", "chevron-right"]);
  });
});
