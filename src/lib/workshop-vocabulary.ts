/**
 * The fixed vocabularies of a workshop profile. Stored as the keys; shown with the labels. Search facets
 * and the profile editor both read from here.
 */
const vocab = <K extends string>(entries: Record<K, string>) => ({
  keys: Object.keys(entries) as [K, ...K[]],
  labels: entries,
  label: (k: string) => (entries as Record<string, string>)[k] ?? k,
});

export const CAPABILITIES = vocab({
  casting: "Casting",
  stone_setting: "Stone setting",
  engraving: "Engraving",
  enamel: "Enamel",
  hand_fabrication: "Hand fabrication",
  plating: "Plating",
  cad_design: "CAD design",
  wax_3d_printing: "3D printing / wax",
  chain_making: "Chain making",
  polishing: "Polishing",
  stone_cutting: "Stone cutting",
  filigree: "Filigree",
  laser_welding: "Laser welding",
});

export const METALS = vocab({
  gold_9k_yellow: "Gold 9k yellow",
  gold_9k_white: "Gold 9k white",
  gold_9k_rose: "Gold 9k rose",
  gold_14k_yellow: "Gold 14k yellow",
  gold_14k_white: "Gold 14k white",
  gold_14k_rose: "Gold 14k rose",
  gold_18k_yellow: "Gold 18k yellow",
  gold_18k_white: "Gold 18k white",
  gold_18k_rose: "Gold 18k rose",
  silver_925: "Silver 925",
  platinum: "Platinum",
  palladium: "Palladium",
  brass: "Brass",
  bronze: "Bronze",
});

export const GEMSTONE_WORK = vocab({ natural: "Natural stones", lab_grown: "Lab-grown stones", none: "No stones" });

export const CERTIFICATIONS = vocab({
  rjc: "RJC (Responsible Jewellery Council)",
  fairmined: "Fairmined",
  fairtrade_gold: "Fairtrade Gold",
  recycled_metal: "Recycled metal",
  iso_9001: "ISO 9001",
  scs_recycled: "SCS recycled content",
});

export const LANGUAGES = vocab({
  en: "English",
  fr: "French",
  it: "Italian",
  es: "Spanish",
  pt: "Portuguese",
  de: "German",
  hi: "Hindi",
  th: "Thai",
  zh: "Chinese",
  ja: "Japanese",
  tr: "Turkish",
  el: "Greek",
  id: "Indonesian",
  vi: "Vietnamese",
  ar: "Arabic",
});

/** ISO weekdays, 1 = Monday … 7 = Sunday. */
export const WEEKDAYS = vocab({ "1": "Mon", "2": "Tue", "3": "Wed", "4": "Thu", "5": "Fri", "6": "Sat", "7": "Sun" });

export type Capability = (typeof CAPABILITIES.keys)[number];
export type Metal = (typeof METALS.keys)[number];
export type GemstoneWork = (typeof GEMSTONE_WORK.keys)[number];
export type Certification = (typeof CERTIFICATIONS.keys)[number];
export type Language = (typeof LANGUAGES.keys)[number];
