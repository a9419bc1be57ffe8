import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { preorderReservations } from "../db/schema";
import { withOrg } from "../db/tenant";
import type { Actor } from "./members";
import { refundReservation, reservationNotFound, type RefundStatus } from "./preorder-reservations";

type StripeArg = Parameters<typeof refundReservation>[3];

/**
 * The dashboard's refund of one reservation: it must be of this campaign and this brand (else NOT_FOUND,
 * whoever's it is), then everything paid is refunded (a held one cancelled) and the customer emailed with
 * the reason, by the one refund path of reservations. The permission (`preorders.refund`) is the router's.
 */
export async function refundCampaignReservation(
  db: Db,
  actor: Actor,
  input: { campaignId: string; reservationId: string; reason: string },
  now = new Date(),
  stripe?: StripeArg,
): Promise<{ campaignId: string; reservationId: string; status: RefundStatus }> {
  const found = await withOrg(db, actor.orgId, async (tx) => {
    const [r] = await tx
      .select({ id: preorderReservations.id })
      .from(preorderReservations)
      .where(and(eq(preorderReservations.id, input.reservationId), eq(preorderReservations.campaignId, input.campaignId), eq(preorderReservations.brandOrgId, actor.orgId)));
    return r ?? null;
  });
  if (!found) throw reservationNotFound();
  const args = [db, { brandOrgId: actor.orgId, userId: actor.userId, reservationId: found.id, reason: input.reason }, now] as const;
  const { status } = stripe === undefined ? await refundReservation(...args) : await refundReservation(...args, stripe);
  return { campaignId: input.campaignId, reservationId: found.id, status };
}
