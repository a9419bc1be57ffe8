import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../db/client";
import { designRevisions, designs, orderLines, orderPlans, orders, organizations, preorderCampaignSizes, preorderCampaigns, preorderReservations, quoteVersions, rfqLines, rfqs, type PreorderCampaign } from "../db/schema";
import { asCounterparty, withOrg } from "../db/tenant";
import { AppError } from "../errors";
import { preorderProgress, type PreorderProgress } from "~/lib/preorder-progress";
import type { PricedQuoteLine, QuantityPlan } from "~/lib/pricing";
import { orderNumberLabel, rfqNumberLabel } from "~/lib/rfq-schemas";
import { todayIn } from "~/lib/sample-request-schemas";
import type { Actor } from "./members";
import { emailReservationCustomers, refundReservation } from "./preorder-reservations";
import { applyForecast } from "./preorder-production-orders";
import { acceptQuoteIn } from "./quotes";
import { createRfqIn, ONE_SIZE } from "./rfqs";
import { DEFAULT_LOAD_DAYS, addDays, loadProductionCalendarIn } from "./production-calendar";

/**
 * Feeding production from a preorder campaign: its paid units by size, their progress toward the
 * workshop's minimum and next price tier, and the one step that turns the totals into a draft RFQ or an
 * order on the linked quote. A campaign whose minimum is not reached is extended or cancelled, and a
 * cancelled campaign gives back what every customer paid.
 *
 * Refund rule on cancelling: the campaign is marked cancelled first (its own transaction: no new
 * reservation, no payment taken from then on), then each reservation is refunded in a transaction of its
 * own (`refundReservation`). A Stripe refund that fails leaves that reservation paid and the campaign
 * cancelled; the brand sees how many are left and "Retry refunds" takes exactly those again. Each try is
 * an attempt counted and committed before Stripe is asked, and its key names the attempt: Stripe keeps
 * its answer to a key, a refusal included, so a retry under the old key would be refused again. What a
 * refused attempt did refund is recorded, so a retry never refunds twice.
 */

export const campaignNotFound = () => new AppError("NOT_FOUND", "That campaign was not found.");

/** The size of a campaign as the design's size run names it ("" is a one-size piece). */
export const rfqSizeOf = (size: string) => (size === "" ? ONE_SIZE : size);

async function lockCampaign(tx: Tx, brandOrgId: string, campaignId: string): Promise<PreorderCampaign> {
  const [c] = await tx
    .select()
    .from(preorderCampaigns)
    .where(and(eq(preorderCampaigns.id, campaignId), eq(preorderCampaigns.brandOrgId, brandOrgId)))
    .for("update");
  if (!c) throw campaignNotFound();
  return c;
}

async function campaignOf(tx: Tx, brandOrgId: string, campaignId: string): Promise<PreorderCampaign> {
  const [c] = await tx
    .select()
    .from(preorderCampaigns)
    .where(and(eq(preorderCampaigns.id, campaignId), eq(preorderCampaigns.brandOrgId, brandOrgId)));
  if (!c) throw campaignNotFound();
  return c;
}

/** Paid and held units per size, in the campaign's order of sizes. */
export async function campaignTotals(tx: Tx, campaignId: string) {
  return tx
    .select({ size: preorderCampaignSizes.size, paidUnits: preorderCampaignSizes.paidUnits, heldUnits: preorderCampaignSizes.heldUnits })
    .from(preorderCampaignSizes)
    .where(eq(preorderCampaignSizes.campaignId, campaignId))
    .orderBy(asc(preorderCampaignSizes.position));
}

/** The line of a quote version that prices the campaign's revision, with its pricing. */
async function quoteLineFor(tx: Tx, brandOrgId: string, quoteVersionId: string, revisionId: string) {
  const [v] = await tx
    .select({ version: quoteVersions, workshopName: organizations.name, rfqNumber: rfqs.number })
    .from(quoteVersions)
    .innerJoin(organizations, eq(organizations.id, quoteVersions.workshopOrgId))
    .innerJoin(rfqs, eq(rfqs.id, quoteVersions.rfqId))
    .where(and(eq(quoteVersions.id, quoteVersionId), eq(quoteVersions.brandOrgId, brandOrgId)));
  if (!v) return null;
  const lineId = Object.entries(v.version.lineRevisions).find(([, rev]) => rev === revisionId)?.[0];
  const line: PricedQuoteLine | undefined = lineId ? v.version.pricing.lines.find((l) => l.lineId === lineId) : undefined;
  return { ...v, lineId: lineId ?? null, line: line ?? null };
}

