import { asc, eq, or } from "drizzle-orm";
import { expect } from "vitest";
import type { Fixture, OrgFixture } from "~/test/fixtures";
import { rfqBetween } from "~/test/rfqs";
import type { TenancyCase, TenancyCaseContext } from "~/test/tenancy";
import type { Db } from "../../db/client";
import { events, notifications, orderPlans, orders } from "../../db/schema";

/** Cancelling and closing an order: one order per fixture between its brand and workshop. */
const state = async (d: Db, t: OrgFixture) => ({
  orders: await d.select().from(orders).where(or(eq(orders.brandOrgId, t.org.id), eq(orders.workshopOrgId, t.org.id))).orderBy(asc(orders.id)),
  events: await d.select().from(events).where(eq(events.orgId, t.org.id)).orderBy(asc(events.id)),
  notifications: await d.select().from(notifications).where(eq(notifications.orgId, t.org.id)).orderBy(asc(notifications.id)),
});
type State = Awaited<ReturnType<typeof state>>;
const added = <T extends { id: string }>(before: T[], after: T[]) => after.filter((r) => !before.some((x) => x.id === r.id));

export const cases = ({ db }: TenancyCaseContext): TenancyCase[] => {
  const made = new Map<string, Promise<string>>();
  /** The fixture's order, awaiting its deposit; `delivered` records its delivery on the day it was placed. */
  const orderOf = (f: Fixture, delivered: boolean) => {
    const key = `${f.brand.org.id}:${delivered}`;
    if (!made.has(key)) {
      made.set(
        key,
        (async () => {
          const { order } = await rfqBetween(db, f);
          if (delivered) {
            const [plan] = await db.select().from(orderPlans).where(eq(orderPlans.orderId, order.id));
            await db.update(orderPlans).set({ shippedOn: plan!.orderDate, deliveredOn: plan!.orderDate }).where(eq(orderPlans.orderId, order.id));
          }
          return order.id;
        })(),
      );
    }
    return made.get(key)!;
  };

  return [
    {
      procedure: "order.cancel",
      kind: "any",
      input: async (t, f) => ({ orgId: t.org.id, orderId: await orderOf(f, false), reason: "The collection was dropped." }),
      state,
      rowIds: ["orderId"],
      allowed: async ({ result, before, after, target, f }) => {
        const orderId = await orderOf(f, false);
        expect(result).toMatchObject({ orderId, status: "cancelled", stage: "cancelled", cancelReason: "The collection was dropped." });
        const b = before as State;
        const a = after as State;
        expect(b.orders.find((o) => o.id === orderId)?.status).toBe("open");
        const row = a.orders.find((o) => o.id === orderId)!;
        expect([row.status, row.cancelReason, row.cancelledById]).toEqual(["cancelled", "The collection was dropped.", target.admin.id]);
        expect(added(b.events, a.events).map((e) => e.action)).toEqual(["order.cancelled"]);
        // The other side is told; the side that cancelled is not.
        expect(a.notifications.length).toBe(b.notifications.length);
        const other = target.org.kind === "brand" ? f.workshop : f.brand;
        const told = await db.select().from(notifications).where(eq(notifications.orgId, other.org.id));
        expect(told.filter((n) => n.kind === "order" && n.title.includes("cancelled order")).length).toBe(1);
      },
    },
    {
      procedure: "order.close",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, orderId: await orderOf(f, true) }),
      state,
      rowIds: ["orderId"],
      allowed: async ({ result, before, after, target, f }) => {
        const orderId = await orderOf(f, true);
        expect(result).toMatchObject({ orderId, status: "completed", stage: "closed" });
        const row = (after as State).orders.find((o) => o.id === orderId)!;
        expect([row.status, row.closedById, row.closedAt === null]).toEqual(["completed", target.admin.id, false]);
        expect(added((before as State).events, (after as State).events).map((e) => e.action)).toEqual(["order.closed"]);
        const told = await db.select().from(notifications).where(eq(notifications.orgId, f.workshop.org.id));
        expect(told.filter((n) => n.kind === "order" && n.title.includes("closed order")).length).toBe(1);
      },
    },
  ];
};
