import type { ProfileDetailsInput } from "~/lib/workshop-profile-schemas";

/** The form's values from a saved profile row. */
export function toDetails(p: {
  headline: string;
  story: string;
  city: string;
  country: string;
  capabilities: string[];
  metals: string[];
  gemstoneWork: string[];
  certifications: string[];
  languages: string[];
  moqPerDesign: number | null;
  leadTimeMinDays: number | null;
  leadTimeMaxDays: number | null;
  monthlyCapacity: number | null;
}): ProfileDetailsInput {
  return {
    headline: p.headline,
    story: p.story,
    city: p.city,
    country: p.country as ProfileDetailsInput["country"],
    capabilities: p.capabilities as ProfileDetailsInput["capabilities"],
    metals: p.metals as ProfileDetailsInput["metals"],
    gemstoneWork: p.gemstoneWork as ProfileDetailsInput["gemstoneWork"],
    certifications: p.certifications as ProfileDetailsInput["certifications"],
    languages: p.languages as ProfileDetailsInput["languages"],
    moqPerDesign: p.moqPerDesign,
    leadTimeMinDays: p.leadTimeMinDays,
    leadTimeMaxDays: p.leadTimeMaxDays,
    monthlyCapacity: p.monthlyCapacity,
  };
}
