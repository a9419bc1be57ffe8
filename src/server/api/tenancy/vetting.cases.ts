import { asc, eq, inArray, or } from "drizzle-orm";
import type { Fixture, OrgFixture } from "~/test/fixtures";
import type { TenancyCase, TenancyCaseContext } from "~/test/tenancy";
import { actorOf, publishWorkshop } from "~/test/vetting";
import { todayIn } from "~/lib/sample-request-schemas";
import type { Db } from "../../db/client";
import { events, notificationRecipients, notifications, sampleEvaluations, sampleRequests, sampleRequestUpdates, shortlistEntries } from "../../db/schema";
import { acceptSampleRequest, createSampleRequest, markSampleReceived, shipSampleRequest } from "../../services/sample-requests";
import { addToShortlist } from "../../services/shortlist";
import { notify } from "../../services/notifications";

/**
 * Shortlists, sample requests and notifications. Inputs that name a row (an entry, a request) create it
 * between the brand and the workshop of the target's fixture, so a refusal is about who asks, not about
 * a row that does not exist. For a target of the wrong kind, the row is the one of its fixture's pair.
 */
const brandOf = (t: OrgFixture, f: Fixture) => (t.org.kind === "brand" ? t : f.brand);
const workshopOf = (t: OrgFixture, f: Fixture) => (t.org.kind === "workshop" ? t : f.workshop);

/** Memoizes a row per fixture pair, separately for each case (a success may change or remove it). */
function perPair<T>(make: (brand: OrgFixture, workshop: OrgFixture) => Promise<T>) {
  const made = new Map<string, Promise<T>>();
  return (t: OrgFixture, f: Fixture) => {
    const brand = brandOf(t, f);
    const workshop = workshopOf(t, f);
    const key = `${brand.org.id}:${workshop.org.id}`;
    if (!made.has(key)) made.set(key, make(brand, workshop));
    return made.get(key)!;
  };
}

const published = new Set<string>();
async function publishedWorkshopOf(db: Db, t: OrgFixture, f: Fixture) {
  const workshop = workshopOf(t, f);
  if (!published.has(workshop.org.id)) {
    await publishWorkshop(db, workshop);
    published.add(workshop.org.id);
  }
  return workshop;
}

const shortlistState = (d: Db, t: OrgFixture) =>
  d.select().from(shortlistEntries).where(or(eq(shortlistEntries.brandOrgId, t.org.id), eq(shortlistEntries.workshopOrgId, t.org.id))).orderBy(asc(shortlistEntries.id));

async function sampleState(d: Db, t: OrgFixture) {
  const requests = await d
    .select()
    .from(sampleRequests)
    .where(or(eq(sampleRequests.brandOrgId, t.org.id), eq(sampleRequests.workshopOrgId, t.org.id)))
    .orderBy(asc(sampleRequests.id));
  const ids = requests.map((r) => r.id);
  return {
    requests,
    updates: ids.length ? await d.select().from(sampleRequestUpdates).where(inArray(sampleRequestUpdates.sampleRequestId, ids)).orderBy(asc(sampleRequestUpdates.id)) : [],
    evaluations: ids.length ? await d.select().from(sampleEvaluations).where(inArray(sampleEvaluations.sampleRequestId, ids)) : [],
    notifications: await notificationState(d, t),
    events: await d.select().from(events).where(eq(events.orgId, t.org.id)).orderBy(asc(events.id)),
  };
}

const notificationState = async (d: Db, t: OrgFixture) => ({
  notifications: await d.select().from(notifications).where(eq(notifications.orgId, t.org.id)).orderBy(asc(notifications.id)),
  readState: await d.select().from(notificationRecipients).where(eq(notificationRecipients.orgId, t.org.id)).orderBy(asc(notificationRecipients.notificationId), asc(notificationRecipients.userId)),
});

