import { asc, eq, inArray } from "drizzle-orm";
import { expect } from "vitest";
import type { Fixture, OrgFixture } from "~/test/fixtures";
import { campaignFor, reserveAs } from "~/test/preorders";
import type { TenancyCase, TenancyCaseContext } from "~/test/tenancy";
import type { Db } from "../../db/client";
import { emails, events, preorderCampaignSizes, preorderCampaigns, preorderReservations } from "../../db/schema";

/**
 * A campaign's dashboard: every procedure is the brand's, and the only place customers' names and emails
 * leave the server. One campaign per fixture and case, with a paid and a held reservation.
 */
const state = async (d: Db, t: OrgFixture) => {
  const reservations = await d.select().from(preorderReservations).where(eq(preorderReservations.brandOrgId, t.org.id)).orderBy(asc(preorderReservations.id));
  const customers = reservations.map((r) => r.customerEmail);
  return {
    campaigns: await d.select().from(preorderCampaigns).where(eq(preorderCampaigns.brandOrgId, t.org.id)).orderBy(asc(preorderCampaigns.id)),
    sizes: await d.select().from(preorderCampaignSizes).where(eq(preorderCampaignSizes.brandOrgId, t.org.id)).orderBy(asc(preorderCampaignSizes.campaignId), asc(preorderCampaignSizes.position)),
    reservations,
    events: await d.select().from(events).where(eq(events.orgId, t.org.id)).orderBy(asc(events.id)),
    // The outbox has no organization: the emails to this brand's customers are its own.
    emails: customers.length ? await d.select().from(emails).where(inArray(emails.to, customers)).orderBy(asc(emails.id)) : [],
  };
};
type State = Awaited<ReturnType<typeof state>>;

export const cases = ({ db }: TenancyCaseContext): TenancyCase[] => {
  const made = new Map<string, Promise<{ campaignId: string; paidId: string; heldId: string; paidReference: string }>>();
  /** Built once per fixture and purpose: a campaign of the fixture's brand, Inès paid (size 6 × 2), Jonas held (size 7). */
  const campaign = (f: Fixture, key: string) => {
    const k = `${f.brand.org.id}:${key}`;
    if (!made.has(k)) {
      made.set(
        k,
        (async () => {
          const c = await campaignFor(db, f);
          const paid = await reserveAs(db, c.id, { size: "6", quantity: 2, status: "paid", name: "Inès Moreau", email: `ines.${key}.${c.id.slice(0, 8)}@example.test` });
          const held = await reserveAs(db, c.id, { size: "7", quantity: 1, status: "held", name: "Jonas Berg", email: `jonas.${key}.${c.id.slice(0, 8)}@example.test` });
          return { campaignId: c.id, paidId: paid.id, heldId: held.id, paidReference: paid.reference };
        })(),
      );
    }
    return made.get(k)!;
  };
  const unchanged = (before: unknown, after: unknown) => {
    expect((after as State).reservations).toEqual((before as State).reservations);
    expect((after as State).emails).toEqual((before as State).emails);
  };

  return [
    {
      procedure: "preorderDashboard.get",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, campaignId: (await campaign(f, "get")).campaignId }),
      state,
      rowIds: ["campaignId"],
      allowed: async ({ result, before, after, f }) => {
        const { campaignId } = await campaign(f, "get");
        expect(result).toMatchObject({
          campaign: { id: campaignId, paidUnits: 2, heldUnits: 1, totalCap: 100 },
          reservations: 2,
          byStatus: { paid: 1, held: 1, expired: 0, cancelled: 0, refunded: 0 },
          // 2 × 120.00 EUR at a 30 % deposit.
          collected: { amountMinor: 7_200, currency: "EUR" },
        });
        expect(JSON.stringify(result)).not.toContain("Inès");
        unchanged(before, after);
      },
    },
    {
      procedure: "preorderDashboard.reservations",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, campaignId: (await campaign(f, "list")).campaignId, q: "", page: 1 }),
      state,
      rowIds: ["campaignId"],
      allowed: ({ result, before, after }) => {
        const out = result as { items: { customerName: string; canRefund: boolean }[]; total: number };
        expect(out.total).toBe(2);
        expect(out.items.map((r) => [r.customerName, r.canRefund]).sort()).toEqual([
          ["Inès Moreau", true],
          ["Jonas Berg", true],
        ]);
        unchanged(before, after);
      },
    },
    {
      procedure: "preorderDashboard.exportCsv",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, campaignId: (await campaign(f, "csv")).campaignId, status: "paid", q: "" }),
      state,
      rowIds: ["campaignId"],
      allowed: async ({ result, before, after, f }) => {
        const { paidReference } = await campaign(f, "csv");
        const out = result as { csv: string; rows: number };
        expect(out.rows).toBe(1);
        expect(out.csv).toContain(`${paidReference},Inès Moreau,`);
        expect(out.csv).not.toContain("Jonas");
        unchanged(before, after);
      },
    },
    {
      procedure: "preorderDashboard.refund",
      kind: "brand",
      input: async (t, f) => {
        const { campaignId, heldId } = await campaign(f, "refund");
        return { orgId: t.org.id, campaignId, reservationId: heldId, reason: "The size 7 mould cracked.", confirm: true };
      },
      state,
      rowIds: ["campaignId", "reservationId"],
      allowed: async ({ result, after, f }) => {
        const { campaignId, heldId } = await campaign(f, "refund");
        expect(result).toEqual({ campaignId, reservationId: heldId, status: "cancelled" });
        const row = (after as State).reservations.find((r) => r.id === heldId)!;
        expect([row.status, row.cancelReason]).toEqual(["cancelled", "The size 7 mould cracked."]);
        expect((after as State).campaigns.find((c) => c.id === campaignId)!.heldUnits).toBe(0);
        expect((after as State).emails.filter((e) => e.to === row.customerEmail).map((e) => e.subject)).toEqual(["Reservation cancelled: Lune signet (" + row.reference + ")"]);
      },
    },
    {
      procedure: "preorderDashboard.emailCustomers",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, campaignId: (await campaign(f, "email")).campaignId, subject: "Casting started", body: "Your rings are in the wax.", statuses: ["paid"], confirm: true }),
      state,
      rowIds: ["campaignId"],
      allowed: async ({ result, before, after, f }) => {
        const { campaignId, paidId } = await campaign(f, "email");
        expect(result).toEqual({ campaignId, sent: 1, sendsLeftThisHour: 2 });
        const paid = (after as State).reservations.find((r) => r.id === paidId)!;
        const added = (after as State).emails.filter((e) => !(before as State).emails.some((b) => b.id === e.id));
        expect(added.map((e) => [e.to, e.subject])).toEqual([[paid.customerEmail, "Casting started"]]);
        expect((after as State).events.filter((e) => e.action === "preorder_campaign.customers_emailed").map((e) => e.subjectId)).toEqual([campaignId]);
        expect((after as State).reservations).toEqual((before as State).reservations);
      },
    },
  ];
};
