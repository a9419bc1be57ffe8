/**
 * The pricing engine: the only place a quote's prices are computed. Pure functions over plain data, used by
 * the quote builder's live preview, the comparison of quotes and order creation alike, so the three can
 * never disagree.
 *
 * Semantics (each one tested in pricing.test.ts):
 *
 * - Amounts are integer minor units of the quote's currency (`src/lib/money.ts`): EUR cents, whole yen,
 *   KWD fils (3 decimals). Quantities are whole pieces.
 * - A line's quantity is counted across its sizes. A line with quantity 0 is not ordered: it costs nothing,
 *   its one-time fees included. An order needs at least one ordered line.
 * - Tiers: a tier applies from its minimum quantity upward, inclusive, with no upper bound; the tier with the
 *   highest minimum not above the quantity wins. Tier minimums strictly increase and a unit price never rises
 *   with quantity (the schemas below refuse both). The lowest tier's minimum is at least the line's MOQ, so a
 *   line's own minimum is max(MOQ, lowest tier minimum) — equal to the MOQ in any quote the schema accepts.
 * - Below its minimum a line has no price: it is short, never charged a list price nor rounded up. The result
 *   then says which line is short by how many and the smallest change (fewest pieces added) that fixes it.
 * - Bundle minimum (optional, one per quote version): when the ordered lines among the bundle's lines add up
 *   to at least the bundle's combined quantity, each of them may go below its own minimum down to the
 *   bundle's floor (inclusive) and is then priced at its lowest tier. (A line whose own minimum is not above
 *   the floor gains nothing from the bundle and keeps its own minimum.) A line of the bundle that meets its own
 *   minimum is priced exactly as without the bundle; its pieces count towards the combined quantity. Lines
 *   not ordered (0) count nothing. So a
 *   bundle never makes an order cost more, and every order that meets the minimums without it meets them with it.
 * - Per-size surcharges add a fixed amount to each piece of that size (sizes above 9: +4.00 per piece).
 * - One-time fees (mould, tooling, sample, CAD) are charged once per ordered line, whatever its quantity.
 * - Rounding, the one rule: amounts that are not whole minor units are rounded half-even (banker's rounding)
 *   to the currency's minor unit, at the unit price, and every total is a sum of rounded amounts:
 *     unit price of a size = tier price + that size's surcharge (whole minor units as entered: the schemas
 *       refuse more decimals than the currency has, so this rounding changes nothing here);
 *     line total = Σ over sizes (unit price × pieces) + the line's fees;
 *     order total = Σ line totals;
 *     deposit = total × deposit percent, rounded half-even (the one place a fraction arises);
 *     balance = total − deposit, so deposit + balance is always exactly the total.
 *   A line's average unit price (line pieces ÷ quantity, shown when sizes carry surcharges) is rounded
 *   half-even too, and is for display only: no total is ever computed from it.
 * - Next tier's saving: for each priced line, the first higher tier with a lower unit price, how much less per
 *   piece at its tier price and how much more the line's pieces cost in total at that quantity (at tier
 *   prices; surcharges are left out because the sizes of the added pieces are not known yet).
 */
import "./zod-config";
import { z } from "zod";
import { formatMoney, isCurrency, maxAmountMinor, minorUnitDigits } from "./money";

// ─── Data ───────────────────────────────────────────────────────────────────────────────────────────────

export type PriceTier = { minQuantity: number; unitPriceMinor: number };
export type SizeSurcharge = { size: string; amountMinor: number };
export type OneTimeFee = { label: string; amountMinor: number };

export type PricedQuoteLine = {
  /** The quote line's id (the RFQ line it answers). */
  lineId: string;
  /** Minimum order quantity of the design, counted across its sizes. */
  moq: number;
  /** Ascending by minQuantity. */
  tiers: PriceTier[];
  sizeSurcharges: SizeSurcharge[];
  fees: OneTimeFee[];
};

