import { and, asc, eq } from "drizzle-orm";
import type { MilestoneKey } from "~/lib/milestones";
import { todayIn } from "~/lib/sample-request-schemas";
import type * as FilesService from "../services/files";
import type { Actor } from "../services/members";
import type * as PlansService from "../services/milestone-plans";
import type * as MilestonesService from "../services/milestones";
import type * as OrderStatusService from "../services/order-status";
import type * as PaymentsService from "../services/payments";
import type * as QuotesService from "../services/quotes";
import type * as ReviewsService from "../services/reviews";
import type * as RfqsService from "../services/rfqs";
import { addBusinessDays, addDays, loadProductionCalendar, type IsoDate, type LoadedCalendar } from "../services/production-calendar";
import type { Db } from "./client";
import { demoImage, type DemoPieceKind } from "./demo-images";
import { designRevisions, designs, orderMilestones, orderPlans, orders, payments, rfqInvitations, rfqLines, type Order } from "./schema";
import { withOrg } from "./tenant";

/**
 * Demo orders in every state, placed in the past and moved along through the same services the app uses
 * (accept, milestone changes, bank transfer, shipping, review), each change as on its own day: awaiting
 * deposit, in production on time, in production and at risk after slips, shipped, delivered late with a
 * review and the workshop's answer, closed, and cancelled. Work-in-progress photos are drawn here.
 */

export type DemoParty = Actor & { timeZone: string; currency: string };

/** Noon UTC on a day: the same day in Paris, Rome, New York and Jaipur. */
const at = (day: IsoDate) => new Date(`${day}T12:00:00Z`);

type Slip = { days?: number; changes?: string; photo?: DemoPieceKind; note?: string };
type Script = {
  /** Steps done in order, each with how many business days after its forecast it is done. */
  done: Partial<Record<MilestoneKey, Slip>>;
  /** The step started (in progress) after the ones done, with an optional photo. */
  started?: { key: MilestoneKey; photo?: DemoPieceKind; note: string };
};

type Services = {
  rfqs: typeof RfqsService;
  quotes: typeof QuotesService;
  milestones: typeof MilestonesService;
  plans: typeof PlansService;
  files: typeof FilesService;
  reviews: typeof ReviewsService;
  payments: typeof PaymentsService;
  status: typeof OrderStatusService;
};

async function loadServices(): Promise<Services> {
  // Loaded here: only seeding needs the services and the storage behind uploads.
  const [rfqs, quotes, milestones, plans, files, reviews, payments, status] = await Promise.all([
    import("../services/rfqs"),
    import("../services/quotes"),
    import("../services/milestones"),
    import("../services/milestone-plans"),
    import("../services/files"),
    import("../services/reviews"),
    import("../services/payments"),
    import("../services/order-status"),
  ]);
  return { rfqs, quotes, milestones, plans, files, reviews, payments, status };
}

