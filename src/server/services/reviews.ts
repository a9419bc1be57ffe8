import { and, count, desc, eq, isNotNull, sql } from "drizzle-orm";
import { orderNumberLabel } from "~/lib/rfq-schemas";
import { PUBLIC_REVIEWS_PAGE_SIZE, type AnswerReviewInput, type LeaveReviewInput } from "~/lib/review-schemas";
import type { Db, Queryable } from "../db/client";
import { orderPlans, orderReviews, orders, organizations, workshopProfiles, type OrderReview } from "../db/schema";
import { asCounterparty, readPublic, withOrg } from "../db/tenant";
import { AppError, notFound } from "../errors";
import { recordEvent } from "./events";
import type { Actor } from "./members";
import { lockedPlan, orderNotFound, type OrderSide } from "./milestones";
import { notify } from "./notifications";

/**
 * Reviews of delivered orders. The brand of an order reviews it once, after delivery (a verified review:
 * only an order's own brand can write one); its workshop answers once. Published reviews show on the
 * workshop's public profile and count in its record.
 */

export type ReviewView = {
  brandName: string;
  quality: number;
  communication: number;
  timeliness: number;
  body: string;
  answer: string | null;
  answeredAt: Date | null;
  createdAt: Date;
};

const viewOf = (r: OrderReview): ReviewView => ({
  brandName: r.brandName,
  quality: r.quality,
  communication: r.communication,
  timeliness: r.timeliness,
  body: r.body,
  answer: r.answer,
  answeredAt: r.answeredAt,
  createdAt: r.createdAt,
});

const sideColumn = (side: OrderSide) => (side === "brand" ? orderPlans.brandOrgId : orderPlans.workshopOrgId);

/** The review of one order for either party, and what that party may do with it now. */
export async function getOrderReview(db: Db, orgId: string, side: OrderSide, orderId: string) {
  return withOrg(db, orgId, async (tx) => {
    const [row] = await tx
      .select({ deliveredOn: orderPlans.deliveredOn, status: orders.status, workshopName: organizations.name })
      .from(orderPlans)
      .innerJoin(orders, eq(orders.id, orderPlans.orderId))
      .innerJoin(organizations, eq(organizations.id, orderPlans.workshopOrgId))
      .where(and(eq(orderPlans.orderId, orderId), eq(sideColumn(side), orgId)));
    if (!row) throw orderNotFound();
    const [review] = await tx.select().from(orderReviews).where(eq(orderReviews.orderId, orderId));
    const delivered = row.deliveredOn !== null && row.status !== "cancelled";
    return {
      deliveredOn: row.deliveredOn,
      workshopName: row.workshopName,
      review: review ? viewOf(review) : null,
      canReview: side === "brand" && delivered && !review,
      canAnswer: side === "workshop" && !!review && review.answer === null,
    };
  });
}

/** The brand reviews a delivered order: once, in one transaction with its events and the workshop's notification. */
export async function leaveReview(db: Db, actor: Actor, input: LeaveReviewInput, now = new Date()) {
  return withOrg(db, actor.orgId, async (tx) => {
    const c = await lockedPlan(tx, input.orderId, "brand", actor.orgId);
    const [order] = await tx.select({ status: orders.status }).from(orders).where(eq(orders.id, input.orderId));
    if (order?.status === "cancelled") throw new AppError("CONFLICT", "A cancelled order cannot be reviewed.");
    if (!c.plan.deliveredOn) throw new AppError("CONFLICT", "You can review the order once it is delivered.");
    const [review] = await tx
      .insert(orderReviews)
      .values({
        orderId: input.orderId,
        brandOrgId: c.brand.id,
        workshopOrgId: c.workshop.id,
        brandName: c.brand.name,
        authorId: actor.userId,
        quality: input.quality,
        communication: input.communication,
        timeliness: input.timeliness,
        body: input.body,
        createdAt: now,
        publishedAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!review) throw new AppError("CONFLICT", "This order has its review already.");
    const data = { order: orderNumberLabel(c.order.year, c.order.seq), brand: c.brand.name, workshop: c.workshop.name };
    await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "review.left", subjectType: "order", subjectId: input.orderId, data });
    await asCounterparty(tx, actor.orgId, c.workshop.id, async () => {
      await recordEvent(tx, { orgId: c.workshop.id, actorId: actor.userId, action: "review.left", subjectType: "order", subjectId: input.orderId, data });
      await notify(tx, {
        orgId: c.workshop.id,
        kind: "review",
        title: `${c.brand.name} reviewed order ${data.order}`,
        body: `Quality ${input.quality}/5 · communication ${input.communication}/5 · timeliness ${input.timeliness}/5. ${input.body}`.slice(0, 300),
        href: `/workshop/${c.workshop.slug}/orders/${input.orderId}`,
        actorId: actor.userId,
      });
    });
    return viewOf(review);
  });
}

