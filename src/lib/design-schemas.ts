import "./zod-config";
import { z } from "zod";
import { ATTACHMENT_KINDS, DESIGN_CATEGORIES, designSpecSchema } from "./design-spec";
import { aboveLimitError, isCurrency, parseMoney } from "./money";

/** Input schemas, statuses and labels of collections and designs, shared by forms (client) and procedures (server). */

export const DESIGN_REVISION_STATUSES = ["draft", "approved"] as const;
export type DesignRevisionStatus = (typeof DESIGN_REVISION_STATUSES)[number];
export const DESIGN_REVISION_STATUS_LABELS: Record<DesignRevisionStatus, string> = { draft: "Draft", approved: "Approved" };

export const COLLECTION_NAME_MAX = 120;
export const COLLECTION_TEXT_MAX = 4_000;
export const STYLE_GUIDE_MAX = 50_000;
export const STYLE_FILES_MAX = 20;
export const REVISION_ATTACHMENTS_MAX = 30;
export const COMMENT_MAX = 5_000;
export const DESIGNS_PAGE_SIZE = 20;
export const COLLECTIONS_PAGE_SIZE = 20;

const text = (max: number, what: string) => z.string().trim().max(max, `Keep ${what} to ${max.toLocaleString("en")} characters.`);

export const collectionId = z.uuid("Unknown collection.");
export const designId = z.uuid("Unknown design.");
export const revisionId = z.uuid("Unknown revision.");

/** An optional price typed as text ("120", "120.00"); "" is no price. Parsed in the collection's currency. */
const priceText = z.string().trim().max(30, "Enter a price like 120.00.").default("");

export const collectionFieldsSchema = z
  .object({
    name: z.string().trim().min(1, "Name the collection.").max(COLLECTION_NAME_MAX, `Keep the name to ${COLLECTION_NAME_MAX} characters.`),
    season: text(60, "the season"),
    description: text(COLLECTION_TEXT_MAX, "the description"),
    priceMin: priceText,
    priceMax: priceText,
    currency: z.string().trim().toUpperCase().refine((c) => c === "" || isCurrency(c), "Choose a currency code like EUR.").default(""),
  })
  .transform((v, ctx) => {
    const price = (field: "priceMin" | "priceMax") => {
      const raw = v[field];
      if (raw === "") return null;
      if (v.currency === "") {
        ctx.addIssue({ code: "custom", path: ["currency"], message: "Choose the currency of the price range." });
        return null;
      }
      const parsed = parseMoney(raw, v.currency);
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", path: [field], message: parsed.error });
        return null;
      }
      if (parsed.money.currency !== v.currency) {
        ctx.addIssue({ code: "custom", path: [field], message: `Give the price in ${v.currency}, the currency chosen.` });
        return null;
      }
      const tooMuch = aboveLimitError(parsed.money, "retailPrice", "A retail price");
      if (tooMuch) ctx.addIssue({ code: "custom", path: [field], message: tooMuch });
      return parsed.money.amountMinor;
    };
    const priceMinMinor = price("priceMin");
    const priceMaxMinor = price("priceMax");
    if (priceMinMinor !== null && priceMaxMinor !== null && priceMaxMinor < priceMinMinor) {
      ctx.addIssue({ code: "custom", path: ["priceMax"], message: "The highest price must be at least the lowest." });
    }
    const hasPrice = priceMinMinor !== null || priceMaxMinor !== null;
    return { name: v.name, season: v.season, description: v.description, priceMinMinor, priceMaxMinor, priceCurrency: hasPrice ? v.currency : null };
  });
export type CollectionFields = z.output<typeof collectionFieldsSchema>;

export const createCollectionSchema = z.object({ fields: collectionFieldsSchema });
export const updateCollectionSchema = z.object({ collectionId, fields: collectionFieldsSchema });
export const updateStyleGuideSchema = z.object({
  collectionId,
  styleGuide: text(STYLE_GUIDE_MAX, "the style guide"),
  styleFileIds: z.array(z.uuid("Unknown file.")).max(STYLE_FILES_MAX, `Attach at most ${STYLE_FILES_MAX} files.`),
});

/** SKUs: letters, digits and - _ . /, as brands write them (ML-RG-014). */
export const skuSchema = z
  .string()
  .trim()
  .min(1, "Enter the SKU.")
  .max(40, "Keep the SKU to 40 characters.")
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, "Use letters, digits and - _ . / in the SKU, starting with a letter or digit.");

export const designFieldsSchema = z.object({
  sku: skuSchema,
  name: z.string().trim().min(1, "Name the design.").max(120, "Keep the name to 120 characters."),
  category: z.enum(DESIGN_CATEGORIES.keys, "Choose a category."),
  collectionId: collectionId.nullable(),
});
export type DesignFields = z.infer<typeof designFieldsSchema>;

export const createDesignSchema = z.object({ fields: designFieldsSchema });
export const updateDesignSchema = z.object({ designId, fields: designFieldsSchema });
export const setCoverSchema = z.object({ designId, coverFileId: z.uuid("Unknown file.").nullable() });

export const DESIGN_SORTS = ["updated", "sku", "name", "created"] as const;
export type DesignSort = (typeof DESIGN_SORTS)[number];
export const DESIGN_SORT_LABELS: Record<DesignSort, string> = { updated: "Recently changed", created: "Newest first", sku: "SKU", name: "Name" };

export const listDesignsSchema = z.object({
  q: z.string().trim().max(100, "Keep the search to 100 characters.").default(""),
  collectionId: collectionId.nullish(),
  category: z.enum(DESIGN_CATEGORIES.keys, "Choose a category.").nullish(),
  status: z.enum(DESIGN_REVISION_STATUSES, "Choose draft or approved.").nullish(),
  sort: z.enum(DESIGN_SORTS, "Choose how to sort.").default("updated"),
  page: z.number().int().min(1).max(10_000).default(1),
});
export type ListDesignsInput = z.input<typeof listDesignsSchema>;

export const saveDraftSchema = z.object({ revisionId, spec: designSpecSchema });

export const attachFileSchema = z.object({ revisionId, fileId: z.uuid("Unknown file."), kind: z.enum(ATTACHMENT_KINDS.keys, "Choose what the file is.") });
export const detachFileSchema = z.object({ revisionId, fileId: z.uuid("Unknown file.") });

export const compareRevisionsSchema = z.object({ designId, fromNumber: z.number().int().min(1), toNumber: z.number().int().min(1) });

export const addCommentSchema = z.object({
  revisionId,
  body: z.string().trim().min(1, "Write a comment.").max(COMMENT_MAX, `Keep the comment to ${COMMENT_MAX.toLocaleString("en")} characters.`),
});

/** The file name's ending, lower case with the dot ("" when it has none). */
export function extensionOf(name: string): string {
  const m = /\.[A-Za-z0-9]+$/.exec(name);
  return m ? m[0].toLowerCase() : "";
}

/** How a member is mentioned in a comment: `@` and the part of their email before the `@` (ava@… → @ava). */
export function mentionHandle(email: string): string {
  return (email.split("@")[0] ?? "").toLowerCase();
}

/** The handles a comment mentions, lower case, each once, in order. */
export function mentionedHandles(body: string): string[] {
  const found: string[] = [];
  for (const m of body.matchAll(/(^|[^\w@.])@([a-z0-9][a-z0-9._+-]*)/gi)) {
    const handle = m[2]!.replace(/[._+-]+$/, "").toLowerCase();
    if (!found.includes(handle)) found.push(handle);
  }
  return found;
}
