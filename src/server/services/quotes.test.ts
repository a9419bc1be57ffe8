import { and, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import type { QuantityPlan } from "~/lib/pricing";
import { createFixture, createOrg } from "~/test/fixtures";
import { approveNextRevision, daysFromToday, invitationFor, pendantPricing, ringPricing, sentQuote, sentRfq, terms } from "~/test/rfqs";
import { actorOf } from "~/test/vetting";
import { designRevisionShares, notifications, orderLines, orderMilestones, orderPlans, orders, quoteVersions, rfqInvitations, rfqs } from "../db/schema";
import { acceptQuote, declineInvitation, expireQuotes, remindDeadlines, saveQuoteDraft, sendQuote, withdrawQuote } from "./quotes";
import { closeRfq, extendDeadline, updateRfqLineRevision } from "./rfqs";

const db = await testDb();

/** 12 rings (sizes 5–9: 2, 3, 3, 2, 2) and 12 pendants. */
const twelveEach = (ring: string, pendant: string): QuantityPlan => ({ [ring]: { "5": 2, "6": 3, "7": 3, "8": 2, "9": 2 }, [pendant]: { "One size": 12 } });

async function setting() {
  const f = await createFixture(db);
  const second = await createOrg(db, "workshop", "Second Workshop");
  const r = await sentRfq(db, f.brand, [f.workshop, second]);
  const lines = { ring: r.ringLine.id, pendant: r.pendantLine.id };
  return { f, second, r, lines, plan: twelveEach(lines.ring, lines.pendant) };
}

/** Everything an accept could have written, to prove a refusal wrote nothing. */
async function written(rfqId: string) {
  return {
    orders: await db.select().from(orders).where(eq(orders.rfqId, rfqId)),
    versions: await db.select({ id: quoteVersions.id, status: quoteVersions.status }).from(quoteVersions).where(eq(quoteVersions.rfqId, rfqId)).orderBy(quoteVersions.id),
    rfq: (await db.select({ status: rfqs.status }).from(rfqs).where(eq(rfqs.id, rfqId)))[0],
    invitations: await db.select({ id: rfqInvitations.id, status: rfqInvitations.status }).from(rfqInvitations).where(eq(rfqInvitations.rfqId, rfqId)).orderBy(rfqInvitations.id),
  };
}

describe("sending an RFQ", () => {
  it("shares each line's approved revision with every invited workshop and tells each", async () => {
    const { f, second, r } = await setting();
    const shares = await db.select().from(designRevisionShares).where(inArray(designRevisionShares.workshopOrgId, [f.workshop.org.id, second.org.id]));
    expect(shares.map((s) => [s.workshopOrgId, s.revisionId]).sort()).toEqual(
      [
        [f.workshop.org.id, r.ring.revision.id],
        [f.workshop.org.id, r.pendant.revision.id],
        [second.org.id, r.ring.revision.id],
        [second.org.id, r.pendant.revision.id],
      ].sort(),
    );
    const told = await db.select({ title: notifications.title }).from(notifications).where(eq(notifications.orgId, second.org.id));
    expect(told.map((n) => n.title)).toEqual(["Maison Test sent you a request for quote: Spring capsule"]);
  });
});

describe("accepting a quote", () => {
  it("creates the order PO-<year>-0001 with lines pinned to the revisions and sizes, totals from the pricing engine, and declines the other quote", async () => {
    const { f, second, r, lines, plan } = await setting();
    const mine = await sentQuote(db, f.workshop, r.invitationOf(f.workshop).id, lines);
    const theirs = await sentQuote(db, second, r.invitationOf(second).id, lines, { leadTimeDays: 40 });
    const order = await acceptQuote(db, actorOf(f.brand), { quoteVersionId: mine.id, quantities: plan });
    // Ring 12 at the 10+ tier (35.00): 10 × 35.00 + 2 × 39.00 (size 9, +4.00) + mould 150.00 = 578.00; pendant 12 × 25.00 = 300.00.
    expect({ total: order.totalMinor, pieces: order.piecesTotalMinor, fees: order.feesTotalMinor, deposit: order.depositMinor, balance: order.balanceMinor }).toEqual({
      total: 87_800,
      pieces: 72_800,
      fees: 15_000,
      deposit: 26_340,
      balance: 61_460,
    });
    expect(order.seq).toBe(1);
    expect(order.year).toBe(new Date().getUTCFullYear());
    const orderedLines = await db.select().from(orderLines).where(eq(orderLines.orderId, order.id)).orderBy(orderLines.position);
    expect(orderedLines.map((l) => ({ design: l.designName, revision: l.revisionId, quantity: l.quantity, unit: l.tierUnitPriceMinor, total: l.lineTotalMinor }))).toEqual([
      { design: "Signet ring", revision: r.ring.revision.id, quantity: 12, unit: 3500, total: 57_800 },
      { design: "Moon pendant", revision: r.pendant.revision.id, quantity: 12, unit: 2500, total: 30_000 },
    ]);
    expect(orderedLines[0]!.sizes.map((s) => [s.size, s.quantity, s.unitPriceMinor])).toEqual([
      ["5", 2, 3500],
      ["6", 3, 3500],
      ["7", 3, 3500],
      ["8", 2, 3500],
      ["9", 2, 3900],
    ]);
    // The same transaction planned its milestones: the default ten steps, delivered on the promised date.
    const [orderPlan] = await db.select().from(orderPlans).where(eq(orderPlans.orderId, order.id));
    const steps = await db.select().from(orderMilestones).where(eq(orderMilestones.orderId, order.id));
    expect(steps).toHaveLength(10);
    expect(orderPlan!.promisedDeliveryDate).toBe(order.expectedDeliveryDate);
    const after = await written(r.rfq.id);
    expect(after.rfq).toEqual({ status: "awarded" });
    expect(Object.fromEntries(after.versions.map((v) => [v.id, v.status]))).toEqual({ [mine.id]: "accepted", [theirs.id]: "declined" });
    expect((await invitationFor(db, r.rfq.id, second.org.id)).status).toBe("not_awarded");
    expect((await invitationFor(db, r.rfq.id, f.workshop.org.id)).status).toBe("awarded");
    const secondTold = await db.select({ title: notifications.title }).from(notifications).where(eq(notifications.orgId, second.org.id));
    expect(secondTold.map((n) => n.title)).toContain("Maison Test declined your quote on RFQ-1 Spring capsule");
    const winnerTold = await db.select({ title: notifications.title }).from(notifications).where(eq(notifications.orgId, f.workshop.org.id));
    expect(winnerTold.map((n) => n.title)).toContain(`Maison Test accepted your quote on RFQ-1 Spring capsule: order PO-${order.year}-0001`);
  });

  it("numbers orders per brand: the brand's second order is PO-<year>-0002", async () => {
    const { f, r, lines, plan } = await setting();
    const first = await sentQuote(db, f.workshop, r.invitationOf(f.workshop).id, lines);
    await acceptQuote(db, actorOf(f.brand), { quoteVersionId: first.id, quantities: plan });
    const again = await sentRfq(db, f.brand, [f.workshop], { title: "Autumn" });
    const q = await sentQuote(db, f.workshop, again.invitationOf(f.workshop).id, { ring: again.ringLine.id, pendant: again.pendantLine.id });
    const order = await acceptQuote(db, actorOf(f.brand), { quoteVersionId: q.id, quantities: twelveEach(again.ringLine.id, again.pendantLine.id) });
    expect(order.seq).toBe(2);
  });

  it("two accepts at the same moment (of one quote, or of two quotes of one RFQ) make exactly one order", async () => {
    const { f, second, r, lines, plan } = await setting();
    const a = await sentQuote(db, f.workshop, r.invitationOf(f.workshop).id, lines);
    const b = await sentQuote(db, second, r.invitationOf(second).id, lines);
    const results = await Promise.allSettled([
      acceptQuote(db, actorOf(f.brand), { quoteVersionId: a.id, quantities: plan }),
      acceptQuote(db, actorOf(f.brand), { quoteVersionId: a.id, quantities: plan }),
      acceptQuote(db, actorOf(f.brand), { quoteVersionId: b.id, quantities: plan }),
    ]);
    expect(results.filter((x) => x.status === "fulfilled")).toHaveLength(1);
    const refused = results.filter((x): x is PromiseRejectedResult => x.status === "rejected").map((x) => (x.reason as Error).message);
    expect(refused).toEqual(["This request for quote is awarded already.", "This request for quote is awarded already."]);
    expect(await db.select().from(orders).where(eq(orders.rfqId, r.rfq.id))).toHaveLength(1);
  });

  it("refuses, writing nothing, below the minimum: says which line is short by how many", async () => {
    const { f, r, lines } = await setting();
    const q = await sentQuote(db, f.workshop, r.invitationOf(f.workshop).id, lines);
    const before = await written(r.rfq.id);
    await expect(acceptQuote(db, actorOf(f.brand), { quoteVersionId: q.id, quantities: { [lines.ring]: { "5": 2, "6": 2 }, [lines.pendant]: { "One size": 12 } } })).rejects.toThrow(
      "Signet ring: 4 planned, the minimum is 5 (1 short).",
    );
    expect(await written(r.rfq.id)).toEqual(before);
  });

  it("refuses a withdrawn quote, writing nothing", async () => {
    const { f, r, lines, plan } = await setting();
    const q = await sentQuote(db, f.workshop, r.invitationOf(f.workshop).id, lines);
    await withdrawQuote(db, actorOf(f.workshop), { quoteVersionId: q.id });
    const before = await written(r.rfq.id);
    await expect(acceptQuote(db, actorOf(f.brand), { quoteVersionId: q.id, quantities: plan })).rejects.toThrow("The workshop withdrew this quote.");
    expect(await written(r.rfq.id)).toEqual(before);
  });

  it("refuses a superseded version once the workshop revised its quote; the revision is accepted", async () => {
    const { f, r, lines, plan } = await setting();
    const first = await sentQuote(db, f.workshop, r.invitationOf(f.workshop).id, lines);
    const second = await sentQuote(db, f.workshop, r.invitationOf(f.workshop).id, lines);
    expect(second.number).toBe(2);
    const before = await written(r.rfq.id);
    await expect(acceptQuote(db, actorOf(f.brand), { quoteVersionId: first.id, quantities: plan })).rejects.toThrow("This version was superseded by a newer one: accept the current version.");
    expect(await written(r.rfq.id)).toEqual(before);
    await expect(acceptQuote(db, actorOf(f.brand), { quoteVersionId: second.id, quantities: plan })).resolves.toMatchObject({ seq: 1 });
  });

  it("refuses an expired quote: past its validity it is refused even before the expiry job ran", async () => {
    const { f, r, lines, plan } = await setting();
    const q = await sentQuote(db, f.workshop, r.invitationOf(f.workshop).id, lines);
    // Validity ended yesterday (set as the owner: the version is frozen to the app, not to a migration of time).
    await db.execute(`alter table quote_versions disable trigger quote_versions_frozen`);
    await db.update(quoteVersions).set({ validUntil: daysFromToday(-1, "Europe/Rome") }).where(eq(quoteVersions.id, q.id));
    await db.execute(`alter table quote_versions enable trigger quote_versions_frozen`);
    const before = await written(r.rfq.id);
    await expect(acceptQuote(db, actorOf(f.brand), { quoteVersionId: q.id, quantities: plan })).rejects.toThrow("This quote has expired: ask the workshop for a new version.");
    expect(await written(r.rfq.id)).toEqual(before);
    expect(await expireQuotes(db)).toBeGreaterThanOrEqual(1);
    expect((await db.select({ status: quoteVersions.status }).from(quoteVersions).where(eq(quoteVersions.id, q.id)))[0]!.status).toBe("expired");
    const told = await db.select({ title: notifications.title }).from(notifications).where(eq(notifications.orgId, f.brand.org.id));
    expect(told.map((n) => n.title)).toContain("Atelier Test's quote on RFQ-1 Spring capsule expired");
  });

  it("refuses a quote on an older revision: moving the line to revision 2 makes it outdated and tells the workshop", async () => {
    const { f, r, lines, plan } = await setting();
    const q = await sentQuote(db, f.workshop, r.invitationOf(f.workshop).id, lines);
    const rev2 = await approveNextRevision(db, f.brand, r.ring.design.id, 2);
    expect(await updateRfqLineRevision(db, actorOf(f.brand), { lineId: lines.ring, revisionId: rev2.id })).toEqual({ outdated: 1 });
    const before = await written(r.rfq.id);
    await expect(acceptQuote(db, actorOf(f.brand), { quoteVersionId: q.id, quantities: plan })).rejects.toThrow(
      "This quote was priced on an older revision of a design: ask the workshop to revise it.",
    );
    expect(await written(r.rfq.id)).toEqual(before);
    const told = await db.select({ title: notifications.title, body: notifications.body }).from(notifications).where(eq(notifications.orgId, f.workshop.org.id));
    expect(told).toContainEqual({ title: "Maison Test updated Signet ring in RFQ-1 Spring capsule to revision 2", body: "Your quote was priced on the previous revision and can no longer be accepted: revise it." });
    // The workshop now reads revision 2 and can quote on it.
    const shared = await db.select().from(designRevisionShares).where(and(eq(designRevisionShares.workshopOrgId, f.workshop.org.id), eq(designRevisionShares.revisionId, rev2.id)));
    expect(shared).toHaveLength(1);
    const revised = await sentQuote(db, f.workshop, r.invitationOf(f.workshop).id, lines);
    expect(revised.lineRevisions[lines.ring]).toBe(rev2.id);
  });
});

describe("the workshop's side", () => {
  it("a sent version is frozen: the database refuses to edit it", async () => {
    const { f, r, lines } = await setting();
    const q = await sentQuote(db, f.workshop, r.invitationOf(f.workshop).id, lines);
    await expect(db.update(quoteVersions).set({ leadTimeDays: 5 }).where(eq(quoteVersions.id, q.id))).rejects.toThrow();
    await expect(db.delete(quoteVersions).where(eq(quoteVersions.id, q.id))).rejects.toThrow();
  });

  it("declines with a reason the brand reads; then can no longer quote", async () => {
    const { f, r, lines } = await setting();
    const inv = r.invitationOf(f.workshop);
    await declineInvitation(db, actorOf(f.workshop), { invitationId: inv.id, reason: "Fully booked until June." });
    expect((await invitationFor(db, r.rfq.id, f.workshop.org.id)).declineReason).toBe("Fully booked until June.");
    const told = await db.select({ title: notifications.title, body: notifications.body }).from(notifications).where(eq(notifications.orgId, f.brand.org.id));
    expect(told).toContainEqual({ title: "Atelier Test declined to quote on RFQ-1 Spring capsule", body: "Fully booked until June." });
    await expect(sentQuote(db, f.workshop, inv.id, lines)).rejects.toThrow("You declined this request for quote.");
  });

  it("a quote in another currency, or for a line of another RFQ, is refused on its field", async () => {
    const { f, r, lines } = await setting();
    const inv = r.invitationOf(f.workshop);
    await expect(
      saveQuoteDraft(db, actorOf(f.workshop), { invitationId: inv.id, pricing: { currency: "USD", lines: [ringPricing(lines.ring)], bundle: null, depositPercent: 30 }, terms: terms() }),
    ).rejects.toMatchObject({ message: "Quote in the request's currency, EUR.", field: "pricing.currency" });
    await expect(
      saveQuoteDraft(db, actorOf(f.workshop), { invitationId: inv.id, pricing: { currency: "EUR", lines: [pendantPricing(crypto.randomUUID())], bundle: null, depositPercent: 30 }, terms: terms() }),
    ).rejects.toMatchObject({ field: "pricing.lines.0.lineId" });
  });

  it("after the deadline no quote is sent; extending the deadline opens it again", async () => {
    const { f, r, lines } = await setting();
    const inv = r.invitationOf(f.workshop);
    const draft = await saveQuoteDraft(db, actorOf(f.workshop), { invitationId: inv.id, pricing: { currency: "EUR", lines: [ringPricing(lines.ring)], bundle: null, depositPercent: 30 }, terms: terms() });
    await db.update(rfqs).set({ deadlineAt: new Date(Date.now() - 1000) }).where(eq(rfqs.id, r.rfq.id));
    await expect(sendQuote(db, actorOf(f.workshop), { quoteVersionId: draft.id })).rejects.toThrow(/The deadline for quotes .* has passed/);
    await extendDeadline(db, actorOf(f.brand), { rfqId: r.rfq.id, deadline: daysFromToday(20) });
    await expect(sendQuote(db, actorOf(f.workshop), { quoteVersionId: draft.id })).resolves.toMatchObject({ status: "sent" });
  });
});

describe("closing and reminders", () => {
  it("closing declines every live quote and tells the workshops; nothing can be accepted after", async () => {
    const { f, r, lines, plan } = await setting();
    const q = await sentQuote(db, f.workshop, r.invitationOf(f.workshop).id, lines);
    await closeRfq(db, actorOf(f.brand), { rfqId: r.rfq.id });
    expect((await db.select({ status: quoteVersions.status }).from(quoteVersions).where(eq(quoteVersions.id, q.id)))[0]!.status).toBe("declined");
    await expect(acceptQuote(db, actorOf(f.brand), { quoteVersionId: q.id, quantities: plan })).rejects.toThrow("This request for quote is closed.");
  });

  it("a deadline within 24 hours reminds the workshops that have not answered, once", async () => {
    const { f, second, r, lines } = await setting();
    await sentQuote(db, f.workshop, r.invitationOf(f.workshop).id, lines);
    await db.update(rfqs).set({ deadlineAt: new Date(Date.now() + 3 * 3_600_000) }).where(eq(rfqs.id, r.rfq.id));
    await remindDeadlines(db);
    await remindDeadlines(db);
    const reminded = async (orgId: string) =>
      (await db.select({ title: notifications.title }).from(notifications).where(eq(notifications.orgId, orgId))).filter((n) => n.title.startsWith("Quotes on RFQ-1")).length;
    expect({ quoted: await reminded(f.workshop.org.id), waiting: await reminded(second.org.id) }).toEqual({ quoted: 0, waiting: 1 });
  });
});

describe("scheduled", () => {
  it("quote expiry runs hourly and the 24-hour deadline reminder every 15 minutes", async () => {
    const { rows } = await db.execute<{ name: string; cron: string }>(sql`select name, cron from pgboss.schedule where name in ('quotes-expire', 'rfq-deadline-reminders') order by name`);
    expect(rows).toEqual([
      { name: "quotes-expire", cron: "5 * * * *" },
      { name: "rfq-deadline-reminders", cron: "*/15 * * * *" },
    ]);
  });
});
