import { asc, eq, inArray, or } from "drizzle-orm";
import { expect } from "vitest";
import type { Fixture, OrgFixture } from "~/test/fixtures";
import type { TenancyCase, TenancyCaseContext } from "~/test/tenancy";
import { actorOf, addPortfolioPiece, publishWorkshop } from "~/test/vetting";
import { todayIn } from "~/lib/sample-request-schemas";
import type { Db } from "../../db/client";
import { events, files, notificationRecipients, notifications, sampleEvaluations, sampleRequestAttachments, sampleRequests, sampleRequestUpdates, shortlistEntries } from "../../db/schema";
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
    attachments: ids.length
      ? await d.select().from(sampleRequestAttachments).where(inArray(sampleRequestAttachments.sampleRequestId, ids)).orderBy(asc(sampleRequestAttachments.sampleRequestId), asc(sampleRequestAttachments.position))
      : [],
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
  const listedEntry = entryOf();
  const foundEntry = entryOf();
  const requestedForDashboard = requestOf("requested");
  const receivedForDashboard = requestOf("received");
  const requestedForGet = requestOf("requested");
  const requestedForCancel = requestOf("requested");
  const shippedForReceive = requestOf("shipped");
  const receivedForEvaluate = requestOf("received");
  const requestedForInbox = requestOf("requested");
  const requestedForNumberOf = requestOf("requested");
  const requestedForList = requestOf("requested");
  const requestedForInboxList = requestOf("requested");
  const requestedForAccept = requestOf("requested");
  const requestedForDecline = requestOf("requested");
  const acceptedForShip = requestOf("accepted");

  /** One portfolio piece of the pair's workshop, for the sample request options to offer. */
  const pieceOf = perPair((_brand, workshop) => addPortfolioPiece(db, workshop, "Signet ring"));

  /** An attachment the brand uploaded and has not used yet. */
  const attachmentOf = async (t: OrgFixture, f: Fixture) => {
    const [file] = await db
      .insert(files)
      .values({ orgId: brandOf(t, f).org.id, purpose: "sample_request_attachment", originalName: "sketch.pdf", contentType: "application/pdf", byteSize: 100, storageKey: `test/${crypto.randomUUID()}` })
      .returning({ id: files.id });
    return file!.id;
  };

  /** The state of a sample request the case worked on. */
  const requestIn = (s: unknown, id: string) => (s as SampleState).requests.find((r) => r.id === id);
  const entryIn = (s: unknown, id: string) => (s as ShortlistState).find((e) => e.id === id);
  const items = (result: unknown) => (result as { items: { id: string }[] }).items;
  const publicWorkshop = { fields: ["workshopOrgId"], why: "names a published workshop, open to every brand" };

  return [
    // Shortlist (brand side) ---------------------------------------------------------------------------
    {
      procedure: "shortlist.list",
      kind: "brand",
      input: async (t, f) => {
        await listedEntry(t, f);
        return { orgId: t.org.id, tag: null, page: 1 };
      },
      state: shortlistState,
      allowed: async ({ result, target, f }) => {
        expect(items(result).map((i) => i.id)).toEqual([(await listedEntry(target, f)).id]);
        expect(result).toMatchObject({ total: 1, page: 1 });
      },
    },
    {
      procedure: "shortlist.entryFor",
      kind: "brand",
      input: async (t, f) => {
        await foundEntry(t, f);
        return { orgId: t.org.id, workshopOrgId: (await publishedWorkshopOf(db, t, f)).org.id };
      },
      state: shortlistState,
      publicIds: publicWorkshop,
      allowed: async ({ result, target, f }) => expect(result).toMatchObject({ id: (await foundEntry(target, f)).id }),
    },
    {
      procedure: "shortlist.add",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, workshopOrgId: (await publishedWorkshopOf(db, t, f)).org.id }),
      state: shortlistState,
      publicIds: publicWorkshop,
      allowed: ({ before, after, target, f }) => {
        expect(before).toEqual([]);
        expect(after).toMatchObject([{ brandOrgId: target.org.id, workshopOrgId: f.workshop.org.id }]);
      },
    },
    {
      procedure: "shortlist.remove",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, entryId: (await removable(t, f)).id }),
      state: shortlistState,
      rowIds: ["entryId"],
      allowed: async ({ before, after, target, f }) => {
        const id = (await removable(target, f)).id;
        expect(entryIn(before, id)).toBeDefined();
        expect(entryIn(after, id)).toBeUndefined();
      },
    },
    {
      procedure: "shortlist.update",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, entryId: (await editable(t, f)).id, note: "Strong on casting", tags: ["casting"] }),
      state: shortlistState,
      rowIds: ["entryId"],
      allowed: async ({ after, target, f }) => expect(entryIn(after, (await editable(target, f)).id)).toMatchObject({ note: "Strong on casting", tags: ["casting"] }),
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
      rowIds: ["entryIds"],
      allowed: ({ result, f }) => {
        const compareItems = result as { workshopOrgId: string; record: unknown }[];
        expect(compareItems.map((i) => i.workshopOrgId)).toEqual([f.workshop.org.id, f.outsider.workshop.org.id]);
        expect(compareItems[0]!.record).toMatchObject({ samplesSent: 0 });
      },
    },

    // Sample requests, brand side ----------------------------------------------------------------------
    {
      procedure: "sampleRequest.requestOptions",
      kind: "brand",
      input: async (t, f) => {
        await pieceOf(t, f);
        return { orgId: t.org.id, workshopOrgId: (await publishedWorkshopOf(db, t, f)).org.id };
      },
      state: sampleState,
      publicIds: publicWorkshop,
      allowed: ({ result, f }) => {
        expect(result).toMatchObject({ workshop: { id: f.workshop.org.id, name: f.workshop.org.name } });
        expect((result as { pieces: { title: string }[] }).pieces.map((p) => p.title)).toEqual(["Signet ring"]);
      },
    },
    {
      procedure: "sampleRequest.create",
      kind: "brand",
      input: async (t, f) => ({
        orgId: t.org.id,
        workshopOrgId: (await publishedWorkshopOf(db, t, f)).org.id,
        description: "Hoop earrings, 20 mm, gold 14k",
        quantity: 2,
        note: "",
        attachmentFileIds: [await attachmentOf(t, f)],
      }),
      state: sampleState,
      rowIds: ["attachmentFileIds"],
      rowIdRefusal: { code: "BAD_REQUEST", why: "another brand's attachment is refused next to the attachments field, as not found" },
      publicIds: { fields: ["portfolioPieceId", "workshopOrgId"], why: "name a published workshop and a piece of its public portfolio" },
      allowed: ({ before, after, f }) => {
        const added = (after as SampleState).requests.filter((r) => !requestIn(before, r.id));
        expect(added).toHaveLength(1);
        expect(added[0]).toMatchObject({ workshopOrgId: f.workshop.org.id, description: "Hoop earrings, 20 mm, gold 14k", quantity: 2, status: "requested" });
        expect((after as SampleState).attachments.filter((a) => a.sampleRequestId === added[0]!.id)).toHaveLength(1);
      },
    },
    {
      procedure: "sampleRequest.list",
      kind: "brand",
      input: async (t, f) => {
        await requestedForList(t, f);
        return { orgId: t.org.id, status: null, page: 1 };
      },
      state: sampleState,
      allowed: async ({ result, target, f }) => {
        expect(items(result).map((i) => i.id)).toEqual([(await requestedForList(target, f)).id]);
        expect(result).toMatchObject({ total: 1, counts: { requested: 1 } });
      },
    },
    {
      procedure: "sampleRequest.get",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, number: (await requestedForGet(t, f)).number }),
      state: sampleState,
      rowIds: ["number"],
      allowed: async ({ result, target, f }) => expect(result).toMatchObject({ id: (await requestedForGet(target, f)).id, status: "requested" }),
    },
    {
      procedure: "sampleRequest.cancel",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, requestId: (await requestedForCancel(t, f)).id }),
      state: sampleState,
      rowIds: ["requestId"],
      allowed: async ({ after, target, f }) => expect(requestIn(after, (await requestedForCancel(target, f)).id)?.status).toBe("cancelled"),
    },
    {
      procedure: "sampleRequest.markReceived",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, requestId: (await shippedForReceive(t, f)).id }),
      state: sampleState,
      rowIds: ["requestId"],
      allowed: async ({ after, target, f }) => {
        const req = requestIn(after, (await shippedForReceive(target, f)).id);
        expect(req?.status).toBe("received");
        expect(req?.receivedAt).toBeInstanceOf(Date);
      },
    },
    {
      procedure: "sampleRequest.evaluate",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, requestId: (await receivedForEvaluate(t, f)).id, quality: 4, finish: 4, communication: 5, notes: "Clean setting" }),
      state: sampleState,
      rowIds: ["requestId"],
      allowed: async ({ after, target, f }) => {
        const id = (await receivedForEvaluate(target, f)).id;
        expect((after as SampleState).evaluations.filter((e) => e.sampleRequestId === id)).toMatchObject([{ quality: 4, finish: 4, communication: 5, notes: "Clean setting" }]);
      },
    },

    // Sample requests, workshop side -------------------------------------------------------------------
    {
      procedure: "sampleRequest.inbox",
      kind: "workshop",
      input: async (t, f) => {
        await requestedForInboxList(t, f);
        return { orgId: t.org.id, status: null, page: 1 };
      },
      state: sampleState,
      allowed: async ({ result, target, f }) => {
        expect(items(result).map((i) => i.id)).toEqual([(await requestedForInboxList(target, f)).id]);
        expect(result).toMatchObject({ total: 1, counts: { requested: 1 } });
      },
    },
    {
      procedure: "organization.inbox",
      kind: "any",
      input: async (t, f) => {
        await requestedForDashboard(t, f);
        await receivedForDashboard(t, f);
        return { orgId: t.org.id };
      },
      state: sampleState,
      allowed: async ({ result, target, f }) => {
        const inbox = result as { items: { key: string; href: string }[]; counts: { samples: number } };
        // The workshop answers the new request; the brand evaluates the sample it received. Nobody sees the other's.
        const mine = target.org.kind === "workshop" ? `sample-answer:${(await requestedForDashboard(target, f)).id}` : `sample-evaluate:${(await receivedForDashboard(target, f)).id}`;
        const theirs = target.org.kind === "workshop" ? `sample-evaluate:${(await receivedForDashboard(target, f)).id}` : `sample-answer:${(await requestedForDashboard(target, f)).id}`;
        expect(inbox.items.map((i) => i.key)).toContain(mine);
        expect(inbox.items.map((i) => i.key)).not.toContain(theirs);
        expect(inbox.items.every((i) => i.href.startsWith(`/${target.org.kind}/${target.org.slug}/`))).toBe(true);
        expect(inbox.counts.samples).toBe(inbox.items.length);
      },
    },
    {
      procedure: "sampleRequest.inboxGet",
      kind: "workshop",
      input: async (t, f) => ({ orgId: t.org.id, number: (await requestedForInbox(t, f)).workshopNumber }),
      state: sampleState,
      rowIds: ["number"],
      allowed: async ({ result, target, f }) => expect(result).toMatchObject({ id: (await requestedForInbox(target, f)).id, status: "requested" }),
    },
    {
      procedure: "sampleRequest.inboxNumberOf",
      kind: "workshop",
      input: async (t, f) => ({ orgId: t.org.id, requestId: (await requestedForNumberOf(t, f)).id }),
      state: sampleState,
      rowIds: ["requestId"],
      allowed: async ({ result, target, f }) => expect(result).toEqual({ number: (await requestedForNumberOf(target, f)).workshopNumber }),
    },
    {
      procedure: "sampleRequest.accept",
      kind: "workshop",
      input: async (t, f) => ({ orgId: t.org.id, requestId: (await requestedForAccept(t, f)).id, fee: "45.00 EUR", expectedShipDate: todayIn(workshopOf(t, f).org.timeZone) }),
      state: sampleState,
      rowIds: ["requestId"],
      allowed: async ({ after, target, f }) =>
        expect(requestIn(after, (await requestedForAccept(target, f)).id)).toMatchObject({ status: "accepted", feeMinor: 4500, feeCurrency: "EUR" }),
    },
    {
      procedure: "sampleRequest.decline",
      kind: "workshop",
      input: async (t, f) => ({ orgId: t.org.id, requestId: (await requestedForDecline(t, f)).id, reason: "Fully booked until spring" }),
      state: sampleState,
      rowIds: ["requestId"],
      allowed: async ({ after, target, f }) =>
        expect(requestIn(after, (await requestedForDecline(target, f)).id)).toMatchObject({ status: "declined", declineReason: "Fully booked until spring" }),
    },
    {
      procedure: "sampleRequest.ship",
      kind: "workshop",
      input: async (t, f) => ({ orgId: t.org.id, requestId: (await acceptedForShip(t, f)).id, carrier: "DHL", trackingNumber: "JD0146000033" }),
      state: sampleState,
      rowIds: ["requestId"],
      allowed: async ({ after, target, f }) =>
        expect(requestIn(after, (await acceptedForShip(target, f)).id)).toMatchObject({ status: "shipped", carrier: "DHL", trackingNumber: "JD0146000033" }),
    },

    // Notifications (both portals) ---------------------------------------------------------------------
    {
      procedure: "notification.list",
      kind: "any",
      input: async (t) => {
        await notificationOf(t);
        return { orgId: t.org.id };
      },
      state: notificationState,
      allowed: async ({ result, target }) => expect(items(result).map((i) => i.id)).toEqual([await notificationOf(target)]),
    },
    {
      procedure: "notification.unreadCount",
      kind: "any",
      input: async (t) => {
        await notificationOf(t);
        return { orgId: t.org.id };
      },
      state: notificationState,
      allowed: ({ result }) => expect(result).toEqual({ count: 1 }),
    },
    {
      procedure: "notification.markRead",
      kind: "any",
      input: async (t) => ({ orgId: t.org.id, notificationId: await notificationOf(t) }),
      state: notificationState,
      rowIds: ["notificationId"],
      allowed: async ({ before, after, target }) => {
        const id = await notificationOf(target);
        const readAt = (s: unknown, userId: string) => (s as NotificationState).readState.find((r) => r.notificationId === id && r.userId === userId)?.readAt ?? null;
        expect(readAt(before, target.member.id)).toBeNull();
        expect(readAt(after, target.member.id)).toBeInstanceOf(Date);
        // Read for the member who opened it, still unread for everyone else.
        expect(readAt(after, target.owner.id)).toBeNull();
      },
    },
    {
      procedure: "notification.markAllRead",
      kind: "any",
      input: async (t) => {
        await notificationOf(t);
        return { orgId: t.org.id };
      },
      state: notificationState,
      allowed: ({ before, after, target }) => {
        const unreadOf = (s: unknown, userId: string) => (s as NotificationState).readState.filter((r) => r.userId === userId && !r.readAt);
        expect(unreadOf(before, target.member.id)).toHaveLength(1);
        expect(unreadOf(after, target.member.id)).toEqual([]);
        expect(unreadOf(after, target.owner.id)).toHaveLength(1);
      },
    },
  ];
};

type ShortlistState = Awaited<ReturnType<typeof shortlistState>>;
type SampleState = Awaited<ReturnType<typeof sampleState>>;
type NotificationState = Awaited<ReturnType<typeof notificationState>>;
