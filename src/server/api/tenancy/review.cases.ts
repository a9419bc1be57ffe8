import { asc, eq, or } from "drizzle-orm";
import { expect } from "vitest";
import type { Fixture, OrgFixture } from "~/test/fixtures";
import { deliveredOrder } from "~/test/reviews";
import type { TenancyCase, TenancyCaseContext } from "~/test/tenancy";
import { actorOf } from "~/test/vetting";
import type { Db } from "../../db/client";
import { events, notifications, orderReviews } from "../../db/schema";
import { leaveReview } from "../../services/reviews";

const everything = async (d: Db, t: OrgFixture) => ({
  reviews: await d
    .select()
    .from(orderReviews)
    .where(or(eq(orderReviews.brandOrgId, t.org.id), eq(orderReviews.workshopOrgId, t.org.id)))
    .orderBy(asc(orderReviews.orderId)),
  events: await d.select().from(events).where(eq(events.orgId, t.org.id)).orderBy(asc(events.id)),
  notifications: await d.select().from(notifications).where(eq(notifications.orgId, t.org.id)).orderBy(asc(notifications.id)),
});
type Everything = Awaited<ReturnType<typeof everything>>;
const stateOf = (s: unknown) => s as Everything;

const review = { quality: 5, communication: 4, timeliness: 3, body: "Beautiful casting, clear photos at every step." };

export const cases = ({ db }: TenancyCaseContext): TenancyCase[] => {
  // One delivered order per fixture, and (for the workshop's cases) its review.
  const delivered = new Map<string, Promise<string>>();
  const orderOf = (f: Fixture) => {
    let o = delivered.get(f.brand.org.id);
    if (!o) {
      o = deliveredOrder(db, f).then((p) => p.order.id);
      delivered.set(f.brand.org.id, o);
    }
    return o;
  };
  const reviewed = new Map<string, Promise<string>>();
  const reviewedOrderOf = (f: Fixture) => {
    let o = reviewed.get(f.brand.org.id);
    if (!o) {
      o = orderOf(f).then(async (orderId) => {
        await leaveReview(db, actorOf(f.brand), { orderId, ...review });
        return orderId;
      });
      reviewed.set(f.brand.org.id, o);
    }
    return o;
  };

  return [
    {
      procedure: "review.forBrandOrder",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, orderId: await orderOf(f) }),
      state: everything,
      rowIds: ["orderId"],
      allowed: ({ result }) => expect(result).toMatchObject({ deliveredOn: "2027-04-12", review: null, canReview: true, canAnswer: false }),
    },
    {
      procedure: "review.leave",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, orderId: await orderOf(f), ...review }),
      state: everything,
      rowIds: ["orderId"],
      allowed: ({ result, after, f }) => {
        expect(result).toMatchObject({ brandName: f.brand.org.name, quality: 5, communication: 4, timeliness: 3, answer: null });
        expect(stateOf(after).reviews).toEqual([expect.objectContaining({ workshopOrgId: f.workshop.org.id, body: review.body })]);
        expect(stateOf(after).events).toContainEqual(expect.objectContaining({ action: "review.left" }));
      },
    },
    {
      procedure: "review.forWorkshopOrder",
      kind: "workshop",
      input: async (t, f) => ({ orgId: t.org.id, orderId: await reviewedOrderOf(f) }),
      state: everything,
      rowIds: ["orderId"],
      allowed: ({ result }) => expect(result).toMatchObject({ review: { quality: 5, answer: null }, canReview: false, canAnswer: true }),
    },
    {
      procedure: "review.answer",
      kind: "workshop",
      input: async (t, f) => ({ orgId: t.org.id, orderId: await reviewedOrderOf(f), answer: "Thank you, it was a pleasure." }),
      state: everything,
      rowIds: ["orderId"],
      allowed: ({ result, after }) => {
        expect(result).toMatchObject({ answer: "Thank you, it was a pleasure." });
        expect(stateOf(after).reviews).toEqual([expect.objectContaining({ answer: "Thank you, it was a pleasure." })]);
        expect(stateOf(after).events).toContainEqual(expect.objectContaining({ action: "review.answered" }));
      },
    },
  ];
};

export const publicProcedures = ["review.publicList"];
