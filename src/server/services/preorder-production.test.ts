import { and, asc, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { createFixture, type Fixture } from "~/test/fixtures";
import { campaignRow, liveMoq20Quote, moq20Ring, publishedCampaign, reservationOf, reserveSplit } from "~/test/preorder-production";
import { rfqBetween } from "~/test/rfqs";
import { actorOf } from "~/test/vetting";
import { preorderProgress } from "~/lib/preorder-progress";
import { emails, orderLines, orderPlans, orders, preorderCampaignSizes, preorderCampaigns, preorderReservations, quoteVersions, rfqLines, rfqs } from "../db/schema";
import { withOrg } from "../db/tenant";
import { campaignsFollowForecast } from "./preorder-production-orders";
import { createRfqFromTotals, extendWindow, getCampaignProduction, linkOrder, linkQuote, placeOrderFromTotals } from "./preorder-production";
import { addBusinessDays, loadProductionCalendarIn } from "./production-calendar";

const db = await testDb();

const emailsTo = async (addresses: string[]) => (addresses.length === 0 ? [] : db.select().from(emails).where(inArray(emails.to, addresses)));

describe("progress toward the MOQ and the next tier (MOQ 20; 20 → 40.00, 50 → 35.00)", () => {
  const line = moq20Ring("ring");
  it("18 paid: 2 more for MOQ, which is the 20-piece price", () => {
    expect(preorderProgress(line, "EUR", 18)).toMatchObject({
      minimum: 20,
      moqMet: false,
      moqShortBy: 2,
      currentTier: null,
      nextTier: { minQuantity: 20, unitPriceMinor: 4000, shortBy: 2 },
      moqLabel: "2 more for MOQ",
      tierLabel: "2 more for the 20-piece price (€40.00)",
      percent: 90,
    });
  });
  it("32 paid: MOQ met at 40.00, 18 more for the 50-piece price", () => {
    expect(preorderProgress(line, "EUR", 32)).toMatchObject({
      moqMet: true,
      currentTier: { minQuantity: 20, unitPriceMinor: 4000 },
      nextTier: { minQuantity: 50, unitPriceMinor: 3500, shortBy: 18 },
      moqLabel: "MOQ met",
      tierLabel: "18 more for the 50-piece price (€35.00)",
      percent: 64,
    });
  });
  it("50 paid: the best price", () => {
    expect(preorderProgress(line, "EUR", 50)).toMatchObject({ moqMet: true, currentTier: { minQuantity: 50, unitPriceMinor: 3500 }, nextTier: null, tierLabel: "Best price reached", percent: 100 });
  });
});

describe("a campaign measured against its linked quote", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(db);
  });

  it("counts paid units only, by size, and shows the figures of the quote's ring line", async () => {
    const q = await liveMoq20Quote(db, f);
    const c = await publishedCampaign(db, f, q.ring.revision);
    await reserveSplit(db, c, { "5": 4, "6": 6, "7": 8 });
    await reservationOf(db, c, { size: "8", quantity: 3, status: "held" });
    await linkQuote(db, actorOf(f.brand), { campaignId: c.id, quoteVersionId: q.quote.id });
    const view = await getCampaignProduction(db, f.brand.org.id, c.id);
    expect(view.sizes.map((s) => [s.size, s.paidUnits, s.heldUnits])).toEqual([
      ["5", 4, 0],
      ["6", 6, 0],
      ["7", 8, 0],
      ["8", 0, 3],
      ["9", 0, 0],
    ]);
    expect(view.quote?.progress).toMatchObject({ paidUnits: 18, moqLabel: "2 more for MOQ", tierLabel: "2 more for the 20-piece price (€40.00)" });
    expect(view.actions).toMatchObject({ createRfq: true, placeOrder: true, cancel: true });
    // Nothing of a customer is in the brand's production view either: it is quantities.
    expect(JSON.stringify(view)).not.toMatch(/Customer \d|@example\.test/);
  });

  it("refuses a quote of another design revision, naming the field", async () => {
    const q = await liveMoq20Quote(db, f);
    const c = await publishedCampaign(db, f, q.pendant.revision);
    await expect(linkQuote(db, actorOf(f.brand), { campaignId: c.id, quoteVersionId: q.quote.id })).resolves.toBeTruthy();
    const other = await liveMoq20Quote(db, f);
    const ringCampaign = await publishedCampaign(db, f, q.ring.revision);
    await expect(linkQuote(db, actorOf(f.brand), { campaignId: ringCampaign.id, quoteVersionId: other.quote.id })).rejects.toMatchObject({ code: "BAD_REQUEST", field: "quoteVersionId" });
    expect((await campaignRow(db, ringCampaign.id)).quoteVersionId).toBeNull();
  });
});

