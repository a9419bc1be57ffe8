import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../db/client";
import { withOrg } from "../db/tenant";
import { organizations, sampleEvaluations, sampleRequests, type Organization } from "../db/schema";
import { can, type Permission, type Role } from "~/lib/permissions";
import { sampleNumberLabel, todayIn } from "~/lib/sample-request-schemas";
import { brandSampleHref, workshopSampleHref } from "./sample-requests";

/** The portal section a to-do belongs to; the navigation shows each section's count. */
export type InboxSection = "samples";

export type InboxItem = {
  key: string;
  section: InboxSection;
  title: string;
  description: string;
  href: string;
  /** The day it is due (YYYY-MM-DD, on the organization's calendar), when there is one. */
  due: string | null;
  overdue: boolean;
  /** Since when it has been waiting on this organization. */
  since: Date;
};

export type Inbox = { items: InboxItem[]; counts: Record<InboxSection, number> };

/** The most to-dos the dashboard lists; the counts are always complete. */
export const INBOX_LIMIT = 50;

type Candidate = Omit<InboxItem, "overdue"> & { permission: Permission };

const clip = (text: string, max = 120) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * What waits on this organization today, for a member of the given role: only the to-dos that role may
 * do (one permission map), those with a due date first, the earliest first, then the longest waiting.
 */
export async function getInbox(db: Db, org: Organization, role: Role): Promise<Inbox> {
  const other = alias(organizations, "other");
  const candidates = await withOrg(db, org.id, async (tx): Promise<Candidate[]> => {
    if (org.kind === "workshop") {
      const rows = await tx
        .select({
          id: sampleRequests.id,
          number: sampleRequests.number,
          workshopNumber: sampleRequests.workshopNumber,
          status: sampleRequests.status,
          description: sampleRequests.description,
          quantity: sampleRequests.quantity,
          expectedShipDate: sampleRequests.expectedShipDate,
          createdAt: sampleRequests.createdAt,
          respondedAt: sampleRequests.respondedAt,
          brand: other.name,
        })
        .from(sampleRequests)
        .innerJoin(other, eq(other.id, sampleRequests.brandOrgId))
        .where(and(eq(sampleRequests.workshopOrgId, org.id), inArray(sampleRequests.status, ["requested", "accepted"])))
        .orderBy(asc(sampleRequests.createdAt));
      return rows.map((r) => {
        const ref = `${r.brand} ${sampleNumberLabel(r.number)}`;
        const href = workshopSampleHref(org.slug, r.workshopNumber);
        return r.status === "requested"
          ? { key: `sample-answer:${r.id}`, section: "samples", permission: "samples.respond", title: `Answer the sample request ${ref}`, description: clip(`${r.quantity} × ${r.description}`), href, due: null, since: r.createdAt }
          : {
              key: `sample-ship:${r.id}`,
              section: "samples",
              permission: "samples.respond",
              title: `Ship the sample ${ref}`,
              description: clip(`${r.quantity} × ${r.description}`),
              href,
              due: r.expectedShipDate,
              since: r.respondedAt ?? r.createdAt,
            };
      });
    }
    const rows = await tx
      .select({
        id: sampleRequests.id,
        number: sampleRequests.number,
        status: sampleRequests.status,
        description: sampleRequests.description,
        carrier: sampleRequests.carrier,
        trackingNumber: sampleRequests.trackingNumber,
        shippedAt: sampleRequests.shippedAt,
        receivedAt: sampleRequests.receivedAt,
        updatedAt: sampleRequests.updatedAt,
        workshop: other.name,
      })
      .from(sampleRequests)
      .innerJoin(other, eq(other.id, sampleRequests.workshopOrgId))
      .leftJoin(sampleEvaluations, and(eq(sampleEvaluations.sampleRequestId, sampleRequests.id), eq(sampleEvaluations.brandOrgId, org.id)))
      .where(and(eq(sampleRequests.brandOrgId, org.id), inArray(sampleRequests.status, ["shipped", "received"]), isNull(sampleEvaluations.sampleRequestId)))
      .orderBy(asc(sampleRequests.updatedAt));
    return rows.map((r) => {
      const ref = sampleNumberLabel(r.number);
      const href = brandSampleHref(org.slug, r.number);
      return r.status === "shipped"
        ? {
            key: `sample-receive:${r.id}`,
            section: "samples",
            permission: "samples.request",
            title: `Confirm you received sample ${ref} from ${r.workshop}`,
            description: clip(r.carrier ? `Shipped with ${r.carrier}, tracking ${r.trackingNumber ?? "—"}` : r.description),
            href,
            due: null,
            since: r.shippedAt ?? r.updatedAt,
          }
        : {
            key: `sample-evaluate:${r.id}`,
            section: "samples",
            permission: "samples.evaluate",
            title: `Evaluate sample ${ref} from ${r.workshop}`,
            description: clip(`Score quality, finish and communication of ${r.description}. Only your team sees it.`),
            href,
            due: null,
            since: r.receivedAt ?? r.updatedAt,
          };
    });
  });

  const today = todayIn(org.timeZone);
  const mine = candidates
    .filter((c) => can(role, c.permission))
    .sort((a, b) => (a.due && b.due ? a.due.localeCompare(b.due) : a.due ? -1 : b.due ? 1 : 0) || a.since.getTime() - b.since.getTime())
    .map(({ permission: _permission, ...item }) => ({ ...item, overdue: item.due !== null && item.due < today }));
  const counts: Record<InboxSection, number> = { samples: 0 };
  for (const item of mine) counts[item.section]++;
  return { items: mine.slice(0, INBOX_LIMIT), counts };
}
