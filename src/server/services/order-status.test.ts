import { and, asc, eq, or, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { ORDER_STAGES, type OrderStage } from "~/lib/order-list-schemas";
import { availableOrderStatusActions, cancelOrderSchema, orderStatusRefusal } from "~/lib/order-status";
import { ROLES } from "~/lib/permissions";
import { todayIn } from "~/lib/sample-request-schemas";
import { testDb } from "~/test/db";
import { createFixture, type Fixture } from "~/test/fixtures";
import { milestonesOf, planOrder } from "~/test/milestones";
import { rfqBetween } from "~/test/rfqs";
import { actorOf } from "~/test/vetting";
import { events, notifications, orderPlans, orders } from "../db/schema";
import { withOrg } from "../db/tenant";
import { flagOverdueMilestones } from "./milestone-overdue";
import { changeMilestone, recordBankTransfer, updateShipping } from "./milestones";
import { cancelOrder, closeOrder } from "./order-status";
import { orderNumberLabel } from "~/lib/rfq-schemas";

const db = await testDb();

const OWNER_ADMIN_BRAND = "Only an owner or admin of the brand can cancel an order awaiting deposit.";
const OWNER_ADMIN_WORKSHOP = "Only an owner or admin of the workshop can cancel an order awaiting deposit.";
const OWNER_BRAND_IN_PRODUCTION = "Only an owner of the brand can cancel an order in production.";
const BRAND_ONLY_IN_PRODUCTION = "An order in production can be cancelled by the brand only.";
const AFTER_DELIVERY = "An order is closed after its delivery.";

/** Every stage × side × role, written out: null is allowed, otherwise the message. [owner, admin, member]. */
const CANCEL: Record<OrderStage, { brand: (string | null)[]; workshop: (string | null)[] }> = {
  awaiting_deposit: { brand: [null, null, OWNER_ADMIN_BRAND], workshop: [null, null, OWNER_ADMIN_WORKSHOP] },
  in_production: { brand: [null, OWNER_BRAND_IN_PRODUCTION, OWNER_BRAND_IN_PRODUCTION], workshop: [BRAND_ONLY_IN_PRODUCTION, BRAND_ONLY_IN_PRODUCTION, BRAND_ONLY_IN_PRODUCTION] },
  shipped: { brand: Array(3).fill("A shipped order cannot be cancelled."), workshop: Array(3).fill("A shipped order cannot be cancelled.") },
  delivered: { brand: Array(3).fill("A delivered order cannot be cancelled."), workshop: Array(3).fill("A delivered order cannot be cancelled.") },
  closed: { brand: Array(3).fill("This order is closed; it cannot change any more."), workshop: Array(3).fill("This order is closed; it cannot change any more.") },
  cancelled: { brand: Array(3).fill("This order is cancelled already."), workshop: Array(3).fill("This order is cancelled already.") },
};
const CLOSE: Record<OrderStage, { brand: (string | null)[]; workshop: (string | null)[] }> = {
  awaiting_deposit: { brand: Array(3).fill(AFTER_DELIVERY), workshop: Array(3).fill(AFTER_DELIVERY) },
  in_production: { brand: Array(3).fill(AFTER_DELIVERY), workshop: Array(3).fill(AFTER_DELIVERY) },
  shipped: { brand: Array(3).fill(AFTER_DELIVERY), workshop: Array(3).fill(AFTER_DELIVERY) },
  delivered: { brand: [null, null, "Only an owner or admin closes an order."], workshop: Array(3).fill("The brand closes an order after its delivery.") },
  closed: { brand: Array(3).fill("This order is closed already."), workshop: Array(3).fill("This order is closed already.") },
  cancelled: { brand: Array(3).fill("This order is cancelled; it cannot change any more."), workshop: Array(3).fill("This order is cancelled; it cannot change any more.") },
};

describe("the rule of an order's status", () => {
  for (const stage of ORDER_STAGES) {
    for (const side of ["brand", "workshop"] as const) {
      ROLES.forEach((role, i) => {
        it(`${stage}, ${side} ${role}: cancel ${CANCEL[stage][side][i] ?? "allowed"}; close ${CLOSE[stage][side][i] ?? "allowed"}`, () => {
          expect(orderStatusRefusal("cancel", stage, side, role)).toBe(CANCEL[stage][side][i]);
          expect(orderStatusRefusal("close", stage, side, role)).toBe(CLOSE[stage][side][i]);
        });
      });
    }
  }

  it("offers the buttons the rule allows", () => {
    expect(availableOrderStatusActions("awaiting_deposit", "workshop", "admin")).toEqual(["cancel"]);
    expect(availableOrderStatusActions("in_production", "brand", "owner")).toEqual(["cancel"]);
    expect(availableOrderStatusActions("in_production", "brand", "admin")).toEqual([]);
    expect(availableOrderStatusActions("delivered", "brand", "admin")).toEqual(["close"]);
    expect(availableOrderStatusActions("delivered", "workshop", "owner")).toEqual([]);
  });

  it("requires a reason to cancel", () => {
    const id = "00000000-0000-4000-8000-000000000001";
    expect(cancelOrderSchema.safeParse({ orderId: id, reason: "   " }).error?.issues.map((i) => i.message)).toEqual(["Say why the order is cancelled."]);
    expect(cancelOrderSchema.safeParse({ orderId: id }).success).toBe(false);
    expect(cancelOrderSchema.safeParse({ orderId: id, reason: "x".repeat(1001) }).error?.issues.map((i) => i.message)).toEqual(["Keep the reason to 1,000 characters."]);
    expect(cancelOrderSchema.parse({ orderId: id, reason: "  Dropped  " }).reason).toBe("Dropped");
  });
});

describe("cancelling and closing orders", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(db);
  });

  const everything = async (orderId: string) => ({
    order: (await db.select().from(orders).where(eq(orders.id, orderId)))[0],
    plan: (await db.select().from(orderPlans).where(eq(orderPlans.orderId, orderId)))[0],
    events: await db.select().from(events).where(eq(events.subjectId, orderId)).orderBy(asc(events.id)),
    notifications: await db.select().from(notifications).where(or(eq(notifications.orgId, f.brand.org.id), eq(notifications.orgId, f.workshop.org.id))).orderBy(asc(notifications.id)),
  });
  /** Refused with this code and message, and nothing of the order, its events or anyone's notifications changed. */
  const refusedUnchanged = async (orderId: string, call: () => Promise<unknown>, code: string, message: string) => {
    const before = await everything(orderId);
    await expect(call()).rejects.toMatchObject({ code, message });
    expect(await everything(orderId)).toEqual(before);
  };
  const inProduction = async () => {
    const { order } = await rfqBetween(db, f);
    await recordBankTransfer(db, actorOf(f.workshop), { orderId: order.id, receivedOn: todayIn("Europe/Rome"), reference: "SEPA 7" });
    return order;
  };

  it("either party's admin cancels an order awaiting its deposit, with its reason; both sides log it and the other is told", async () => {
    const { order } = await rfqBetween(db, f);
    await refusedUnchanged(order.id, () => cancelOrder(db, actorOf(f.workshop, "member"), { orderId: order.id, reason: "No" }), "FORBIDDEN", OWNER_ADMIN_WORKSHOP);
    await refusedUnchanged(order.id, () => cancelOrder(db, actorOf(f.workshop, "admin"), { orderId: order.id, reason: "  " }), "BAD_REQUEST", "Say why the order is cancelled.");
    const at = new Date("2027-03-02T10:00:00Z");
    const done = await cancelOrder(db, actorOf(f.workshop, "admin"), { orderId: order.id, reason: "Our casting line is closed for a month." }, at);
    expect(done).toEqual({ orderId: order.id, status: "cancelled", stage: "cancelled", cancelReason: "Our casting line is closed for a month.", cancelledAt: at });
    const after = await everything(order.id);
    expect([after.order!.status, after.order!.cancelReason, after.order!.cancelledAt, after.order!.cancelledById]).toEqual(["cancelled", "Our casting line is closed for a month.", at, f.workshop.admin.id]);
    expect(after.events.filter((e) => e.action === "order.cancelled").map((e) => e.orgId).sort()).toEqual([f.brand.org.id, f.workshop.org.id].sort());
    const told = after.notifications.filter((n) => n.href.endsWith(order.id) && n.title.includes("cancelled"));
    expect(told.map((n) => [n.orgId, n.kind, n.title, n.body])).toEqual([[f.brand.org.id, "order", `Atelier Test cancelled order ${orderNumberLabel(order.year, order.seq)}`, "Our casting line is closed for a month."]]);
    // Never again.
    await refusedUnchanged(order.id, () => cancelOrder(db, actorOf(f.brand), { orderId: order.id, reason: "Twice" }), "CONFLICT", "This order is cancelled already.");
    await refusedUnchanged(order.id, () => closeOrder(db, actorOf(f.brand), { orderId: order.id }), "CONFLICT", "This order is cancelled; it cannot change any more.");
  });

  it("in production, only the brand's owner cancels", async () => {
    const order = await inProduction();
    expect((await everything(order.id)).order!.status).toBe("in_production");
    await refusedUnchanged(order.id, () => cancelOrder(db, actorOf(f.workshop), { orderId: order.id, reason: "No" }), "FORBIDDEN", BRAND_ONLY_IN_PRODUCTION);
    await refusedUnchanged(order.id, () => cancelOrder(db, actorOf(f.brand, "admin"), { orderId: order.id, reason: "No" }), "FORBIDDEN", OWNER_BRAND_IN_PRODUCTION);
    await cancelOrder(db, actorOf(f.brand), { orderId: order.id, reason: "The collection was dropped." });
    const after = await everything(order.id);
    expect([after.order!.status, after.order!.cancelledById]).toEqual(["cancelled", f.brand.owner.id]);
    expect(after.notifications.filter((n) => n.orgId === f.workshop.org.id && n.title.includes("cancelled order")).map((n) => n.title)).toEqual([`Maison Test cancelled order ${orderNumberLabel(order.year, order.seq)}`]);
  });

  it("a cancelled order's milestones and shipping are not reported on, and the overdue check passes it by", async () => {
    const { order } = await rfqBetween(db, f);
    const { milestones } = await planOrder(db, { ...order, createdAt: new Date("2027-03-01T09:00:00Z") });
    await cancelOrder(db, actorOf(f.brand), { orderId: order.id, reason: "Dropped" });
    const cad = milestones.find((m) => m.key === "cad_approved")!;
    await refusedUnchanged(
      order.id,
      () => changeMilestone(db, actorOf(f.workshop), "workshop", "complete", { milestoneId: cad.id, note: "", photoFileIds: [] }),
      "CONFLICT",
      "This order is cancelled; its milestones and shipping are not reported any more.",
    );
    await refusedUnchanged(
      order.id,
      () => updateShipping(db, actorOf(f.workshop), { orderId: order.id, carrier: "DHL", trackingNumber: "", shippedOn: null, customsEnteredOn: null, customsClearedOn: null, deliveredOn: null }),
      "CONFLICT",
      "This order is cancelled; its milestones and shipping are not reported any more.",
    );
    // Its deposit step was planned for early March 2027; months later the daily check says nothing of it.
    await flagOverdueMilestones(db, new Date("2027-09-01T09:00:00Z"));
    const after = await milestonesOf(db, order.id);
    expect(after.plan.overdueMilestoneId).toBeNull();
    expect((await everything(order.id)).events.filter((e) => e.action === "milestone.overdue")).toEqual([]);
  });

  it("shipped, it is neither cancelled nor closed; delivered, the brand's admin closes it, and it never changes again", async () => {
    const order = await inProduction();
    const [plan] = await db.select().from(orderPlans).where(eq(orderPlans.orderId, order.id));
    await db.update(orderPlans).set({ shippedOn: plan!.orderDate }).where(eq(orderPlans.orderId, order.id));
    await refusedUnchanged(order.id, () => cancelOrder(db, actorOf(f.brand), { orderId: order.id, reason: "Late" }), "CONFLICT", "A shipped order cannot be cancelled.");
    await refusedUnchanged(order.id, () => closeOrder(db, actorOf(f.brand), { orderId: order.id }), "CONFLICT", AFTER_DELIVERY);
    await db.update(orderPlans).set({ deliveredOn: plan!.orderDate }).where(eq(orderPlans.orderId, order.id));
    await refusedUnchanged(order.id, () => cancelOrder(db, actorOf(f.brand), { orderId: order.id, reason: "Late" }), "CONFLICT", "A delivered order cannot be cancelled.");
    await refusedUnchanged(order.id, () => closeOrder(db, actorOf(f.workshop), { orderId: order.id }), "FORBIDDEN", "The brand closes an order after its delivery.");
    await refusedUnchanged(order.id, () => closeOrder(db, actorOf(f.brand, "member"), { orderId: order.id }), "FORBIDDEN", "Only an owner or admin closes an order.");
    const at = new Date("2027-04-20T10:00:00Z");
    expect(await closeOrder(db, actorOf(f.brand, "admin"), { orderId: order.id }, at)).toEqual({ orderId: order.id, status: "completed", stage: "closed", closedAt: at });
    const after = await everything(order.id);
    expect([after.order!.status, after.order!.closedAt, after.order!.closedById]).toEqual(["completed", at, f.brand.admin.id]);
    expect(after.notifications.filter((n) => n.orgId === f.workshop.org.id && n.title.includes("closed order")).map((n) => n.kind)).toEqual(["order"]);
    await refusedUnchanged(order.id, () => closeOrder(db, actorOf(f.brand), { orderId: order.id }), "CONFLICT", "This order is closed already.");
    await refusedUnchanged(order.id, () => cancelOrder(db, actorOf(f.brand), { orderId: order.id, reason: "x" }), "CONFLICT", "This order is closed; it cannot change any more.");
  });

  it("an order of other parties is not found", async () => {
    const { order } = await rfqBetween(db, f);
    const other = await createFixture(db);
    await refusedUnchanged(order.id, () => cancelOrder(db, actorOf(other.brand), { orderId: order.id, reason: "Mine?" }), "NOT_FOUND", "That order was not found.");
  });
});

