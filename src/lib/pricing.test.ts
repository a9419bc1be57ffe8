import { describe, expect, it } from "vitest";
import {
  describeNextTier,
  priceQuote,
  quoteLinePricingSchema,
  quoteVersionPricingSchema,
  roundHalfEven,
  tierIndexFor,
  type PricedQuoteLine,
  type PricedQuoteVersion,
} from "./pricing";

const ring: PricedQuoteLine = {
  lineId: "ring",
  moq: 5,
  tiers: [
    { minQuantity: 5, unitPriceMinor: 7440 },
    { minQuantity: 10, unitPriceMinor: 6200 },
    { minQuantity: 20, unitPriceMinor: 5500 },
  ],
  sizeSurcharges: [],
  fees: [],
};

const version = (over: Partial<PricedQuoteVersion> = {}): PricedQuoteVersion => ({
  currency: "EUR",
  lines: [ring],
  bundle: null,
  depositPercent: 30,
  ...over,
});

const met = (result: ReturnType<typeof priceQuote>) => {
  if (!result.met) throw new Error(`expected the minimums met, got ${JSON.stringify(result.shortfalls)}`);
  return result;
};
const short = (result: ReturnType<typeof priceQuote>) => {
  if (result.met) throw new Error("expected the minimums not met");
  return result;
};

describe("tier boundaries", () => {
  it("a tier applies from its minimum, inclusive; the highest minimum not above the quantity wins", () => {
    expect(tierIndexFor(ring.tiers, 5)).toBe(0);
    expect(tierIndexFor(ring.tiers, 9)).toBe(0);
    expect(tierIndexFor(ring.tiers, 10)).toBe(1);
    expect(tierIndexFor(ring.tiers, 19)).toBe(1);
    expect(tierIndexFor(ring.tiers, 20)).toBe(2);
    expect(tierIndexFor(ring.tiers, 5000)).toBe(2);
    expect(tierIndexFor(ring.tiers, 4)).toBeNull();
  });

  it("prices 9, 10 and 20 pieces at 74.40, 62.00 and 55.00", () => {
    expect(met(priceQuote(version(), { ring: { "7": 9 } })).lines[0]?.lineTotalMinor).toBe(66960);
    expect(met(priceQuote(version(), { ring: { "7": 10 } })).lines[0]?.lineTotalMinor).toBe(62000);
    expect(met(priceQuote(version(), { ring: { "7": 20 } })).lines[0]?.lineTotalMinor).toBe(110000);
  });

  it("below the MOQ there is no price: the line is short by how many, never rounded up", () => {
    const result = short(priceQuote(version(), { ring: { "6": 2, "7": 2 } }));
    expect(result.shortfalls).toEqual([{ kind: "below-minimum", lineId: "ring", quantity: 4, minimum: 5, shortBy: 1 }]);
    expect(result.fix).toEqual({ additions: [{ lineId: "ring", add: 1 }], totalAdded: 1 });
    expect(result).not.toHaveProperty("totalMinor");
  });

  it("an order with nothing in it is not met", () => {
    const result = short(priceQuote(version(), {}));
    expect(result.shortfalls).toEqual([{ kind: "nothing-ordered" }]);
    expect(result.fix.additions).toEqual([{ lineId: "ring", add: 5 }]);
  });

  it("a line left at 0 is not ordered: no pieces, no fees", () => {
    const pendant: PricedQuoteLine = { ...ring, lineId: "pendant", fees: [{ label: "Mould", amountMinor: 15000 }] };
    const result = met(priceQuote(version({ lines: [ring, pendant] }), { ring: { "7": 5 }, pendant: { "-": 0 } }));
    expect(result.lines.map((l) => l.lineId)).toEqual(["ring"]);
    expect(result.totalMinor).toBe(37200);
  });

  it("the next tier's saving: order 10 instead of 8, 12.40 less per piece, 24.80 more in total", () => {
    const line = met(priceQuote(version(), { ring: { "7": 8 } })).lines[0];
    expect(line?.nextTier).toEqual({
      lineId: "ring",
      quantity: 8,
      nextQuantity: 10,
      unitPriceMinor: 7440,
      nextUnitPriceMinor: 6200,
      savingPerPieceMinor: 1240,
      extraTotalMinor: 2480,
    });
    expect(describeNextTier(line!.nextTier!, "EUR")).toBe("Order 10 instead of 8: €12.40 less per piece, €24.80 more in total.");
  });

  it("the next tier can cost less in total, and the top tier has none", () => {
    // 18 × 62.00 = 1116.00; 20 × 55.00 = 1100.00
    const line = met(priceQuote(version(), { ring: { "7": 18 } })).lines[0];
    expect(line?.nextTier?.extraTotalMinor).toBe(-1600);
    expect(describeNextTier(line!.nextTier!, "EUR")).toBe("Order 20 instead of 18: €7.00 less per piece, €16.00 less in total.");
    expect(met(priceQuote(version(), { ring: { "7": 25 } })).lines[0]?.nextTier).toBeNull();
  });
});

