import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { platformFeeOf, priceQuote } from "~/lib/pricing";
import { stripeAmountOf } from "~/lib/money";
import type { MilestoneKey } from "~/lib/milestones";
import { todayIn } from "~/lib/sample-request-schemas";
import { testDb } from "~/test/db";
import { createFixture, type Fixture } from "~/test/fixtures";
import { rfqBetween } from "~/test/rfqs";
import { actorOf, publishWorkshop, uploadedFile } from "~/test/vetting";
import { events, notifications, orderMilestones, orders, payments } from "../db/schema";
import { changeMilestone, recordBankTransfer, updateShipping } from "./milestones";
import { cancelOrder } from "./order-status";
import { confirmTransferReceived, markTransferSent, startCardPayment } from "./payments";
import { exportPaymentsCsv, getOrderPayments, getSamplePayments, listPayments } from "./payment-views";
import { acceptSampleRequest, createSampleRequest } from "./sample-requests";
import { orderNumberLabel } from "~/lib/rfq-schemas";

const db = await testDb();

const scheduleOf = (orderId: string) => db.select().from(payments).where(eq(payments.orderId, orderId)).orderBy(asc(payments.kind));
const depositOf = async (orderId: string) => (await scheduleOf(orderId)).find((p) => p.kind === "deposit")!;
const balanceOf = async (orderId: string) => (await scheduleOf(orderId)).find((p) => p.kind === "balance")!;
const milestone = async (orderId: string, key: MilestoneKey) => (await db.select().from(orderMilestones).where(and(eq(orderMilestones.orderId, orderId), eq(orderMilestones.key, key))))[0]!;

describe("the payment schedule", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(db);
  });

  it("is created with the order from its terms: 30 % deposit due on the order's day, the balance due before shipping", async () => {
    const { order } = await rfqBetween(db, f);
    // 12 rings at 35.00 + 2 × 4.00 for size 9 + mould 150.00 = 578.00; 12 pendants at 25.00 = 300.00; total 878.00.
    expect(order).toMatchObject({ totalMinor: 87_800, depositMinor: 26_340, balanceMinor: 61_460, currency: "EUR", status: "open" });
    const schedule = await scheduleOf(order.id);
    const shipped = await milestone(order.id, "shipped");
    expect(schedule.map((p) => ({ kind: p.kind, amountMinor: p.amountMinor, currency: p.currency, status: p.status, dueMilestone: p.dueMilestone }))).toEqual([
      { kind: "deposit", amountMinor: 26_340, currency: "EUR", status: "due", dueMilestone: "" },
      { kind: "balance", amountMinor: 61_460, currency: "EUR", status: "due", dueMilestone: "Shipped" },
    ]);
    expect(schedule[0]!.dueOn).toBe(todayIn(f.workshop.org.timeZone));
    expect(schedule[1]!.dueOn).toBe(shipped.plannedDate);
    // The schedule adds up to the pricing engine's total.
    const priced = priceQuote(order.pricing, Object.fromEntries(order.priced.lines.map((l) => [l.lineId, Object.fromEntries(l.sizes.map((s) => [s.size, s.quantity]))])));
    expect(priced.met && priced.totalMinor).toBe(schedule[0]!.amountMinor + schedule[1]!.amountMinor);
  });
});