function assertNotFed(c: PreorderCampaign) {
  if (c.status === "cancelled") throw new AppError("CONFLICT", "This campaign is cancelled.");
  if (c.orderId) throw new AppError("CONFLICT", "The totals of this campaign are in an order already.");
  if (c.rfqId) throw new AppError("CONFLICT", "The totals of this campaign are in a request for quote already.");
}

/** The totals go to production once the window has closed, by the brand, at any time after. */
function assertWindowClosed(c: PreorderCampaign, now: Date) {
  if (c.status !== "published") throw new AppError("CONFLICT", "Publish the campaign first: a draft has no reservations.");
  assertNotFed(c);
  if (now < c.closesAt) throw new AppError("CONFLICT", `The window is open until ${c.closesAt.toISOString().slice(0, 16).replace("T", " ")} UTC: the totals can go to production once it closes.`);
}

async function paidSplit(tx: Tx, c: PreorderCampaign) {
  const sizes = (await campaignTotals(tx, c.id)).filter((s) => s.paidUnits > 0);
  if (sizes.length === 0) throw new AppError("BAD_REQUEST", "No reservation is paid yet: there are no totals to send to production.");
  return sizes;
}

// ─── Progress and the brand's view ──────────────────────────────────────────────────────────────────────

export type CampaignProduction = Awaited<ReturnType<typeof getCampaignProduction>>;

/** What the production panel of a campaign shows its brand. Quantities only: no customer's name or email. */
export async function getCampaignProduction(db: Db, brandOrgId: string, campaignId: string, now = new Date()) {
  return withOrg(db, brandOrgId, async (tx) => {
    const c = await campaignOf(tx, brandOrgId, campaignId);
    const sizes = await campaignTotals(tx, c.id);
    const [revision] = await tx
      .select({ number: designRevisions.number, designName: designs.name })
      .from(designRevisions)
      .innerJoin(designs, eq(designs.id, designRevisions.designId))
      .where(eq(designRevisions.id, c.designRevisionId));
    let quote: { quoteVersionId: string; label: string; status: string; currency: string; progress: PreorderProgress | null } | null = null;
    if (c.quoteVersionId) {
      const q = await quoteLineFor(tx, brandOrgId, c.quoteVersionId, c.designRevisionId);
      if (q) {
        quote = {
          quoteVersionId: q.version.id,
          label: `${q.workshopName} · ${rfqNumberLabel(q.rfqNumber)} version ${q.version.number}`,
          status: q.version.status,
          currency: q.version.currency,
          progress: q.line ? preorderProgress(q.line, q.version.currency, c.paidUnits) : null,
        };
      }
    }
    let order: { orderId: string; label: string; status: string; forecastDeliveryDate: string | null; shippedOn: string | null } | null = null;
    if (c.orderId) {
      const [o] = await tx
        .select({ id: orders.id, year: orders.year, seq: orders.seq, status: orders.status, forecast: orderPlans.forecastDeliveryDate, shippedOn: orderPlans.shippedOn })
        .from(orders)
        .leftJoin(orderPlans, eq(orderPlans.orderId, orders.id))
        .where(and(eq(orders.id, c.orderId), eq(orders.brandOrgId, brandOrgId)));
      if (o) order = { orderId: o.id, label: orderNumberLabel(o.year, o.seq), status: o.status, forecastDeliveryDate: o.forecast, shippedOn: o.shippedOn };
    }
    let rfq: { rfqId: string; number: number; label: string; status: string } | null = null;
    if (c.rfqId) {
      const [r] = await tx.select({ id: rfqs.id, number: rfqs.number, status: rfqs.status }).from(rfqs).where(and(eq(rfqs.id, c.rfqId), eq(rfqs.brandOrgId, brandOrgId)));
      if (r) rfq = { rfqId: r.id, number: r.number, label: rfqNumberLabel(r.number), status: r.status };
    }
    const [left] = await tx
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(preorderReservations)
      .where(and(eq(preorderReservations.campaignId, c.id), eq(preorderReservations.brandOrgId, brandOrgId), inArray(preorderReservations.status, ["held", "paid"])));
    const refundsLeft = c.status === "cancelled" ? (left?.n ?? 0) : 0;
    const windowClosed = now >= c.closesAt;
    const fed = Boolean(c.orderId || c.rfqId);
    const live = c.status === "published";
    return {
      campaign: {
        id: c.id,
        title: c.title,
        status: c.status,
        currency: c.currency,
        opensAt: c.opensAt,
        closesAt: c.closesAt,
        windowClosed,
        totalCap: c.totalCap,
        paidUnits: c.paidUnits,
        heldUnits: c.heldUnits,
        expectedDeliveryOn: c.expectedDeliveryOn,
        forecastDeliveryOn: c.forecastDeliveryOn,
        announcedDeliveryOn: c.announcedDeliveryOn,
        notifyAfterBusinessDays: c.notifyAfterBusinessDays,
        cancelReason: c.cancelReason,
        cancelledAt: c.cancelledAt,
        design: revision ? `${revision.designName}, revision ${revision.number}` : "",
      },
      sizes: sizes.map((s) => ({ size: s.size, label: rfqSizeOf(s.size), paidUnits: s.paidUnits, heldUnits: s.heldUnits })),
      quote,
      order,
      rfq,
      refundsLeft,
      actions: {
        link: live && !c.orderId,
        createRfq: live && windowClosed && !fed,
        placeOrder: live && windowClosed && !fed && quote?.status === "sent",
        extend: live && !fed,
        cancel: live && !c.orderId,
        retryRefunds: c.status === "cancelled" && refundsLeft > 0,
        photos: Boolean(c.orderId) && c.status !== "cancelled",
      },
    };
  });
}

