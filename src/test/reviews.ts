import { eq } from "drizzle-orm";
import type { Db } from "~/server/db/client";
import { orderPlans } from "~/server/db/schema";
import { acceptQuote } from "~/server/services/quotes";
import { updateShipping } from "~/server/services/milestones";
import type { Fixture } from "./fixtures";
import { planOrder } from "./milestones";
import { sentQuote, sentRfq } from "./rfqs";
import { actorOf } from "./vetting";

/** Test data for reviews and the record: orders between the fixture's parties, placed and delivered on given days. */

/** 10:00 in Rome on a day. */
export const atRome = (day: string) => new Date(`${day}T08:00:00Z`);

/**
 * An order of the fixture's brand with its workshop (a ring and a pendant, 30 business days), planned as
 * placed on Monday 1 March 2027: delivery promised on Tuesday 13 April 2027 (Easter Monday skipped).
 */
export async function orderPlacedOn1March2027(db: Db, f: Fixture) {
  const r = await sentRfq(db, f.brand, [f.workshop]);
  const quote = await sentQuote(db, f.workshop, r.invitationOf(f.workshop).id, { ring: r.ringLine.id, pendant: r.pendantLine.id });
  const order = await acceptQuote(db, actorOf(f.brand), {
    quoteVersionId: quote.id,
    quantities: { [r.ringLine.id]: { "5": 2, "6": 3, "7": 3, "8": 2, "9": 2 }, [r.pendantLine.id]: { "One size": 12 } },
  });
  const { milestones } = await planOrder(db, { ...order, createdAt: atRome("2027-03-01") });
  return { order, milestoneId: (key: string) => milestones.find((m) => m.key === key)!.id };
}

/** The workshop records the delivery of an order on a day, through the shipping service, as on that day. */
export async function deliverOn(db: Db, f: Fixture, orderId: string, day: string) {
  await updateShipping(
    db,
    actorOf(f.workshop),
    { orderId, carrier: "DHL Express", trackingNumber: "JD014600", shippedOn: null, customsEnteredOn: null, customsClearedOn: null, deliveredOn: day },
    atRome(day),
  );
  return (await db.select().from(orderPlans).where(eq(orderPlans.orderId, orderId)))[0]!;
}

/** An order placed on 1 March 2027 and delivered on a day. */
export async function deliveredOrder(db: Db, f: Fixture, deliveredOn = "2027-04-12") {
  const placed = await orderPlacedOn1March2027(db, f);
  await deliverOn(db, f, placed.order.id, deliveredOn);
  return placed;
}