export const cases = ({ db }: TenancyCaseContext): TenancyCase[] => {
  const entryOf = () =>
    perPair(async (brand, workshop) => {
      await publishWorkshop(db, workshop);
      return addToShortlist(db, actorOf(brand), { workshopOrgId: workshop.org.id });
    });

  /** A request between the pair, moved along the state machine up to `stage`. */
  const requestOf = (stage: "requested" | "accepted" | "shipped" | "received") =>
    perPair(async (brand, workshop) => {
      await publishWorkshop(db, workshop);
      const req = await createSampleRequest(db, actorOf(brand), { workshopOrgId: workshop.org.id, description: "A signet ring in silver 925", quantity: 1, note: "", attachmentFileIds: [] });
      const steps = ["accepted", "shipped", "received"].slice(0, ["requested", "accepted", "shipped", "received"].indexOf(stage));
      for (const step of steps) {
        if (step === "accepted") await acceptSampleRequest(db, actorOf(workshop), { requestId: req.id, fee: { amountMinor: 4500, currency: "EUR" }, expectedShipDate: todayIn(workshop.org.timeZone) });
        if (step === "shipped") await shipSampleRequest(db, actorOf(workshop), { requestId: req.id, carrier: "DHL", trackingNumber: "JD0146000033" });
        if (step === "received") await markSampleReceived(db, actorOf(brand), { requestId: req.id });
      }
      return req;
    });

  const notificationOf = (() => {
    const made = new Map<string, Promise<string>>();
    return (t: OrgFixture) => {
      if (!made.has(t.org.id)) {
        made.set(
          t.org.id,
          db.transaction((tx) => notify(tx, { orgId: t.org.id, kind: "sample_request", title: "Test notification", href: `/${t.org.kind}/${t.org.slug}` })),
        );
      }
      return made.get(t.org.id)!;
    };
  })();

  const removable = entryOf();
  const editable = entryOf();
  const compared = entryOf();
  const requestedForGet = requestOf("requested");
  const requestedForCancel = requestOf("requested");
  const shippedForReceive = requestOf("shipped");
  const receivedForEvaluate = requestOf("received");
  const requestedForInbox = requestOf("requested");
  const requestedForAccept = requestOf("requested");
  const requestedForDecline = requestOf("requested");
  const acceptedForShip = requestOf("accepted");

  return [
    // Shortlist (brand side) ---------------------------------------------------------------------------
    { procedure: "shortlist.list", kind: "brand", input: (t) => ({ orgId: t.org.id, tag: null, page: 1 }), state: shortlistState },
    {
      procedure: "shortlist.entryFor",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, workshopOrgId: (await publishedWorkshopOf(db, t, f)).org.id }),
      state: shortlistState,
    },
    {
      procedure: "shortlist.add",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, workshopOrgId: (await publishedWorkshopOf(db, t, f)).org.id }),
      state: shortlistState,
    },
    { procedure: "shortlist.remove", kind: "brand", input: async (t, f) => ({ orgId: t.org.id, entryId: (await removable(t, f)).id }), state: shortlistState },
    {
      procedure: "shortlist.update",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, entryId: (await editable(t, f)).id, note: "Strong on casting", tags: ["casting"] }),
      state: shortlistState,
    },
    {
      procedure: "shortlist.compare",
      kind: "brand",
      input: async (t, f) => {
        const first = await compared(t, f);
        // A second entry of the same brand, with another published workshop.
        await publishWorkshop(db, f.outsider.workshop);
        const second = await addToShortlist(db, actorOf(brandOf(t, f)), { workshopOrgId: f.outsider.workshop.org.id });
        return { orgId: t.org.id, entryIds: [first.id, second.id] };
      },
      state: shortlistState,
    },

    // Sample requests, brand side ----------------------------------------------------------------------
    {
      procedure: "sampleRequest.requestOptions",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, workshopOrgId: (await publishedWorkshopOf(db, t, f)).org.id }),
      state: sampleState,
    },
    {
      procedure: "sampleRequest.create",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, workshopOrgId: (await publishedWorkshopOf(db, t, f)).org.id, description: "Hoop earrings, 20 mm, gold 14k", quantity: 2, note: "" }),
      state: sampleState,
    },
    { procedure: "sampleRequest.list", kind: "brand", input: (t) => ({ orgId: t.org.id, status: null, page: 1 }), state: sampleState },
    { procedure: "sampleRequest.get", kind: "brand", input: async (t, f) => ({ orgId: t.org.id, number: (await requestedForGet(t, f)).number }), state: sampleState },
    { procedure: "sampleRequest.cancel", kind: "brand", input: async (t, f) => ({ orgId: t.org.id, requestId: (await requestedForCancel(t, f)).id }), state: sampleState },
    { procedure: "sampleRequest.markReceived", kind: "brand", input: async (t, f) => ({ orgId: t.org.id, requestId: (await shippedForReceive(t, f)).id }), state: sampleState },
    {
      procedure: "sampleRequest.evaluate",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, requestId: (await receivedForEvaluate(t, f)).id, quality: 4, finish: 4, communication: 5, notes: "Clean setting" }),
      state: sampleState,
    },

    // Sample requests, workshop side -------------------------------------------------------------------
    { procedure: "sampleRequest.inbox", kind: "workshop", input: (t) => ({ orgId: t.org.id, status: null, page: 1 }), state: sampleState },
    { procedure: "sampleRequest.inboxGet", kind: "workshop", input: async (t, f) => ({ orgId: t.org.id, requestId: (await requestedForInbox(t, f)).id }), state: sampleState },
    {
      procedure: "sampleRequest.accept",
      kind: "workshop",
      input: async (t, f) => ({ orgId: t.org.id, requestId: (await requestedForAccept(t, f)).id, fee: "45.00 EUR", expectedShipDate: todayIn(workshopOf(t, f).org.timeZone) }),
      state: sampleState,
    },
    {
      procedure: "sampleRequest.decline",
      kind: "workshop",
      input: async (t, f) => ({ orgId: t.org.id, requestId: (await requestedForDecline(t, f)).id, reason: "Fully booked until spring" }),
      state: sampleState,
    },
    {
      procedure: "sampleRequest.ship",
      kind: "workshop",
      input: async (t, f) => ({ orgId: t.org.id, requestId: (await acceptedForShip(t, f)).id, carrier: "DHL", trackingNumber: "JD0146000033" }),
      state: sampleState,
    },

    // Notifications (both portals) ---------------------------------------------------------------------
    { procedure: "notification.list", kind: "any", input: (t) => ({ orgId: t.org.id }), state: notificationState },
    { procedure: "notification.unreadCount", kind: "any", input: (t) => ({ orgId: t.org.id }), state: notificationState },
    { procedure: "notification.markRead", kind: "any", input: async (t) => ({ orgId: t.org.id, notificationId: await notificationOf(t) }), state: notificationState },
    {
      procedure: "notification.markAllRead",
      kind: "any",
      input: async (t) => {
        await notificationOf(t);
        return { orgId: t.org.id };
      },
      state: notificationState,
    },
  ];
};