/** The workshop answers the review of one of its orders, once. */
export async function answerReview(db: Db, actor: Actor, input: AnswerReviewInput, now = new Date()) {
  return withOrg(db, actor.orgId, async (tx) => {
    const c = await lockedPlan(tx, input.orderId, "workshop", actor.orgId);
    const [review] = await tx
      .select()
      .from(orderReviews)
      .where(and(eq(orderReviews.orderId, input.orderId), eq(orderReviews.workshopOrgId, actor.orgId)))
      .for("update");
    if (!review) throw new AppError("NOT_FOUND", "That review was not found.");
    if (review.answer !== null) throw new AppError("CONFLICT", "You answered this review already.");
    const [updated] = await tx
      .update(orderReviews)
      .set({ answer: input.answer, answeredAt: now, answeredById: actor.userId })
      .where(and(eq(orderReviews.orderId, input.orderId), eq(orderReviews.workshopOrgId, actor.orgId)))
      .returning();
    const data = { order: orderNumberLabel(c.order.year, c.order.seq), brand: c.brand.name, workshop: c.workshop.name };
    await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "review.answered", subjectType: "order", subjectId: input.orderId, data });
    await asCounterparty(tx, actor.orgId, c.brand.id, async () => {
      await recordEvent(tx, { orgId: c.brand.id, actorId: actor.userId, action: "review.answered", subjectType: "order", subjectId: input.orderId, data });
      await notify(tx, {
        orgId: c.brand.id,
        kind: "review",
        title: `${c.workshop.name} answered your review of ${data.order}`,
        body: input.answer.slice(0, 300),
        href: `/brand/${c.brand.slug}/orders/${input.orderId}`,
        actorId: actor.userId,
      });
    });
    return viewOf(updated!);
  });
}

/** A page of a published workshop's published reviews, newest first, read as the public. */
export async function listPublicReviewsIn(q: Queryable, workshopOrgId: string, page: number, pageSize = PUBLIC_REVIEWS_PAGE_SIZE) {
  const where = and(eq(orderReviews.workshopOrgId, workshopOrgId), isNotNull(orderReviews.publishedAt));
  // The total rides on each row (one statement); a page past the end has no rows, so it is counted apart.
  const rows = await q
    .select({ review: orderReviews, total: sql<number>`(count(*) over ())::int` })
    .from(orderReviews)
    .where(where)
    .orderBy(desc(orderReviews.createdAt), desc(orderReviews.orderId))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const total = rows[0]?.total ?? (page === 1 ? 0 : ((await q.select({ n: count() }).from(orderReviews).where(where))[0]?.n ?? 0));
  return { items: rows.map((r) => viewOf(r.review)), page, pageSize, total };
}

/** The same by the workshop's address: unknown and unpublished workshops answer NOT_FOUND alike. */
export async function listPublicReviews(db: Db, slug: string, page: number) {
  return readPublic(db, async (q) => {
    const [w] = await q
      .select({ orgId: workshopProfiles.orgId })
      .from(workshopProfiles)
      .innerJoin(organizations, eq(organizations.id, workshopProfiles.orgId))
      .where(and(eq(organizations.slug, slug.trim().toLowerCase()), eq(organizations.kind, "workshop"), isNotNull(workshopProfiles.publishedAt)));
    if (!w) throw notFound("Workshop");
    return listPublicReviewsIn(q, w.orgId, page);
  });
}
