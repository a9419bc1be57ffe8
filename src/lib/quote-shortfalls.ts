import type { MinimumsFix, Shortfall } from "~/lib/pricing";

/** A pricing engine shortfall in words, naming the designs: why the quantities miss the quote's minimums. */
export function describeShortfall(s: Shortfall, names: Map<string, string>): string {
  const name = (id: string) => names.get(id) ?? "A design";
  switch (s.kind) {
    case "below-minimum":
      return `${name(s.lineId)}: ${s.quantity} planned, the minimum is ${s.minimum} (${s.shortBy} short).`;
    case "below-bundle-floor":
      return `${name(s.lineId)}: ${s.quantity} planned, the bundle's floor is ${s.floor} (${s.shortBy} short).`;
    case "bundle-short":
      return `${s.lineIds.map(name).join(" + ")}: ${s.quantity} together, the bundle needs ${s.minimum} (${s.shortBy} short).`;
    case "nothing-ordered":
      return "No pieces are planned.";
  }
}

/** The smallest change that meets the minimums, in words. */
export function describeFix(fix: MinimumsFix, names: Map<string, string>): string {
  if (fix.additions.length === 0) return "";
  return `Add ${fix.additions.map((a) => `${a.add} × ${names.get(a.lineId) ?? "a design"}`).join(" and ")} to meet the minimums.`;
}
