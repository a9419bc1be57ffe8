import { inArray } from "drizzle-orm";
import type { Tx } from "../db/client";
import { asCounterparty } from "../db/tenant";
import { designRevisionShares, organizations, type Rfq } from "../db/schema";
import { AppError } from "../errors";
import type { EventAction, EventPayloads } from "~/lib/events";
import type { NotificationKind } from "~/lib/notifications";
import { rfqNumberLabel } from "~/lib/rfq-schemas";
import { recordEvent } from "./events";
import type { Actor } from "./members";
import { notify } from "./notifications";

/** Shared by the RFQ, quote and message services: addresses, lookups, and what a change leaves behind. */

export const rfqNotFound = () => new AppError("NOT_FOUND", "That request for quote was not found.");
export const quoteNotFound = () => new AppError("NOT_FOUND", "That quote was not found.");

export const brandRfqHref = (brandSlug: string, number: number) => `/brand/${brandSlug}/rfqs/${number}`;
export const brandCompareHref = (brandSlug: string, number: number) => `/brand/${brandSlug}/rfqs/${number}/compare`;
/** A workshop knows an RFQ by its own invitation. */
export const workshopRfqHref = (workshopSlug: string, invitationId: string) => `/workshop/${workshopSlug}/rfqs/${invitationId}`;
export const orderHref = (kind: "brand" | "workshop", slug: string, orderId: string) => `/${kind}/${slug}/orders/${orderId}`;
/** The workshop's bench page of an order: its current milestone, reported done with a photo in three taps from here. */
export const benchHref = (workshopSlug: string, orderId: string) => `/workshop/${workshopSlug}/orders/${orderId}/bench`;

export type OrgRef = { id: string; name: string; slug: string; timeZone: string };

export async function orgsById(tx: Tx, ids: string[]): Promise<Map<string, OrgRef>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: organizations.id, name: organizations.name, slug: organizations.slug, timeZone: organizations.timeZone })
    .from(organizations)
    .where(inArray(organizations.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function orgRef(tx: Tx, id: string): Promise<OrgRef> {
  const found = (await orgsById(tx, [id])).get(id);
  if (!found) throw new Error(`organization ${id} is not visible here`);
  return found;
}

export const rfqRef = (rfq: Pick<Rfq, "number" | "title">, brand: string, workshop?: string) => ({ number: rfq.number, title: rfq.title, brand, ...(workshop ? { workshop } : {}) });
export const rfqLabel = (rfq: Pick<Rfq, "number" | "title">) => `${rfqNumberLabel(rfq.number)} ${rfq.title}`;

type Counterpart<A extends EventAction> = {
  action: A;
  data: EventPayloads[A];
  subjectType: string;
  subjectId: string;
  notification: { kind: NotificationKind; title: string; body?: string; href: string };
};

/**
 * The other party's log entry and notification, written as that party inside the change's transaction
 * (its emails are jobs enqueued in it, so a rollback sends nothing).
 */
export async function tellCounterparty<A extends EventAction>(tx: Tx, actor: Actor, otherOrgId: string, c: Counterpart<A>) {
  await asCounterparty(tx, actor.orgId, otherOrgId, async () => {
    await recordEvent(tx, { orgId: otherOrgId, actorId: actor.userId, action: c.action, subjectType: c.subjectType, subjectId: c.subjectId, data: c.data } as never);
    await notify(tx, { orgId: otherOrgId, ...c.notification, actorId: actor.userId });
  });
}

export async function recordOwn<A extends EventAction>(tx: Tx, actor: Actor, action: A, subjectType: string, subjectId: string, data: EventPayloads[A]) {
  await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action, subjectType, subjectId, data } as never);
}

/**
 * Shares the approved revisions with a workshop (the designs' sharing rule: the workshop then reads the
 * revision, its files, its design and its collection's style guide). Written by the brand.
 */
export async function shareRevisions(tx: Tx, brandOrgId: string, workshopOrgId: string, revisionIds: string[]) {
  if (revisionIds.length === 0) return;
  await tx
    .insert(designRevisionShares)
    .values([...new Set(revisionIds)].map((revisionId) => ({ brandOrgId, workshopOrgId, revisionId })))
    .onConflictDoNothing({ target: [designRevisionShares.revisionId, designRevisionShares.workshopOrgId] });
}

/** The instant a date ends in a time zone: midnight at the start of the next day there. */
export function endOfDayIn(isoDate: string, timeZone: string): Date {
  const next = new Date(`${isoDate}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const target = next.getTime();
  let guess = target;
  // Two passes settle the zone's offset at that instant (also across a DST change).
  for (let i = 0; i < 2; i++) guess = target - offsetMs(new Date(guess), timeZone);
  return new Date(guess);
}

function offsetMs(at: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return local - Math.floor(at.getTime() / 1000) * 1000;
}