/** An RFQ of one line (the brand's first ring design across its sizes) to one workshop, quoted and accepted, then planned as placed on `placedOn`. */
async function placeOrder(s: Services, db: Db, brand: DemoParty, workshop: Actor, opts: { title: string; placedOn: IsoDate; leadTimeDays: number; unitMajor: number }): Promise<Order | null> {
  const [ring] = await db
    .select({ id: designRevisions.id, spec: designRevisions.spec })
    .from(designRevisions)
    .innerJoin(designs, eq(designs.id, designRevisions.designId))
    .where(and(eq(designRevisions.orgId, brand.orgId), eq(designRevisions.status, "approved"), eq(designs.category, "ring")))
    .orderBy(asc(designs.name), asc(designRevisions.number))
    .limit(1);
  if (!ring) return null;
  const sizes = s.rfqs.sizesOf(ring.spec).slice(0, 4);
  const today = todayIn(brand.timeZone);
  const rfq = await s.rfqs.createRfq(db, brand, {
    title: opts.title,
    currency: brand.currency,
    targetDate: addDays(today, 120),
    deadline: addDays(today, 10),
    notes: "",
    attachmentFileIds: [],
    lines: [{ revisionId: ring.id, sizes: sizes.map((size) => ({ size, quantity: 4 })) }],
  });
  await s.rfqs.inviteWorkshops(db, brand, { rfqId: rfq.id, workshopOrgIds: [workshop.orgId] });
  await s.rfqs.sendRfq(db, brand, { rfqId: rfq.id });
  const [line] = await db.select().from(rfqLines).where(eq(rfqLines.rfqId, rfq.id));
  const [inv] = await db.select().from(rfqInvitations).where(eq(rfqInvitations.rfqId, rfq.id));
  if (!line || !inv) return null;
  const draft = await s.quotes.saveQuoteDraft(db, workshop, {
    invitationId: inv.id,
    pricing: {
      currency: brand.currency,
      depositPercent: 30,
      bundle: null,
      lines: [{ lineId: line.id, moq: 10, tiers: [{ minQuantity: 10, unitPriceMinor: opts.unitMajor * 100 }], sizeSurcharges: [], fees: [] }],
    },
    terms: { leadTimeDays: opts.leadTimeDays, paymentTerms: "balance_before_shipping", balanceMilestone: "", validUntil: addDays(today, 30), notes: "", attachmentFileIds: [] },
  });
  const quote = await s.quotes.sendQuote(db, workshop, { quoteVersionId: draft.id });
  const order = await s.quotes.acceptQuote(db, brand, { quoteVersionId: quote.id, quantities: { [line.id]: Object.fromEntries(sizes.map((size) => [size, 4])) } });
  // Placed in the past: the order's day and its plan from that day, as the accept would have made them then.
  const placed = { ...order, createdAt: at(opts.placedOn) };
  await db.update(orders).set({ createdAt: placed.createdAt }).where(eq(orders.id, order.id));
  await db.delete(orderPlans).where(eq(orderPlans.orderId, order.id));
  await withOrg(db, brand.orgId, (tx) => s.plans.createMilestonePlan(tx, placed));
  return placed;
}

