import { and, asc, eq, inArray } from "drizzle-orm";
import { MILESTONE_STATUS_LABELS, type MilestoneStatus } from "~/lib/milestones";
import type { MilestoneReportInput, RecordBankTransferInput, ShippingInput } from "~/lib/milestone-schemas";
import { orderNumberLabel } from "~/lib/rfq-schemas";
import type { NotificationKind } from "~/lib/notifications";
import type { Db, Tx } from "../db/client";
import { orderMilestonePhotos, orderMilestoneUpdates, orderMilestones, orderPlans, orders, organizations, payments, type Order, type OrderMilestone, type OrderPlan } from "../db/schema";
import { asCounterparty, withOrg } from "../db/tenant";
import { AppError } from "../errors";
import { lateBusinessDaysOf } from "./delivery-record";
import { recordEvent } from "./events";
import { assertOwnFiles } from "./file-attachments";
import type { Actor } from "./members";
import { forecastMilestones } from "./milestone-forecast";
import { assertShippingAllowed } from "./payment-holds";
import { markPaidIn } from "./payments";
import { notify } from "./notifications";
import { finishedOrderRefusal } from "./order-status";
import { campaignsFollowForecast, campaignsOrderShipped } from "./preorder-production-orders";
import { DEFAULT_LOAD_DAYS, addDays, loadProductionCalendarIn, localDateOf, type IsoDate } from "./production-calendar";
import { benchHref } from "./rfq-common";

export type OrderSide = "brand" | "workshop";
type MilestoneEvent =
  | "milestone.started"
  | "milestone.completed"
  | "milestone.blocked"
  | "milestone.approval_requested"
  | "milestone.approved"
  | "milestone.changes_requested"
  | "milestone.deposit_recorded";
export type MilestoneAction = "start" | "block" | "complete" | "approve" | "request_changes" | "record_deposit";

/**
 * The state machine of a milestone: who may move it from which status to which. `complete` on a step that
 * needs the brand's approval goes to `awaiting_approval` instead of `completed`; the brand's approval then
 * completes it on the day it approves, and a request for changes sends it back to work. Nothing else
 * changes a milestone's status.
 */
export const MILESTONE_TRANSITIONS: Record<MilestoneAction, { side: OrderSide; from: readonly MilestoneStatus[]; to: MilestoneStatus; toWhenApproval?: MilestoneStatus; event: MilestoneEvent }> = {
  start: { side: "workshop", from: ["pending", "blocked"], to: "in_progress", event: "milestone.started" },
  block: { side: "workshop", from: ["pending", "in_progress"], to: "blocked", event: "milestone.blocked" },
  complete: { side: "workshop", from: ["pending", "in_progress", "blocked"], to: "completed", toWhenApproval: "awaiting_approval", event: "milestone.completed" },
  approve: { side: "brand", from: ["awaiting_approval"], to: "completed", event: "milestone.approved" },
  request_changes: { side: "brand", from: ["awaiting_approval"], to: "in_progress", event: "milestone.changes_requested" },
  record_deposit: { side: "workshop", from: ["pending", "in_progress", "blocked"], to: "completed", event: "milestone.deposit_recorded" },
};

/** The actions one side may take on a milestone (drives the buttons): the deposit step completes by a payment only. */
export function availableMilestoneActions(m: { status: MilestoneStatus; key: string | null }, side: OrderSide, earlierDone: boolean): MilestoneAction[] {
  if (!earlierDone) return [];
  return (Object.keys(MILESTONE_TRANSITIONS) as MilestoneAction[]).filter((a) => {
    const t = MILESTONE_TRANSITIONS[a];
    if (t.side !== side || !t.from.includes(m.status)) return false;
    if (a === "record_deposit") return m.key === "deposit_received";
    if (a === "complete") return m.key !== "deposit_received";
    return true;
  });
}

export const milestoneNotFound = () => new AppError("NOT_FOUND", "That milestone was not found.");
export const orderNotFound = () => new AppError("NOT_FOUND", "That order was not found.");

const sideColumn = (side: OrderSide) => (side === "brand" ? orderMilestones.brandOrgId : orderMilestones.workshopOrgId);
const orderHref = (kind: OrderSide, slug: string, orderId: string) => `/${kind}/${slug}/orders/${orderId}`;

type Context = {
  plan: OrderPlan;
  order: { id: string; year: number; seq: number; status: Order["status"] };
  brand: { id: string; name: string; slug: string };
  workshop: { id: string; name: string; slug: string; timeZone: string };
};