/** The quotes and orders of the brand a campaign can be linked to: those on the campaign's revision. */
export async function linkOptions(db: Db, brandOrgId: string, campaignId: string) {
  return withOrg(db, brandOrgId, async (tx) => {
    const c = await campaignOf(tx, brandOrgId, campaignId);
    const versions = await tx
      .select({ id: quoteVersions.id, number: quoteVersions.number, status: quoteVersions.status, lineRevisions: quoteVersions.lineRevisions, workshopName: organizations.name, rfqNumber: rfqs.number })
      .from(quoteVersions)
      .innerJoin(organizations, eq(organizations.id, quoteVersions.workshopOrgId))
      .innerJoin(rfqs, eq(rfqs.id, quoteVersions.rfqId))
      .where(and(eq(quoteVersions.brandOrgId, brandOrgId), inArray(quoteVersions.status, ["sent", "accepted"])))
      .orderBy(asc(rfqs.number), asc(quoteVersions.number));
    const quotes = versions
      .filter((v) => Object.values(v.lineRevisions).includes(c.designRevisionId))
      .map((v) => ({ quoteVersionId: v.id, label: `${v.workshopName} · ${rfqNumberLabel(v.rfqNumber)} version ${v.number}`, status: v.status }));
    const orderRows = await tx
      .selectDistinct({ id: orders.id, year: orders.year, seq: orders.seq, workshopName: organizations.name })
      .from(orders)
      .innerJoin(orderLines, eq(orderLines.orderId, orders.id))
      .innerJoin(organizations, eq(organizations.id, orders.workshopOrgId))
      .where(and(eq(orders.brandOrgId, brandOrgId), eq(orderLines.revisionId, c.designRevisionId), inArray(orders.status, ["open", "in_production"])));
    return { quotes, orders: orderRows.map((o) => ({ orderId: o.id, label: `${orderNumberLabel(o.year, o.seq)} · ${o.workshopName}` })) };
  });
}

// ─── Linking ────────────────────────────────────────────────────────────────────────────────────────────

function assertLinkable(c: PreorderCampaign) {
  if (c.status !== "published") throw new AppError("CONFLICT", c.status === "draft" ? "Publish the campaign before linking it to production." : "This campaign is cancelled.");
  if (c.orderId) throw new AppError("CONFLICT", "This campaign is linked to an order already.");
}

function assertSameWorkshop(c: PreorderCampaign, workshopOrgId: string, field: string) {
  if (c.workshopOrgId && c.workshopOrgId !== workshopOrgId) throw new AppError("BAD_REQUEST", "This campaign names another workshop: choose one of its quotes or orders.", field);
}