describe("surcharges, fees and totals", () => {
  const withExtras: PricedQuoteLine = {
    ...ring,
    sizeSurcharges: [
      { size: "10", amountMinor: 400 },
      { size: "11", amountMinor: 400 },
    ],
    fees: [
      { label: "Mould", amountMinor: 12000 },
      { label: "CAD", amountMinor: 8000 },
    ],
  };

  it("adds a surcharge to each piece of its size and fees once per line", () => {
    // sizes 5–9: 2,3,3,2 = 10 pieces at 62.00 → 620.00; sizes 10, 11: 1 + 1 at 66.00 → 132.00; fees 200.00
    const result = met(
      priceQuote(version({ lines: [withExtras] }), { ring: { "6": 2, "7": 3, "8": 3, "9": 2, "10": 1, "11": 1 } }),
    );
    const line = result.lines[0]!;
    expect(line.quantity).toBe(12);
    expect(line.tierUnitPriceMinor).toBe(6200);
    expect(line.sizes.find((s) => s.size === "10")).toEqual({ size: "10", quantity: 1, unitPriceMinor: 6600, surchargeMinor: 400, totalMinor: 6600 });
    expect(line.piecesTotalMinor).toBe(75200);
    expect(line.feesTotalMinor).toBe(20000);
    expect(line.lineTotalMinor).toBe(95200);
    // 752.00 / 12 = 62.666… → 62.67
    expect(line.averageUnitPriceMinor).toBe(6267);
    expect(result.totalMinor).toBe(95200);
    expect(result.depositMinor).toBe(28560);
    expect(result.balanceMinor).toBe(66640);
  });
});

describe("rounding: half-even, once", () => {
  it("rounds exact halves to the even neighbour", () => {
    expect(roundHalfEven(5n, 2n)).toBe(2n);
    expect(roundHalfEven(7n, 2n)).toBe(4n);
    expect(roundHalfEven(-5n, 2n)).toBe(-2n);
    expect(roundHalfEven(251n, 100n)).toBe(3n);
    expect(roundHalfEven(249n, 100n)).toBe(2n);
  });

  it("a 30% deposit of 12.35 EUR is 3.70 (370.5 cents rounds to even), the balance 8.65", () => {
    const line: PricedQuoteLine = { lineId: "x", moq: 5, tiers: [{ minQuantity: 5, unitPriceMinor: 247 }], sizeSurcharges: [], fees: [] };
    const result = met(priceQuote(version({ lines: [line] }), { x: { "-": 5 } }));
    expect(result.totalMinor).toBe(1235);
    expect(result.depositMinor).toBe(370);
    expect(result.balanceMinor).toBe(865);
  });

  it("a 30% deposit of 12.45 EUR is 3.74 (373.5 rounds up to even)", () => {
    const line: PricedQuoteLine = { lineId: "x", moq: 5, tiers: [{ minQuantity: 5, unitPriceMinor: 249 }], sizeSurcharges: [], fees: [] };
    const result = met(priceQuote(version({ lines: [line] }), { x: { "-": 5 } }));
    expect(result.totalMinor).toBe(1245);
    expect(result.depositMinor).toBe(374);
  });

  it("a deposit of 33.33% takes two decimals of a percent", () => {
    const line: PricedQuoteLine = { lineId: "x", moq: 1, tiers: [{ minQuantity: 1, unitPriceMinor: 10000 }], sizeSurcharges: [], fees: [] };
    // 100.00 × 33.33% = 33.33
    expect(met(priceQuote(version({ lines: [line], depositPercent: 33.33 }), { x: { "-": 1 } })).depositMinor).toBe(3333);
  });

  it("JPY has no minor unit: ¥1,235 at 30% is ¥370 (370.5 to even), balance ¥865", () => {
    const line: PricedQuoteLine = { lineId: "x", moq: 5, tiers: [{ minQuantity: 5, unitPriceMinor: 247 }], sizeSurcharges: [], fees: [] };
    const result = met(priceQuote(version({ currency: "JPY", lines: [line] }), { x: { "-": 5 } }));
    expect(result.totalMinor).toBe(1235);
    expect(result.depositMinor).toBe(370);
    expect(result.balanceMinor).toBe(865);
  });

  it("JPY: 12 rings at ¥8,400 with a ¥15,000 mould, 50% deposit", () => {
    const line: PricedQuoteLine = {
      lineId: "x",
      moq: 10,
      tiers: [{ minQuantity: 10, unitPriceMinor: 8400 }],
      sizeSurcharges: [],
      fees: [{ label: "Mould", amountMinor: 15000 }],
    };
    const result = met(priceQuote(version({ currency: "JPY", lines: [line], depositPercent: 50 }), { x: { "-": 12 } }));
    expect(result.totalMinor).toBe(115800);
    expect(result.depositMinor).toBe(57900);
    expect(describeNextTier({ lineId: "x", quantity: 8, nextQuantity: 10, unitPriceMinor: 1240, nextUnitPriceMinor: 1000, savingPerPieceMinor: 240, extraTotalMinor: 80 }, "JPY")).toBe(
      "Order 10 instead of 8: JP¥240 less per piece, JP¥80 more in total.",
    );
  });

  it("KWD has three decimals: 7 pieces at 12.345 KWD, 25% deposit of 86.415 is 21.604 (21.60375)", () => {
    const line: PricedQuoteLine = { lineId: "x", moq: 5, tiers: [{ minQuantity: 5, unitPriceMinor: 12345 }], sizeSurcharges: [], fees: [] };
    const result = met(priceQuote(version({ currency: "KWD", lines: [line], depositPercent: 25 }), { x: { "-": 7 } }));
    expect(result.totalMinor).toBe(86415);
    expect(result.depositMinor).toBe(21604);
    expect(result.balanceMinor).toBe(64811);
    expect(describeNextTier({ lineId: "x", quantity: 7, nextQuantity: 10, unitPriceMinor: 12345, nextUnitPriceMinor: 11000, savingPerPieceMinor: 1345, extraTotalMinor: 23585 }, "KWD")).toBe(
      "Order 10 instead of 7: KWD\u00a01.345 less per piece, KWD\u00a023.585 more in total.",
    );
  });
});

