import { asc, eq, inArray, or } from "drizzle-orm";
import { expect } from "vitest";
import type { Fixture, OrgFixture } from "~/test/fixtures";
import type { TenancyCase, TenancyCaseContext } from "~/test/tenancy";
import { approvedDesign, approveNextRevision, daysFromToday, draftRfq, pendantPricing, ringPricing, sentQuote, sentRfq, terms } from "~/test/rfqs";
import { actorOf, publishWorkshop, uploadedFile } from "~/test/vetting";
import type { Db } from "../../db/client";
import { events, notifications, orderLines, orders, quoteVersions, quotes, rfqAttachments, rfqInvitations, rfqLines, rfqMessages, rfqs, rfqThreadReads } from "../../db/schema";
import { acceptQuote, saveQuoteDraft } from "../../services/quotes";
import { postMessage } from "../../services/rfq-messages";
import { inviteWorkshops } from "../../services/rfqs";

/**
 * Requests for quote, quotes, threads and orders. Rows are made between the brand and the workshop of the
 * target's fixture (for a target of the wrong kind, of its fixture's pair), fresh for each case.
 */
const brandOf = (t: OrgFixture, f: Fixture) => (t.org.kind === "brand" ? t : f.brand);
const workshopOf = (t: OrgFixture, f: Fixture) => (t.org.kind === "workshop" ? t : f.workshop);

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

async function rfqState(d: Db, t: OrgFixture) {
  const mine = (table: { brandOrgId: never; workshopOrgId: never }) => or(eq(table.brandOrgId, t.org.id), eq(table.workshopOrgId, t.org.id));
  const rfqRows = await d.select().from(rfqs).where(eq(rfqs.brandOrgId, t.org.id)).orderBy(asc(rfqs.id));
  const invitations = await d.select().from(rfqInvitations).where(mine(rfqInvitations as never)).orderBy(asc(rfqInvitations.id));
  const rfqIds = [...new Set([...rfqRows.map((r) => r.id), ...invitations.map((i) => i.rfqId)])];
  const orderRows = await d.select().from(orders).where(mine(orders as never)).orderBy(asc(orders.id));
  return {
    rfqs: rfqRows,
    lines: rfqIds.length ? await d.select().from(rfqLines).where(inArray(rfqLines.rfqId, rfqIds)).orderBy(asc(rfqLines.id)) : [],
    attachments: rfqIds.length ? await d.select().from(rfqAttachments).where(inArray(rfqAttachments.rfqId, rfqIds)).orderBy(asc(rfqAttachments.fileId)) : [],
    invitations,
    quotes: await d.select().from(quotes).where(mine(quotes as never)).orderBy(asc(quotes.id)),
    versions: await d.select().from(quoteVersions).where(mine(quoteVersions as never)).orderBy(asc(quoteVersions.id)),
    orders: orderRows,
    orderLines: orderRows.length ? await d.select().from(orderLines).where(inArray(orderLines.orderId, orderRows.map((o) => o.id))).orderBy(asc(orderLines.id)) : [],
    messages: await d.select().from(rfqMessages).where(mine(rfqMessages as never)).orderBy(asc(rfqMessages.id)),
    reads: await d.select().from(rfqThreadReads).where(eq(rfqThreadReads.orgId, t.org.id)).orderBy(asc(rfqThreadReads.invitationId), asc(rfqThreadReads.userId)),
    notifications: await d.select().from(notifications).where(eq(notifications.orgId, t.org.id)).orderBy(asc(notifications.id)),
    events: await d.select().from(events).where(eq(events.orgId, t.org.id)).orderBy(asc(events.id)),
  };
}
type RfqState = Awaited<ReturnType<typeof rfqState>>;
const S = (s: unknown) => s as RfqState;

const twelveEach = (ring: string, pendant: string) => ({ [ring]: { "5": 2, "6": 3, "7": 3, "8": 2, "9": 2 } as Record<string, number>, [pendant]: { "One size": 12 } as Record<string, number> });