export type BundleMinimum = {
  /** Two or more of the quote's lines. */
  lineIds: string[];
  /** The combined quantity the bundle's ordered lines must reach together. */
  minQuantity: number;
  /** The least a line of the bundle may be ordered at when the bundle is met. */
  floor: number;
};

export type PricedQuoteVersion = {
  currency: string;
  lines: PricedQuoteLine[];
  bundle: BundleMinimum | null;
  /** 0–100, at most two decimals (33.33). */
  depositPercent: number;
};

/** Pieces per line and size: lineId → size → pieces. A line or size left out counts as 0. */
export type QuantityPlan = Record<string, Record<string, number>>;

// ─── Results ────────────────────────────────────────────────────────────────────────────────────────────

export type SizePrice = { size: string; quantity: number; unitPriceMinor: number; surchargeMinor: number; totalMinor: number };

export type NextTierSaving = {
  lineId: string;
  quantity: number;
  nextQuantity: number;
  unitPriceMinor: number;
  nextUnitPriceMinor: number;
  /** How much less each piece costs at the next tier (positive). */
  savingPerPieceMinor: number;
  /** How much more the line's pieces cost in total at the next quantity (negative: less in total). */
  extraTotalMinor: number;
};

export type LinePrice = {
  lineId: string;
  quantity: number;
  /** "own": the line meets its own minimum; "bundle": it is below it, allowed by the bundle. */
  minimumMetBy: "own" | "bundle";
  /** Index into the line's tiers of the tier that prices it. */
  tierIndex: number;
  tierUnitPriceMinor: number;
  sizes: SizePrice[];
  piecesTotalMinor: number;
  feesTotalMinor: number;
  lineTotalMinor: number;
  /** piecesTotal ÷ quantity, rounded half-even; for display only. */
  averageUnitPriceMinor: number;
  nextTier: NextTierSaving | null;
};

export type Shortfall =
  /** Below the line's own minimum and not covered by a bundle. */
  | { kind: "below-minimum"; lineId: string; quantity: number; minimum: number; shortBy: number }
  /** In the bundle, below the line's own minimum and below the bundle's floor. */
  | { kind: "below-bundle-floor"; lineId: string; quantity: number; floor: number; shortBy: number }
  /** Lines of the bundle rely on it but their combined quantity is short of its minimum. */
  | { kind: "bundle-short"; lineIds: string[]; quantity: number; minimum: number; shortBy: number }
  | { kind: "nothing-ordered" };

/** Pieces to add per line; the fewest pieces in total that make the minimums met. */
export type MinimumsFix = { additions: { lineId: string; add: number }[]; totalAdded: number };

export type QuotePrice =
  | {
      met: true;
      currency: string;
      lines: LinePrice[];
      piecesTotalMinor: number;
      feesTotalMinor: number;
      totalMinor: number;
      depositMinor: number;
      balanceMinor: number;
    }
  | { met: false; currency: string; shortfalls: Shortfall[]; fix: MinimumsFix };

// ─── Arithmetic ─────────────────────────────────────────────────────────────────────────────────────────

/** numerator ÷ denominator rounded half-even to an integer (denominator > 0), exact for any safe integers. */
export function roundHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError("denominator must be positive");
  let quotient = numerator / denominator;
  let remainder = numerator % denominator;
  if (remainder < 0n) {
    quotient -= 1n;
    remainder += denominator;
  }
  const twice = remainder * 2n;
  if (twice > denominator || (twice === denominator && quotient % 2n !== 0n)) quotient += 1n;
  return quotient;
}

