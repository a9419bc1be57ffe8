import { and, asc, eq, or } from "drizzle-orm";
import { expect } from "vitest";
import { todayIn } from "~/lib/sample-request-schemas";
import type { Fixture, OrgFixture } from "~/test/fixtures";
import { rfqBetween } from "~/test/rfqs";
import { actorOf, publishWorkshop, uploadedFile } from "~/test/vetting";
import type { TenancyCase, TenancyCaseContext } from "~/test/tenancy";
import type { Db } from "../../db/client";
import { events, notifications, orders, payments, payoutAccounts } from "../../db/schema";
import { cancelOrder } from "../../services/order-status";
import { confirmTransferReceived, markTransferSent } from "../../services/payments";
import { acceptSampleRequest, createSampleRequest } from "../../services/sample-requests";

const everything = async (d: Db, t: OrgFixture) => ({
  payments: await d
    .select()
    .from(payments)
    .where(or(eq(payments.brandOrgId, t.org.id), eq(payments.workshopOrgId, t.org.id)))
    .orderBy(asc(payments.id)),
  orders: await d
    .select({ id: orders.id, status: orders.status })
    .from(orders)
    .where(or(eq(orders.brandOrgId, t.org.id), eq(orders.workshopOrgId, t.org.id)))
    .orderBy(asc(orders.id)),
  payouts: await d.select().from(payoutAccounts).where(eq(payoutAccounts.orgId, t.org.id)),
  events: await d.select().from(events).where(eq(events.orgId, t.org.id)).orderBy(asc(events.id)),
  notifications: await d.select().from(notifications).where(eq(notifications.orgId, t.org.id)).orderBy(asc(notifications.id)),
});
type Everything = Awaited<ReturnType<typeof everything>>;
const stateOf = (s: unknown) => s as Everything;

type Ordered = { orderId: string; deposit: string; balance: string };

/** One order per fixture between its brand and its workshop, with its payment schedule. */
function ordersOf(db: Db) {
  const made = new Map<string, Promise<Ordered>>();
  return (f: Fixture) => {
    let order = made.get(f.brand.org.id);
    if (!order) {
      order = (async () => {
        const { order: o } = await rfqBetween(db, f);
        const rows = await db.select().from(payments).where(eq(payments.orderId, o.id));
        return { orderId: o.id, deposit: rows.find((p) => p.kind === "deposit")!.id, balance: rows.find((p) => p.kind === "balance")!.id };
      })();
      made.set(f.brand.org.id, order);
    }
    return order;
  };
}

/** One sample request per fixture, accepted by its workshop with a fee of 45.00 EUR. */
function samplesOf(db: Db) {
  const made = new Map<string, Promise<string>>();
  return (f: Fixture) => {
    let sample = made.get(f.brand.org.id);
    if (!sample) {
      sample = (async () => {
        await publishWorkshop(db, f.workshop);
        const request = await createSampleRequest(db, actorOf(f.brand), { workshopOrgId: f.workshop.org.id, description: "A signet ring in silver 925", quantity: 1, note: "", attachmentFileIds: [(await uploadedFile(db, f.brand)).id] });
        await acceptSampleRequest(db, actorOf(f.workshop), { requestId: request.id, fee: { amountMinor: 4_500, currency: "EUR" }, expectedShipDate: todayIn(f.workshop.org.timeZone) });
        return request.id;
      })();
      made.set(f.brand.org.id, sample);
    }
    return sample;
  };
}

/** One order per fixture whose deposit came by bank transfer and which its brand then cancelled: the deposit to refund. */
function cancelledOf(db: Db) {
  const made = new Map<string, Promise<{ orderId: string; deposit: string }>>();
  return (f: Fixture) => {
    let order = made.get(f.brand.org.id);
    if (!order) {
      order = (async () => {
        const { order: o } = await rfqBetween(db, f);
        const [deposit] = await db.select().from(payments).where(and(eq(payments.orderId, o.id), eq(payments.kind, "deposit")));
        await markTransferSent(db, actorOf(f.brand), { paymentId: deposit!.id, reference: "SEPA 0042" });
        await confirmTransferReceived(db, actorOf(f.workshop), { paymentId: deposit!.id, receivedOn: todayIn(f.workshop.org.timeZone) });
        await cancelOrder(db, actorOf(f.brand), { orderId: o.id, reason: "The collection was dropped." });
        return { orderId: o.id, deposit: deposit!.id };
      })();
      made.set(f.brand.org.id, order);
    }
    return order;
  };
}

