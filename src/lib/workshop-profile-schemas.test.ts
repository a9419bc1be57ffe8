import { describe, expect, it } from "vitest";
import { z } from "zod";
import { profileDetailsSchema } from "./workshop-profile-schemas";

const valid = {
  headline: "Small-batch enamel",
  story: "",
  city: "Vicenza",
  country: "IT",
  capabilities: [],
  metals: [],
  gemstoneWork: [],
  certifications: [],
  languages: [],
  moqPerDesign: 5,
  leadTimeMinDays: 10,
  leadTimeMaxDays: 20,
  monthlyCapacity: 400,
};

const fieldErrors = (input: unknown) => {
  const result = profileDetailsSchema.safeParse(input);
  return result.success ? {} : z.flattenError(result.error).fieldErrors;
};

describe("the profile details' errors on the first submit", () => {
  it("include the lead-time order next to another field's error", () => {
    expect(fieldErrors({ ...valid, headline: "x".repeat(141), leadTimeMinDays: 20, leadTimeMaxDays: 10 })).toEqual({
      headline: ["Keep the headline to 140 characters."],
      leadTimeMaxDays: ["The longest lead time cannot be shorter than the shortest."],
    });
  });

  it("include a missing half of the lead time next to another field's error", () => {
    expect(fieldErrors({ ...valid, headline: "x".repeat(141), leadTimeMinDays: 10, leadTimeMaxDays: null })).toEqual({
      headline: ["Keep the headline to 140 characters."],
      leadTimeMaxDays: ["Enter both the shortest and the longest lead time, or neither."],
    });
  });

  it("say only the lead time's own problem when one of the two is not a valid number", () => {
    expect(fieldErrors({ ...valid, leadTimeMinDays: 400, leadTimeMaxDays: 10 })).toEqual({
      leadTimeMinDays: ["The shortest lead time must be at most 365."],
    });
  });
});
