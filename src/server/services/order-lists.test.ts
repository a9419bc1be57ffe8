import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { callerFor, createFixture, type Fixture } from "~/test/fixtures";
import { planOrder } from "~/test/milestones";
import { rfqBetween, sentQuote, sentRfq } from "~/test/rfqs";
import { actorOf } from "~/test/vetting";
import { todayIn } from "~/lib/sample-request-schemas";
import type { Db } from "../db/client";
import { emails, notifications, orderLines, orderMilestones, orderPlans, workshopProfiles, type Order } from "../db/schema";
import { changeMilestone } from "./milestones";
import { acceptQuote } from "./quotes";
import { orderNumberLabel } from "~/lib/rfq-schemas";

const db = await testDb();

/**
 * Two orders between the fixture's brand and workshop. A: the deposit recorded (in production), its CAD
 * waiting for the brand's approval, expected today. B: awaiting its deposit, at risk, expected on
 * 2030-06-15, its ring renamed by hand.
 */
async function twoOrders(d: Db) {
  const f = await createFixture(d);
  const a = await rfqBetween(d, f);
  const aPlan = await planOrder(d, a.order);
  const r = await sentRfq(d, f.brand, [f.workshop], { title: "Autumn capsule" });
  const quote = await sentQuote(d, f.workshop, r.invitationOf(f.workshop).id, { ring: r.ringLine.id, pendant: r.pendantLine.id });
  const b: Order = await acceptQuote(d, actorOf(f.brand), { quoteVersionId: quote.id, quantities: { [r.ringLine.id]: { "5": 2, "6": 3, "7": 3, "8": 2, "9": 2 }, [r.pendantLine.id]: { "One size": 10 } } });
  await planOrder(d, b);
  const today = todayIn("Europe/Rome");
  const id = (key: string) => aPlan.milestones.find((m) => m.key === key)!.id;
  await d.update(orderMilestones).set({ status: "completed", completedOn: today }).where(eq(orderMilestones.id, id("deposit_received")));
  await d.update(orderMilestones).set({ status: "awaiting_approval", approval: "requested", approvalRequestedOn: today }).where(eq(orderMilestones.id, id("cad_approved")));
  await d.update(orderPlans).set({ forecastDeliveryDate: today }).where(eq(orderPlans.orderId, a.order.id));
  await d.update(orderPlans).set({ atRisk: true, forecastDeliveryDate: "2030-06-15" }).where(eq(orderPlans.orderId, b.id));
  await d.update(orderLines).set({ designName: "Rose ring", sku: "ROSE-77" }).where(and(eq(orderLines.orderId, b.id), eq(orderLines.position, 0)));
  return { f, a: a.order, b, cadId: id("cad_approved"), today };
}

let f: Fixture;
let a: Order;
let b: Order;
let cadId: string;
let today: string;
beforeAll(async () => {
  ({ f, a, b, cadId, today } = await twoOrders(db));
});

const brandList = (filters: Record<string, unknown> = {}, page = 1) => callerFor(db, f.brand.member).order.list({ orgId: f.brand.org.id, filters: { sort: "newest", ...filters }, page });
const numbers = async (filters: Record<string, unknown> = {}) => (await brandList(filters)).items.map((o) => o.number);
const label = (o: Order) => orderNumberLabel(o.year, o.seq);

