import { and, count, eq, gt, inArray, min, sql } from "drizzle-orm";
import { EMAIL_SENDS_PER_HOUR, type EmailCampaignCustomersInput } from "~/lib/preorder-dashboard-schemas";
import { PREORDER_RESERVATION_STATUSES, type PreorderReservationStatus } from "~/lib/preorder-vocabulary";
import type { Db, Queryable } from "../db/client";
import { events, preorderCampaigns, preorderReservations } from "../db/schema";
import { withOrg } from "../db/tenant";
import { AppError } from "../errors";
import { recordEvent } from "./events";
import type { Actor } from "./members";
import { campaignNotFound } from "./preorder-campaigns";
import { emailReservationCustomers } from "./preorder-reservations";

/**
 * The brand's message to a campaign's customers, from the dashboard: one email per reservation in the
 * chosen statuses, through the outbox in one transaction with the activity-log entry. Customers' names
 * and emails are the brand's alone, so this runs as the brand and only on the brand's own campaign.
 *
 * Against a mistaken double click or a brand spamming its list, a campaign's customers can be emailed
 * EMAIL_SENDS_PER_HOUR times in a sliding hour. The log entries are the count, so nothing else is stored;
 * sends of one campaign take turns (a transaction-scoped advisory lock, not the campaign's row, which
 * reservations update), so two sends at once cannot both pass the last free slot.
 */

const HOUR = 3_600_000;
const ACTION = "preorder_campaign.customers_emailed";

async function brandCampaign(tx: Queryable, brandOrgId: string, campaignId: string) {
  const [c] = await tx
    .select({ id: preorderCampaigns.id, title: preorderCampaigns.title })
    .from(preorderCampaigns)
    .where(and(eq(preorderCampaigns.id, campaignId), eq(preorderCampaigns.brandOrgId, brandOrgId)));
  if (!c) throw campaignNotFound();
  return c;
}

/** How many of the campaign's reservations are in each status: who an email would reach. */
export async function reservationsByStatus(tx: Queryable, brandOrgId: string, campaignId: string): Promise<Record<PreorderReservationStatus, number>> {
  const rows = await tx
    .select({ status: preorderReservations.status, n: count() })
    .from(preorderReservations)
    .where(and(eq(preorderReservations.campaignId, campaignId), eq(preorderReservations.brandOrgId, brandOrgId)))
    .groupBy(preorderReservations.status);
  const out = Object.fromEntries(PREORDER_RESERVATION_STATUSES.map((s) => [s, 0])) as Record<PreorderReservationStatus, number>;
  for (const r of rows) out[r.status] = r.n;
  return out;
}

/** The counts by status of the brand's campaign, for the email dialog's "sends to N customers". */
export async function campaignAudience(db: Db, brandOrgId: string, campaignId: string) {
  return withOrg(db, brandOrgId, async (tx) => {
    const c = await brandCampaign(tx, brandOrgId, campaignId);
    return reservationsByStatus(tx, brandOrgId, c.id);
  });
}

export async function emailCampaignCustomers(db: Db, actor: Actor, input: EmailCampaignCustomersInput, now = new Date()): Promise<{ campaignId: string; sent: number; sendsLeftThisHour: number }> {
  return withOrg(db, actor.orgId, async (tx) => {
    const c = await brandCampaign(tx, actor.orgId, input.campaignId);
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`preorder-email:${c.id}`}))`);

    const since = new Date(now.getTime() - HOUR);
    const [recent] = await tx
      .select({ n: count(), oldest: min(events.createdAt) })
      .from(events)
      .where(and(eq(events.orgId, actor.orgId), eq(events.subjectId, c.id), eq(events.action, ACTION), gt(events.createdAt, since)));
    const sends = recent?.n ?? 0;
    if (sends >= EMAIL_SENDS_PER_HOUR) {
      const freeAt = new Date(recent?.oldest ?? now).getTime() + HOUR;
      const minutes = Math.max(1, Math.ceil((freeAt - now.getTime()) / 60_000));
      throw new AppError(
        "TOO_MANY_REQUESTS",
        `This campaign's customers were emailed ${EMAIL_SENDS_PER_HOUR} times in the last hour, the most we send. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      );
    }

    const [reached] = await tx
      .select({ n: count() })
      .from(preorderReservations)
      .where(and(eq(preorderReservations.campaignId, c.id), eq(preorderReservations.brandOrgId, actor.orgId), inArray(preorderReservations.status, input.statuses)));
    if (!reached?.n) throw new AppError("BAD_REQUEST", "No reservation is in the statuses you chose, so there is no one to email.", "statuses");

    const sent = await emailReservationCustomers(tx, { campaignId: c.id, subject: input.subject, body: input.body, statuses: input.statuses });
    await recordEvent(tx, {
      orgId: actor.orgId,
      actorId: actor.userId,
      action: ACTION,
      subjectType: "preorder_campaign",
      subjectId: c.id,
      data: { title: c.title, subject: input.subject, recipients: sent },
    });
    return { campaignId: c.id, sent, sendsLeftThisHour: EMAIL_SENDS_PER_HOUR - sends - 1 };
  });
}