/** The order's plan, locked: every change to an order's milestones runs one at a time. */
export async function lockedPlan(tx: Tx, orderId: string, side: OrderSide, orgId: string): Promise<Context> {
  const [plan] = await tx
    .select()
    .from(orderPlans)
    .where(and(eq(orderPlans.orderId, orderId), eq(side === "brand" ? orderPlans.brandOrgId : orderPlans.workshopOrgId, orgId)))
    .for("update");
  if (!plan) throw orderNotFound();
  const [order] = await tx.select({ id: orders.id, year: orders.year, seq: orders.seq, status: orders.status }).from(orders).where(eq(orders.id, orderId));
  if (!order) throw orderNotFound();
  const orgs = await tx
    .select({ id: organizations.id, name: organizations.name, slug: organizations.slug, timeZone: organizations.timeZone })
    .from(organizations)
    .where(inArray(organizations.id, [plan.brandOrgId, plan.workshopOrgId]));
  const brand = orgs.find((o) => o.id === plan.brandOrgId);
  const workshop = orgs.find((o) => o.id === plan.workshopOrgId);
  if (!brand || !workshop) throw new Error(`order ${orderId} lost one of its organizations`);
  return { plan, order, brand, workshop };
}

const refOf = (c: Context) => ({ order: orderNumberLabel(c.order.year, c.order.seq), brand: c.brand.name, workshop: c.workshop.name });

/**
 * Re-forecasts the order's milestones from their actual dates and writes the forecast, the expected
 * delivery and the at-risk flag. The calendar is the workshop's whole calendar, read as the workshop
 * (a brand approving cannot read the workshop's closures itself). Tells both sides once when the order
 * becomes at risk. Returns the milestones as written.
 */
export async function reforecastOrder(tx: Tx, c: Context, actorOrgId: string, actorId: string | null, now = new Date()) {
  const milestones = await tx.select().from(orderMilestones).where(eq(orderMilestones.orderId, c.plan.orderId)).orderBy(asc(orderMilestones.position));
  const today = localDateOf(now, c.workshop.timeZone);
  const from = c.plan.orderDate < today ? c.plan.orderDate : today;
  const load = () => loadProductionCalendarIn(tx, c.workshop.id, from, Math.max(DEFAULT_LOAD_DAYS, daysBetween(from, today) + DEFAULT_LOAD_DAYS));
  const calendar = actorOrgId === c.workshop.id ? await load() : await asCounterparty(tx, actorOrgId, c.workshop.id, load);
  const forecast = forecastMilestones(calendar, c.plan, milestones, today);
  for (const [i, m] of milestones.entries()) {
    const date = forecast.forecastDates[i]!;
    if (m.forecastDate !== date) await tx.update(orderMilestones).set({ forecastDate: date }).where(eq(orderMilestones.id, m.id));
  }
  const becameAtRisk = forecast.atRisk && !c.plan.atRisk;
  await tx
    .update(orderPlans)
    .set({
      forecastDeliveryDate: forecast.expectedDeliveryDate,
      atRisk: forecast.atRisk,
      ...(becameAtRisk ? { atRiskSince: now } : {}),
      updatedAt: now,
    })
    .where(eq(orderPlans.orderId, c.plan.orderId));
  // Preorder campaigns linked to the order show its forecast (their customers told when it moves far).
  if (forecast.expectedDeliveryDate !== c.plan.forecastDeliveryDate) {
    await campaignsFollowForecast(tx, { orderId: c.plan.orderId, brandOrgId: c.brand.id, actorOrgId, forecastDeliveryDate: forecast.expectedDeliveryDate, calendar }, now);
  }
  // Told once per time it goes from on time to at risk: a later change that keeps it at risk says nothing new.
  if (becameAtRisk) {
    const data = { ...refOf(c), expectedDeliveryDate: forecast.expectedDeliveryDate, promisedDeliveryDate: c.plan.promisedDeliveryDate };
    for (const [org, kind] of [
      [c.brand, "brand"],
      [c.workshop, "workshop"],
    ] as const) {
      const write = async () => {
        await recordEvent(tx, { orgId: org.id, actorId, action: "order.at_risk", subjectType: "order", subjectId: c.plan.orderId, data });
        await notify(tx, {
          orgId: org.id,
          kind: "order_at_risk",
          title: `Order ${data.order} is at risk`,
          body: `Expected on ${forecast.expectedDeliveryDate}, after the ${c.plan.promisedDeliveryDate} promised.`,
          href: orderHref(kind, org.slug, c.plan.orderId),
          ...(actorId ? { actorId } : {}),
        });
      };
      if (org.id === actorOrgId) await write();
      else await asCounterparty(tx, actorOrgId, org.id, write);
    }
  }
  return { forecast, milestones };
}

