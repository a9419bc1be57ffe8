import { countryName } from "~/lib/regions";
import { CAPABILITIES, CERTIFICATIONS, LANGUAGES, METALS } from "~/lib/workshop-vocabulary";
import type { DemoPieceKind } from "./demo-images";

/** The words of the demo workshops: stories in Markdown, owners, artisans and portfolio pieces. */

const BLURBS: Record<string, string> = {
  casting: "lost-wax, in our own foundry, with trees cut and cleaned by hand",
  stone_setting: "claw, bezel, pavé and channel setting under the microscope",
  engraving: "by hand, with gravers we sharpen ourselves, from monograms to full scrollwork",
  enamel: "fired in small kilns, in colours we grind and test for every order",
  hand_fabrication: "pieces built at the bench from sheet and wire: sawn, forged and soldered",
  plating: "gold and rhodium, including thick vermeil with a stated micron count",
  cad_design: "CAD modelling with renders for your approval before anything is made",
  wax_3d_printing: "high-resolution wax and resin printing for fast, faithful samples",
  chain_making: "link by link, soldered and tested for strength",
  polishing: "mirror, satin, hammered or brushed finishes, done by hand and checked under the loupe",
  stone_cutting: "cut and calibrated in house, so stones fit the setting exactly",
  filigree: "fine wire drawn, twisted and soldered into open lacework",
  laser_welding: "for repairs and delicate joins close to stones",
};

const OPENINGS = [
  (n: string, city: string, year: number) => `${n} opened its doors in ${city} in ${year}, in two rooms above a street of goldsmiths.`,
  (n: string, city: string, year: number) => `We are a family workshop in ${city}; ${n} has made jewelry here since ${year}.`,
  (n: string, city: string, year: number) => `${n} began in ${year} when three bench jewelers in ${city} pooled their tools and their clients.`,
  (n: string, city: string, year: number) => `Since ${year}, ${n} has made pieces in ${city} for brands that care how things are made.`,
];

const listOf = (items: string[]) => (items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`);

export type StoryInput = {
  name: string;
  city: string;
  country: string;
  founded: number;
  capabilities: string[];
  metals: string[];
  gemstoneWork: string[];
  certifications: string[];
  languages: string[];
  moq: number;
  lead: [number, number];
  capacity: number;
};

export function demoStory(w: StoryInput, index: number): string {
  const team = 4 + ((index * 7) % 40);
  const metals = listOf(w.metals.slice(0, 4).map((m) => METALS.label(m).toLowerCase()));
  const stones = w.gemstoneWork.includes("none")
    ? w.gemstoneWork.length > 1
      ? "We set stones when a design calls for them, and just as happily make pieces in metal alone."
      : "We work in metal only; for stones we recommend partners we trust."
    : `We set ${listOf(w.gemstoneWork.map((g) => (g === "lab_grown" ? "lab-grown" : "natural")))} stones, and every stone comes with its paperwork.`;
  const certs = w.certifications.length
    ? `We are certified for ${listOf(w.certifications.map((c) => CERTIFICATIONS.label(c)))}, and we share the documents before you order.`
    : "Ask us about our metal sourcing: we keep our refiner's certificates on file.";
  return [
    `${OPENINGS[index % OPENINGS.length]!(w.name, w.city, w.founded)} Today a team of ${team} makes about ${w.capacity.toLocaleString("en")} pieces a month in ${metals}.`,
    "",
    `## What we do best`,
    "",
    ...w.capabilities.slice(0, 4).map((c) => `- **${CAPABILITIES.label(c)}**: ${BLURBS[c] ?? "done in house"}.`),
    "",
    `## Working with brands`,
    "",
    `We take orders from **${w.moq} ${w.moq === 1 ? "piece" : "pieces"} per design** and plan ${w.lead[0]}–${w.lead[1]} business days of production after CAD approval. ` +
      `Bundling similar pieces (a ring and a pendant in the same metal) helps meet the minimum. ${stones} ${certs}`,
    "",
    `We answer in ${listOf(w.languages.map((l) => LANGUAGES.label(l)))}, and ship from ${w.city}, ${countryName(w.country)}, with insured courier.`,
  ].join("\n");
}

