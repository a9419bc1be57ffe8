import { toDecimalString } from "~/lib/money";

/**
 * The campaign form's values (text as typed) and how they become the procedures' input. Plain functions,
 * so the editor's server page builds the initial values and tests check what an edit sends.
 */

/** What the form holds: text as typed, turned into the procedures' input on submit. */
export type CampaignFormValues = {
  designRevisionId: string;
  workshopOrgId: string;
  showArtisans: boolean;
  title: string;
  slug: string;
  story: string;
  retailPrice: string;
  currency: string;
  paymentMode: "deposit" | "full";
  depositPercent: string;
  sizes: { size: string; offered: boolean; cap: string }[];
  totalCap: string;
  opensAt: string;
  closesAt: string;
  holdMinutes: string;
  returnPolicy: string;
  cancelWithinDays: string;
  expectedDeliveryOn: string;
};

export const FIELDS = [
  "designRevisionId",
  "workshopOrgId",
  "showArtisans",
  "title",
  "slug",
  "story",
  "retailPrice",
  "paymentMode",
  "depositPercent",
  "sizes",
  "totalCap",
  "opensAt",
  "closesAt",
  "holdMinutes",
  "returnPolicy",
  "cancelWithinDays",
  "expectedDeliveryOn",
] as const;
export type FieldName = (typeof FIELDS)[number];

export type Revision = { id: string; number: number; designName: string; sku: string; sizes: string[] };
export type CampaignForEdit = {
  id: string;
  status: "draft" | "published" | "cancelled" | "completed";
  title: string;
  slug: string;
  story: string;
  retailPrice: { amountMinor: number; currency: string };
  paymentMode: "deposit" | "full";
  depositPercent: number;
  totalCap: number;
  heldUnits: number;
  paidUnits: number;
  opensAt: Date;
  closesAt: Date;
  holdMinutes: number;
  returnPolicy: string;
  cancelWithinDays: number;
  expectedDeliveryOn: string;
  workshop: { id: string; name: string } | null;
  showArtisans: boolean;
  design: { revisionId: string; name: string; sku: string; revisionNumber: number; sizes: string[] };
  sizes: { size: string; cap: number | null; heldUnits: number; paidUnits: number }[];
  locked: Record<string, string>;
};

export const sizeLabel = (size: string) => (size === "" ? "One size" : size);

/** A date in the browser's time zone as a datetime-local value. */
export function localInput(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
const isoDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;

/** The form's defaults for a new campaign: the first approved revision, a two-week window opening at the next hour. */
export function newCampaignValues(revisions: Revision[], currency: string, now = new Date()): CampaignFormValues {
  const opens = new Date(now);
  opens.setMinutes(0, 0, 0);
  opens.setHours(opens.getHours() + 1);
  const closes = new Date(opens.getTime() + 14 * 86_400_000);
  const delivery = new Date(closes.getTime() + 90 * 86_400_000);
  const first = revisions[0];
  return {
    designRevisionId: first?.id ?? "",
    workshopOrgId: "",
    showArtisans: false,
    title: "",
    slug: "",
    story: "",
    retailPrice: "",
    currency,
    paymentMode: "deposit",
    depositPercent: "30",
    sizes: (first?.sizes ?? []).map((size) => ({ size, offered: true, cap: "" })),
    totalCap: "100",
    opensAt: localInput(opens),
    closesAt: localInput(closes),
    holdMinutes: "30",
    returnPolicy: "",
    cancelWithinDays: "14",
    expectedDeliveryOn: isoDay(delivery),
  };
}

export function editCampaignValues(c: CampaignForEdit): CampaignFormValues {
  return {
    designRevisionId: c.design.revisionId,
    workshopOrgId: c.workshop?.id ?? "",
    showArtisans: c.showArtisans,
    title: c.title,
    slug: c.slug,
    story: c.story,
    retailPrice: toDecimalString(c.retailPrice.amountMinor, c.retailPrice.currency),
    currency: c.retailPrice.currency,
    paymentMode: c.paymentMode,
    depositPercent: String(c.depositPercent),
    sizes: c.design.sizes.map((size) => {
      const row = c.sizes.find((s) => s.size === size);
      return { size, offered: !!row, cap: row?.cap == null ? "" : String(row.cap) };
    }),
    totalCap: String(c.totalCap),
    opensAt: localInput(new Date(c.opensAt)),
    closesAt: localInput(new Date(c.closesAt)),
    holdMinutes: String(c.holdMinutes),
    returnPolicy: c.returnPolicy,
    cancelWithinDays: String(c.cancelWithinDays),
    expectedDeliveryOn: c.expectedDeliveryOn,
  };
}

const instant = (text: string) => (text ? new Date(text) : undefined);

/** The procedures' fields from what is typed (the price as "240.00 EUR", times in the browser's zone). */
export function fieldsOf(v: CampaignFormValues) {
  return {
    title: v.title,
    slug: v.slug,
    story: v.story,
    retailPrice: `${v.retailPrice.trim()} ${v.currency.trim().toUpperCase()}`,
    paymentMode: v.paymentMode,
    depositPercent: v.paymentMode === "full" ? 100 : v.depositPercent,
    sizes: v.sizes.filter((s) => s.offered).map((s) => ({ size: s.size, cap: s.cap.trim() === "" ? null : s.cap })),
    totalCap: v.totalCap,
    opensAt: instant(v.opensAt),
    closesAt: instant(v.closesAt),
    holdMinutes: v.holdMinutes,
    returnPolicy: v.returnPolicy,
    cancelWithinDays: v.cancelWithinDays,
    expectedDeliveryOn: v.expectedDeliveryOn,
    workshopOrgId: v.workshopOrgId || null,
    showArtisans: v.showArtisans,
  };
}

/**
 * An edit's fields: only those that differ from what was last saved, and none that publishing froze, so a
 * time shown to the minute and left alone is not sent back as a change.
 */
export function changedFields(values: CampaignFormValues, saved: CampaignFormValues, locked: Record<string, string>) {
  const after = fieldsOf(values);
  const before = fieldsOf(saved);
  return Object.fromEntries(Object.entries(after).filter(([k, v]) => !(k in locked) && JSON.stringify(v) !== JSON.stringify(before[k as keyof typeof before]))) as Partial<typeof after>;
}

