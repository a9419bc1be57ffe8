import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Queryable, Tx } from "../db/client";
import { preorderCampaigns, preorderReservations, type PreorderCampaign } from "../db/schema";
import { asCounterparty } from "../db/tenant";
import { formatMoney } from "~/lib/money";
import { enqueueEmail } from "./email";
import { emailReservationCustomers } from "./preorder-reservations";
import { businessDaysBetween, type IsoDate, type LoadedCalendar } from "./production-calendar";

/**
 * What a linked order's production does to its preorder campaigns: the live delivery date follows the
 * order's forecast, customers are told when it moves by more than the campaign's N business days (in the
 * workshop's calendar) from the date they were last told, and when the order ships each customer is told
 * their piece ships and a deposit's balance becomes due.
 *
 * These run inside the order's transaction, which is bound to whoever changed the order (usually the
 * workshop). A campaign and its reservations are the brand's rows, so the writes switch to the brand for
 * their duration (`asCounterparty`) — the workshop itself never reads a customer.
 */

const LIVE = ["published", "completed"] as const;

async function asBrand<T>(tx: Queryable, actorOrgId: string, brandOrgId: string, fn: () => Promise<T>): Promise<T> {
  return actorOrgId === brandOrgId ? fn() : asCounterparty(tx, actorOrgId, brandOrgId, fn);
}

/** Business days between two dates in the calendar, whichever comes first. */
export function businessDaysApart(calendar: LoadedCalendar, a: IsoDate, b: IsoDate): number {
  return a <= b ? businessDaysBetween(calendar, a, b) : businessDaysBetween(calendar, b, a);
}

/**
 * Writes the forecast on one campaign (locked by the caller or not yet shown anywhere). When it is more
 * than `notifyAfterBusinessDays` business days from the date customers were last told (the announced
 * date, or the expected delivery stated before any order), every paid customer is emailed and that date
 * becomes the announced one. Returns how many customers were told.
 */
export async function applyForecast(tx: Tx, c: PreorderCampaign, forecast: IsoDate, calendar: LoadedCalendar, now = new Date()): Promise<number> {
  const announced = c.announcedDeliveryOn ?? c.expectedDeliveryOn;
  const moved = businessDaysApart(calendar, announced, forecast);
  const tell = moved > c.notifyAfterBusinessDays;
  if (!tell && c.forecastDeliveryOn === forecast) return 0;
  let told = 0;
  if (tell) {
    const later = forecast > announced;
    told = await emailReservationCustomers(tx, {
      campaignId: c.id,
      subject: `${c.title}: your piece is now expected on ${forecast}`,
      body: `The workshop's production of “${c.title}” moved ${later ? "later" : "earlier"}: your piece is now expected on ${forecast} (we last told you ${announced}).\n\nYour reservation page — the link in your confirmation email — always shows the live date.`,
    });
  }
  await tx
    .update(preorderCampaigns)
    .set({ forecastDeliveryOn: forecast, ...(tell ? { announcedDeliveryOn: forecast } : {}), updatedAt: now })
    .where(and(eq(preorderCampaigns.id, c.id), eq(preorderCampaigns.brandOrgId, c.brandOrgId)));
  return told;
}

/**
 * After an order's re-forecast (same transaction): every live campaign linked to it takes the new
 * forecast. `calendar` is the workshop's, as the re-forecast loaded it.
 */
export async function campaignsFollowForecast(
  tx: Tx,
  input: { orderId: string; brandOrgId: string; actorOrgId: string; forecastDeliveryDate: IsoDate; calendar: LoadedCalendar },
  now = new Date(),
): Promise<number> {
  return asBrand(tx, input.actorOrgId, input.brandOrgId, async () => {
    const linked = await tx
      .select()
      .from(preorderCampaigns)
      .where(and(eq(preorderCampaigns.orderId, input.orderId), eq(preorderCampaigns.brandOrgId, input.brandOrgId), inArray(preorderCampaigns.status, [...LIVE])))
      .for("update");
    let told = 0;
    for (const c of linked) told += await applyForecast(tx, c, input.forecastDeliveryDate, input.calendar, now);
    return told;
  });
}

/**
 * The linked order shipped (same transaction): each paid customer not told yet is emailed that their
 * piece ships; a deposit reservation's balance becomes due, and the email sends them to their reservation
 * page, where "Pay the balance" opens its payment. Told once per reservation.
 */
export async function campaignsOrderShipped(tx: Tx, input: { orderId: string; brandOrgId: string; actorOrgId: string }, now = new Date()): Promise<number> {
  return asBrand(tx, input.actorOrgId, input.brandOrgId, async () => {
    const linked = await tx
      .select()
      .from(preorderCampaigns)
      .where(and(eq(preorderCampaigns.orderId, input.orderId), eq(preorderCampaigns.brandOrgId, input.brandOrgId), inArray(preorderCampaigns.status, [...LIVE])));
    let told = 0;
    for (const c of linked) {
      const paid = await tx
        .select()
        .from(preorderReservations)
        .where(and(eq(preorderReservations.campaignId, c.id), eq(preorderReservations.brandOrgId, c.brandOrgId), eq(preorderReservations.status, "paid"), isNull(preorderReservations.shippedNoticeAt)))
        .for("update");
      for (const r of paid) {
        const balanceDue = r.balanceMinor > 0 && (r.balanceStatus === "none" || r.balanceStatus === "not_due");
        const balance = formatMoney({ amountMinor: r.balanceMinor, currency: r.currency });
        const text = [
          `Hello ${r.customerName},`,
          `Your ${c.title} (reservation ${r.reference}, ${r.quantity} × size ${r.size || "one size"}) ships: the workshop has sent the production on its way.`,
          balanceDue
            ? `The balance of ${balance} is now due. Open your reservation page — the link in your confirmation email — and choose "Pay the balance" to pay it by card.`
            : "There is nothing left to pay.",
        ].join("\n\n");
        await enqueueEmail(tx, { to: r.customerEmail, subject: balanceDue ? `Your ${c.title} ships: the balance of ${balance} is due` : `Your ${c.title} ships`, text });
        await tx
          .update(preorderReservations)
          .set({ shippedNoticeAt: now, ...(balanceDue ? { balanceStatus: "due" as const } : {}), updatedAt: now })
          .where(and(eq(preorderReservations.id, r.id), eq(preorderReservations.brandOrgId, c.brandOrgId)));
        told++;
      }
    }
    return told;
  });
}