const NO_STRIPE = "succeeds only with a Stripe API; covered against a local Stripe server in src/server/services/stripe.test.ts";

export const cases = ({ db }: TenancyCaseContext): TenancyCase[] => {
  const orderOf = ordersOf(db);
  const sampleOf = samplesOf(db);
  const cancelledOrderOf = cancelledOf(db);
  const sampleCase = (procedure: string, kind: "brand" | "workshop"): TenancyCase => ({
    procedure,
    kind,
    input: async (t, f) => ({ orgId: t.org.id, sampleRequestId: await sampleOf(f) }),
    state: everything,
    rowIds: ["sampleRequestId"],
    allowed: ({ result }) => {
      const r = result as { side: string; payments: { kind: string; amountMinor: number; currency: string; status: string }[] };
      expect(r.side).toBe(kind);
      expect(r.payments.map((p) => [p.kind, p.amountMinor, p.currency, p.status])).toEqual([["sample_fee", 4_500, "EUR", "due"]]);
    },
  });
  const bank = { accountHolder: "Atelier Oro srl", bankName: "Banca Etica", iban: "IT60 X054 2811 1010 0000 0123 456", bic: "ETICIT22", otherDetails: "" };
  return [
    sampleCase("payment.brandSample", "brand"),
    sampleCase("payment.workshopSample", "workshop"),
    {
      procedure: "payment.brandOrder",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, orderId: (await orderOf(f)).orderId }),
      state: everything,
      rowIds: ["orderId"],
      allowed: ({ result }) => {
        const r = result as { side: string; card: { configured: boolean }; payments: { kind: string; amountMinor: number; status: string; actions: string[] }[] };
        expect(r.side).toBe("brand");
        expect(r.card.configured).toBe(false);
        expect(r.payments.map((p) => [p.kind, p.amountMinor, p.status, p.actions])).toEqual([
          ["deposit", 26_340, "due", ["mark_sent"]],
          ["balance", 61_460, "due", ["mark_sent"]],
        ]);
      },
    },
    {
      procedure: "payment.brandList",
      kind: "brand",
      input: async (t, f) => {
        await orderOf(f);
        return { orgId: t.org.id, page: 1 };
      },
      state: everything,
      allowed: ({ result }) => {
        const r = result as { total: number; items: Record<string, unknown>[] };
        expect(r.total).toBe(2);
        expect(r.items.every((i) => !("platformFeeMinor" in i))).toBe(true);
      },
    },
    {
      procedure: "payment.brandExport",
      kind: "brand",
      input: async (t, f) => {
        await orderOf(f);
        return { orgId: t.org.id };
      },
      state: everything,
      allowed: ({ result }) => {
        const lines = (result as { csv: string }).csv.trim().split("\n");
        expect(lines[0]).toBe("For,Workshop,Kind,Amount,Currency,Status,Method,Due on,Paid on,Refunded,Transfer reference");
        expect(lines).toHaveLength(3);
      },
    },
    {
      procedure: "payment.markTransferSent",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, paymentId: (await orderOf(f)).deposit, reference: "SEPA 0042" }),
      state: everything,
      rowIds: ["paymentId"],
      allowed: async ({ after, f }) => {
        const id = (await orderOf(f)).deposit;
        const deposit = stateOf(after).payments.find((p) => p.id === id);
        expect(deposit).toMatchObject({ status: "processing", method: "transfer", transferReference: "SEPA 0042" });
      },
    },
    {
      procedure: "payment.startCardPayment",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, paymentId: (await orderOf(f)).deposit }),
      state: everything,
      rowIds: ["paymentId"],
      skipAllowed: NO_STRIPE,
    },
    {
      procedure: "payment.workshopOrder",
      kind: "workshop",
      input: async (t, f) => ({ orgId: t.org.id, orderId: (await orderOf(f)).orderId }),
      state: everything,
      rowIds: ["orderId"],
      allowed: ({ result }) => {
        const r = result as { side: string; payments: { kind: string; actions: string[] }[] };
        expect(r.side).toBe("workshop");
        expect(r.payments.map((p) => [p.kind, p.actions])).toEqual([
          ["deposit", ["confirm_received"]],
          ["balance", ["confirm_received"]],
        ]);
      },
    },
    {
      procedure: "payment.workshopList",
      kind: "workshop",
      input: async (t, f) => {
        await orderOf(f);
        return { orgId: t.org.id, page: 1 };
      },
      state: everything,
      allowed: ({ result }) => expect((result as { items: { kind: string; amountMinor: number }[] }).items.map((i) => i.amountMinor).sort()).toEqual([26_340, 61_460]),
    },
    {
      procedure: "payment.workshopExport",
      kind: "workshop",
      input: async (t, f) => {
        await orderOf(f);
        return { orgId: t.org.id };
      },
      state: everything,
      allowed: ({ result }) => expect((result as { csv: string }).csv).toContain("Platform fee"),
    },
    {
      procedure: "payment.confirmTransfer",
      kind: "workshop",
      input: async (t, f) => ({ orgId: t.org.id, paymentId: (await orderOf(f)).deposit, receivedOn: todayIn(f.workshop.org.timeZone) }),
      state: everything,
      rowIds: ["paymentId"],
      allowed: async ({ after, f }) => {
        const o = await orderOf(f);
        const deposit = stateOf(after).payments.find((p) => p.id === o.deposit);
        expect(deposit).toMatchObject({ status: "paid", method: "transfer", paidOn: todayIn(f.workshop.org.timeZone) });
        expect(stateOf(after).orders.find((x) => x.id === o.orderId)).toMatchObject({ status: "in_production" });
      },
    },
    {
      procedure: "payment.refund",
      kind: "workshop",
      input: async (t, f) => ({ orgId: t.org.id, paymentId: (await cancelledOrderOf(f)).deposit, amountMinor: 26_340, reference: "SEPA back 0042" }),
      state: everything,
      rowIds: ["paymentId"],
      allowed: async ({ result, after, f }) => {
        const o = await cancelledOrderOf(f);
        expect(result).toMatchObject({ status: "refunded", refundedMinor: 26_340, refund: "recorded" });
        expect(stateOf(after).payments.find((p) => p.id === o.deposit)).toMatchObject({ status: "refunded", refundedMinor: 26_340, refundReference: "SEPA back 0042" });
        expect(stateOf(after).events.filter((e) => e.action === "payment.refunded" && e.subjectId === o.deposit)).toHaveLength(1);
      },
    },
    {
      procedure: "payment.payoutSettings",
      kind: "any",
      input: (t) => ({ orgId: t.org.id }),
      state: everything,
      allowed: ({ result }) => expect(result).toMatchObject({ cardConfigured: false, connected: false, status: "not_started", requirements: [] }),
    },
    {
      procedure: "payment.startOnboarding",
      kind: "any",
      input: (t) => ({ orgId: t.org.id }),
      state: everything,
      skipAllowed: NO_STRIPE,
    },
    {
      procedure: "payment.saveBankDetails",
      kind: "workshop",
      input: (t) => ({ orgId: t.org.id, ...bank }),
      state: everything,
      allowed: ({ result, after }) => {
        expect(result).toEqual({ ...bank, iban: "IT60X0542811101000000123456" });
        expect(stateOf(after).payouts[0]).toMatchObject({ bankAccountHolder: "Atelier Oro srl", bankIban: "IT60X0542811101000000123456", bankBic: "ETICIT22" });
      },
    },
  ];
};