describe("the totals into a new draft RFQ", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(db);
  });

  it("carries the paid size split (5: 2, 6: 3, 7: 4) onto one line of the campaign's revision; held units stay out", async () => {
    const q = await liveMoq20Quote(db, f);
    const c = await publishedCampaign(db, f, q.ring.revision);
    await reserveSplit(db, c, { "5": 2, "6": 3 });
    await reservationOf(db, c, { size: "7", quantity: 4 });
    await reservationOf(db, c, { size: "8", quantity: 1, status: "held" });
    const made = await createRfqFromTotals(db, actorOf(f.brand), { campaignId: c.id });
    const [rfq] = await db.select().from(rfqs).where(eq(rfqs.id, made.rfqId));
    expect(rfq).toMatchObject({ status: "draft", brandOrgId: f.brand.org.id, currency: "EUR", title: "The Signet, made in Florence (preorder)" });
    const lines = await db.select().from(rfqLines).where(eq(rfqLines.rfqId, made.rfqId));
    expect(lines.map((l) => [l.revisionId, l.sizes])).toEqual([
      [
        q.ring.revision.id,
        [
          { size: "5", quantity: 2 },
          { size: "6", quantity: 3 },
          { size: "7", quantity: 4 },
        ],
      ],
    ]);
    expect((await campaignRow(db, c.id)).rfqId).toBe(made.rfqId);
    // Once: the totals are in production.
    await expect(createRfqFromTotals(db, actorOf(f.brand), { campaignId: c.id })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("waits for the window to close, writing nothing", async () => {
    const q = await liveMoq20Quote(db, f);
    const c = await publishedCampaign(db, f, q.ring.revision, { closesAt: new Date(Date.now() + 86_400_000) });
    await reserveSplit(db, c, { "5": 2 });
    const before = await db.select().from(rfqs).where(eq(rfqs.brandOrgId, f.brand.org.id));
    await expect(createRfqFromTotals(db, actorOf(f.brand), { campaignId: c.id })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.select().from(rfqs).where(eq(rfqs.brandOrgId, f.brand.org.id))).toEqual(before);
    expect((await campaignRow(db, c.id)).rfqId).toBeNull();
  });
});

describe("the totals into an order on the linked quote", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(db);
  });

  it("accepts the quote at the paid quantities by size: the order at the 20-piece price, the campaign linked to it and its forecast", async () => {
    const q = await liveMoq20Quote(db, f);
    const c = await publishedCampaign(db, f, q.ring.revision);
    await reserveSplit(db, c, { "5": 6, "6": 8, "7": 6 });
    await linkQuote(db, actorOf(f.brand), { campaignId: c.id, quoteVersionId: q.quote.id });
    const placed = await placeOrderFromTotals(db, actorOf(f.brand), { campaignId: c.id });
    const [order] = await db.select().from(orders).where(eq(orders.id, placed.orderId));
    expect(order).toMatchObject({ rfqId: q.rfq.id, quoteVersionId: q.quote.id, piecesTotalMinor: 80_000, totalMinor: 80_000, depositMinor: 24_000 });
    const lines = await db.select().from(orderLines).where(eq(orderLines.orderId, placed.orderId));
    expect(lines.map((l) => [l.revisionId, l.quantity, l.tierUnitPriceMinor, l.sizes.map((s) => [s.size, s.quantity])])).toEqual([
      [
        q.ring.revision.id,
        20,
        4000,
        [
          ["5", 6],
          ["6", 8],
          ["7", 6],
        ],
      ],
    ]);
    const [plan] = await db.select().from(orderPlans).where(eq(orderPlans.orderId, placed.orderId));
    const row = await campaignRow(db, c.id);
    expect([row.orderId, row.workshopOrgId, row.forecastDeliveryOn]).toEqual([placed.orderId, f.workshop.org.id, plan!.forecastDeliveryDate]);
    expect((await db.select().from(quoteVersions).where(eq(quoteVersions.id, q.quote.id)))[0]!.status).toBe("accepted");
  });

  it("below the minimum: the engine's shortfall, and nothing written", async () => {
    const q = await liveMoq20Quote(db, f);
    const c = await publishedCampaign(db, f, q.ring.revision);
    await reserveSplit(db, c, { "5": 6, "6": 6, "7": 6 });
    await linkQuote(db, actorOf(f.brand), { campaignId: c.id, quoteVersionId: q.quote.id });
    const before = { campaign: await campaignRow(db, c.id), orders: await db.select().from(orders).where(eq(orders.rfqId, q.rfq.id)) };
    await expect(placeOrderFromTotals(db, actorOf(f.brand), { campaignId: c.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Signet ring: 18 planned, the minimum is 20 (2 short).",
    });
    expect(await campaignRow(db, c.id)).toEqual(before.campaign);
    expect(await db.select().from(orders).where(eq(orders.rfqId, q.rfq.id))).toEqual([]);
    expect((await db.select().from(quoteVersions).where(eq(quoteVersions.id, q.quote.id)))[0]!.status).toBe("sent");
    // The minimum not reached: the window is extended, the counters untouched.
    const later = new Date(Date.now() + 7 * 86_400_000);
    await extendWindow(db, actorOf(f.brand), { campaignId: c.id, closesAt: later });
    const extended = await campaignRow(db, c.id);
    expect([extended.closesAt.getTime(), extended.paidUnits, extended.heldUnits]).toEqual([later.getTime(), 18, 0]);
    const sizes = await db.select().from(preorderCampaignSizes).where(eq(preorderCampaignSizes.campaignId, c.id)).orderBy(asc(preorderCampaignSizes.position));
    expect(sizes.map((s) => s.paidUnits)).toEqual([6, 6, 6, 0, 0]);
  });
});