describe("bundle minimum", () => {
  const ringB: PricedQuoteLine = { lineId: "ring", moq: 10, tiers: [{ minQuantity: 10, unitPriceMinor: 5000 }, { minQuantity: 20, unitPriceMinor: 4500 }], sizeSurcharges: [], fees: [] };
  const pendant: PricedQuoteLine = { lineId: "pendant", moq: 10, tiers: [{ minQuantity: 10, unitPriceMinor: 3000 }], sizeSurcharges: [], fees: [] };
  const chain: PricedQuoteLine = { lineId: "chain", moq: 10, tiers: [{ minQuantity: 10, unitPriceMinor: 1000 }], sizeSurcharges: [], fees: [] };
  const bundled = version({ lines: [ringB, pendant, chain], bundle: { lineIds: ["ring", "pendant"], minQuantity: 15, floor: 5 } });

  it("lets each bundled line go below its MOQ down to the floor when the combined quantity is met", () => {
    // ring 6 + pendant 9 = 15 ≥ 15; both ≥ floor 5; priced at their lowest tiers
    const result = met(priceQuote(bundled, { ring: { "7": 6 }, pendant: { "-": 9 } }));
    expect(result.lines.map((l) => [l.lineId, l.minimumMetBy, l.lineTotalMinor])).toEqual([
      ["ring", "bundle", 30000],
      ["pendant", "bundle", 27000],
    ]);
    expect(result.totalMinor).toBe(57000);
  });

  it("a line that meets its own minimum counts towards the bundle and keeps its own price", () => {
    const result = met(priceQuote(bundled, { ring: { "7": 20 }, pendant: { "-": 5 } }));
    expect(result.lines.map((l) => [l.lineId, l.minimumMetBy, l.tierUnitPriceMinor])).toEqual([
      ["ring", "own", 4500],
      ["pendant", "bundle", 3000],
    ]);
  });

  it("combined short: says by how many and fixes it with the fewest pieces", () => {
    // ring 6 + pendant 7 = 13: 2 short of the bundle (raising both to MOQ would take 4 + 3 = 7)
    const result = short(priceQuote(bundled, { ring: { "7": 6 }, pendant: { "-": 7 } }));
    expect(result.shortfalls).toEqual([{ kind: "bundle-short", lineIds: ["ring", "pendant"], quantity: 13, minimum: 15, shortBy: 2 }]);
    expect(result.fix).toEqual({ additions: [{ lineId: "ring", add: 2 }], totalAdded: 2 });
  });

  it("below the floor: short of the floor; when raising the line to its MOQ is cheaper, that is the fix", () => {
    // ring 4 (floor 5) + pendant 0: the bundle way is 1 + 10 = 11 pieces... with pendant not ordered, combined 4
    // → floor 1 more, then 10 more to reach 15 = 11; the ring's own MOQ needs 6. Fix: ring +6.
    const result = short(priceQuote(bundled, { ring: { "7": 4 } }));
    expect(result.shortfalls).toEqual([
      { kind: "below-bundle-floor", lineId: "ring", quantity: 4, floor: 5, shortBy: 1 },
      { kind: "bundle-short", lineIds: ["ring", "pendant"], quantity: 4, minimum: 15, shortBy: 11 },
    ]);
    expect(result.fix).toEqual({ additions: [{ lineId: "ring", add: 6 }], totalAdded: 6 });
  });

  it("a line outside the bundle still needs its own MOQ", () => {
    const result = short(priceQuote(bundled, { ring: { "7": 6 }, pendant: { "-": 9 }, chain: { "-": 8 } }));
    expect(result.shortfalls).toEqual([{ kind: "below-minimum", lineId: "chain", quantity: 8, minimum: 10, shortBy: 2 }]);
  });
});