function daysBetween(a: IsoDate, b: IsoDate) {
  return Math.max(0, Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000));
}

/** Which kind of notification (and so which email a person may mute) each milestone change is. */
const NOTIFICATION_KIND_OF: Record<MilestoneEvent, NotificationKind> = {
  "milestone.started": "order",
  "milestone.completed": "milestone_done",
  "milestone.blocked": "order",
  "milestone.approval_requested": "approval_requested",
  "milestone.approved": "order",
  "milestone.changes_requested": "changes_requested",
  "milestone.deposit_recorded": "order",
};

type ChangeInput = { note: string; photoFileIds: string[]; happenedOn?: IsoDate };
/** Who changes a milestone: a member, or the system (a verified payment webhook) acting for the workshop. */
export type MilestoneActor = { orgId: string; userId: string | null };

/**
 * One change of one milestone, in the caller's transaction: the row lock on the plan, the allowed move,
 * the milestone row, the timeline entry with its photos, the events of both sides, the notification of
 * the other side, and the re-forecast.
 */
async function changeMilestoneIn(tx: Tx, actor: MilestoneActor, side: OrderSide, action: MilestoneAction, milestoneId: string, input: ChangeInput, now = new Date()) {
  const [found] = await tx.select({ orderId: orderMilestones.orderId }).from(orderMilestones).where(and(eq(orderMilestones.id, milestoneId), eq(sideColumn(side), actor.orgId)));
  if (!found) throw milestoneNotFound();
  const c = await lockedPlan(tx, found.orderId, side, actor.orgId);
  const finished = finishedOrderRefusal(c.order.status);
  if (finished) throw finished;
  const all = await tx.select().from(orderMilestones).where(eq(orderMilestones.orderId, found.orderId)).orderBy(asc(orderMilestones.position)).for("update");
  const index = all.findIndex((m) => m.id === milestoneId);
  const m = all[index];
  if (!m) throw milestoneNotFound();
  const earlierDone = all.slice(0, index).every((e) => e.status === "completed" || e.status === "awaiting_approval");
  const t = MILESTONE_TRANSITIONS[action];
  if (!availableMilestoneActions(m, side, earlierDone).includes(action)) {
    if (!t.from.includes(m.status)) throw new AppError("CONFLICT", `${m.name} is ${MILESTONE_STATUS_LABELS[m.status].toLowerCase()}; that cannot be done now.`);
    if (!earlierDone) throw new AppError("CONFLICT", `Finish ${all.slice(0, index).find((e) => e.status !== "completed" && e.status !== "awaiting_approval")?.name ?? "the earlier steps"} first.`);
    throw new AppError("CONFLICT", m.key === "deposit_received" ? "The deposit is completed by recording the payment." : "That cannot be done on this milestone.");
  }
  const today = input.happenedOn ?? localDateOf(now, c.workshop.timeZone);
  const to = action === "complete" && m.needsApproval ? t.toWhenApproval! : t.to;
  if (m.key === "shipped" && to === "completed") await assertShippingAllowed(tx, m.orderId);
  await tx
    .update(orderMilestones)
    .set({
      status: to,
      ...(action === "start" && !m.startedOn ? { startedOn: today } : {}),
      ...(to === "completed" ? { completedOn: today, ...(m.startedOn ? {} : { startedOn: today }) } : {}),
      ...(to === "awaiting_approval" ? { approval: "requested" as const, approvalRequestedOn: today, ...(m.startedOn ? {} : { startedOn: today }) } : {}),
      ...(action === "approve" ? { approval: "approved" as const } : {}),
      ...(action === "request_changes" ? { approval: "changes_requested" as const } : {}),
      ...(side === "workshop" ? { lastReportedAt: now } : {}),
      updatedAt: now,
    })
    .where(eq(orderMilestones.id, m.id));
  const [update] = await tx
    .insert(orderMilestoneUpdates)
    .values({
      milestoneId: m.id,
      orderId: m.orderId,
      brandOrgId: m.brandOrgId,
      workshopOrgId: m.workshopOrgId,
      authorOrgId: actor.orgId,
      authorId: actor.userId,
      action,
      fromStatus: m.status,
      toStatus: to,
      note: input.note,
      happenedOn: today,
    })
    .returning();
  const photos = [...new Set(input.photoFileIds)];
  if (photos.length > 0) {
    await assertOwnFiles(tx, actor.orgId, photos, "milestone_photo", "photoFileIds", { imagesOnly: true });
    const taken = await tx.select({ fileId: orderMilestonePhotos.fileId }).from(orderMilestonePhotos).where(inArray(orderMilestonePhotos.fileId, photos));
    if (taken.length > 0) throw new AppError("BAD_REQUEST", "A photo is already on another update. Upload it again.", "photoFileIds");
    await tx.insert(orderMilestonePhotos).values(photos.map((fileId, position) => ({ updateId: update!.id, fileId, orgId: actor.orgId, position })));
  }
  const event: MilestoneEvent = to === "awaiting_approval" ? "milestone.approval_requested" : t.event;
  const data = { ...refOf(c), milestone: m.name };
  await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: event, subjectType: "order", subjectId: m.orderId, data });
  const other = side === "brand" ? c.workshop : c.brand;
  const otherKind: OrderSide = side === "brand" ? "workshop" : "brand";
  const by = side === "brand" ? c.brand.name : c.workshop.name;
  const titles: Record<MilestoneEvent, string> = {
    "milestone.started": `${by} started ${m.name} on ${data.order}`,
    "milestone.completed": `${by} completed ${m.name} on ${data.order}`,
    "milestone.blocked": `${m.name} on ${data.order} is blocked`,
    "milestone.approval_requested": `${by} asks you to approve ${m.name} on ${data.order}`,
    "milestone.approved": `${by} approved ${m.name} on ${data.order}`,
    "milestone.changes_requested": `${by} asks for changes to ${m.name} on ${data.order}`,
    "milestone.deposit_recorded": `${by} recorded the deposit of ${data.order}`,
  };
  const title = titles[event];
  await asCounterparty(tx, actor.orgId, other.id, async () => {
    await recordEvent(tx, { orgId: other.id, actorId: actor.userId, action: event, subjectType: "order", subjectId: m.orderId, data });
    await notify(tx, { orgId: other.id, kind: NOTIFICATION_KIND_OF[event], title, body: input.note.slice(0, 300), href: otherKind === "workshop" ? benchHref(other.slug, m.orderId) : orderHref(otherKind, other.slug, m.orderId), ...(actor.userId ? { actorId: actor.userId } : {}) });
  });
  const { forecast } = await reforecastOrder(tx, c, actor.orgId, actor.userId, now);
  if (m.key === "shipped" && to === "completed") await campaignsOrderShipped(tx, { orderId: m.orderId, brandOrgId: c.brand.id, actorOrgId: actor.orgId }, now);
  return { milestoneId: m.id, status: to, updateId: update!.id, expectedDeliveryDate: forecast.expectedDeliveryDate, atRisk: forecast.atRisk };
}