function safe(value: number, what: string): number {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} is out of range`);
  return value;
}

/** total × percent ÷ 100, half-even; percent has at most two decimals. */
export function depositOf(totalMinor: number, depositPercent: number): number {
  const basisPoints = Math.round(depositPercent * 100);
  if (basisPoints < 0 || basisPoints > 10_000 || Math.abs(basisPoints - depositPercent * 100) > 1e-6) {
    throw new RangeError(`deposit percent must be 0–100 with at most two decimals, got ${depositPercent}`);
  }
  return Number(roundHalfEven(BigInt(safe(totalMinor, "total")) * BigInt(basisPoints), 10_000n));
}

/**
 * The platform's fee on a card payment: amount × basis points ÷ 10,000, rounded half-even to the currency's
 * smallest chargeable step (`step`: 1 minor unit, or 10 for the three-decimal currencies Stripe charges in
 * tens). Half-even like every other rounding here; the fee is never more than the amount.
 */
export function platformFeeOf(amountMinor: number, feeBasisPoints: number, step = 1): number {
  if (!Number.isInteger(feeBasisPoints) || feeBasisPoints < 0 || feeBasisPoints > 10_000) throw new RangeError(`fee basis points must be 0–10000, got ${feeBasisPoints}`);
  if (!Number.isInteger(step) || step < 1) throw new RangeError(`step must be a positive integer, got ${step}`);
  const steps = roundHalfEven(BigInt(safe(amountMinor, "amount")) * BigInt(feeBasisPoints), 10_000n * BigInt(step));
  return Math.min(amountMinor, Number(steps) * step);
}

// ─── Lines ──────────────────────────────────────────────────────────────────────────────────────────────

/** A line's own minimum: max(MOQ, lowest tier minimum). */
export function lineMinimum(line: PricedQuoteLine): number {
  const lowest = line.tiers[0];
  return Math.max(line.moq, lowest ? lowest.minQuantity : Infinity);
}

/**
 * The index of the tier that prices `quantity`: the highest minimum not above it. Null below the lowest
 * tier — unless `allowBelowLowest` (a bundle lets the line below its minimum), then the lowest tier.
 */
export function tierIndexFor(tiers: PriceTier[], quantity: number, allowBelowLowest = false): number | null {
  let found: number | null = null;
  tiers.forEach((tier, index) => {
    if (tier.minQuantity <= quantity) found = index;
  });
  if (found === null && allowBelowLowest && tiers.length > 0) return 0;
  return found;
}

export function lineQuantity(plan: QuantityPlan, lineId: string): number {
  const sizes = plan[lineId] ?? {};
  let total = 0;
  for (const [size, pieces] of Object.entries(sizes)) {
    if (!Number.isSafeInteger(pieces) || pieces < 0) throw new RangeError(`pieces of ${lineId} size ${size} must be a whole number ≥ 0`);
    total += pieces;
  }
  return safe(total, "quantity");
}

function nextTierSaving(line: PricedQuoteLine, quantity: number, tierIndex: number): NextTierSaving | null {
  const current = line.tiers[tierIndex];
  if (!current) return null;
  const next = line.tiers.find((tier) => tier.minQuantity > quantity && tier.unitPriceMinor < current.unitPriceMinor);
  if (!next) return null;
  return {
    lineId: line.lineId,
    quantity,
    nextQuantity: next.minQuantity,
    unitPriceMinor: current.unitPriceMinor,
    nextUnitPriceMinor: next.unitPriceMinor,
    savingPerPieceMinor: current.unitPriceMinor - next.unitPriceMinor,
    extraTotalMinor: safe(next.minQuantity * next.unitPriceMinor - quantity * current.unitPriceMinor, "next tier total"),
  };
}

function priceLine(line: PricedQuoteLine, plan: QuantityPlan, minimumMetBy: "own" | "bundle"): LinePrice {
  const quantity = lineQuantity(plan, line.lineId);
  const tierIndex = tierIndexFor(line.tiers, quantity, minimumMetBy === "bundle");
  const tier = tierIndex === null ? undefined : line.tiers[tierIndex];
  if (tierIndex === null || !tier) throw new RangeError(`line ${line.lineId} has no tier for ${quantity}`);
  const surcharges = new Map(line.sizeSurcharges.map((s) => [s.size, s.amountMinor]));
  const sizes: SizePrice[] = Object.entries(plan[line.lineId] ?? {})
    .filter(([, pieces]) => pieces > 0)
    .map(([size, pieces]) => {
      const surchargeMinor = surcharges.get(size) ?? 0;
      const unitPriceMinor = tier.unitPriceMinor + surchargeMinor;
      return { size, quantity: pieces, unitPriceMinor, surchargeMinor, totalMinor: safe(unitPriceMinor * pieces, "size total") };
    });
  const piecesTotalMinor = safe(sizes.reduce((sum, s) => sum + s.totalMinor, 0), "line pieces");
  const feesTotalMinor = safe(line.fees.reduce((sum, f) => sum + f.amountMinor, 0), "line fees");
  return {
    lineId: line.lineId,
    quantity,
    minimumMetBy,
    tierIndex,
    tierUnitPriceMinor: tier.unitPriceMinor,
    sizes,
    piecesTotalMinor,
    feesTotalMinor,
    lineTotalMinor: safe(piecesTotalMinor + feesTotalMinor, "line total"),
    averageUnitPriceMinor: Number(roundHalfEven(BigInt(piecesTotalMinor), BigInt(quantity))),
    nextTier: nextTierSaving(line, quantity, tierIndex),
  };
}

// ─── Minimums ───────────────────────────────────────────────────────────────────────────────────────────

type Check = { shortfalls: Shortfall[]; fix: MinimumsFix; metBy: Map<string, "own" | "bundle"> };

function checkMinimums(version: PricedQuoteVersion, plan: QuantityPlan): Check {
  const quantities = new Map(version.lines.map((line) => [line.lineId, lineQuantity(plan, line.lineId)]));
  for (const lineId of Object.keys(plan)) {
    if (!quantities.has(lineId)) throw new RangeError(`the quote has no line ${lineId}`);
  }
  const shortfalls: Shortfall[] = [];
  const additions = new Map<string, number>();
  const metBy = new Map<string, "own" | "bundle">();
  const add = (lineId: string, pieces: number) => {
    if (pieces > 0) additions.set(lineId, (additions.get(lineId) ?? 0) + pieces);
  };

  const bundle = version.bundle;
  const inBundle = new Set(bundle?.lineIds ?? []);

  // Lines outside the bundle: their own minimum, or nothing.
  const bundleShort: PricedQuoteLine[] = [];
  for (const line of version.lines) {
    const quantity = quantities.get(line.lineId) ?? 0;
    if (quantity === 0) continue;
    const minimum = lineMinimum(line);
    if (quantity >= minimum) {
      metBy.set(line.lineId, "own");
      continue;
    }
    // The bundle can only help a line whose own minimum is above the floor.
    if (bundle && inBundle.has(line.lineId) && bundle.floor < minimum) {
      bundleShort.push(line);
      continue;
    }
    shortfalls.push({ kind: "below-minimum", lineId: line.lineId, quantity, minimum, shortBy: minimum - quantity });
    add(line.lineId, minimum - quantity);
  }

  if (bundle && bundleShort.length > 0) {
    const combined = bundle.lineIds.reduce((sum, id) => sum + (quantities.get(id) ?? 0), 0);
    // Pieces already added to lines of the bundle that must reach their own minimum count towards it too.
    const addedToBundle = bundle.lineIds.reduce((sum, id) => sum + (additions.get(id) ?? 0), 0);
    // The bundle way: every short line up to the floor, then the combined quantity up to the bundle minimum.
    const toFloor = bundleShort.map((line) => ({ line, add: Math.max(0, bundle.floor - (quantities.get(line.lineId) ?? 0)) }));
    const floorPieces = toFloor.reduce((sum, entry) => sum + entry.add, 0);
    const combinedAfterFloor = combined + addedToBundle + floorPieces;
    const combinedShortBy = Math.max(0, bundle.minQuantity - combinedAfterFloor);
    const viaBundle = floorPieces + combinedShortBy;
    // The other way: every short line up to its own minimum.
    const toOwn = bundleShort.map((line) => ({ line, add: lineMinimum(line) - (quantities.get(line.lineId) ?? 0) }));
    const viaOwn = toOwn.reduce((sum, entry) => sum + entry.add, 0);

    if (floorPieces === 0 && combined >= bundle.minQuantity) {
      for (const line of bundleShort) metBy.set(line.lineId, "bundle");
    } else {
      for (const { line, add: pieces } of toFloor) {
        if (pieces === 0) continue;
        const quantity = quantities.get(line.lineId) ?? 0;
        shortfalls.push({ kind: "below-bundle-floor", lineId: line.lineId, quantity, floor: bundle.floor, shortBy: pieces });
      }
      if (combined < bundle.minQuantity) {
        shortfalls.push({
          kind: "bundle-short",
          lineIds: [...bundle.lineIds],
          quantity: combined,
          minimum: bundle.minQuantity,
          shortBy: bundle.minQuantity - combined,
        });
      }
      if (viaOwn < viaBundle) {
        for (const { line, add: pieces } of toOwn) add(line.lineId, pieces);
      } else {
        for (const { line, add: pieces } of toFloor) add(line.lineId, pieces);
        // The rest of the combined quantity goes on the first short line (any line of the bundle would do).
        const first = bundleShort[0];
        if (first) add(first.lineId, combinedShortBy);
      }
    }
  }

  if ([...quantities.values()].every((q) => q === 0)) {
    shortfalls.push({ kind: "nothing-ordered" });
    // The fewest pieces of any one line: its own minimum, or through the bundle max(floor, combined minimum).
    let best: { lineId: string; pieces: number } | null = null;
    for (const line of version.lines) {
      let pieces = lineMinimum(line);
      if (bundle && inBundle.has(line.lineId) && bundle.floor < pieces) pieces = Math.min(pieces, Math.max(bundle.floor, bundle.minQuantity));
      if (!best || pieces < best.pieces) best = { lineId: line.lineId, pieces };
    }
    if (best) add(best.lineId, best.pieces);
  }

  const list = version.lines.filter((line) => additions.has(line.lineId)).map((line) => ({ lineId: line.lineId, add: additions.get(line.lineId) ?? 0 }));
  return { shortfalls, fix: { additions: list, totalAdded: list.reduce((sum, a) => sum + a.add, 0) }, metBy };
}

// ─── The quote ──────────────────────────────────────────────────────────────────────────────────────────

/** Prices a quote version at the planned quantities, or says why it cannot and what would fix it. */
export function priceQuote(version: PricedQuoteVersion, plan: QuantityPlan): QuotePrice {
  const check = checkMinimums(version, plan);
  if (check.shortfalls.length > 0) return { met: false, currency: version.currency, shortfalls: check.shortfalls, fix: check.fix };
  const lines = version.lines
    .filter((line) => check.metBy.has(line.lineId))
    .map((line) => priceLine(line, plan, check.metBy.get(line.lineId) ?? "own"));
  const piecesTotalMinor = safe(lines.reduce((sum, l) => sum + l.piecesTotalMinor, 0), "pieces total");
  const feesTotalMinor = safe(lines.reduce((sum, l) => sum + l.feesTotalMinor, 0), "fees total");
  const totalMinor = safe(lines.reduce((sum, l) => sum + l.lineTotalMinor, 0), "total");
  const depositMinor = depositOf(totalMinor, version.depositPercent);
  return { met: true, currency: version.currency, lines, piecesTotalMinor, feesTotalMinor, totalMinor, depositMinor, balanceMinor: totalMinor - depositMinor };
}

/** "Order 10 instead of 8: €12.40 less per piece, €24.80 more in total." */
export function describeNextTier(saving: NextTierSaving, currency: string, locale = "en-GB"): string {
  const money = (amountMinor: number) => formatMoney({ amountMinor, currency }, locale);
  const total =
    saving.extraTotalMinor >= 0 ? `${money(saving.extraTotalMinor)} more in total` : `${money(-saving.extraTotalMinor)} less in total`;
  return `Order ${saving.nextQuantity} instead of ${saving.quantity}: ${money(saving.savingPerPieceMinor)} less per piece, ${total}.`;
}

// ─── Schemas (the quote builder's input; messages next to the field) ─────────────────────────────────────

export const PRICING_LIMITS = { quantity: 1_000_000, tiers: 10, surcharges: 50, fees: 10, feeLabel: 80 } as const;

const pieces = (what: string) =>
  z
    .number(`Enter ${what}.`)
    .int("Enter a whole number of pieces.")
    .min(1, "Enter at least 1 piece.")
    .max(PRICING_LIMITS.quantity, `Enter at most ${PRICING_LIMITS.quantity.toLocaleString("en")} pieces.`);
const amount = (what: string) =>
  z.number(`Enter ${what}.`).int("Enter the amount in whole minor units.").min(1, `Enter ${what} above zero.`);

export const priceTierSchema = z.object({ minQuantity: pieces("the quantity this tier starts at"), unitPriceMinor: amount("a unit price") });
export const sizeSurchargeSchema = z.object({
  size: z.string().trim().min(1, "Choose a size.").max(20, "Keep a size to 20 characters."),
  amountMinor: amount("a surcharge"),
});
export const oneTimeFeeSchema = z.object({
  label: z.string().trim().min(1, "Name the fee (mould, CAD, sample…).").max(PRICING_LIMITS.feeLabel, `Keep the name to ${PRICING_LIMITS.feeLabel} characters.`),
  amountMinor: amount("the fee"),
});

/** Issues of a line's tiers, on the tier's own field: strictly increasing minimums, no rising price, first ≥ MOQ. */
function refineLine(line: { moq: number; tiers: PriceTier[]; sizeSurcharges: SizeSurcharge[] }, ctx: z.RefinementCtx, prefix: (string | number)[] = []) {
  const first = line.tiers[0];
  if (first && first.minQuantity < line.moq) {
    ctx.addIssue({ code: "custom", path: [...prefix, "tiers", 0, "minQuantity"], message: `The first tier starts at the MOQ (${line.moq}) or above.` });
  }
  line.tiers.forEach((tier, index) => {
    const previous = line.tiers[index - 1];
    if (!previous) return;
    if (tier.minQuantity <= previous.minQuantity) {
      ctx.addIssue({
        code: "custom",
        path: [...prefix, "tiers", index, "minQuantity"],
        message: `Start this tier above the one before it (from ${previous.minQuantity}).`,
      });
    }
    if (tier.unitPriceMinor > previous.unitPriceMinor) {
      ctx.addIssue({
        code: "custom",
        path: [...prefix, "tiers", index, "unitPriceMinor"],
        message: "A larger quantity cannot cost more per piece than the tier before it.",
      });
    }
  });
  const seen = new Set<string>();
  line.sizeSurcharges.forEach((surcharge, index) => {
    if (seen.has(surcharge.size)) {
      ctx.addIssue({ code: "custom", path: [...prefix, "sizeSurcharges", index, "size"], message: `Size ${surcharge.size} already has a surcharge.` });
    }
    seen.add(surcharge.size);
  });
}

const quoteLineShape = z.object({
  lineId: z.string().min(1, "Unknown line."),
  moq: pieces("the MOQ"),
  tiers: z.array(priceTierSchema).min(1, "Add at least one price tier.").max(PRICING_LIMITS.tiers, `Use at most ${PRICING_LIMITS.tiers} tiers.`),
  sizeSurcharges: z.array(sizeSurchargeSchema).max(PRICING_LIMITS.surcharges, `Use at most ${PRICING_LIMITS.surcharges} surcharges.`).default([]),
  fees: z.array(oneTimeFeeSchema).max(PRICING_LIMITS.fees, `Use at most ${PRICING_LIMITS.fees} fees per line.`).default([]),
});

export const quoteLinePricingSchema = quoteLineShape.superRefine((line, ctx) => refineLine(line, ctx));

export const bundleMinimumSchema = z.object({
  lineIds: z.array(z.string().min(1, "Unknown line.")).min(2, "Choose at least two lines for a bundle."),
  minQuantity: pieces("the combined quantity"),
  floor: pieces("the floor"),
});

export const depositPercentSchema = z
  .number("Enter a deposit percent.")
  .min(0, "The deposit cannot be below 0%.")
  .max(100, "The deposit cannot be above 100%.")
  .refine((value) => Math.abs(Math.round(value * 100) - value * 100) < 1e-6, "Use at most two decimals.");

export const quoteVersionPricingSchema = z
  .object({
    currency: z.string().refine(isCurrency, "Choose a currency."),
    lines: z.array(quoteLineShape).min(1, "A quote has at least one line."),
    bundle: bundleMinimumSchema.nullable().default(null),
    depositPercent: depositPercentSchema,
  })
  .superRefine((version, ctx) => {
    const maxPrice = isCurrency(version.currency) ? maxAmountMinor("unitPrice", version.currency) : Infinity;
    const maxFee = isCurrency(version.currency) ? maxAmountMinor("oneTimeFee", version.currency) : Infinity;
    const tooMuch = (max: number) =>
      `At most ${formatMoney({ amountMinor: max, currency: version.currency })}.`;
    const ids = new Set<string>();
    version.lines.forEach((line, lineIndex) => {
      if (ids.has(line.lineId)) ctx.addIssue({ code: "custom", path: ["lines", lineIndex, "lineId"], message: "This line is priced twice." });
      ids.add(line.lineId);
      refineLine(line, ctx, ["lines", lineIndex]);
      line.tiers.forEach((tier, i) => {
        if (tier.unitPriceMinor > maxPrice) ctx.addIssue({ code: "custom", path: ["lines", lineIndex, "tiers", i, "unitPriceMinor"], message: tooMuch(maxPrice) });
      });
      line.sizeSurcharges.forEach((s, i) => {
        if (s.amountMinor > maxPrice) ctx.addIssue({ code: "custom", path: ["lines", lineIndex, "sizeSurcharges", i, "amountMinor"], message: tooMuch(maxPrice) });
      });
      line.fees.forEach((fee, i) => {
        if (fee.amountMinor > maxFee) ctx.addIssue({ code: "custom", path: ["lines", lineIndex, "fees", i, "amountMinor"], message: tooMuch(maxFee) });
      });
    });
    const bundle = version.bundle;
    if (!bundle) return;
    const chosen = new Set<string>();
    bundle.lineIds.forEach((id, index) => {
      if (!ids.has(id)) ctx.addIssue({ code: "custom", path: ["bundle", "lineIds", index], message: "Choose lines of this quote." });
      if (chosen.has(id)) ctx.addIssue({ code: "custom", path: ["bundle", "lineIds", index], message: "This line is in the bundle already." });
      chosen.add(id);
    });
    const bundled = version.lines.filter((line) => chosen.has(line.lineId));
    if (bundled.length > 0 && bundled.every((line) => bundle.floor >= Math.max(line.moq, line.tiers[0]?.minQuantity ?? 0))) {
      ctx.addIssue({ code: "custom", path: ["bundle", "floor"], message: "Set the floor below a bundled line's MOQ, or the bundle changes nothing." });
    }
  });

/** Planned pieces per line and size, as a form or the comparison sends them. */
export const quantityPlanSchema = z.record(
  z.string().min(1, "Unknown line."),
  z.record(
    z.string().min(1, "Unknown size."),
    z.number("Enter a number of pieces.").int("Enter a whole number of pieces.").min(0, "Pieces cannot be negative.").max(PRICING_LIMITS.quantity, "Too many pieces."),
  ),
);

export type QuoteVersionPricingInput = z.input<typeof quoteVersionPricingSchema>;

/** Digits after the decimal point for the quote's currency (re-exported for forms that convert typed prices). */
export const currencyDigits = minorUnitDigits;