describe("the database holds the app to an order's status", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(db);
  });
  const asApp = (orgId: string, change: Partial<typeof orders.$inferInsert>, orderId: string) =>
    withOrg(db, orgId, (tx) => tx.update(orders).set(change).where(eq(orders.id, orderId)));

  it("refuses any other column, a brand moving the status otherwise than cancelling or closing, and a change of a finished order", async () => {
    const { order } = await rfqBetween(db, f);
    const before = (await db.select().from(orders).where(eq(orders.id, order.id)))[0];
    await expect(asApp(f.workshop.org.id, { totalMinor: 1, piecesTotalMinor: 1, feesTotalMinor: 0, depositMinor: 0, balanceMinor: 1 }, order.id)).rejects.toThrow();
    await expect(asApp(f.brand.org.id, { quoteNotes: "changed" }, order.id)).rejects.toThrow();
    await expect(asApp(f.brand.org.id, { status: "in_production" }, order.id)).rejects.toThrow();
    // The cancellation's facts go with its status only.
    await expect(asApp(f.brand.org.id, { cancelReason: "Dropped" }, order.id)).rejects.toThrow();
    await expect(asApp(f.brand.org.id, { status: "cancelled" }, order.id)).rejects.toThrow();
    expect((await db.select().from(orders).where(eq(orders.id, order.id)))[0]).toEqual(before);
    await asApp(f.brand.org.id, { status: "cancelled", cancelReason: "Dropped", cancelledAt: new Date() }, order.id);
    await expect(asApp(f.workshop.org.id, { status: "open", cancelReason: "", cancelledAt: null }, order.id)).rejects.toThrow();
    const [row] = await db.select({ status: orders.status }).from(orders).where(and(eq(orders.id, order.id), sql`true`));
    expect(row!.status).toBe("cancelled");
  });
});