export async function changeMilestone(db: Db, actor: Actor, side: OrderSide, action: Exclude<MilestoneAction, "record_deposit">, input: MilestoneReportInput, now = new Date()) {
  return withOrg(db, actor.orgId, (tx) => changeMilestoneIn(tx, actor, side, action, input.milestoneId, { note: input.note, photoFileIds: input.photoFileIds ?? [] }, now));
}

/**
 * The deposit of an order was received: completes its "deposit received" milestone on that day. The one
 * path for every way a deposit arrives — a bank transfer recorded by hand now, a card payment's webhook
 * later — inside the caller's transaction, bound to the workshop. An order whose plan has no deposit step
 * records nothing on its plan (and says so with null).
 */
export async function recordDepositReceived(tx: Tx, actor: MilestoneActor, input: { orderId: string; receivedOn: IsoDate; note: string }, now = new Date()) {
  const [deposit] = await tx
    .select({ id: orderMilestones.id, status: orderMilestones.status })
    .from(orderMilestones)
    .where(and(eq(orderMilestones.orderId, input.orderId), eq(orderMilestones.workshopOrgId, actor.orgId), eq(orderMilestones.key, "deposit_received")));
  if (!deposit) {
    const [plan] = await tx.select({ id: orderPlans.orderId }).from(orderPlans).where(and(eq(orderPlans.orderId, input.orderId), eq(orderPlans.workshopOrgId, actor.orgId)));
    if (!plan) throw orderNotFound();
    return null;
  }
  if (deposit.status === "completed") throw new AppError("CONFLICT", "The deposit of this order is recorded already.");
  return changeMilestoneIn(tx, actor, "workshop", "record_deposit", deposit.id, { note: input.note, photoFileIds: [], happenedOn: input.receivedOn }, now);
}