/** Moves an order's milestones along its script, each change on its day, never past today. */
async function play(s: Services, db: Db, calendar: LoadedCalendar, order: Order, brand: Actor, workshop: Actor, today: IsoDate, script: Script) {
  const milestonesNow = () => db.select().from(orderMilestones).where(eq(orderMilestones.orderId, order.id)).orderBy(asc(orderMilestones.position));
  const photo = async (kind: DemoPieceKind, seed: number) => {
    const bytes = await demoImage({ kind, metal: "gold_18k", withStone: kind === "ring", seed, size: 320 });
    const file = await s.files.storeUpload(db, { orgId: workshop.orgId, userId: workshop.userId, purpose: "milestone_photo", fileName: `${kind}-bench-${seed}.png`, bytes });
    return [file.id];
  };
  const change = (side: "brand" | "workshop", action: "start" | "complete" | "approve" | "request_changes", milestoneId: string, day: IsoDate, note = "", photoFileIds: string[] = []) =>
    s.milestones.changeMilestone(db, side === "brand" ? brand : workshop, side, action, { milestoneId, note, photoFileIds }, at(day));
  const shipping = async (fields: { shippedOn?: IsoDate; customsClearedOn?: IsoDate; deliveredOn?: IsoDate }, day: IsoDate) => {
    const [plan] = await db.select().from(orderPlans).where(eq(orderPlans.orderId, order.id));
    await s.milestones.updateShipping(
      db,
      workshop,
      {
        orderId: order.id,
        carrier: "DHL Express",
        trackingNumber: `JD0146${String(order.seq).padStart(4, "0")}`,
        shippedOn: fields.shippedOn ?? plan!.shippedOn,
        customsEnteredOn: plan!.customsEnteredOn,
        customsClearedOn: fields.customsClearedOn ?? plan!.customsClearedOn,
        deliveredOn: fields.deliveredOn ?? plan!.deliveredOn,
      },
      at(day),
    );
  };
  let seed = order.seq * 7;
  for (const m of await milestonesNow()) {
    const slip = m.key ? script.done[m.key] : undefined;
    if (!slip) {
      if (script.started && m.key === script.started.key) {
        const startedPhoto = script.started.photo ? await photo(script.started.photo, seed++) : [];
        await change("workshop", "start", m.id, today, script.started.note, startedPhoto);
      }
      break;
    }
    // The day it is done: its current forecast (earlier slips included) plus its own slip, never after today.
    const current = (await milestonesNow()).find((x) => x.id === m.id)!;
    let day = addBusinessDays(calendar, current.forecastDate, slip.days ?? 0);
    if (day > today) day = today;
    const photoIds = slip.photo ? await photo(slip.photo, seed++) : [];
    if (m.key === "deposit_received") {
      await s.milestones.recordBankTransfer(db, workshop, { orderId: order.id, receivedOn: day, reference: `SEPA ${order.year}-${order.seq}` }, at(day));
      continue;
    }
    if (m.needsApproval) {
      await change("workshop", "complete", m.id, day, slip.note ?? "Ready for your approval.", photoIds);
      if (slip.changes) {
        const asked = addBusinessDays(calendar, day, 1) > today ? today : addBusinessDays(calendar, day, 1);
        await change("brand", "request_changes", m.id, asked, slip.changes);
        const again = addBusinessDays(calendar, asked, 2) > today ? today : addBusinessDays(calendar, asked, 2);
        await change("workshop", "complete", m.id, again, "Changed as asked.", slip.photo ? await photo(slip.photo, seed++) : []);
        day = again;
      }
      await change("brand", "approve", m.id, day, "Approved.");
      continue;
    }
    if (m.key === "shipped") {
      // The balance first, by bank transfer: sent by the brand and confirmed by the workshop that day.
      const [balance] = await db.select().from(payments).where(and(eq(payments.orderId, order.id), eq(payments.kind, "balance")));
      if (balance && balance.status !== "paid") {
        await s.payments.markTransferSent(db, brand, { paymentId: balance.id, reference: `SEPA ${order.year}-${order.seq} balance` }, at(day));
        await s.payments.confirmTransferReceived(db, workshop, { paymentId: balance.id, receivedOn: day }, at(day));
      }
    }
    await change("workshop", "complete", m.id, day, slip.note ?? "", photoIds);
    if (m.key === "shipped") await shipping({ shippedOn: day }, day);
    if (m.key === "customs_cleared") await shipping({ customsClearedOn: day }, day);
    if (m.key === "delivered") await shipping({ deliveredOn: day }, day);
  }
}

const ALL_ON_TIME: Script["done"] = {
  deposit_received: {},
  cad_approved: {},
  materials_sourced: {},
  casting: { photo: "ring", note: "Cast and cleaned." },
  stone_setting: {},
  polishing_and_finishing: {},
  quality_check: { photo: "ring", note: "Every piece weighed, hallmarked and photographed." },
  shipped: {},
  customs_cleared: {},
  delivered: {},
};

/**
 * The demo orders between the demo brands and workshops. `brands` are Maison Lune and Studio Sable (as
 * their owners), `workshops` Atelier Oro and Jaipur Gemworks (as theirs). Returns how many orders it made.
 */
