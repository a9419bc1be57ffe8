import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { priceQuote, quoteLinePricingSchema, roundHalfEven, tierIndexFor, type PricedQuoteLine, type PricedQuoteVersion, type QuantityPlan } from "./pricing";

const SIZES = ["5", "6", "7", "8", "9", "10"];

/** A line the schema accepts: strictly increasing minimums from the MOQ, prices never rising. */
const lineArb = (lineId: string) =>
  fc
    .record({
      moq: fc.integer({ min: 1, max: 12 }),
      steps: fc.array(fc.record({ gap: fc.integer({ min: 1, max: 15 }), drop: fc.integer({ min: 0, max: 900 }) }), { maxLength: 4 }),
      firstPrice: fc.integer({ min: 4000, max: 20_000 }),
      surcharge: fc.option(fc.record({ size: fc.constantFrom(...SIZES), amountMinor: fc.integer({ min: 1, max: 900 }) }), { nil: undefined }),
      fee: fc.option(fc.integer({ min: 1, max: 50_000 }), { nil: undefined }),
    })
    .map(({ moq, steps, firstPrice, surcharge, fee }): PricedQuoteLine => {
      const tiers = [{ minQuantity: moq, unitPriceMinor: firstPrice }];
      for (const step of steps) {
        const last = tiers[tiers.length - 1]!;
        tiers.push({ minQuantity: last.minQuantity + step.gap, unitPriceMinor: Math.max(1, last.unitPriceMinor - step.drop) });
      }
      return { lineId, moq, tiers, sizeSurcharges: surcharge ? [surcharge] : [], fees: fee ? [{ label: "Mould", amountMinor: fee }] : [] };
    });

const planArb = (lineIds: string[]) =>
  fc.tuple(...lineIds.map(() => fc.array(fc.integer({ min: 0, max: 8 }), { minLength: SIZES.length, maxLength: SIZES.length }))).map((rows) => {
    const plan: QuantityPlan = {};
    rows.forEach((row, index) => {
      plan[lineIds[index]!] = Object.fromEntries(SIZES.map((size, i) => [size, row[i] ?? 0]));
    });
    return plan;
  });

const IDS = ["ring", "pendant", "earring"];
const versionArb = fc
  .record({
    lines: fc.tuple(lineArb("ring"), lineArb("pendant"), lineArb("earring")),
    depositPercent: fc.integer({ min: 0, max: 10_000 }).map((bp) => bp / 100),
    currency: fc.constantFrom("EUR", "JPY", "KWD"),
    bundle: fc.option(fc.record({ minQuantity: fc.integer({ min: 2, max: 40 }), floor: fc.integer({ min: 1, max: 6 }), size: fc.integer({ min: 2, max: 3 }) }), {
      nil: null,
    }),
  })
  .map(({ lines, depositPercent, currency, bundle }): PricedQuoteVersion => ({
    currency,
    lines: [...lines],
    depositPercent,
    bundle: bundle ? { lineIds: IDS.slice(0, bundle.size), minQuantity: bundle.minQuantity, floor: bundle.floor } : null,
  }));

const total = (plan: QuantityPlan, lineId: string) => Object.values(plan[lineId] ?? {}).reduce((a, b) => a + b, 0);