/** Measures the campaign against a sent or accepted quote version that prices its revision. */
export async function linkQuote(db: Db, actor: Actor, input: { campaignId: string; quoteVersionId: string }, now = new Date()) {
  return withOrg(db, actor.orgId, async (tx) => {
    const c = await lockCampaign(tx, actor.orgId, input.campaignId);
    assertLinkable(c);
    const q = await quoteLineFor(tx, actor.orgId, input.quoteVersionId, c.designRevisionId);
    if (!q) throw new AppError("NOT_FOUND", "That quote was not found.", "quoteVersionId");
    if (q.version.status !== "sent" && q.version.status !== "accepted") throw new AppError("BAD_REQUEST", "Choose a live or accepted quote.", "quoteVersionId");
    if (!q.line) throw new AppError("BAD_REQUEST", "This quote does not price the campaign's design revision.", "quoteVersionId");
    assertSameWorkshop(c, q.version.workshopOrgId, "quoteVersionId");
    await tx
      .update(preorderCampaigns)
      .set({ quoteVersionId: q.version.id, workshopOrgId: q.version.workshopOrgId, updatedAt: now })
      .where(and(eq(preorderCampaigns.id, c.id), eq(preorderCampaigns.brandOrgId, actor.orgId)));
    return { campaignId: c.id, quoteVersionId: q.version.id };
  });
}

/**
 * Links an existing order of the brand that makes the campaign's revision: the campaign then follows the
 * order's forecast (customers told by the usual rule) and is measured against the order's quote.
 */
export async function linkOrder(db: Db, actor: Actor, input: { campaignId: string; orderId: string }, now = new Date()) {
  return withOrg(db, actor.orgId, async (tx) => {
    const c = await lockCampaign(tx, actor.orgId, input.campaignId);
    assertLinkable(c);
    const [o] = await tx.select().from(orders).where(and(eq(orders.id, input.orderId), eq(orders.brandOrgId, actor.orgId)));
    if (!o) throw new AppError("NOT_FOUND", "That order was not found.", "orderId");
    if (o.status === "cancelled" || o.status === "completed") throw new AppError("BAD_REQUEST", "Choose an order still in production.", "orderId");
    const [line] = await tx.select({ id: orderLines.id }).from(orderLines).where(and(eq(orderLines.orderId, o.id), eq(orderLines.revisionId, c.designRevisionId)));
    if (!line) throw new AppError("BAD_REQUEST", "This order does not make the campaign's design revision.", "orderId");
    assertSameWorkshop(c, o.workshopOrgId, "orderId");
    await tx
      .update(preorderCampaigns)
      .set({ orderId: o.id, quoteVersionId: o.quoteVersionId, workshopOrgId: o.workshopOrgId, updatedAt: now })
      .where(and(eq(preorderCampaigns.id, c.id), eq(preorderCampaigns.brandOrgId, actor.orgId)));
    await followOrder(tx, actor.orgId, c.id, o.id, o.workshopOrgId, now);
    return { campaignId: c.id, orderId: o.id };
  });
}

/** The campaign takes the order's current forecast, in the workshop's calendar (read as the workshop). */
async function followOrder(tx: Tx, brandOrgId: string, campaignId: string, orderId: string, workshopOrgId: string, now: Date) {
  const [plan] = await tx.select({ orderDate: orderPlans.orderDate, forecast: orderPlans.forecastDeliveryDate }).from(orderPlans).where(eq(orderPlans.orderId, orderId));
  if (!plan) return;
  const [c] = await tx.select().from(preorderCampaigns).where(eq(preorderCampaigns.id, campaignId)).for("update");
  if (!c) return;
  const from = [plan.orderDate, c.expectedDeliveryOn, c.announcedDeliveryOn ?? c.expectedDeliveryOn].sort()[0]!;
  const calendar = await asCounterparty(tx, brandOrgId, workshopOrgId, () => loadProductionCalendarIn(tx, workshopOrgId, from, DEFAULT_LOAD_DAYS));
  await applyForecast(tx, c, plan.forecast, calendar, now);
}

// ─── The totals to production ───────────────────────────────────────────────────────────────────────────