export async function seedDemoOrders(db: Db, brands: DemoParty[], workshops: Actor[]): Promise<number> {
  const [lune, sable] = brands;
  const [oro, jaipur] = workshops;
  if (!lune || !sable || !oro || !jaipur) return 0;
  const s = await loadServices();
  const today = todayIn("Europe/Rome");
  const calendars = new Map<string, LoadedCalendar>();
  const calendarOf = async (orgId: string) => {
    let c = calendars.get(orgId);
    if (!c) {
      c = await loadProductionCalendar(db, orgId, addDays(today, -200));
      calendars.set(orgId, c);
    }
    return c;
  };
  let made = 0;
  const run = async (brand: DemoParty, workshop: Actor, title: string, daysAgo: number, leadTimeDays: number, script: Script) => {
    const order = await placeOrder(s, db, brand, workshop, { title, placedOn: addDays(today, -daysAgo), leadTimeDays, unitMajor: 90 });
    if (!order) return null;
    await play(s, db, await calendarOf(workshop.orgId), order, brand, workshop, today, script);
    made++;
    return order;
  };

  // Awaiting deposit: placed two days ago.
  await run(lune, oro, "Signet ring restock", 2, 32, { done: {} });
  // In production, on time: deposit and CAD on plan, materials being sourced.
  await run(lune, jaipur, "Engraved rings for the autumn window", 12, 40, {
    done: { deposit_received: {}, cad_approved: { photo: "ring" } },
    started: { key: "materials_sourced", note: "Gold ordered from the refiner." },
  });
  // In production and at risk: CAD late and sent back once, materials late; casting under way.
  await run(lune, oro, "Wedding bands, bridal capsule", 34, 32, {
    done: { deposit_received: {}, cad_approved: { days: 2, changes: "Please widen the band to 4 mm.", photo: "ring" }, materials_sourced: { days: 3, note: "The recycled gold came a few days late." } },
    started: { key: "casting", photo: "ring", note: "Trees cast this morning." },
  });
  // Shipped: through the quality check with a slip at stone setting; on its way.
  await run(lune, oro, "Stacking rings, summer drop", 45, 32, {
    done: { ...ALL_ON_TIME, stone_setting: { days: 2, note: "Two stones reset after inspection." }, customs_cleared: undefined, delivered: undefined },
  });
  // Delivered late (the quality check sent back once), reviewed and answered below.
  const reviewed = await run(lune, oro, "Signet rings, first collection", 75, 32, {
    done: { ...ALL_ON_TIME, quality_check: { photo: "ring", changes: "Two pieces show polishing marks inside the band." }, customs_cleared: { days: 1 } },
  });
  // Closed: delivered on time long ago and closed.
  const closed = await run(sable, jaipur, "Cocktail rings, holiday edition", 150, 40, { done: ALL_ON_TIME });
  // Cancelled: deposit received, then called off.
  const cancelled = await run(sable, oro, "Pinky rings, trial run", 25, 32, { done: { deposit_received: {} } });

  // Through the order's own rules: the brand's owner closes the delivered order and calls off the other.
  if (closed) await s.status.closeOrder(db, sable, { orderId: closed.id }, at(addDays(today, -30)));
  if (cancelled) await s.status.cancelOrder(db, sable, { orderId: cancelled.id, reason: "The trial run is off: the collection moved to next season." }, at(addDays(today, -10)));
  if (reviewed) {
    const [plan] = await db.select({ deliveredOn: orderPlans.deliveredOn }).from(orderPlans).where(eq(orderPlans.orderId, reviewed.id));
    if (plan?.deliveredOn) {
      const reviewDay = addDays(plan.deliveredOn, 2) > today ? today : addDays(plan.deliveredOn, 2);
      await s.reviews.leaveReview(
        db,
        lune,
        {
          orderId: reviewed.id,
          quality: 5,
          communication: 4,
          timeliness: 3,
          body: "Beautifully cast and set; the photos at every step made approvals easy. Two rings needed a second polish and the parcel arrived a few days after the promise.",
        },
        at(reviewDay),
      );
      await s.reviews.answerReview(
        db,
        oro,
        { orderId: reviewed.id, answer: "Thank you, Maison Lune. We have added a loupe check inside the band to our quality step, so it will not happen again." },
        at(addDays(reviewDay, 1) > today ? today : addDays(reviewDay, 1)),
      );
    }
  }
  return made;
}
