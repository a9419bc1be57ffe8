import { describe, expect, it } from "vitest";
import { createCampaignSchema } from "~/lib/preorder-schemas";
import { testDb } from "~/test/db";
import { designWithRevision } from "~/test/designs";
import { createFixture } from "~/test/fixtures";
import { holdUnits } from "~/test/preorder-campaigns";
import { actorOf } from "~/test/vetting";
import { payoutAccounts, preorderPageViews } from "../db/schema";
import { createCampaign, publishCampaign } from "./preorder-campaigns";
import { campaignDashboard, exportReservationsCsv, listReservations } from "./preorder-dashboard";

/** The dashboard's figures, written out from a campaign whose reservations and views are known. */
const db = await testDb();

const DAY = 86_400_000;
const NOW = new Date("2026-11-20T12:00:00Z");
const at = (offset: number, hour = 10) => new Date(Date.UTC(2026, 10, 20 + offset, hour));

async function campaign() {
  const f = await createFixture(db);
  const { revisionId } = await designWithRevision(db, f.brand);
  await db.insert(payoutAccounts).values({ orgId: f.brand.org.id, stripeAccountId: `acct_${crypto.randomUUID().slice(0, 8)}`, onboardingStatus: "ready" });
  const c = await createCampaign(
    db,
    actorOf(f.brand),
    createCampaignSchema.parse({
      designRevisionId: revisionId,
      title: "Lune signet",
      slug: "lune-signet",
      retailPrice: "200.00 EUR",
      paymentMode: "deposit",
      depositPercent: 25,
      sizes: [
        { size: "6", cap: 10 },
        { size: "7", cap: null },
      ],
      totalCap: 20,
      opensAt: at(-3, 0),
      closesAt: new Date(Date.now() + 10 * DAY),
      holdMinutes: 30,
      cancelWithinDays: 14,
      expectedDeliveryOn: new Date(Date.now() + 90 * DAY).toISOString().slice(0, 10),
      workshopOrgId: null,
    }),
  );
  await publishCampaign(db, actorOf(f.brand), { campaignId: c.id }, at(-3, 0));
  return { f, c };
}

describe("the dashboard", () => {
  it("3 views and 1 paid reservation convert at 33 %; units by size and by day over the window", async () => {
    const { f, c } = await campaign();
    await holdUnits(db, c.id, "6", 2, "paid", { createdAt: at(-2), paidAt: at(-2, 11) });
    await holdUnits(db, c.id, "7", 1, "held", { createdAt: at(-1) });
    await holdUnits(db, c.id, "6", 1, "refunded", { createdAt: at(-1) });
    await db.insert(preorderPageViews).values([
      { campaignId: c.id, brandOrgId: f.brand.org.id, day: "2026-11-18", views: 2 },
      { campaignId: c.id, brandOrgId: f.brand.org.id, day: "2026-11-19", views: 1 },
    ]);
    const d = await campaignDashboard(db, f.brand.org.id, c.id, NOW);
    expect(d.conversion).toEqual({ paidReservations: 1, views: 3, label: "33 %" });
    expect(d.sizes.map((s) => [s.label, s.cap, s.reservedUnits, s.paidUnits])).toEqual([
      ["6", 10, 2, 2],
      ["7", null, 1, 0],
    ]);
    expect(d.days).toEqual([
      { day: "2026-11-17", reservations: 0, reservedUnits: 0, paidUnits: 0, views: 0 },
      { day: "2026-11-18", reservations: 1, reservedUnits: 2, paidUnits: 2, views: 2 },
      { day: "2026-11-19", reservations: 2, reservedUnits: 2, paidUnits: 0, views: 1 },
      { day: "2026-11-20", reservations: 0, reservedUnits: 0, paidUnits: 0, views: 0 },
    ]);
    // 2 × 200.00 at 25 % paid = 100.00; the refunded one gave back what it paid.
    expect(d.collected).toEqual({ amountMinor: 10_000, currency: "EUR" });
    expect(d.reservations).toBe(3);
  });

  it("no views yet: conversion shows a dash, not a division by zero", async () => {
    const { f, c } = await campaign();
    await holdUnits(db, c.id, "6", 1, "paid");
    expect((await campaignDashboard(db, f.brand.org.id, c.id, NOW)).conversion).toEqual({ paidReservations: 1, views: 0, label: "—" });
  });

  it("another brand's campaign is not found", async () => {
    const { f, c } = await campaign();
    await expect(campaignDashboard(db, f.outsider.brand.org.id, c.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the reservations list", () => {
  it("filters by status and size, searches name, email and reference, pages by 25", async () => {
    const { f, c } = await campaign();
    await holdUnits(db, c.id, "6", 1, "paid", { name: "Inès Moreau", email: "ines@example.test", reference: "R-INES01" });
    await holdUnits(db, c.id, "7", 1, "held", { name: "Jonas Berg", email: "jonas@example.test", reference: "R-JONA02" });
    for (let i = 0; i < 26; i++) await holdUnits(db, c.id, "7", 1, "expired", { name: `Guest ${i}`, email: `guest${i}@example.test`, createdAt: new Date(Date.now() - (i + 1) * 60_000) });
    const list = (q: Record<string, unknown>) => listReservations(db, f.brand.org.id, { campaignId: c.id, page: 1, q: "", ...q });
    expect((await list({ status: "paid" })).items.map((r) => r.customerName)).toEqual(["Inès Moreau"]);
    expect((await list({ size: "6" })).items.map((r) => r.reference)).toEqual(["R-INES01"]);
    expect((await list({ q: "jonas@" })).items.map((r) => r.reference)).toEqual(["R-JONA02"]);
    expect((await list({ q: "r-ines" })).items.map((r) => r.customerName)).toEqual(["Inès Moreau"]);
    expect((await list({ q: "100%" })).total).toBe(0);
    const first = await list({});
    expect([first.total, first.items.length, first.pageSize]).toEqual([28, 25, 25]);
    expect((await list({ page: 2 })).items).toHaveLength(3);
    expect(first.items.find((r) => r.reference === "R-INES01")?.canRefund).toBe(true);
    expect(first.items.find((r) => r.status === "expired")?.canRefund).toBe(false);
  });
});

describe("the CSV export", () => {
  it("escapes a name that a spreadsheet would run as a formula", async () => {
    const { f, c } = await campaign();
    await holdUnits(db, c.id, "6", 2, "paid", { name: "=SUM(A1)", email: "formula@example.test", reference: "R-CSV001", createdAt: new Date("2026-11-18T10:00:00Z"), paidAt: new Date("2026-11-18T10:05:00Z") });
    const { csv, rows, filename } = await exportReservationsCsv(db, f.brand.org.id, { campaignId: c.id, q: "" });
    expect(rows).toBe(1);
    expect(filename).toMatch(/^lune-signet-reservations-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csv.replace(/^\uFEFF/, "").trim().split("\n");
    expect(lines).toEqual([
      "Reference,Name,Email,Size,Quantity,Status,Total,Due at reservation,Paid,Refunded,Currency,Reserved at,Paid at",
      "R-CSV001,'=SUM(A1),formula@example.test,6,2,Paid,400.00,100.00,100.00,0.00,EUR,2026-11-18T10:00:00.000Z,2026-11-18T10:05:00.000Z",
    ]);
  });
});