describe("the live delivery date", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(db);
  });

  /** A campaign linked to the fixture's order (ring of revision 1), announced on `announced`, N = 5. */
  async function linkedCampaign() {
    const r = await rfqBetween(db, f);
    const [plan] = await db.select().from(orderPlans).where(eq(orderPlans.orderId, r.order.id));
    // The brand stated the order's forecast as the expected delivery: linking it tells nobody anything new.
    const c = await publishedCampaign(db, f, r.ring.revision, { expectedDeliveryOn: plan!.forecastDeliveryDate });
    const paid = await reserveSplit(db, c, { "5": 1, "6": 2, "7": 1 });
    await reservationOf(db, c, { size: "8", quantity: 1, status: "held" });
    await linkOrder(db, actorOf(f.brand), { campaignId: c.id, orderId: r.order.id });
    const linked = await campaignRow(db, c.id);
    expect([linked.orderId, linked.forecastDeliveryOn, linked.announcedDeliveryOn]).toEqual([r.order.id, plan!.forecastDeliveryDate, null]);
    return { r, c, paid, plan: plan! };
  }

  /** The re-forecast's hook, as the workshop's transaction runs it, with the forecast moved by `days` business days. */
  async function forecastMovesBy(orderId: string, from: string, days: number) {
    return withOrg(db, f.workshop.org.id, async (tx) => {
      const calendar = await loadProductionCalendarIn(tx, f.workshop.org.id, from);
      const moved = addBusinessDays(calendar, from, days);
      const told = await campaignsFollowForecast(tx, { orderId, brandOrgId: f.brand.org.id, actorOrgId: f.workshop.org.id, forecastDeliveryDate: moved, calendar });
      return { moved, told };
    });
  }

  it("moved by 3 business days with N = 5: the page shows it, nobody is emailed; by 6: one email per paid customer and the announced date moves", async () => {
    const { r, c, paid, plan } = await linkedCampaign();
    const addresses = paid.map((p) => p.customerEmail);
    const three = await forecastMovesBy(r.order.id, plan.forecastDeliveryDate, 3);
    expect(three.told).toBe(0);
    let row = await campaignRow(db, c.id);
    expect([row.forecastDeliveryOn, row.announcedDeliveryOn]).toEqual([three.moved, null]);
    expect(await emailsTo(addresses)).toEqual([]);

    const six = await forecastMovesBy(r.order.id, plan.forecastDeliveryDate, 6);
    expect(six.told).toBe(3);
    row = await campaignRow(db, c.id);
    expect([row.forecastDeliveryOn, row.announcedDeliveryOn]).toEqual([six.moved, six.moved]);
    const sent = await emailsTo(addresses);
    expect(sent.map((e) => e.to).sort()).toEqual([...addresses].sort());
    expect(sent[0]!.subject).toBe(`The Signet, made in Florence: your piece is now expected on ${six.moved}`);
    // The held customer is not told: nothing was paid.
    const held = await db.select().from(preorderReservations).where(and(eq(preorderReservations.campaignId, c.id), eq(preorderReservations.status, "held")));
    expect(await emailsTo(held.map((h) => h.customerEmail))).toEqual([]);
  });

  it("the workshop's reads of a campaign it makes contain no customer data", async () => {
    const { c } = await linkedCampaign();
    const seen = await withOrg(db, f.workshop.org.id, async (tx) => ({
      campaigns: await tx.select().from(preorderCampaigns).where(eq(preorderCampaigns.id, c.id)),
      sizes: await tx.select().from(preorderCampaignSizes).where(eq(preorderCampaignSizes.campaignId, c.id)),
      reservations: await tx.select().from(preorderReservations).where(eq(preorderReservations.campaignId, c.id)),
    }));
    expect(seen.campaigns).toHaveLength(1);
    expect(seen.sizes).toHaveLength(5);
    expect(seen.reservations).toEqual([]);
    expect(JSON.stringify(seen)).not.toMatch(/Customer \d|@example\.test|customerEmail|customerName/);
  });
});
