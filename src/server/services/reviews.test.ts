import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { createFixture, type Fixture } from "~/test/fixtures";
import { deliveredOrder, orderPlacedOn1March2027 } from "~/test/reviews";
import { actorOf, unpublishWorkshop, publishWorkshop } from "~/test/vetting";
import { notifications, orders } from "../db/schema";
import { answerReview, getOrderReview, leaveReview, listPublicReviews } from "./reviews";

const db = await testDb();

const text = "Crisp settings and an even polish; photos at every step.";
const rated = (orderId: string, q = 5, c = 4, t = 3) => ({ orderId, quality: q, communication: c, timeliness: t, body: text });

describe("reviews of delivered orders", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(db);
  });

  it("an order not delivered yet cannot be reviewed, and says so", async () => {
    const { order } = await orderPlacedOn1March2027(db, f);
    expect(await getOrderReview(db, f.brand.org.id, "brand", order.id)).toMatchObject({ deliveredOn: null, review: null, canReview: false });
    await expect(leaveReview(db, actorOf(f.brand), rated(order.id))).rejects.toMatchObject({ code: "CONFLICT", message: "You can review the order once it is delivered." });
  });

  it("the brand reviews once; the workshop is told, answers once, and the brand is told", async () => {
    const { order } = await deliveredOrder(db, f);
    expect(await getOrderReview(db, f.brand.org.id, "brand", order.id)).toMatchObject({ deliveredOn: "2027-04-12", canReview: true });
    const review = await leaveReview(db, actorOf(f.brand), rated(order.id));
    expect(review).toMatchObject({ brandName: f.brand.org.name, quality: 5, communication: 4, timeliness: 3, body: text, answer: null });
    await expect(leaveReview(db, actorOf(f.brand), rated(order.id, 1, 1, 1))).rejects.toMatchObject({ code: "CONFLICT", message: "This order has its review already." });
    const told = await db.select().from(notifications).where(and(eq(notifications.orgId, f.workshop.org.id), eq(notifications.kind, "review")));
    expect(told).toHaveLength(1);
    expect(told[0]!.href).toBe(`/workshop/${f.workshop.org.slug}/orders/${order.id}`);
    expect(await getOrderReview(db, f.workshop.org.id, "workshop", order.id)).toMatchObject({ canAnswer: true, canReview: false });

    const answered = await answerReview(db, actorOf(f.workshop), { orderId: order.id, answer: "Thank you for the trust." });
    expect(answered.answer).toBe("Thank you for the trust.");
    await expect(answerReview(db, actorOf(f.workshop), { orderId: order.id, answer: "Again" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await getOrderReview(db, f.workshop.org.id, "workshop", order.id)).toMatchObject({ canAnswer: false, review: { answer: "Thank you for the trust." } });
    expect(await db.select().from(notifications).where(and(eq(notifications.orgId, f.brand.org.id), eq(notifications.kind, "review")))).toHaveLength(1);
  });

  it("a cancelled order cannot be reviewed, even delivered", async () => {
    const { order } = await deliveredOrder(db, f);
    await db.update(orders).set({ status: "cancelled" }).where(eq(orders.id, order.id));
    await expect(leaveReview(db, actorOf(f.brand), rated(order.id))).rejects.toMatchObject({ code: "CONFLICT", message: "A cancelled order cannot be reviewed." });
  });

  it("another workshop cannot answer, another brand cannot review: NOT_FOUND", async () => {
    const { order } = await deliveredOrder(db, f);
    await expect(leaveReview(db, actorOf(f.outsider.brand), rated(order.id))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await leaveReview(db, actorOf(f.brand), rated(order.id));
    await expect(answerReview(db, actorOf(f.outsider.workshop), { orderId: order.id, answer: "Not mine" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("the public reads a published workshop's reviews newest first with their answers; an unpublished workshop's are not found", async () => {
    const page = await listPublicReviews(db, f.workshop.org.slug, 1);
    expect(page.total).toBe(2);
    expect(page.items.map((r) => r.answer)).toEqual([null, "Thank you for the trust."]);
    // A page past the last still says how many there are.
    expect(await listPublicReviews(db, f.workshop.org.slug, 2)).toMatchObject({ items: [], page: 2, total: 2 });
    await unpublishWorkshop(db, f.workshop);
    await expect(listPublicReviews(db, f.workshop.org.slug, 1)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await publishWorkshop(db, f.workshop);
  });
});