describe("the orders list", () => {
  it("shows each order with its stage, dates, designs, pieces, the other party and the reader's unread messages, newest first", async () => {
    const page = await brandList();
    expect(page.total).toBe(2);
    expect(page.counterparties).toEqual([{ id: f.workshop.org.id, name: "Atelier Test" }]);
    expect(page.items.map((o) => [o.number, o.stage, o.atRisk, o.expectedDeliveryDate, o.pieces, o.designs.map((d) => d.name), o.counterparty.name, o.currentMilestone?.name, o.unreadMessages])).toEqual([
      [label(b), "awaiting_deposit", true, "2030-06-15", 22, ["Rose ring", "Moon pendant"], "Atelier Test", "Deposit received", 0],
      // The workshop's question on the RFQ thread is unread for the brand.
      [label(a), "in_production", false, today, 24, ["Signet ring", "Moon pendant"], "Atelier Test", "CAD approved", 1],
    ]);
    const workshop = await callerFor(db, f.workshop.member).order.list({ orgId: f.workshop.org.id, page: 1 });
    expect(workshop.items.map((o) => [o.number, o.counterparty.name, o.unreadMessages])).toEqual([
      [label(b), "Maison Test", 0],
      [label(a), "Maison Test", 0],
    ]);
  });

  it("filters by status, at risk, the other party and expected delivery between two days", async () => {
    expect(await numbers({ stage: "awaiting_deposit" })).toEqual([label(b)]);
    expect(await numbers({ stage: "in_production" })).toEqual([label(a)]);
    expect(await numbers({ stage: "shipped" })).toEqual([]);
    expect(await numbers({ atRisk: true })).toEqual([label(b)]);
    expect(await numbers({ counterpartyId: f.workshop.org.id })).toEqual([label(b), label(a)]);
    expect(await numbers({ counterpartyId: f.brand.org.id })).toEqual([]);
    expect(await numbers({ deliveryFrom: "2030-06-01", deliveryTo: "2030-06-30" })).toEqual([label(b)]);
    expect(await numbers({ deliveryTo: "2030-06-14" })).toEqual([label(a)]);
    expect(await numbers({ sort: "delivery" })).toEqual([label(a), label(b)]);
  });

  it("searches order numbers, design names and SKUs, and the other party, with % taken as itself", async () => {
    expect(await numbers({ q: label(a) })).toEqual([label(a)]);
    expect(await numbers({ q: `PO-${a.year}-${a.seq}` })).toEqual([label(a)]);
    expect(await numbers({ q: "rose-77" })).toEqual([label(b)]);
    expect(await numbers({ q: "signet" })).toEqual([label(a)]);
    expect(await numbers({ q: "atelier" })).toEqual([label(b), label(a)]);
    expect(await numbers({ q: "%" })).toEqual([]);
  });

  it("pages with the total kept, and a page past the end is empty with the total", async () => {
    const one = await brandList({}, 1);
    expect(one.pageSize).toBe(25);
    const far = await brandList({}, 3);
    expect([far.items.length, far.total]).toEqual([0, 2]);
  });

  it("counts an order at risk only while it is on its way: once delivered it is delivered, not at risk", async () => {
    await db.update(orderPlans).set({ deliveredOn: today }).where(eq(orderPlans.orderId, b.id));
    try {
      const item = (await brandList()).items.find((o) => o.id === b.id);
      expect([item?.stage, item?.atRisk]).toEqual(["delivered", false]);
      expect(await numbers({ atRisk: true })).toEqual([]);
    } finally {
      await db.update(orderPlans).set({ deliveredOn: null }).where(eq(orderPlans.orderId, b.id));
    }
  });

  it("refuses a delivery range that ends before it starts, next to the field", async () => {
    await expect(brandList({ deliveryFrom: "2030-06-02", deliveryTo: "2030-06-01" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("the CSV export", () => {
  for (const start of ["=", "+", "-", "@"]) {
    it(`escapes a design name starting with ${start}, so a spreadsheet shows it as text`, async () => {
      await db.update(orderLines).set({ designName: `${start}HYPERLINK("http://evil.example")` }).where(and(eq(orderLines.orderId, b.id), eq(orderLines.position, 0)));
      const out = await callerFor(db, f.brand.member).order.exportCsv({ orgId: f.brand.org.id, filters: { sort: "newest", atRisk: true } });
      expect([out.rows, out.truncated]).toEqual([1, false]);
      const lines = out.csv.replace(/^\uFEFF/, "").trim().split("\n");
      expect(lines[0]).toBe("Order,Status,At risk,Counterparty,Designs,Pieces,Total,Currency,Placed on,Promised delivery,Expected delivery,Current milestone");
      expect(lines[1]).toContain(`,"'${start}HYPERLINK(""http://evil.example"") (ROSE-77) × 12; Moon pendant (`);
      expect(lines[1]).not.toContain(`,"${start}HYPERLINK`);
      expect(lines[1]!.startsWith(`${label(b)},Awaiting deposit,yes,Atelier Test,`)).toBe(true);
    });
  }

  it("holds every order the filters match, with totals as decimals", async () => {
    const out = await callerFor(db, f.workshop.member).order.exportCsv({ orgId: f.workshop.org.id, filters: { sort: "newest", stage: "in_production" } });
    const lines = out.csv.replace(/^\uFEFF/, "").trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(new RegExp(`^${label(a)},In production,no,Maison Test,Signet ring \\([^)]+\\) × 12; Moon pendant \\([^)]+\\) × 12,24,878\\.00,EUR,`));
  });
});

describe("the dashboards", () => {
  it("give the brand its orders by status, those at risk, deliveries of the next 30 days and the approvals waiting for it", async () => {
    const d = await callerFor(db, f.brand.member).order.brandDashboard({ orgId: f.brand.org.id });
    expect(d.stages).toEqual([
      { stage: "awaiting_deposit", count: 1 },
      { stage: "in_production", count: 1 },
      { stage: "shipped", count: 0 },
      { stage: "delivered", count: 0 },
      { stage: "closed", count: 0 },
      { stage: "cancelled", count: 0 },
    ]);
    expect(d.atRisk.map((o) => o.number)).toEqual([label(b)]);
    expect(d.upcoming.map((o) => [o.number, o.expectedDeliveryDate])).toEqual([[label(a), today]]);
    expect(d.approvals).toEqual([{ orderId: a.id, number: label(a), milestoneId: cadId, milestone: "CAD approved", requestedOn: today, counterpartyName: "Atelier Test" }]);
  });

  it("give the workshop a production board by current milestone, approvals pending and this month's pieces against its capacity", async () => {
    await db.update(workshopProfiles).set({ monthlyCapacity: 50 }).where(eq(workshopProfiles.orgId, f.workshop.org.id));
    const d = await callerFor(db, f.workshop.member).order.workshopDashboard({ orgId: f.workshop.org.id });
    expect(d.board.map((c) => [c.name, c.cards.map((o) => [o.number, o.currentMilestone?.name])])).toEqual([
      ["Deposit received", [[label(b), "Deposit received"]]],
      ["CAD approved", [[label(a), "CAD approved"]]],
    ]);
    expect(d.boardTotal).toBe(2);
    expect(d.approvals.map((x) => [x.number, x.milestone, x.counterpartyName])).toEqual([[label(a), "CAD approved", "Maison Test"]]);
    expect(d.dueThisMonth).toMatchObject({ orders: 1, pieces: 24, monthlyCapacity: 50 });
  });
});

describe("an order's activity log", () => {
  it("lists what either side did on the order, newest first, with who did it", async () => {
    const log = await callerFor(db, f.workshop.member).order.activity({ orgId: f.workshop.org.id, orderId: a.id });
    expect(log.items.map((e) => e.action)).toEqual(expect.arrayContaining(["order.created", "order.planned"]));
    expect(log.items.find((e) => e.action === "order.created")?.actorName).toBe(f.brand.owner.name);
    // Only this order's events.
    expect(log.items.every((e) => (e.data as { order?: string }).order === label(a))).toBe(true);
  });
});

describe("order notification emails", () => {
  it("respect a member's muted kinds: an approval request is emailed to the others, and still shown to everyone", async () => {
    const g = await twoOrders(db);
    await callerFor(db, g.f.brand.member).account.updateEmailPreferences({ mutedKinds: ["approval_requested"] });
    const [qc] = await db.select().from(orderMilestones).where(and(eq(orderMilestones.orderId, g.a.id), eq(orderMilestones.key, "cad_approved")));
    await db.update(orderMilestones).set({ status: "in_progress", approval: "none", approvalRequestedOn: null }).where(eq(orderMilestones.id, qc!.id));
    await changeMilestone(db, actorOf(g.f.workshop), "workshop", "complete", { milestoneId: qc!.id, note: "CAD attached", photoFileIds: [] });
    const [n] = await db.select().from(notifications).where(and(eq(notifications.orgId, g.f.brand.org.id), eq(notifications.kind, "approval_requested")));
    expect(n?.title).toBe(`Atelier Test asks you to approve CAD approved on ${label(g.a)}`);
    const sent = await db.select({ to: emails.to }).from(emails).where(eq(emails.subject, n!.title));
    expect(sent.map((e) => e.to).sort()).toEqual([g.f.brand.owner.email, g.f.brand.admin.email].sort());
    const mine = await callerFor(db, g.f.brand.member).notification.list({ orgId: g.f.brand.org.id, limit: 50 });
    expect(mine.items.map((x) => x.kind)).toContain("approval_requested");
  });

  it("tell the workshop of a new order as an order placed, which it can mute apart from quotes", async () => {
    const [n] = await db.select().from(notifications).where(and(eq(notifications.orgId, f.workshop.org.id), eq(notifications.kind, "order_placed"), eq(notifications.href, `/workshop/${f.workshop.org.slug}/orders/${a.id}`)));
    expect(n?.title).toBe(`Maison Test accepted your quote on RFQ-1 Spring capsule: order ${label(a)}`);
  });
});
