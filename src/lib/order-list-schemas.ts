import "./zod-config";
import { z } from "zod";

/**
 * Where an order stands, as both lists and dashboards show it. Derived from the order's status and its
 * plan (deposit step, shipping and delivery), so it needs no column of its own.
 */
export const ORDER_STAGES = ["awaiting_deposit", "in_production", "shipped", "delivered", "closed", "cancelled"] as const;
export type OrderStage = (typeof ORDER_STAGES)[number];
export const ORDER_STAGE_LABELS: Record<OrderStage, string> = {
  awaiting_deposit: "Awaiting deposit",
  in_production: "In production",
  shipped: "Shipped",
  delivered: "Delivered",
  closed: "Closed",
  cancelled: "Cancelled",
};
export const ORDER_STAGE_TONE: Record<OrderStage, "neutral" | "info" | "success" | "warning" | "danger"> = {
  awaiting_deposit: "warning",
  in_production: "info",
  shipped: "info",
  delivered: "success",
  closed: "neutral",
  cancelled: "danger",
};

export const ORDER_SORTS = ["newest", "delivery"] as const;
export type OrderSort = (typeof ORDER_SORTS)[number];
export const ORDER_SORT_LABELS: Record<OrderSort, string> = { newest: "Newest first", delivery: "Expected delivery, soonest first" };

export const ORDERS_PAGE_SIZE = 25;
/** The most rows one CSV export holds; the page says so when the filters match more. */
export const ORDERS_EXPORT_LIMIT = 10_000;

const day = (what: string) =>
  z
    .string(`Choose ${what}.`)
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Choose ${what}.`)
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), `Choose a real date for ${what}.`);

/** The filters of an orders list, shared by the page, the CSV export and the procedures. */
const filterFields = z.object({
  stage: z.enum(ORDER_STAGES, "Choose a status from the list.").optional(),
  atRisk: z.boolean().optional(),
  counterpartyId: z.uuid("Choose an organization from the list.").optional(),
  deliveryFrom: day("the first delivery day").optional(),
  deliveryTo: day("the last delivery day").optional(),
  q: z.string().trim().max(100, "Search with at most 100 characters.").optional(),
  sort: z.enum(ORDER_SORTS, "Choose an order from the list.").default("newest"),
});

export const orderFiltersSchema = filterFields.refine((f) => !f.deliveryFrom || !f.deliveryTo || f.deliveryFrom <= f.deliveryTo, { message: "The last delivery day cannot be before the first.", path: ["deliveryTo"] });

export type OrderFilters = z.input<typeof orderFiltersSchema>;

export const orderListInputSchema = z.object({
  filters: orderFiltersSchema.default({ sort: "newest" }),
  page: z.number().int().min(1).max(10_000).default(1),
});

/**
 * Reads filters from a page's search params, dropping what does not parse (a hand-edited address shows
 * the list unfiltered on that point rather than an error page).
 */
export function filtersFromSearchParams(sp: Record<string, string | string[] | undefined>): z.output<typeof orderFiltersSchema> {
  const one = (k: string) => {
    const v = sp[k];
    const s = Array.isArray(v) ? v[0] : v;
    return s && s.trim() ? s.trim() : undefined;
  };
  const raw = {
    stage: one("status"),
    atRisk: one("risk") === "1" ? true : undefined,
    counterpartyId: one("with"),
    deliveryFrom: one("from"),
    deliveryTo: one("to"),
    q: one("q")?.slice(0, 100),
    sort: one("sort") ?? "newest",
  };
  const kept: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (v === undefined) continue;
    const parsed = (filterFields.shape[k as keyof typeof filterFields.shape] as z.ZodType).safeParse(v);
    if (parsed.success) kept[k] = parsed.data;
  }
  const all = orderFiltersSchema.safeParse(kept);
  if (all.success) return all.data;
  // Only the date range can fail as a whole: keep the rest without it.
  delete kept.deliveryTo;
  return orderFiltersSchema.parse(kept);
}

/** The page address of a set of filters (and a page), so links and the form agree. */
export function filtersToSearch(f: z.output<typeof orderFiltersSchema>, page = 1): string {
  const p = new URLSearchParams();
  if (f.stage) p.set("status", f.stage);
  if (f.atRisk) p.set("risk", "1");
  if (f.counterpartyId) p.set("with", f.counterpartyId);
  if (f.deliveryFrom) p.set("from", f.deliveryFrom);
  if (f.deliveryTo) p.set("to", f.deliveryTo);
  if (f.q) p.set("q", f.q);
  if (f.sort !== "newest") p.set("sort", f.sort);
  if (page > 1) p.set("page", String(page));
  const s = p.toString();
  return s ? `?${s}` : "";
}
