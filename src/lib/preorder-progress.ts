import { formatMoney } from "./money";
import { lineMinimum, tierIndexFor, type PricedQuoteLine } from "./pricing";

/**
 * How far a campaign's paid units are from its workshop's minimum and from the next price tier of the
 * quote it is measured against. Minimums and tiers are read through the pricing engine (`lineMinimum`,
 * `tierIndexFor`), so the campaign and the quote comparison can never disagree about a tier.
 *
 * Only paid units count: a held reservation may still expire.
 */
export type PreorderProgress = {
  paidUnits: number;
  /** The line's own minimum: max(MOQ, lowest tier minimum). */
  minimum: number;
  moqMet: boolean;
  moqShortBy: number;
  /** The tier that prices the paid units, null below the minimum. */
  currentTier: { minQuantity: number; unitPriceMinor: number } | null;
  /** The first tier above the paid units with a lower price (the lowest tier while below the minimum). */
  nextTier: { minQuantity: number; unitPriceMinor: number; shortBy: number } | null;
  /** "2 more for MOQ" or "MOQ met". */
  moqLabel: string;
  /** "18 more for the 50-piece price (€35.00)", or "Best price reached". */
  tierLabel: string;
  /** 0–100: paid units against the next goal (the minimum, then the next tier). */
  percent: number;
};

export function preorderProgress(line: PricedQuoteLine, currency: string, paidUnits: number, locale = "en-GB"): PreorderProgress {
  const minimum = lineMinimum(line);
  const moqMet = paidUnits >= minimum;
  const index = moqMet ? tierIndexFor(line.tiers, paidUnits) : null;
  const current = index === null ? null : (line.tiers[index] ?? null);
  const next = current
    ? line.tiers.find((t) => t.minQuantity > paidUnits && t.unitPriceMinor < current.unitPriceMinor)
    : line.tiers.find((t) => t.minQuantity >= minimum);
  const nextTier = next ? { minQuantity: next.minQuantity, unitPriceMinor: next.unitPriceMinor, shortBy: Math.max(0, next.minQuantity - paidUnits) } : null;
  const money = (amountMinor: number) => formatMoney({ amountMinor, currency }, locale);
  const goal = moqMet ? (nextTier?.minQuantity ?? paidUnits) : minimum;
  return {
    paidUnits,
    minimum,
    moqMet,
    moqShortBy: Math.max(0, minimum - paidUnits),
    currentTier: current ? { minQuantity: current.minQuantity, unitPriceMinor: current.unitPriceMinor } : null,
    nextTier,
    moqLabel: moqMet ? "MOQ met" : `${minimum - paidUnits} more for MOQ`,
    tierLabel: nextTier ? `${nextTier.shortBy} more for the ${nextTier.minQuantity}-piece price (${money(nextTier.unitPriceMinor)})` : "Best price reached",
    percent: goal <= 0 ? 100 : Math.min(100, Math.floor((paidUnits * 100) / goal)),
  };
}