/** A new draft RFQ with one line for the campaign's revision, its sizes split as the paid reservations are. */
export async function createRfqFromTotals(db: Db, actor: Actor, input: { campaignId: string }, now = new Date()) {
  return withOrg(db, actor.orgId, async (tx) => {
    const c = await lockCampaign(tx, actor.orgId, input.campaignId);
    assertWindowClosed(c, now);
    const sizes = await paidSplit(tx, c);
    const [brand] = await tx.select({ timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, actor.orgId));
    const today = todayIn(brand?.timeZone ?? "UTC", now);
    const deadline = addDays(today, 14);
    const targetDate = c.expectedDeliveryOn > deadline ? c.expectedDeliveryOn : addDays(deadline, 30);
    const paid = sizes.reduce((sum, s) => sum + s.paidUnits, 0);
    const rfq = await createRfqIn(tx, actor, {
      title: `${c.title} (preorder)`.slice(0, 120),
      currency: c.currency,
      targetDate,
      deadline,
      notes: `The paid reservations of the preorder campaign “${c.title}”: ${paid} pieces.`,
      attachmentFileIds: [],
      lines: [{ revisionId: c.designRevisionId, sizes: sizes.map((s) => ({ size: rfqSizeOf(s.size), quantity: s.paidUnits })) }],
    });
    await tx.update(preorderCampaigns).set({ rfqId: rfq.id, updatedAt: now }).where(and(eq(preorderCampaigns.id, c.id), eq(preorderCampaigns.brandOrgId, actor.orgId)));
    return { campaignId: c.id, rfqId: rfq.id, number: rfq.number, label: rfqNumberLabel(rfq.number) };
  });
}

/**
 * Accepts the linked (live) quote at the paid quantities, split by size: the order is the quote's accept
 * path itself (same locks, same refusals, the engine's shortfall message below a minimum), and the
 * campaign records it in the same transaction — a refusal writes nothing.
 */
export async function placeOrderFromTotals(db: Db, actor: Actor, input: { campaignId: string }, now = new Date()) {
  return withOrg(db, actor.orgId, async (tx) => {
    const c = await lockCampaign(tx, actor.orgId, input.campaignId);
    assertWindowClosed(c, now);
    if (!c.quoteVersionId) throw new AppError("BAD_REQUEST", "Link the campaign to a quote first.", "quoteVersionId");
    const q = await quoteLineFor(tx, actor.orgId, c.quoteVersionId, c.designRevisionId);
    if (!q?.lineId) throw new AppError("BAD_REQUEST", "The linked quote does not price the campaign's design revision.", "quoteVersionId");
    const sizes = await paidSplit(tx, c);
    const [rfqLine] = await tx.select({ sizes: rfqLines.sizes }).from(rfqLines).where(eq(rfqLines.id, q.lineId));
    const requested = new Set((rfqLine?.sizes ?? []).map((s) => s.size));
    const quantities: QuantityPlan = { [q.lineId]: Object.fromEntries(sizes.map((s) => [requested.has(s.size) ? s.size : rfqSizeOf(s.size), s.paidUnits])) };
    const order = await acceptQuoteIn(tx, actor, { quoteVersionId: c.quoteVersionId, quantities });
    await tx
      .update(preorderCampaigns)
      .set({ orderId: order.id, workshopOrgId: order.workshopOrgId, updatedAt: now })
      .where(and(eq(preorderCampaigns.id, c.id), eq(preorderCampaigns.brandOrgId, actor.orgId)));
    await followOrder(tx, actor.orgId, c.id, order.id, order.workshopOrgId, now);
    return { campaignId: c.id, orderId: order.id, label: orderNumberLabel(order.year, order.seq) };
  });
}

// ─── Minimum not reached ────────────────────────────────────────────────────────────────────────────────

/** A later close of the window; the reservations and counters stay as they are. */
export async function extendWindow(db: Db, actor: Actor, input: { campaignId: string; closesAt: Date }, now = new Date()) {
  return withOrg(db, actor.orgId, async (tx) => {
    const c = await lockCampaign(tx, actor.orgId, input.campaignId);
    if (c.status !== "published") throw new AppError("CONFLICT", c.status === "draft" ? "A draft's window is edited with the campaign." : "This campaign is cancelled.");
    assertNotFed(c);
    if (input.closesAt <= c.closesAt) throw new AppError("BAD_REQUEST", "Choose a close after the current one.", "closesAt");
    if (input.closesAt <= now) throw new AppError("BAD_REQUEST", "Choose a close in the future.", "closesAt");
    const [row] = await tx
      .update(preorderCampaigns)
      .set({ closesAt: input.closesAt, updatedAt: now })
      .where(and(eq(preorderCampaigns.id, c.id), eq(preorderCampaigns.brandOrgId, actor.orgId)))
      .returning({ closesAt: preorderCampaigns.closesAt });
    return { campaignId: c.id, closesAt: row!.closesAt };
  });
}

