import { z } from "zod";

/** Input schemas of shortlists, shared by forms (client) and procedures (server). */

export const SHORTLIST_NOTE_MAX = 2000;
export const SHORTLIST_TAGS_MAX = 10;
export const SHORTLIST_TAG_MAX = 30;
export const COMPARE_MIN = 2;
export const COMPARE_MAX = 4;

export const shortlistTagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "A tag cannot be empty.")
  .max(SHORTLIST_TAG_MAX, `Keep each tag to ${SHORTLIST_TAG_MAX} characters.`);

export const shortlistTagsSchema = z
  .array(shortlistTagSchema)
  .max(SHORTLIST_TAGS_MAX, `Use at most ${SHORTLIST_TAGS_MAX} tags.`)
  // "Gold" and "gold " are the same tag once normalized; keep one.
  .transform((tags) => [...new Set(tags)]);

export const shortlistNoteSchema = z.string().max(SHORTLIST_NOTE_MAX, `Keep the note to ${SHORTLIST_NOTE_MAX} characters.`);

/** Splits what a person types ("gold, small batch") into tags; the schema above normalizes them. */
export function splitTags(text: string): string[] {
  return text
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);
}

export const updateShortlistEntrySchema = z.object({
  entryId: z.uuid("Unknown shortlist entry."),
  note: shortlistNoteSchema.optional(),
  tags: shortlistTagsSchema.optional(),
});