describe("schemas", () => {
  const base = { lineId: "ring", moq: 5, tiers: [{ minQuantity: 5, unitPriceMinor: 7440 }, { minQuantity: 10, unitPriceMinor: 6200 }] };
  const issues = (value: unknown) => {
    const parsed = quoteLinePricingSchema.safeParse(value);
    return parsed.success ? [] : parsed.error.issues.map((i) => [i.path.join("."), i.message]);
  };

  it("accept a line with decreasing prices from the MOQ", () => {
    expect(issues(base)).toEqual([]);
  });

  it("put a rising unit price next to its tier", () => {
    expect(issues({ ...base, tiers: [{ minQuantity: 5, unitPriceMinor: 6200 }, { minQuantity: 10, unitPriceMinor: 7440 }] })).toEqual([
      ["tiers.1.unitPriceMinor", "A larger quantity cannot cost more per piece than the tier before it."],
    ]);
  });

  it("put a quantity that does not increase next to its tier", () => {
    expect(issues({ ...base, tiers: [{ minQuantity: 10, unitPriceMinor: 7440 }, { minQuantity: 10, unitPriceMinor: 6200 }] })).toEqual([
      ["tiers.1.minQuantity", "Start this tier above the one before it (from 10)."],
    ]);
  });

  it("refuse a first tier below the MOQ", () => {
    expect(issues({ ...base, moq: 6 })).toEqual([["tiers.0.minQuantity", "The first tier starts at the MOQ (6) or above."]]);
  });

  it("refuse a duplicate size surcharge, a fraction of a piece and a zero price", () => {
    expect(issues({ ...base, sizeSurcharges: [{ size: "10", amountMinor: 400 }, { size: "10", amountMinor: 500 }] })).toEqual([
      ["sizeSurcharges.1.size", "Size 10 already has a surcharge."],
    ]);
    expect(issues({ ...base, moq: 5.5 })[0]).toEqual(["moq", "Enter a whole number of pieces."]);
    expect(issues({ ...base, tiers: [{ minQuantity: 5, unitPriceMinor: 0 }] })[0]).toEqual(["tiers.0.unitPriceMinor", "Enter a unit price above zero."]);
  });

  it("check a version's bundle and the currency's limit", () => {
    const parsed = quoteVersionPricingSchema.safeParse({
      currency: "EUR",
      lines: [base, { ...base, lineId: "pendant", tiers: [{ minQuantity: 5, unitPriceMinor: 100_000_001 }] }],
      bundle: { lineIds: ["ring", "nope"], minQuantity: 10, floor: 5 },
      depositPercent: 30.123,
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["depositPercent", "Use at most two decimals."],
      ["lines.1.tiers.0.unitPriceMinor", "At most €1,000,000.00."],
      ["bundle.lineIds.1", "Choose lines of this quote."],
      ["bundle.floor", "Set the floor below a bundled line's MOQ, or the bundle changes nothing."],
    ]);
  });
});
