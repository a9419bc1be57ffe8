import { and, asc, eq, or, type AnyColumn } from "drizzle-orm";
import { expect } from "vitest";
import { todayIn } from "~/lib/sample-request-schemas";
import { planOrder } from "~/test/milestones";
import type { Fixture, OrgFixture } from "~/test/fixtures";
import { rfqBetween } from "~/test/rfqs";
import type { TenancyCase, TenancyCaseContext } from "~/test/tenancy";
import type { Db } from "../../db/client";
import { events, files, notifications, orderMilestonePhotos, orderMilestoneUpdates, orderMilestones, orderPlans, payments } from "../../db/schema";

const partyOf = (t: OrgFixture) => (table: { brandOrgId: AnyColumn; workshopOrgId: AnyColumn }) => or(eq(table.brandOrgId, t.org.id), eq(table.workshopOrgId, t.org.id));

const everything = async (d: Db, t: OrgFixture) => ({
  plans: await d.select().from(orderPlans).where(partyOf(t)(orderPlans)).orderBy(asc(orderPlans.orderId)),
  milestones: await d.select().from(orderMilestones).where(partyOf(t)(orderMilestones)).orderBy(asc(orderMilestones.id)),
  updates: await d.select().from(orderMilestoneUpdates).where(partyOf(t)(orderMilestoneUpdates)).orderBy(asc(orderMilestoneUpdates.id)),
  photos: await d.select().from(orderMilestonePhotos).where(eq(orderMilestonePhotos.orgId, t.org.id)).orderBy(asc(orderMilestonePhotos.fileId)),
  events: await d.select().from(events).where(eq(events.orgId, t.org.id)).orderBy(asc(events.id)),
  notifications: await d.select().from(notifications).where(eq(notifications.orgId, t.org.id)).orderBy(asc(notifications.id)),
});
type Everything = Awaited<ReturnType<typeof everything>>;
const stateOf = (s: unknown) => s as Everything;

type Planned = { orderId: string; milestone: (key: string) => string };

/** One planned order per fixture, between its brand and its workshop, placed today. */
function ordersOf(db: Db) {
  const made = new Map<string, Promise<Planned>>();
  return (f: Fixture) => {
    let order = made.get(f.brand.org.id);
    if (!order) {
      order = (async () => {
        const r = await rfqBetween(db, f);
        const { milestones } = await planOrder(db, r.order);
        return { orderId: r.order.id, milestone: (key: string) => milestones.find((m) => m.key === key)!.id };
      })();
      made.set(f.brand.org.id, order);
    }
    return order;
  };
}