describe("a bank transfer", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(db);
  });

  it("marked sent by the brand and confirmed by the workshop: paid, the order in production, the deposit milestone done on that day, told once", async () => {
    const { order } = await rfqBetween(db, f);
    const deposit = await depositOf(order.id);
    const today = todayIn(f.workshop.org.timeZone);

    const sent = await markTransferSent(db, actorOf(f.brand), { paymentId: deposit.id, reference: "SEPA 2027-0042" });
    expect(sent).toMatchObject({ status: "processing", method: "transfer", transferReference: "SEPA 2027-0042" });
    const toWorkshop = await db.select().from(notifications).where(eq(notifications.orgId, f.workshop.org.id));
    expect(toWorkshop.map((n) => n.title)).toContain(`${f.brand.org.name} sent the deposit for order ${orderNumberLabel(order.year, order.seq)} by bank transfer`);

    // The brand cannot confirm its own transfer; the workshop's member is below the permission (checked by the router).
    await expect(confirmTransferReceived(db, actorOf(f.brand), { paymentId: deposit.id, receivedOn: today })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(confirmTransferReceived(db, actorOf(f.workshop), { paymentId: deposit.id, receivedOn: "2999-01-01" })).rejects.toMatchObject({ field: "receivedOn" });

    const paid = await confirmTransferReceived(db, actorOf(f.workshop), { paymentId: deposit.id, receivedOn: today });
    expect(paid).toMatchObject({ status: "paid", method: "transfer", paidOn: today, confirmedById: f.workshop.owner.id });
    expect((await db.select().from(orders).where(eq(orders.id, order.id)))[0]!.status).toBe("in_production");
    expect(await milestone(order.id, "deposit_received")).toMatchObject({ status: "completed", completedOn: today });

    // A second confirmation is refused and changes nothing.
    await expect(confirmTransferReceived(db, actorOf(f.workshop), { paymentId: deposit.id, receivedOn: today })).rejects.toMatchObject({ code: "CONFLICT" });
    const brandEvents = await db.select().from(events).where(and(eq(events.orgId, f.brand.org.id), eq(events.subjectId, deposit.id)));
    expect(brandEvents.map((e) => e.action).sort()).toEqual(["payment.paid", "payment.transfer_sent"]);
    const inProduction = await db.select().from(events).where(and(eq(events.orgId, f.brand.org.id), eq(events.action, "order.in_production")));
    expect(inProduction).toHaveLength(1);
    const paidNotices = (await db.select().from(notifications).where(eq(notifications.orgId, f.brand.org.id))).filter((n) => n.title.includes("received your deposit"));
    expect(paidNotices).toHaveLength(1);
  });

  it("the balance before shipping: shipping is held until it is paid, then the workshop ships", async () => {
    const { order } = await rfqBetween(db, { ...f, brand: f.outsider.brand });
    const today = todayIn(f.workshop.org.timeZone);
    const shipping = { orderId: order.id, carrier: "DHL Express", trackingNumber: "JD0146", shippedOn: today, customsEnteredOn: null, customsClearedOn: null, deliveredOn: null };
    await expect(updateShipping(db, actorOf(f.workshop), shipping)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("held until the balance is paid") });
    // Completing the shipped step is held the same way (its earlier steps done directly).
    const shipped = await milestone(order.id, "shipped");
    await db.update(orderMilestones).set({ status: "completed", completedOn: today }).where(and(eq(orderMilestones.orderId, order.id), eq(orderMilestones.status, "pending"), eq(orderMilestones.key, "deposit_received")));
    await db.execute(`update order_milestones set status = 'completed', completed_on = '${today}' where order_id = '${order.id}' and position < ${shipped.position}`);
    await expect(changeMilestone(db, actorOf(f.workshop), "workshop", "complete", { milestoneId: shipped.id, note: "", photoFileIds: [] })).rejects.toMatchObject({ code: "CONFLICT" });

    const balance = await balanceOf(order.id);
    await confirmTransferReceived(db, actorOf(f.workshop), { paymentId: balance.id, receivedOn: today });
    expect(await updateShipping(db, actorOf(f.workshop), shipping)).toMatchObject({ shippedOn: today });
  });

  it("a transfer the workshop records on the deposit milestone pays the deposit payment through the same path", async () => {
    const g = await createFixture(db);
    const { order } = await rfqBetween(db, g);
    const today = todayIn(g.workshop.org.timeZone);
    await recordBankTransfer(db, actorOf(g.workshop), { orderId: order.id, receivedOn: today, reference: "SEPA 77" });
    expect(await depositOf(order.id)).toMatchObject({ status: "paid", method: "transfer", paidOn: today, transferReference: "SEPA 77" });
    expect((await db.select().from(orders).where(eq(orders.id, order.id)))[0]!.status).toBe("in_production");
    expect(await milestone(order.id, "deposit_received")).toMatchObject({ status: "completed", completedOn: today });
    // The brand can no longer pay it again.
    await expect(markTransferSent(db, actorOf(g.brand), { paymentId: (await depositOf(order.id)).id, reference: "again" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("a cancelled order takes no more money: marking its deposit sent is refused and the payment stays due", async () => {
    const g = await createFixture(db);
    const { order } = await rfqBetween(db, g);
    await cancelOrder(db, actorOf(g.brand), { orderId: order.id, reason: "Called off" });
    const deposit = await depositOf(order.id);
    await expect(markTransferSent(db, actorOf(g.brand), { paymentId: deposit.id, reference: "SEPA late" })).rejects.toMatchObject({ code: "CONFLICT", message: "This order is cancelled: nothing more is paid on it." });
    expect(await depositOf(order.id)).toMatchObject({ status: "due", transferReference: "" });
  });

  it("card payment without Stripe configured says so and writes nothing", async () => {
    const { order } = await rfqBetween(db, { ...f, brand: (await createFixture(db)).brand });
    const deposit = await depositOf(order.id);
    const brand = { orgId: deposit.brandOrgId, userId: (await db.execute<{ user_id: string }>(`select user_id from memberships where org_id = '${deposit.brandOrgId}' and role = 'owner'`)).rows[0]!.user_id, role: "owner" as const };
    await expect(startCardPayment(db, brand, { paymentId: deposit.id }, null)).rejects.toMatchObject({ code: "CONFLICT", message: "Card payments are not configured on this Bezel. Pay by bank transfer instead." });
    expect(await depositOf(order.id)).toEqual(deposit);
    const view = await getOrderPayments(db, deposit.brandOrgId, "brand", order.id, null);
    expect(view.card).toEqual({ configured: false, ready: false });
    expect(view.payments.map((p) => p.actions)).toEqual([["mark_sent"], ["mark_sent"]]);
  });
});

describe("lists and CSV", () => {
  it("a brand sees only its payments, a workshop only those to it; the CSV neutralises formulas", async () => {
    const f = await createFixture(db);
    await db.execute(`update organizations set name = '=HYPERLINK("http://x")' where id = '${f.brand.org.id}'`);
    const mine = await rfqBetween(db, f);
    await rfqBetween(db, { ...f, brand: f.outsider.brand, workshop: f.outsider.workshop });
    const brandList = await listPayments(db, f.brand.org.id, "brand", 1);
    expect(brandList.total).toBe(2);
    expect(brandList.items.every((p) => p.orderId === mine.order.id)).toBe(true);
    const workshopList = await listPayments(db, f.workshop.org.id, "workshop", 1);
    expect(workshopList.items.map((p) => p.counterparty)).toEqual(['=HYPERLINK("http://x")', '=HYPERLINK("http://x")']);
    const { csv } = await exportPaymentsCsv(db, f.workshop.org.id, "workshop");
    const lines = csv.trim().split("\n");
    expect(lines[0]).toBe("For,Brand,Kind,Amount,Currency,Status,Method,Due on,Paid on,Refunded,Platform fee,Transfer reference");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"")",`);
    expect(lines.slice(1).map((l) => l.split(",").slice(2, 6).join(","))).toEqual(expect.arrayContaining(["Deposit,263.40,EUR,Due", "Balance,614.60,EUR,Due"]));
  });
});

describe("money of card payments", () => {
  it("the platform fee rounds half-even to the chargeable step: 2.5 % in EUR, JPY (no decimals) and KWD (three, charged in tens of fils)", () => {
    // 263.40 EUR × 2.5 % = 6.585 → 6.58 (half-even keeps the even cent).
    expect(platformFeeOf(26_340, 250)).toBe(658);
    // 263.50 EUR × 2.5 % = 6.5875 → 6.59.
    expect(platformFeeOf(26_350, 250)).toBe(659);
    // ¥12,345 × 2.5 % = ¥308.625 → ¥309.
    expect(platformFeeOf(12_345, 250)).toBe(309);
    // ¥100 × 2.5 % = ¥2.5 → ¥2 (half to even).
    expect(platformFeeOf(100, 250)).toBe(2);
    // 12.340 KWD × 2.5 % = 0.3085 KWD → 0.310 (tens of fils: 30.85 tens → 31).
    expect(platformFeeOf(12_340, 250, 10)).toBe(310);
    expect(platformFeeOf(1_000, 0)).toBe(0);
    expect(platformFeeOf(1_000, 10_000)).toBe(1_000);
  });

  it("Stripe amounts: minor units, whole tens for three-decimal currencies", () => {
    expect(stripeAmountOf({ amountMinor: 26_340, currency: "EUR" })).toEqual({ amount: 26_340, step: 1 });
    expect(stripeAmountOf({ amountMinor: 12_345, currency: "JPY" })).toEqual({ amount: 12_345, step: 1 });
    expect(stripeAmountOf({ amountMinor: 12_340, currency: "KWD" })).toEqual({ amount: 12_340, step: 10 });
    expect(stripeAmountOf({ amountMinor: 12_345, currency: "KWD" })).toBeNull();
    expect(stripeAmountOf({ amountMinor: 0, currency: "EUR" })).toBeNull();
  });
});

describe("a sample fee", () => {
  it("is a payment when the workshop accepts with a fee, paid the same way: sent by transfer, confirmed", async () => {
    const f = await createFixture(db);
    await publishWorkshop(db, f.workshop);
    const request = await createSampleRequest(db, actorOf(f.brand), { workshopOrgId: f.workshop.org.id, description: "A signet ring in silver 925", quantity: 1, note: "", attachmentFileIds: [(await uploadedFile(db, f.brand)).id] });
    const today = todayIn(f.workshop.org.timeZone);
    await acceptSampleRequest(db, actorOf(f.workshop), { requestId: request.id, fee: { amountMinor: 4_500, currency: "EUR" }, expectedShipDate: today });
    const view = await getSamplePayments(db, f.brand.org.id, "brand", request.id, null);
    expect(view.payments.map((p) => [p.kind, p.amountMinor, p.currency, p.status, p.dueOn, p.actions])).toEqual([["sample_fee", 4_500, "EUR", "due", today, ["mark_sent"]]]);
    const paymentId = view.payments[0]!.id;
    await expect(getSamplePayments(db, f.outsider.brand.org.id, "brand", request.id, null)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await markTransferSent(db, actorOf(f.brand), { paymentId, reference: "SR fee" });
    expect(await confirmTransferReceived(db, actorOf(f.workshop), { paymentId, receivedOn: today })).toMatchObject({ status: "paid", method: "transfer" });
    const told = await db.select().from(notifications).where(eq(notifications.orgId, f.brand.org.id));
    expect(told.map((n) => n.title)).toContain(`${f.workshop.org.name} received your sample fee for sample request SR-${request.number}`);
  });

  it("no fee, no payment", async () => {
    const f = await createFixture(db);
    await publishWorkshop(db, f.workshop);
    const request = await createSampleRequest(db, actorOf(f.brand), { workshopOrgId: f.workshop.org.id, description: "A pendant in gold", quantity: 1, note: "", attachmentFileIds: [(await uploadedFile(db, f.brand)).id] });
    await acceptSampleRequest(db, actorOf(f.workshop), { requestId: request.id, fee: { amountMinor: 0, currency: "EUR" }, expectedShipDate: todayIn(f.workshop.org.timeZone) });
    expect((await getSamplePayments(db, f.workshop.org.id, "workshop", request.id, null)).payments).toEqual([]);
  });
});