const FIRST_NAMES: Record<string, string[]> = {
  IT: ["Giulia", "Luca", "Francesca", "Matteo", "Chiara"],
  IN: ["Ananya", "Rohan", "Meera", "Arjun", "Kavya"],
  TH: ["Siriporn", "Anan", "Kanya", "Somchai"],
  TR: ["Elif", "Mehmet", "Zeynep"],
  MX: ["Lucía", "Diego", "Valeria", "Mateo"],
  PT: ["Inês", "João", "Beatriz"],
  US: ["Emily", "Marcus", "Hannah", "Daniel"],
  GB: ["Olivia", "James", "Amelia", "Harry"],
  FR: ["Camille", "Louis", "Élise"],
  ID: ["Putu", "Made", "Dewi"],
  PE: ["Rosa", "Alonso", "Carmen"],
  GR: ["Eleni", "Nikos", "Sofia"],
  VN: ["Linh", "Minh"],
  ES: ["Carmen", "Pablo"],
  CN: ["Mei", "Wei"],
};
const LAST_NAMES: Record<string, string[]> = {
  IT: ["Rossi", "Conti", "Marino", "Greco", "Ferrara"],
  IN: ["Sharma", "Mehta", "Iyer", "Banerjee", "Kapoor"],
  TH: ["Wongsakul", "Chaiyaporn", "Srisuk", "Boonmee"],
  TR: ["Yılmaz", "Demir", "Kaya"],
  MX: ["Hernández", "García", "Morales", "Cruz"],
  PT: ["Ferreira", "Costa", "Almeida"],
  US: ["Carter", "Brooks", "Nguyen", "Reyes"],
  GB: ["Hughes", "Walker", "Patel", "Evans"],
  FR: ["Moreau", "Lefèvre", "Garnier"],
  ID: ["Suartana", "Wirawan", "Lestari"],
  PE: ["Quispe", "Mamani", "Flores"],
  GR: ["Papadopoulos", "Georgiou", "Kostas"],
  VN: ["Nguyen", "Tran"],
  ES: ["López", "Navarro"],
  CN: ["Chen", "Li"],
};
const FALLBACK_FIRST = ["Alex", "Sam", "Noor", "Lena", "Tomás", "Yuki", "Ada", "Kofi"];
const FALLBACK_LAST = ["Meyer", "Silva", "Tanaka", "Cohen", "Dubois", "Mokoena", "Peeters", "Ortiz"];

export function demoPerson(country: string, index: number): string {
  const first = FIRST_NAMES[country] ?? FALLBACK_FIRST;
  const last = LAST_NAMES[country] ?? FALLBACK_LAST;
  return `${first[index % first.length]} ${last[(index * 3 + 1) % last.length]}`;
}

const ROLES: Record<string, [role: string, bio: string]> = {
  casting: ["Head of casting", "Runs the foundry: investing, burnout and pours, and checks every tree for porosity."],
  stone_setting: ["Master setter", "Sets under the microscope, from single solitaires to pavé fields of a hundred stones."],
  engraving: ["Engraver", "Cuts monograms, crests and scrollwork by hand with gravers of their own making."],
  enamel: ["Enameller", "Grinds, lays and fires enamel, and keeps a book of every colour test."],
  hand_fabrication: ["Bench jeweler", "Builds pieces from sheet and wire and solves the awkward joins."],
  cad_design: ["CAD designer", "Turns sketches into models and renders, and checks them for casting."],
  filigree: ["Filigree master", "Draws and twists wire into lace, a craft learned from their grandfather."],
  stone_cutting: ["Lapidary", "Cuts and calibrates stones so they sit true in their settings."],
  chain_making: ["Chain maker", "Makes and solders chain link by link and tests every clasp."],
  polishing: ["Finisher", "Gives each piece its final surface, mirror or satin, and checks it under the loupe."],
};

export function demoArtisans(country: string, capabilities: string[], index: number) {
  const skills = capabilities.filter((c) => ROLES[c]).slice(0, 2);
  return skills.map((skill, i) => {
    const [role, bio] = ROLES[skill]!;
    return { name: demoPerson(country, index + i + 7), role, bio, position: i };
  });
}

const PIECE_NAMES: Record<DemoPieceKind, string[]> = {
  ring: ["Signet ring", "Solitaire ring", "Stacking band", "Cocktail ring"],
  pendant: ["Drop pendant", "Locket pendant", "Talisman pendant"],
  earrings: ["Hoop earrings", "Huggie earrings", "Drop earrings"],
  bangle: ["Cuff bangle", "Hinged bangle", "Open bangle"],
  chain: ["Curb chain necklace", "Rope chain", "Paperclip chain"],
};

export type DemoPiece = { kind: DemoPieceKind; title: string; description: string; metals: string[]; techniques: string[]; withStone: boolean };

/** Two portfolio pieces that show what the workshop does, in its metals. */
export function demoPieces(w: StoryInput, index: number): DemoPiece[] {
  const kinds: DemoPieceKind[] = w.capabilities.includes("chain_making") ? ["chain", "ring"] : w.capabilities.includes("filigree") ? ["earrings", "pendant"] : index % 2 ? ["ring", "bangle"] : ["pendant", "earrings"];
  const withStone = !w.gemstoneWork.includes("none") || w.gemstoneWork.length > 1;
  return kinds.map((kind, i) => {
    const metal = w.metals[i % w.metals.length]!;
    const names = PIECE_NAMES[kind];
    const title = `${names[(index + i) % names.length]} in ${METALS.label(metal).toLowerCase()}`;
    const techniques = w.capabilities.slice(i, i + 3);
    return {
      kind,
      title,
      description: `Made for a brand order of ${Math.max(w.moq, 5 + ((index * 3) % 20))} pieces. ${listOf(techniques.map((t) => CAPABILITIES.label(t).toLowerCase()))}.`.replace(/\. (\w)/, (_, c: string) => `. ${c.toUpperCase()}`),
      metals: [metal],
      techniques,
      withStone: withStone && kind !== "chain",
    };
  });
}