describe("pricing properties", () => {
  test.prop([lineArb("ring")])("the generated lines are ones the schema accepts", (line) => {
    expect(quoteLinePricingSchema.safeParse(line).success).toBe(true);
  });

  test.prop([lineArb("ring"), fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 200 })])(
    "more quantity never raises the unit price",
    (line, quantity, more) => {
      const version: PricedQuoteVersion = { currency: "EUR", lines: [line], bundle: null, depositPercent: 0 };
      const a = priceQuote(version, { ring: { "7": quantity } });
      const b = priceQuote(version, { ring: { "7": quantity + more } });
      if (!a.met) return;
      expect(b.met).toBe(true);
      if (!b.met) return;
      expect(b.lines[0]!.tierUnitPriceMinor).toBeLessThanOrEqual(a.lines[0]!.tierUnitPriceMinor);
    },
  );

  test.prop([lineArb("ring"), fc.integer({ min: 0, max: 200 })])("the winning tier is the highest minimum not above the quantity", (line, quantity) => {
    const index = tierIndexFor(line.tiers, quantity);
    const eligible = line.tiers.filter((t) => t.minQuantity <= quantity);
    if (eligible.length === 0) expect(index).toBeNull();
    else expect(line.tiers[index!]!.minQuantity).toBe(Math.max(...eligible.map((t) => t.minQuantity)));
  });

  test.prop([versionArb, planArb(IDS)])("the total equals the sum of the lines, and deposit + balance the total", (version, plan) => {
    const result = priceQuote(version, plan);
    if (!result.met) return;
    expect(result.totalMinor).toBe(result.lines.reduce((sum, l) => sum + l.lineTotalMinor, 0));
    for (const line of result.lines) {
      expect(line.lineTotalMinor).toBe(line.sizes.reduce((sum, s) => sum + s.quantity * s.unitPriceMinor, 0) + line.feesTotalMinor);
    }
    expect(result.depositMinor + result.balanceMinor).toBe(result.totalMinor);
    expect(result.depositMinor).toBeGreaterThanOrEqual(0);
    expect(result.depositMinor).toBeLessThanOrEqual(result.totalMinor);
    expect(Math.abs(result.depositMinor * 100 - result.totalMinor * version.depositPercent)).toBeLessThanOrEqual(50.000001);
  });

  test.prop([versionArb, planArb(IDS)])("a bundle never makes a quote cost more than without it, nor refuses what it met", (version, plan) => {
    const withBundle = priceQuote(version, plan);
    const without = priceQuote({ ...version, bundle: null }, plan);
    if (without.met) {
      expect(withBundle.met).toBe(true);
      if (withBundle.met) expect(withBundle.totalMinor).toBeLessThanOrEqual(without.totalMinor);
    }
    if (!without.met && withBundle.met) {
      // only the bundle's lines may be below their own minimum
      for (const line of withBundle.lines) {
        if (line.minimumMetBy === "bundle") expect(version.bundle?.lineIds).toContain(line.lineId);
      }
    }
  });

  test.prop([versionArb, planArb(IDS)])("never a price below the minimums: every priced line meets its MOQ or the bundle", (version, plan) => {
    const result = priceQuote(version, plan);
    if (!result.met) return;
    for (const line of result.lines) {
      const quoted = version.lines.find((l) => l.lineId === line.lineId)!;
      if (line.quantity < quoted.moq) {
        const bundle = version.bundle!;
        expect(bundle.lineIds).toContain(line.lineId);
        expect(line.quantity).toBeGreaterThanOrEqual(bundle.floor);
        expect(bundle.lineIds.reduce((sum, id) => sum + total(plan, id), 0)).toBeGreaterThanOrEqual(bundle.minQuantity);
      }
    }
  });

  test.prop([versionArb, fc.tuple(fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 14 }))], { numRuns: 150 })(
    "the fix makes the minimums met, and no fewer added pieces would",
    (version, [a, b, c]) => {
      const plan: QuantityPlan = { ring: { "7": a }, pendant: { "7": b }, earring: { "7": c } };
      const result = priceQuote(version, plan);
      if (result.met) return;
      const fixed: QuantityPlan = { ring: { "7": a }, pendant: { "7": b }, earring: { "7": c } };
      for (const { lineId, add } of result.fix.additions) fixed[lineId]!["7"]! += add;
      expect(priceQuote(version, fixed).met).toBe(true);
      // brute force: any plan with fewer pieces added is still short
      const limit = result.fix.totalAdded - 1;
      for (let x = 0; x <= limit; x++) {
        for (let y = 0; x + y <= limit; y++) {
          for (let z = 0; x + y + z <= limit; z++) {
            expect(priceQuote(version, { ring: { "7": a + x }, pendant: { "7": b + y }, earring: { "7": c + z } }).met).toBe(false);
          }
        }
      }
    },
  );

  test.prop([fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 10n ** 6n })])(
    "half-even is within half a unit, and an exact half goes to the even neighbour",
    (numerator, denominator) => {
      const rounded = roundHalfEven(numerator, denominator);
      const twiceError = 2n * (rounded * denominator - numerator);
      expect(twiceError <= denominator && twiceError >= -denominator).toBe(true);
      if (twiceError === denominator || twiceError === -denominator) expect(rounded % 2n).toBe(0n);
    },
  );
});