/** The workshop records a bank transfer it received for the deposit. */
export async function recordBankTransfer(db: Db, actor: Actor, input: RecordBankTransferInput, now = new Date()) {
  return withOrg(db, actor.orgId, async (tx) => {
    const [tz] = await tx.select({ timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, actor.orgId));
    const today = localDateOf(now, tz?.timeZone ?? "UTC");
    if (input.receivedOn > today) throw new AppError("BAD_REQUEST", "A transfer cannot be received after today.", "receivedOn");
    if (input.receivedOn < addDays(today, -366)) throw new AppError("BAD_REQUEST", "Choose a day in the last year.", "receivedOn");
    const result = await recordDepositReceived(tx, actor, { orderId: input.orderId, receivedOn: input.receivedOn, note: input.reference ? `Bank transfer, reference ${input.reference}` : "Bank transfer" }, now);
    if (!result) throw new AppError("CONFLICT", "This order's plan has no deposit step to complete.");
    // The deposit payment becomes paid through the payments' one path (its milestone is done already).
    const [deposit] = await tx.select().from(payments).where(and(eq(payments.orderId, input.orderId), eq(payments.workshopOrgId, actor.orgId), eq(payments.kind, "deposit"))).for("update");
    if (deposit) {
      if (input.reference && !deposit.transferReference) await tx.update(payments).set({ transferReference: input.reference }).where(eq(payments.id, deposit.id));
      await markPaidIn(tx, actor, deposit, { method: "transfer", paidOn: input.receivedOn, confirmedById: actor.userId }, now);
    }
    return result;
  });
}

/** The shipping facts of an order (workshop): carrier, tracking number and the dates of the way. */
export async function updateShipping(db: Db, actor: Actor, input: ShippingInput, now = new Date()) {
  return withOrg(db, actor.orgId, async (tx) => {
    const c = await lockedPlan(tx, input.orderId, "workshop", actor.orgId);
    const finished = finishedOrderRefusal(c.order.status);
    if (finished) throw finished;
    const today = localDateOf(now, c.workshop.timeZone);
    if (input.shippedOn && !c.plan.shippedOn) await assertShippingAllowed(tx, input.orderId);
    for (const field of ["shippedOn", "customsEnteredOn", "customsClearedOn", "deliveredOn"] as const) {
      const date = input[field];
      if (date && date > today) throw new AppError("BAD_REQUEST", "This cannot be after today.", field);
      if (date && date < c.plan.orderDate) throw new AppError("BAD_REQUEST", "This cannot be before the order.", field);
    }
    const [row] = await tx
      .update(orderPlans)
      .set({
        carrier: input.carrier,
        trackingNumber: input.trackingNumber,
        shippedOn: input.shippedOn,
        customsEnteredOn: input.customsEnteredOn,
        customsClearedOn: input.customsClearedOn,
        deliveredOn: input.deliveredOn,
        lateBusinessDays: await lateBusinessDaysOf(tx, c.workshop.id, c.plan.promisedDeliveryDate, input.deliveredOn),
        updatedAt: now,
      })
      .where(eq(orderPlans.orderId, input.orderId))
      .returning();
    const data = refOf(c);
    await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "order.shipping_updated", subjectType: "order", subjectId: input.orderId, data });
    await asCounterparty(tx, actor.orgId, c.brand.id, async () => {
      await recordEvent(tx, { orgId: c.brand.id, actorId: actor.userId, action: "order.shipping_updated", subjectType: "order", subjectId: input.orderId, data });
      const href = orderHref("brand", c.brand.slug, input.orderId);
      const carriage = [input.carrier, input.trackingNumber].filter(Boolean).join(" · ");
      // A date recorded for the first time (or moved) is news of its own kind; the other facts are "order".
      const delivered = input.deliveredOn && input.deliveredOn !== c.plan.deliveredOn;
      const shipped = input.shippedOn && input.shippedOn !== c.plan.shippedOn;
      if (delivered) {
        await notify(tx, { orgId: c.brand.id, kind: "order_delivered", title: `${data.order} from ${c.workshop.name} was delivered`, body: `Delivered on ${input.deliveredOn}.`, href, actorId: actor.userId });
      }
      if (shipped) {
        await notify(tx, { orgId: c.brand.id, kind: "order_shipped", title: `${c.workshop.name} shipped ${data.order}`, body: [`Shipped on ${input.shippedOn}`, carriage].filter(Boolean).join(" · "), href, actorId: actor.userId });
      }
      if (!delivered && !shipped) {
        await notify(tx, { orgId: c.brand.id, kind: "order", title: `${c.workshop.name} updated the shipping of ${data.order}`, body: carriage, href, actorId: actor.userId });
      }
    });
    if (input.shippedOn && !c.plan.shippedOn) await campaignsOrderShipped(tx, { orderId: input.orderId, brandOrgId: c.brand.id, actorOrgId: actor.orgId }, now);
    return row!;
  });
}

export type { OrderMilestone };
