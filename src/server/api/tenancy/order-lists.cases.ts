import { asc, eq, or } from "drizzle-orm";
import { expect } from "vitest";
import type { Fixture, OrgFixture } from "~/test/fixtures";
import { sentQuote, sentRfq } from "~/test/rfqs";
import type { TenancyCase, TenancyCaseContext } from "~/test/tenancy";
import { actorOf } from "~/test/vetting";
import type { Db } from "../../db/client";
import { events, notifications, orderMilestones, orderPlans, orders, rfqThreadReads, type Order } from "../../db/schema";
import { acceptQuote } from "../../services/quotes";
import { orderNumberLabel } from "~/lib/rfq-schemas";

/** Orders lists, the CSV export, the dashboards and an order's activity: one order between the target's pair. */
const brandOf = (t: OrgFixture, f: Fixture) => (t.org.kind === "brand" ? t : f.brand);
const workshopOf = (t: OrgFixture, f: Fixture) => (t.org.kind === "workshop" ? t : f.workshop);

const state = async (d: Db, t: OrgFixture) => {
  const mine = or(eq(orders.brandOrgId, t.org.id), eq(orders.workshopOrgId, t.org.id));
  return {
    orders: await d.select().from(orders).where(mine).orderBy(asc(orders.id)),
    plans: await d.select().from(orderPlans).where(or(eq(orderPlans.brandOrgId, t.org.id), eq(orderPlans.workshopOrgId, t.org.id))).orderBy(asc(orderPlans.orderId)),
    milestones: await d.select().from(orderMilestones).where(or(eq(orderMilestones.brandOrgId, t.org.id), eq(orderMilestones.workshopOrgId, t.org.id))).orderBy(asc(orderMilestones.id)),
    reads: await d.select().from(rfqThreadReads).where(eq(rfqThreadReads.orgId, t.org.id)).orderBy(asc(rfqThreadReads.invitationId), asc(rfqThreadReads.userId)),
    notifications: await d.select().from(notifications).where(eq(notifications.orgId, t.org.id)).orderBy(asc(notifications.id)),
    events: await d.select().from(events).where(eq(events.orgId, t.org.id)).orderBy(asc(events.id)),
  };
};

export const cases = ({ db }: TenancyCaseContext): TenancyCase[] => {
  const made = new Map<string, Promise<Order>>();
  /** One accepted order between the target's brand and workshop (its deposit not received yet). */
  const orderOf = (t: OrgFixture, f: Fixture) => {
    const brand = brandOf(t, f);
    const workshop = workshopOf(t, f);
    const key = `${brand.org.id}:${workshop.org.id}`;
    if (!made.has(key)) {
      made.set(
        key,
        (async () => {
          const r = await sentRfq(db, brand, [workshop]);
          const quote = await sentQuote(db, workshop, r.invitationOf(workshop).id, { ring: r.ringLine.id, pendant: r.pendantLine.id });
          return acceptQuote(db, actorOf(brand), { quoteVersionId: quote.id, quantities: { [r.ringLine.id]: { "5": 2, "6": 3, "7": 3, "8": 2, "9": 2 }, [r.pendantLine.id]: { "One size": 12 } } });
        })(),
      );
    }
    return made.get(key)!;
  };
  const label = (o: Order) => orderNumberLabel(o.year, o.seq);

  return [
    {
      procedure: "order.exportCsv",
      kind: "any",
      input: async (t, f) => {
        await orderOf(t, f);
        return { orgId: t.org.id, filters: { sort: "newest" } };
      },
      state,
      allowed: async ({ result, target, f }) => {
        const out = result as { csv: string; rows: number };
        expect(out.rows).toBe(1);
        expect(out.csv).toContain(`${label(await orderOf(target, f))},Awaiting deposit,no,${target.org.kind === "brand" ? "Atelier Test" : "Maison Test"},`);
      },
    },
    {
      procedure: "order.brandDashboard",
      kind: "brand",
      input: async (t, f) => {
        await orderOf(t, f);
        return { orgId: t.org.id };
      },
      state,
      allowed: ({ result }) => {
        const d = result as { stages: { stage: string; count: number }[]; approvals: unknown[] };
        expect(d.stages.filter((s) => s.count > 0)).toEqual([{ stage: "awaiting_deposit", count: 1 }]);
        expect(d.approvals).toEqual([]);
      },
    },
    {
      procedure: "order.workshopDashboard",
      kind: "workshop",
      input: async (t, f) => {
        await orderOf(t, f);
        return { orgId: t.org.id };
      },
      state,
      allowed: async ({ result, target, f }) => {
        const d = result as { board: { name: string; cards: { number: string }[] }[] };
        expect(d.board.map((c) => [c.name, c.cards.map((o) => o.number)])).toEqual([["Deposit received", [label(await orderOf(target, f))]]]);
      },
    },
    {
      procedure: "order.activity",
      kind: "any",
      input: async (t, f) => ({ orgId: t.org.id, orderId: (await orderOf(t, f)).id }),
      state,
      rowIds: ["orderId"],
      allowed: ({ result }) => {
        expect((result as { items: { action: string }[] }).items.map((e) => e.action)).toEqual(expect.arrayContaining(["order.created", "order.planned"]));
      },
    },
  ];
};