export const cases = ({ db }: TenancyCaseContext): TenancyCase[] => {
  const draftOf = () => perPair((brand) => draftRfq(db, brand));
  const sentOf = () => perPair((brand, workshop) => sentRfq(db, brand, [workshop]));
  /** An RFQ sent to the pair's workshop with its quote sent. */
  const quotedOf = () =>
    perPair(async (brand, workshop) => {
      const r = await sentRfq(db, brand, [workshop]);
      const quote = await sentQuote(db, workshop, r.invitationOf(workshop).id, { ring: r.ringLine.id, pendant: r.pendantLine.id });
      return { ...r, quote };
    });
  const orderedOf = () =>
    perPair(async (brand, workshop) => {
      const r = await sentRfq(db, brand, [workshop]);
      const quote = await sentQuote(db, workshop, r.invitationOf(workshop).id, { ring: r.ringLine.id, pendant: r.pendantLine.id });
      const order = await acceptQuote(db, actorOf(brand), { quoteVersionId: quote.id, quantities: twelveEach(r.ringLine.id, r.pendantLine.id) });
      return { ...r, order };
    });
  const draftQuoteOf = () =>
    perPair(async (brand, workshop) => {
      const r = await sentRfq(db, brand, [workshop]);
      const draft = await saveQuoteDraft(db, actorOf(workshop), {
        invitationId: r.invitationOf(workshop).id,
        pricing: { currency: "EUR", lines: [ringPricing(r.ringLine.id), pendantPricing(r.pendantLine.id)], bundle: null, depositPercent: 30 },
        terms: terms(),
      });
      return { ...r, draft };
    });
  const messagedOf = () =>
    perPair(async (brand, workshop) => {
      const r = await sentRfq(db, brand, [workshop]);
      await postMessage(db, actorOf(workshop), { invitationId: r.invitationOf(workshop).id, body: "Which alloy?", attachmentFileIds: [] });
      return r;
    });
  const designOf = perPair((brand) => approvedDesign(db, brand, { name: "Cuff" }));
  const published = async (t: OrgFixture, f: Fixture) => {
    const w = workshopOf(t, f);
    await publishWorkshop(db, w);
    return w;
  };

  const forGet = sentOf();
  const forCompare = quotedOf();
  const forUpdate = draftOf();
  const forInvite = draftOf();
  const forUninvite = perPair(async (brand, workshop) => {
    const d = await draftRfq(db, brand);
    await publishWorkshop(db, workshop);
    await inviteWorkshops(db, actorOf(brand), { rfqId: d.rfq.id, workshopOrgIds: [workshop.org.id] });
    const [inv] = await db.select().from(rfqInvitations).where(eq(rfqInvitations.rfqId, d.rfq.id));
    return { ...d, invitation: inv! };
  });
  const sendOf = perPair(async (brand, workshop) => {
    const d = await draftRfq(db, brand);
    await publishWorkshop(db, workshop);
    await inviteWorkshops(db, actorOf(brand), { rfqId: d.rfq.id, workshopOrgIds: [workshop.org.id] });
    return d;
  });
  const forExtend = sentOf();
  const forClose = sentOf();
  const forLines = perPair(async (brand, workshop) => {
    const r = await sentRfq(db, brand, [workshop]);
    const rev2 = await approveNextRevision(db, brand, r.ring.design.id, 2);
    return { ...r, rev2 };
  });
  const forUpdateLine = perPair(async (brand, workshop) => {
    const r = await sentRfq(db, brand, [workshop]);
    const rev2 = await approveNextRevision(db, brand, r.ring.design.id, 2);
    return { ...r, rev2 };
  });
  const forAccept = quotedOf();
  const forInbox = sentOf();
  const forWorkshopRfq = sentOf();
  const forDecline = sentOf();
  const forSaveDraft = sentOf();
  const forDiscard = draftQuoteOf();
  const forSendQuote = draftQuoteOf();
  const forWithdraw = quotedOf();
  const forThreadList = messagedOf();
  const forThreadPost = sentOf();
  const forOrderGet = orderedOf();
  const forOrderList = orderedOf();

  const rfqFields = async (t: OrgFixture, f: Fixture) => {
    const brand = brandOf(t, f);
    const d = await designOf(t, f);
    const file = await uploadedFile(db, brand, "rfq_attachment");
    return {
      title: "Summer hoops",
      currency: "EUR",
      targetDate: daysFromToday(80),
      deadline: daysFromToday(10),
      notes: "Recycled silver only.",
      lines: [{ revisionId: d.revision.id, sizes: [{ size: "6", quantity: 4 }, { size: "7", quantity: 6 }] }],
      attachmentFileIds: [file.id],
    };
  };
  const ownUploads = { code: "BAD_REQUEST" as const, why: "another brand's designs and uploads are refused next to their field, as not found" };

  return [
    // ─── Brand ─────────────────────────────────────────────────────────────────────────────────────────
    {
      procedure: "rfq.list",
      kind: "brand",
      input: async (t, f) => {
        await forGet(t, f);
        return { orgId: t.org.id, page: 1 };
      },
      state: rfqState,
      allowed: ({ result }) => expect((result as { items: { title: string; status: string }[] }).items).toEqual([expect.objectContaining({ title: "Spring capsule", status: "open" })]),
    },
    {
      procedure: "rfq.get",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, number: (await forGet(t, f)).rfq.number }),
      state: rfqState,
      rowIds: ["number"],
      allowed: async ({ result, target, f }) => {
        const r = result as { rfq: { id: string }; invitations: { workshopOrgId: string }[]; lines: unknown[] };
        expect(r.rfq.id).toBe((await forGet(target, f)).rfq.id);
        expect(r.invitations.map((i) => i.workshopOrgId)).toEqual([f.workshop.org.id]);
        expect(r.lines).toHaveLength(2);
      },
    },
    {
      procedure: "rfq.designOptions",
      kind: "brand",
      input: async (t, f) => {
        await designOf(t, f);
        return { orgId: t.org.id };
      },
      state: rfqState,
      allowed: ({ result }) => expect((result as { designName: string; sizes: string[] }[]).map((o) => [o.designName, o.sizes])).toEqual([["Cuff", ["5", "6", "7", "8", "9"]]]),
    },
    {
      procedure: "rfq.create",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, ...(await rfqFields(t, f)) }),
      state: rfqState,
      rowIds: ["attachmentFileIds"],
      rowIdRefusal: ownUploads,
      allowed: ({ before, after }) => {
        const added = S(after).rfqs.filter((r) => !S(before).rfqs.some((b) => b.id === r.id));
        expect(added).toEqual([expect.objectContaining({ title: "Summer hoops", status: "draft", notes: "Recycled silver only." })]);
        expect(S(after).lines.filter((l) => l.rfqId === added[0]!.id).map((l) => l.sizes)).toEqual([[{ size: "6", quantity: 4 }, { size: "7", quantity: 6 }]]);
        expect(S(after).attachments.filter((a) => a.rfqId === added[0]!.id)).toHaveLength(1);
      },
    },
    {
      procedure: "rfq.update",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, rfqId: (await forUpdate(t, f)).rfq.id, ...(await rfqFields(t, f)) }),
      state: rfqState,
      rowIds: ["attachmentFileIds", "rfqId"],
      allowed: async ({ after, target, f }) => {
        const id = (await forUpdate(target, f)).rfq.id;
        expect(S(after).rfqs.find((r) => r.id === id)).toMatchObject({ title: "Summer hoops", status: "draft" });
        expect(S(after).lines.filter((l) => l.rfqId === id)).toHaveLength(1);
      },
    },
    {
      procedure: "rfq.invite",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, rfqId: (await forInvite(t, f)).rfq.id, workshopOrgIds: [(await published(t, f)).org.id] }),
      state: rfqState,
      rowIds: ["rfqId"],
      publicIds: { fields: ["workshopOrgIds"], why: "name published workshops of the directory, open to every brand" },
      allowed: async ({ after, target, f }) => {
        const id = (await forInvite(target, f)).rfq.id;
        expect(S(after).invitations.filter((i) => i.rfqId === id).map((i) => [i.workshopOrgId, i.status, i.sentAt])).toEqual([[f.workshop.org.id, "invited", null]]);
      },
    },
    {
      procedure: "rfq.uninvite",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, invitationId: (await forUninvite(t, f)).invitation.id }),
      state: rfqState,
      rowIds: ["invitationId"],
      allowed: async ({ after, target, f }) => {
        const id = (await forUninvite(target, f)).invitation.id;
        expect(S(after).invitations.map((i) => i.id)).not.toContain(id);
      },
    },
    {
      procedure: "rfq.send",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, rfqId: (await sendOf(t, f)).rfq.id }),
      state: rfqState,
      rowIds: ["rfqId"],
      allowed: async ({ after, target, f }) => {
        const id = (await sendOf(target, f)).rfq.id;
        expect(S(after).rfqs.find((r) => r.id === id)?.status).toBe("open");
        expect(S(after).invitations.find((i) => i.rfqId === id)?.sentAt).toBeInstanceOf(Date);
      },
    },
    {
      procedure: "rfq.extendDeadline",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, rfqId: (await forExtend(t, f)).rfq.id, deadline: daysFromToday(21) }),
      state: rfqState,
      rowIds: ["rfqId"],
      allowed: async ({ after, target, f }) => {
        const id = (await forExtend(target, f)).rfq.id;
        expect(S(after).rfqs.find((r) => r.id === id)?.deadline).toBe(daysFromToday(21));
      },
    },
    {
      procedure: "rfq.close",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, rfqId: (await forClose(t, f)).rfq.id }),
      state: rfqState,
      rowIds: ["rfqId"],
      allowed: async ({ after, target, f }) => {
        const id = (await forClose(target, f)).rfq.id;
        expect(S(after).rfqs.find((r) => r.id === id)?.status).toBe("closed");
        expect(S(after).invitations.find((i) => i.rfqId === id)?.status).toBe("not_awarded");
      },
    },
    {
      procedure: "rfq.linesForDesign",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, designId: (await forLines(t, f)).ring.design.id }),
      state: rfqState,
      rowIds: ["designId"],
      allowed: async ({ result, target, f }) => {
        const r = await forLines(target, f);
        expect(result).toEqual({ latest: { id: r.rev2.id, number: 2 }, lines: [expect.objectContaining({ lineId: r.ringLine.id, revisionNumber: 1 })] });
      },
    },
    {
      procedure: "rfq.updateLine",
      kind: "brand",
      input: async (t, f) => {
        const r = await forUpdateLine(t, f);
        return { orgId: t.org.id, lineId: r.ringLine.id, revisionId: r.rev2.id };
      },
      state: rfqState,
      rowIds: ["lineId", "revisionId"],
      allowed: async ({ after, target, f }) => {
        const r = await forUpdateLine(target, f);
        expect(S(after).lines.find((l) => l.id === r.ringLine.id)?.revisionId).toBe(r.rev2.id);
      },
    },
    {
      procedure: "rfq.compare",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, number: (await forCompare(t, f)).rfq.number }),
      state: rfqState,
      rowIds: ["number"],
      allowed: async ({ result, target, f }) => {
        const r = result as { quotes: { id: string; workshop: { id: string }; leadTimeDays: number; expectedDeliveryDate: string }[] };
        expect(r.quotes.map((q) => [q.id, q.workshop.id, q.leadTimeDays])).toEqual([[(await forCompare(target, f)).quote.id, f.workshop.org.id, 30]]);
        expect(r.quotes[0]!.expectedDeliveryDate > daysFromToday(30)).toBe(true);
      },
    },
    {
      procedure: "rfq.accept",
      kind: "brand",
      input: async (t, f) => {
        const r = await forAccept(t, f);
        return { orgId: t.org.id, quoteVersionId: r.quote.id, quantities: twelveEach(r.ringLine.id, r.pendantLine.id) };
      },
      state: rfqState,
      rowIds: ["quoteVersionId"],
      allowed: async ({ before, after, target, f }) => {
        const r = await forAccept(target, f);
        const added = S(after).orders.filter((o) => !S(before).orders.some((b) => b.id === o.id));
        expect(added).toEqual([expect.objectContaining({ rfqId: r.rfq.id, totalMinor: 87_800, depositMinor: 26_340, seq: 1 })]);
        expect(S(after).versions.find((v) => v.id === r.quote.id)?.status).toBe("accepted");
      },
    },
    // ─── Workshop ──────────────────────────────────────────────────────────────────────────────────────
    {
      procedure: "quote.inbox",
      kind: "workshop",
      input: async (t, f) => {
        await forInbox(t, f);
        return { orgId: t.org.id, page: 1 };
      },
      state: rfqState,
      allowed: ({ result }) => expect((result as { items: { title: string; brandName: string }[] }).items.map((i) => [i.title, i.brandName])).toEqual([["Spring capsule", "Maison Test"]]),
    },
    {
      procedure: "quote.rfq",
      kind: "workshop",
      input: async (t, f) => ({ orgId: t.org.id, invitationId: (await forWorkshopRfq(t, f)).invitationOf(workshopOf(t, f)).id }),
      state: rfqState,
      rowIds: ["invitationId"],
      allowed: ({ result }) => {
        const r = result as { rfq: { title: string }; lines: { designName: string; revisionNumber: number }[]; actions: { quote: boolean } };
        expect(r.rfq.title).toBe("Spring capsule");
        expect(r.lines.map((l) => [l.designName, l.revisionNumber])).toEqual([["Signet ring", 1], ["Moon pendant", 1]]);
        expect(r.actions.quote).toBe(true);
      },
    },
    {
      procedure: "quote.decline",
      kind: "workshop",
      input: async (t, f) => ({ orgId: t.org.id, invitationId: (await forDecline(t, f)).invitationOf(workshopOf(t, f)).id, reason: "Fully booked until June." }),
      state: rfqState,
      rowIds: ["invitationId"],
      allowed: async ({ after, target, f }) => {
        const id = (await forDecline(target, f)).invitationOf(target).id;
        expect(S(after).invitations.find((i) => i.id === id)).toMatchObject({ status: "declined", declineReason: "Fully booked until June." });
      },
    },
    {
      procedure: "quote.saveDraft",
      kind: "workshop",
      input: async (t, f) => {
        const r = await forSaveDraft(t, f);
        return {
          orgId: t.org.id,
          invitationId: r.invitationOf(workshopOf(t, f)).id,
          pricing: { currency: "EUR", lines: [ringPricing(r.ringLine.id)], bundle: null, depositPercent: 40 },
          terms: terms({ leadTimeDays: 35 }),
        };
      },
      state: rfqState,
      rowIds: ["invitationId"],
      allowed: ({ before, after }) => {
        const added = S(after).versions.filter((v) => !S(before).versions.some((b) => b.id === v.id));
        expect(added).toEqual([expect.objectContaining({ status: "draft", number: 1, leadTimeDays: 35, depositPercent: 40 })]);
      },
    },
    {
      procedure: "quote.discardDraft",
      kind: "workshop",
      input: async (t, f) => ({ orgId: t.org.id, quoteVersionId: (await forDiscard(t, f)).draft.id }),
      state: rfqState,
      rowIds: ["quoteVersionId"],
      allowed: async ({ after, target, f }) => expect(S(after).versions.map((v) => v.id)).not.toContain((await forDiscard(target, f)).draft.id),
    },
    {
      procedure: "quote.send",
      kind: "workshop",
      input: async (t, f) => ({ orgId: t.org.id, quoteVersionId: (await forSendQuote(t, f)).draft.id }),
      state: rfqState,
      rowIds: ["quoteVersionId"],
      allowed: async ({ after, target, f }) => {
        const id = (await forSendQuote(target, f)).draft.id;
        expect(S(after).versions.find((v) => v.id === id)).toMatchObject({ status: "sent", number: 1 });
      },
    },
    {
      procedure: "quote.withdraw",
      kind: "workshop",
      input: async (t, f) => ({ orgId: t.org.id, quoteVersionId: (await forWithdraw(t, f)).quote.id }),
      state: rfqState,
      rowIds: ["quoteVersionId"],
      allowed: async ({ after, target, f }) => {
        const id = (await forWithdraw(target, f)).quote.id;
        expect(S(after).versions.find((v) => v.id === id)?.status).toBe("withdrawn");
      },
    },
    // ─── Both ──────────────────────────────────────────────────────────────────────────────────────────
    {
      procedure: "rfqThread.list",
      kind: "any",
      input: async (t, f) => ({ orgId: t.org.id, invitationId: (await forThreadList(t, f)).invitationOf(workshopOf(t, f)).id }),
      state: rfqState,
      rowIds: ["invitationId"],
      allowed: ({ result, target }) => {
        expect((result as { body: string; mine: boolean }[]).map((m) => [m.body, m.mine])).toEqual([["Which alloy?", target.org.kind === "workshop"]]);
      },
    },
    {
      procedure: "rfqThread.post",
      kind: "any",
      input: async (t, f) => ({ orgId: t.org.id, invitationId: (await forThreadPost(t, f)).invitationOf(workshopOf(t, f)).id, body: "Hello from here", attachmentFileIds: [] }),
      state: rfqState,
      rowIds: ["attachmentFileIds", "invitationId"],
      allowed: ({ before, after, target }) => {
        const added = S(after).messages.filter((m) => !S(before).messages.some((b) => b.id === m.id));
        expect(added).toEqual([expect.objectContaining({ body: "Hello from here", authorOrgId: target.org.id })]);
      },
    },
    {
      procedure: "order.list",
      kind: "any",
      input: async (t, f) => {
        await forOrderList(t, f);
        return { orgId: t.org.id, page: 1 };
      },
      state: rfqState,
      allowed: ({ result, target }) =>
        expect((result as { items: { totalMinor: number; counterparty: { name: string } }[] }).items.map((o) => [o.totalMinor, o.counterparty.name])).toEqual([[87_800, target.org.kind === "brand" ? "Atelier Test" : "Maison Test"]]),
    },
    {
      procedure: "order.get",
      kind: "any",
      input: async (t, f) => ({ orgId: t.org.id, orderId: (await forOrderGet(t, f)).order.id }),
      state: rfqState,
      rowIds: ["orderId"],
      allowed: async ({ result, target, f }) => {
        const o = result as { id: string; totalMinor: number; lines: { designName: string; quantity: number }[] };
        expect(o.id).toBe((await forOrderGet(target, f)).order.id);
        expect(o.lines.map((l) => [l.designName, l.quantity])).toEqual([["Signet ring", 12], ["Moon pendant", 12]]);
        // Awaiting its deposit; a member may neither cancel nor close it.
        expect(result).toMatchObject({ status: "open", stage: "awaiting_deposit", cancelReason: "", cancelledAt: null, closedAt: null, statusActions: [] });
      },
    },
  ];
};
