import "./zod-config";
import { z } from "zod";
import { COUNTRY_CODES } from "./regions";
import { CAPABILITIES, CERTIFICATIONS, GEMSTONE_WORK, LANGUAGES, METALS } from "./workshop-vocabulary";

/** Input schemas of the workshop profile, shared by the editor's forms and the procedures. */

export const HEADLINE_MAX = 140;
export const STORY_MAX = 10_000;
/** A story shorter than this tells a brand too little to publish on. */
export const STORY_MIN_TO_PUBLISH = 200;
export const BIO_MAX = 600;
export const PIECE_PHOTOS_MAX = 8;
export const ARTISANS_MAX = 24;
export const PORTFOLIO_PIECES_MAX = 48;

const unique = (list: readonly unknown[]) => new Set(list).size === list.length;

function vocabList<K extends string>(keys: readonly [K, ...K[]], what: string) {
  return z
    .array(z.enum(keys, `Choose ${what} from the list.`))
    .max(keys.length)
    .refine(unique, `Choose each ${what} once.`);
}

/** A whole number in a range, or null when left empty (the form turns an empty box into null). */
function wholeNumber(min: number, max: number, what: string) {
  return z
    .number({ error: `Enter ${what} as a number.` })
    .int(`Enter ${what} as a whole number.`)
    .min(min, `${capitalize(what)} must be at least ${min.toLocaleString("en")}.`)
    .max(max, `${capitalize(what)} must be at most ${max.toLocaleString("en")}.`)
    .nullable();
}

function capitalize(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function leadTimesAgree(v: { leadTimeMinDays: number | null; leadTimeMaxDays: number | null }, ctx: z.RefinementCtx) {
  const min = v.leadTimeMinDays;
  const max = v.leadTimeMaxDays;
  if ((min === null) !== (max === null)) {
    ctx.addIssue({
      code: "custom",
      path: [min === null ? "leadTimeMinDays" : "leadTimeMaxDays"],
      message: "Enter both the shortest and the longest lead time, or neither.",
    });
  } else if (min !== null && max !== null && min > max) {
    ctx.addIssue({ code: "custom", path: ["leadTimeMaxDays"], message: "The longest lead time cannot be shorter than the shortest." });
  }
}

export const profileDetailsSchema = z
  .object({
    headline: z.string().trim().max(HEADLINE_MAX, `Keep the headline to ${HEADLINE_MAX} characters.`),
    story: z.string().trim().max(STORY_MAX, `Keep the story to ${STORY_MAX.toLocaleString("en")} characters.`),
    city: z.string().trim().max(100, "Use at most 100 characters."),
    country: z.enum(COUNTRY_CODES, "Choose a country."),
    capabilities: vocabList(CAPABILITIES.keys, "capability"),
    metals: vocabList(METALS.keys, "metal"),
    gemstoneWork: vocabList(GEMSTONE_WORK.keys, "kind of gemstone work"),
    certifications: vocabList(CERTIFICATIONS.keys, "certification"),
    languages: vocabList(LANGUAGES.keys, "language"),
    moqPerDesign: wholeNumber(1, 10_000, "the minimum per design"),
    leadTimeMinDays: wholeNumber(1, 365, "the shortest lead time"),
    leadTimeMaxDays: wholeNumber(1, 365, "the longest lead time"),
    monthlyCapacity: wholeNumber(1, 1_000_000, "the monthly capacity"),
  })
  .superRefine(leadTimesAgree, {
    // Zod skips an object's refinements once any field has an issue, so this message came only after every
    // other one was fixed. Run it whenever the two lead times themselves are valid, so the first submit
    // shows everything there is to fix.
    when: ({ value, issues }) =>
      typeof value === "object" && value !== null && !issues.some(({ path = [] }) => path.length === 0 || path[0] === "leadTimeMinDays" || path[0] === "leadTimeMaxDays"),
  });

export const artisanSchema = z.object({
  name: z.string().trim().min(1, "Enter the artisan's name.").max(100, "Use at most 100 characters."),
  role: z.string().trim().min(1, "Enter their role, for example Master setter.").max(100, "Use at most 100 characters."),
  bio: z.string().trim().max(BIO_MAX, `Keep the bio to ${BIO_MAX} characters.`),
  photoFileId: z.uuid("That photo was not found. Upload it again.").nullable(),
});

export const portfolioPieceSchema = z.object({
  title: z.string().trim().min(1, "Give the piece a title.").max(120, "Use at most 120 characters."),
  description: z.string().trim().max(2_000, "Keep the description to 2,000 characters."),
  metals: vocabList(METALS.keys, "metal"),
  techniques: vocabList(CAPABILITIES.keys, "technique"),
  photoFileIds: z
    .array(z.uuid("That photo was not found. Upload it again."))
    .max(PIECE_PHOTOS_MAX, `Add at most ${PIECE_PHOTOS_MAX} photos.`)
    .refine(unique, "Each photo can appear once."),
});

export const artisanIdSchema = z.object({ artisanId: z.uuid("Unknown artisan.") });
export const pieceIdSchema = z.object({ pieceId: z.uuid("Unknown portfolio piece.") });
export const reorderArtisansSchema = z.object({ artisanIds: z.array(z.uuid("Unknown artisan.")).max(ARTISANS_MAX) });
export const reorderPiecesSchema = z.object({ pieceIds: z.array(z.uuid("Unknown portfolio piece.")).max(PORTFOLIO_PIECES_MAX) });

/** Any text: an unknown or malformed address is answered with 404, never with a validation message. */
export const publicProfileInputSchema = z.object({ slug: z.string().max(200) });

export type ProfileDetailsInput = z.infer<typeof profileDetailsSchema>;
export type ArtisanInput = z.infer<typeof artisanSchema>;
export type PortfolioPieceInput = z.infer<typeof portfolioPieceSchema>;