export const cases = ({ db }: TenancyCaseContext): TenancyCase[] => {
  const orderOf = ordersOf(db);
  const today = () => todayIn("Europe/Rome");

  /** The deposit recorded (directly), so CAD is the current step; `cad` sets CAD's status too. */
  async function atCad(f: Fixture, cad: "pending" | "awaiting_approval" = "pending") {
    const o = await orderOf(f);
    await db.update(orderMilestones).set({ status: "completed", completedOn: today() }).where(eq(orderMilestones.id, o.milestone("deposit_received")));
    await db
      .update(orderMilestones)
      .set(cad === "awaiting_approval" ? { status: "awaiting_approval", approval: "requested", approvalRequestedOn: today() } : { status: "pending", approval: "none" })
      .where(eq(orderMilestones.id, o.milestone("cad_approved")));
    return o;
  }

  /** A work-in-progress photo of the organization (an image, as uploaded). */
  async function photoOf(t: OrgFixture) {
    const [file] = await db
      .insert(files)
      .values({ orgId: t.org.id, purpose: "milestone_photo", originalName: "bench.jpg", contentType: "image/jpeg", byteSize: 2048, storageKey: `test/${crypto.randomUUID()}` })
      .returning();
    return file!.id;
  }

  const cad = async (d: Db, t: OrgFixture, f: Fixture) => {
    const o = await orderOf(f);
    const [m] = await d.select().from(orderMilestones).where(and(eq(orderMilestones.id, o.milestone("cad_approved"))));
    return m!;
  };

  const report = (procedure: string, input: (t: OrgFixture, f: Fixture) => Promise<unknown>, allowed: TenancyCase["allowed"]): TenancyCase => ({
    procedure,
    kind: "workshop",
    input,
    state: everything,
    rowIds: ["milestoneId", "photoFileIds"],
    allowed,
  });

  return [
    {
      procedure: "milestone.timeline",
      kind: "workshop",
      input: async (t, f) => ({ orgId: t.org.id, orderId: (await orderOf(f)).orderId }),
      state: everything,
      rowIds: ["orderId"],
      allowed: ({ result }) => {
        const r = result as { side: string; milestones: { name: string; status: string }[]; plan: { leadTimeDays: number; atRisk: boolean } };
        expect(r.side).toBe("workshop");
        expect(r.plan).toMatchObject({ leadTimeDays: 30, atRisk: false });
        expect(r.milestones.map((m) => m.name)).toHaveLength(10);
        expect(r.milestones[0]).toMatchObject({ name: "Deposit received", status: "pending" });
      },
    },
    report(
      "milestone.start",
      async (t, f) => ({ orgId: t.org.id, milestoneId: (await atCad(f)).milestone("cad_approved"), note: "First render", photoFileIds: [await photoOf(t)] }),
      async ({ after, f }) => {
        expect(await cad(db, f.workshop, f)).toMatchObject({ status: "in_progress", startedOn: today() });
        expect(stateOf(after).updates).toContainEqual(expect.objectContaining({ action: "start", note: "First render", toStatus: "in_progress" }));
        expect(stateOf(after).photos).toHaveLength(1);
      },
    ),
    report(
      "milestone.complete",
      async (t, f) => ({ orgId: t.org.id, milestoneId: (await atCad(f)).milestone("cad_approved"), note: "Final CAD", photoFileIds: [await photoOf(t)] }),
      async ({ after, f }) => {
        // CAD needs the brand's approval: completing it asks for it.
        expect(await cad(db, f.workshop, f)).toMatchObject({ status: "awaiting_approval", approval: "requested" });
        expect(stateOf(after).events).toContainEqual(expect.objectContaining({ action: "milestone.approval_requested" }));
      },
    ),
    report(
      "milestone.block",
      async (t, f) => ({ orgId: t.org.id, milestoneId: (await atCad(f)).milestone("cad_approved"), note: "Waiting for the stone sizes", photoFileIds: [await photoOf(t)] }),
      async ({ after, f }) => {
        expect(await cad(db, f.workshop, f)).toMatchObject({ status: "blocked" });
        expect(stateOf(after).updates).toContainEqual(expect.objectContaining({ action: "block", note: "Waiting for the stone sizes" }));
      },
    ),
    {
      procedure: "milestone.recordBankTransfer",
      kind: "workshop",
      input: async (t, f) => ({ orgId: t.org.id, orderId: (await orderOf(f)).orderId, receivedOn: today(), reference: "SEPA 0042" }),
      state: everything,
      rowIds: ["orderId"],
      allowed: ({ after }) => {
        const deposit = stateOf(after).milestones.find((m) => m.key === "deposit_received");
        expect(deposit).toMatchObject({ status: "completed", completedOn: today() });
        expect(stateOf(after).updates).toContainEqual(expect.objectContaining({ action: "record_deposit", note: "Bank transfer, reference SEPA 0042" }));
      },
    },
    {
      procedure: "milestone.updateShipping",
      kind: "workshop",
      input: async (t, f) => {
        // The terms put the balance before shipping: it is paid, so shipping is not held.
        const { orderId } = await orderOf(f);
        await db.update(payments).set({ status: "paid", method: "transfer", paidOn: today() }).where(and(eq(payments.orderId, orderId), eq(payments.kind, "balance")));
        return { orgId: t.org.id, orderId, carrier: "DHL Express", trackingNumber: "JD0146", shippedOn: today() };
      },
      state: everything,
      rowIds: ["orderId"],
      allowed: ({ after }) => expect(stateOf(after).plans[0]).toMatchObject({ carrier: "DHL Express", trackingNumber: "JD0146", shippedOn: today() }),
    },
    {
      procedure: "milestone.brandTimeline",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, orderId: (await orderOf(f)).orderId }),
      state: everything,
      rowIds: ["orderId"],
      allowed: ({ result }) => {
        const r = result as { side: string; milestones: { name: string; actions: string[] }[] };
        expect(r.side).toBe("brand");
        expect(r.milestones).toHaveLength(10);
        expect(r.milestones.flatMap((m) => m.actions)).toEqual([]);
      },
    },
    {
      procedure: "milestone.approve",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, milestoneId: (await atCad(f, "awaiting_approval")).milestone("cad_approved"), note: "Lovely" }),
      state: everything,
      rowIds: ["milestoneId"],
      allowed: async ({ after, f }) => {
        expect(await cad(db, f.brand, f)).toMatchObject({ status: "completed", approval: "approved", completedOn: today() });
        expect(stateOf(after).events).toContainEqual(expect.objectContaining({ action: "milestone.approved" }));
      },
    },
    {
      procedure: "milestone.requestChanges",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, milestoneId: (await atCad(f, "awaiting_approval")).milestone("cad_approved"), note: "A thicker band, please" }),
      state: everything,
      rowIds: ["milestoneId"],
      allowed: async ({ after, f }) => {
        expect(await cad(db, f.brand, f)).toMatchObject({ status: "in_progress", approval: "changes_requested" });
        expect(stateOf(after).updates).toContainEqual(expect.objectContaining({ action: "request_changes", note: "A thicker band, please" }));
      },
    },
  ];
};