export type RefundTally = { refunded: number; pending: number; cancelled: number; failed: number; left: number };

/**
 * Cancels a published campaign with a reason: marked cancelled (and its customers told why) in one
 * transaction, then every paid reservation refunded and every held one cancelled, each in its own.
 */
type StripeArg = Parameters<typeof refundReservation>[3];

export async function cancelCampaign(db: Db, actor: Actor, input: { campaignId: string; reason: string }, now = new Date(), stripe?: StripeArg): Promise<RefundTally & { campaignId: string }> {
  const reason = input.reason.trim();
  if (!reason) throw new AppError("BAD_REQUEST", "Say why the campaign is cancelled: customers read it.", "reason");
  await withOrg(db, actor.orgId, async (tx) => {
    const c = await lockCampaign(tx, actor.orgId, input.campaignId);
    if (c.status !== "published") throw new AppError("CONFLICT", c.status === "cancelled" ? "This campaign is cancelled already." : "A draft is deleted, not cancelled.");
    if (c.orderId) throw new AppError("CONFLICT", "The totals of this campaign are in an order: refund reservations one by one from the dashboard.");
    await tx
      .update(preorderCampaigns)
      .set({ status: "cancelled", cancelledAt: now, cancelReason: reason, updatedAt: now })
      .where(and(eq(preorderCampaigns.id, c.id), eq(preorderCampaigns.brandOrgId, actor.orgId)));
    await emailReservationCustomers(tx, {
      campaignId: c.id,
      subject: `${c.title} is cancelled`,
      body: `The preorder campaign “${c.title}” is cancelled: ${reason}\n\nEverything you paid is refunded to the card you paid with; a reservation awaiting payment is cancelled and nothing is charged.`,
      statuses: ["paid", "held"],
    });
  });
  return { campaignId: input.campaignId, ...(await refundWhatIsLeft(db, actor, input.campaignId, reason, now, stripe)) };
}

/** "Retry refunds": the reservations of a cancelled campaign still paid or held, refunded again. */
export async function retryRefunds(db: Db, actor: Actor, input: { campaignId: string }, now = new Date(), stripe?: StripeArg): Promise<RefundTally & { campaignId: string }> {
  const c = await withOrg(db, actor.orgId, (tx) => campaignOf(tx, actor.orgId, input.campaignId));
  if (c.status !== "cancelled") throw new AppError("CONFLICT", "Only a cancelled campaign's reservations are refunded together.");
  return { campaignId: c.id, ...(await refundWhatIsLeft(db, actor, c.id, c.cancelReason || "The campaign was cancelled.", now, stripe)) };
}

async function refundWhatIsLeft(db: Db, actor: Actor, campaignId: string, reason: string, now: Date, stripe: StripeArg): Promise<RefundTally> {
  const leftIds = () =>
    withOrg(db, actor.orgId, async (tx) =>
      (
        await tx
          .select({ id: preorderReservations.id })
          .from(preorderReservations)
          .where(and(eq(preorderReservations.campaignId, campaignId), eq(preorderReservations.brandOrgId, actor.orgId), inArray(preorderReservations.status, ["held", "paid"])))
          .orderBy(asc(preorderReservations.createdAt))
      ).map((r) => r.id),
    );
  const tally: RefundTally = { refunded: 0, pending: 0, cancelled: 0, failed: 0, left: 0 };
  for (const reservationId of await leftIds()) {
    try {
      const { status } = await refundReservation(db, { brandOrgId: actor.orgId, userId: actor.userId, reservationId, reason }, now, stripe);
      if (status === "refunded") tally.refunded++;
      else if (status === "refund_pending") tally.pending++;
      else tally.cancelled++;
    } catch (err) {
      // This reservation stays as it was (its transaction rolled back); the others go on.
      console.error(`preorder refund of reservation ${reservationId} failed`, err);
      tally.failed++;
    }
  }
  tally.left = (await leftIds()).length;
  return tally;
}
