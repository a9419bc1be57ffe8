import { describe, expect, it } from "vitest";
import { designSpecSchema, emptySpec } from "~/lib/design-spec";
import { completeSpec } from "~/test/designs";
import { toSpec, toValues } from "./spec-values";

describe("the spec form's values", () => {
  it("round-trip a spec: what the form shows is what it saves", () => {
    for (const spec of [emptySpec(), completeSpec("ring"), completeSpec("necklace")]) {
      expect(designSpecSchema.parse(toSpec(toValues(spec)))).toEqual(spec);
    }
  });

  it("reads typed numbers (a decimal comma too), sizes separated by commas or spaces, and empty boxes as no value", () => {
    const values = toValues(completeSpec("ring"));
    values.targetWeightGrams = "3,6";
    values.dimensions.lengthMm = " ";
    values.sizeRun.sizes = "9, 5 7;6";
    const spec = designSpecSchema.parse(toSpec(values));
    expect({ weight: spec.targetWeightGrams, length: spec.dimensions.lengthMm, sizes: spec.sizeRun?.sizes }).toEqual({ weight: 3.6, length: null, sizes: ["5", "6", "7", "9"] });
  });

  it("text that is no number is refused by the schema next to its field, not saved as 0", () => {
    const values = toValues(completeSpec("ring"));
    values.gemstones[0]!.sizeMm = "two";
    const parsed = designSpecSchema.safeParse(toSpec(values));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toContain("gemstones.0.sizeMm");
  });

  it("a thickness left in a disabled box does not count without plating", () => {
    const values = toValues(completeSpec("ring"));
    values.metals[0]!.platingMicrons = "2";
    expect(designSpecSchema.parse(toSpec(values)).metals[0]!.platingMicrons).toBeNull();
  });
});
