import { and, asc, eq, inArray, isNull, lte, ne, sql } from "drizzle-orm";
import type { Db, Tx } from "../db/client";
import { designRevisions, designs, orderLines, orders, organizations, quoteVersionAttachments, quoteVersions, quotes, rfqInvitations, rfqLines, rfqs, type QuoteVersion, type Rfq, type RfqInvitation } from "../db/schema";
import { AppError } from "../errors";
import { formatMoney } from "~/lib/money";
import { priceQuote, type PricedQuoteVersion, type QuantityPlan } from "~/lib/pricing";
import { orderNumberLabel, QUOTE_VERSION_STATUS_LABELS, type QuoteVersionStatus, type SaveQuoteDraftInput } from "~/lib/rfq-schemas";
import { quoteTermsSchema } from "~/lib/rfq-schemas";
import { todayIn } from "~/lib/sample-request-schemas";
import { expectedDelivery, workshopCalendars } from "./expected-delivery";
import { createMilestonePlan } from "./milestone-plans";
import { createPaymentSchedule } from "./payments";
import { assertOwnFiles } from "./file-attachments";
import type { Actor } from "./members";
import { describeShortfall } from "~/lib/quote-shortfalls";
import { asCounterparty, withOrg } from "../db/tenant";
import { recordEvent } from "./events";
import { notify } from "./notifications";
import { brandCompareHref, brandRfqHref, orderHref, orgRef, orgsById, quoteNotFound, recordOwn, rfqLabel, rfqNotFound, rfqRef, tellCounterparty, workshopRfqHref } from "./rfq-common";

export type QuoteSide = "brand" | "workshop" | "system";
export type QuoteAction = "send" | "supersede" | "withdraw" | "accept" | "decline" | "expire" | "outdate";

/** The quote version's state machine, as data. Nothing else moves a version's status. */
export const QUOTE_TRANSITIONS: Record<QuoteAction, { side: QuoteSide; from: QuoteVersionStatus; to: QuoteVersionStatus }> = {
  send: { side: "workshop", from: "draft", to: "sent" },
  supersede: { side: "workshop", from: "sent", to: "superseded" },
  withdraw: { side: "workshop", from: "sent", to: "withdrawn" },
  accept: { side: "brand", from: "sent", to: "accepted" },
  decline: { side: "brand", from: "sent", to: "declined" },
  expire: { side: "system", from: "sent", to: "expired" },
  outdate: { side: "brand", from: "sent", to: "outdated" },
};

/** Why a version cannot be accepted, in words, by its status. */
const NOT_ACCEPTABLE: Record<QuoteVersionStatus, string> = {
  draft: "This quote has not been sent.",
  sent: "",
  superseded: "This version was superseded by a newer one: accept the current version.",
  withdrawn: "The workshop withdrew this quote.",
  accepted: "This quote is accepted already.",
  declined: "This quote was declined.",
  expired: "This quote has expired: ask the workshop for a new version.",
  outdated: "This quote was priced on an older revision of a design: ask the workshop to revise it.",
};


// ─── Workshop side ──────────────────────────────────────────────────────────────────────────────────────

/** The workshop's own invitation (only ever visible once sent), locked, with its RFQ. */
async function lockOwnInvitation(tx: Tx, workshopOrgId: string, invitationId: string): Promise<{ inv: RfqInvitation; rfq: Rfq }> {
  const [inv] = await tx
    .select()
    .from(rfqInvitations)
    .where(and(eq(rfqInvitations.id, invitationId), eq(rfqInvitations.workshopOrgId, workshopOrgId), sql`${rfqInvitations.sentAt} is not null`))
    .for("update");
  if (!inv) throw rfqNotFound();
  const [rfq] = await tx.select().from(rfqs).where(eq(rfqs.id, inv.rfqId));
  if (!rfq) throw rfqNotFound();
  return { inv, rfq };
}

/** Quotes are taken while the RFQ is open, until the end of its deadline, from a workshop that has not declined. */
function assertQuoting(rfq: Rfq, inv: RfqInvitation, now = new Date()) {
  if (rfq.status !== "open") throw new AppError("CONFLICT", `This request for quote is ${rfq.status === "awarded" ? "awarded" : "closed"} and takes no more quotes.`);
  if (now >= rfq.deadlineAt) throw new AppError("CONFLICT", `The deadline for quotes (${rfq.deadline}) has passed. Ask the brand to extend it.`);
  if (inv.status === "declined") throw new AppError("CONFLICT", "You declined this request for quote.");
}

async function currentLineRevisions(tx: Tx, rfqId: string): Promise<Map<string, string>> {
  const lines = await tx.select({ id: rfqLines.id, revisionId: rfqLines.revisionId }).from(rfqLines).where(eq(rfqLines.rfqId, rfqId));
  return new Map(lines.map((l) => [l.id, l.revisionId]));
}

/** Declines to quote, with a reason the brand reads. */
export async function declineInvitation(db: Db, actor: Actor, input: { invitationId: string; reason: string }) {
  return withOrg(db, actor.orgId, async (tx) => {
    const { inv, rfq } = await lockOwnInvitation(tx, actor.orgId, input.invitationId);
    if (rfq.status !== "open") throw new AppError("CONFLICT", "This request for quote is no longer open.");
    if (inv.status !== "invited") throw new AppError("CONFLICT", inv.status === "declined" ? "You declined this request already." : "You have a quote on this request: withdraw it instead.");
    const [updated] = await tx
      .update(rfqInvitations)
      .set({ status: "declined", declineReason: input.reason, respondedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(rfqInvitations.id, inv.id), eq(rfqInvitations.status, "invited")))
      .returning();
    const parties = await orgsById(tx, [inv.brandOrgId, inv.workshopOrgId]);
    const brand = parties.get(inv.brandOrgId)!;
    const workshop = parties.get(inv.workshopOrgId)!;
    const data = { ...rfqRef(rfq, brand.name, workshop.name) };
    await recordOwn(tx, actor, "rfq.declined", "rfq", rfq.id, { ...data, workshop: workshop.name });
    await tellCounterparty(tx, actor, inv.brandOrgId, {
      action: "rfq.declined",
      data: { ...data, workshop: workshop.name },
      subjectType: "rfq",
      subjectId: rfq.id,
      notification: { kind: "rfq", title: `${workshop.name} declined to quote on ${rfqLabel(rfq)}`, body: input.reason, href: brandRfqHref(brand.slug, rfq.number) },
    });
    return updated!;
  });
}

/**
 * Saves the workshop's draft quote on an invitation: a new draft version (numbered after the last one),
 * or the existing draft edited in place. Each priced line must be a line of the RFQ, in its currency;
 * the draft records which revision each line was priced on.
 */
export async function saveQuoteDraft(db: Db, actor: Actor, input: { invitationId: string; pricing: PricedQuoteVersion; terms: SaveQuoteDraftInput["terms"] }) {
  const terms = quoteTermsSchema.parse(input.terms);
  return withOrg(db, actor.orgId, async (tx) => {
    const { inv, rfq } = await lockOwnInvitation(tx, actor.orgId, input.invitationId);
    assertQuoting(rfq, inv);
    if (input.pricing.currency !== rfq.currency) throw new AppError("BAD_REQUEST", `Quote in the request's currency, ${rfq.currency}.`, "pricing.currency");
    const current = await currentLineRevisions(tx, rfq.id);
    input.pricing.lines.forEach((line, index) => {
      if (!current.has(line.lineId)) throw new AppError("BAD_REQUEST", "Price the designs of this request.", `pricing.lines.${index}.lineId`);
    });
    const workshop = await orgRef(tx, actor.orgId);
    if (terms.validUntil < todayIn(workshop.timeZone)) throw new AppError("BAD_REQUEST", "Choose today or a later day.", "terms.validUntil");
    const lineRevisions = Object.fromEntries(input.pricing.lines.map((l) => [l.lineId, current.get(l.lineId)!]));
    let [quote] = await tx.select().from(quotes).where(eq(quotes.invitationId, inv.id));
    if (!quote) {
      [quote] = await tx.insert(quotes).values({ invitationId: inv.id, rfqId: rfq.id, brandOrgId: inv.brandOrgId, workshopOrgId: inv.workshopOrgId }).returning();
    }
    const values = {
      currency: rfq.currency,
      pricing: input.pricing,
      lineRevisions,
      leadTimeDays: terms.leadTimeDays,
      depositPercent: input.pricing.depositPercent,
      paymentTerms: terms.paymentTerms,
      balanceMilestone: terms.paymentTerms === "balance_at_milestone" ? terms.balanceMilestone : "",
      validUntil: terms.validUntil,
      notes: terms.notes,
      updatedAt: new Date(),
    };
    const [draft] = await tx.select().from(quoteVersions).where(and(eq(quoteVersions.quoteId, quote!.id), eq(quoteVersions.status, "draft"))).for("update");
    let version: QuoteVersion;
    if (draft) {
      [version] = (await tx.update(quoteVersions).set(values).where(and(eq(quoteVersions.id, draft.id), eq(quoteVersions.status, "draft"))).returning()) as [QuoteVersion];
    } else {
      const [last] = await tx.select({ n: sql<number>`coalesce(max(${quoteVersions.number}), 0)`.mapWith(Number) }).from(quoteVersions).where(eq(quoteVersions.quoteId, quote!.id));
      [version] = (await tx
        .insert(quoteVersions)
        .values({ ...values, quoteId: quote!.id, rfqId: rfq.id, brandOrgId: inv.brandOrgId, workshopOrgId: inv.workshopOrgId, number: (last?.n ?? 0) + 1, createdById: actor.userId })
        .returning()) as [QuoteVersion];
    }
    const fileIds = [...new Set(terms.attachmentFileIds)];
    await tx.delete(quoteVersionAttachments).where(eq(quoteVersionAttachments.quoteVersionId, version.id));
    if (fileIds.length > 0) {
      await assertOwnFiles(tx, actor.orgId, fileIds, "quote_attachment", "terms.attachmentFileIds");
      await tx.insert(quoteVersionAttachments).values(fileIds.map((fileId, position) => ({ quoteVersionId: version.id, fileId, orgId: actor.orgId, position })));
    }
    return version;
  });
}

/** Discards the workshop's unsent draft. */
export async function discardQuoteDraft(db: Db, actor: Actor, input: { quoteVersionId: string }) {
  return withOrg(db, actor.orgId, async (tx) => {
    const [v] = await tx.select().from(quoteVersions).where(and(eq(quoteVersions.id, input.quoteVersionId), eq(quoteVersions.workshopOrgId, actor.orgId))).for("update");
    if (!v) throw quoteNotFound();
    if (v.status !== "draft") throw new AppError("CONFLICT", "A sent quote is withdrawn, not discarded.");
    await tx.delete(quoteVersions).where(and(eq(quoteVersions.id, v.id), eq(quoteVersions.status, "draft")));
    return { discarded: 1 };
  });
}

async function lockOwnVersion(tx: Tx, workshopOrgId: string, quoteVersionId: string) {
  const [v] = await tx.select().from(quoteVersions).where(and(eq(quoteVersions.id, quoteVersionId), eq(quoteVersions.workshopOrgId, workshopOrgId))).for("update");
  if (!v) throw quoteNotFound();
  return v;
}

/**
 * Sends a draft: it becomes the quote's live version, frozen from now on, and the version sent before it
 * (if any) is superseded. The brand is told: a quote received, or revised.
 */
export async function sendQuote(db: Db, actor: Actor, input: { quoteVersionId: string }) {
  return withOrg(db, actor.orgId, async (tx) => {
    const draft = await lockOwnVersion(tx, actor.orgId, input.quoteVersionId);
    if (draft.status !== "draft") throw new AppError("CONFLICT", `This version is ${QUOTE_VERSION_STATUS_LABELS[draft.status].toLowerCase()} already.`);
    const [quote] = await tx.select().from(quotes).where(eq(quotes.id, draft.quoteId));
    const { inv, rfq } = await lockOwnInvitation(tx, actor.orgId, quote!.invitationId);
    assertQuoting(rfq, inv);
    const current = await currentLineRevisions(tx, rfq.id);
    const stale = Object.entries(draft.lineRevisions).some(([lineId, revisionId]) => current.get(lineId) !== revisionId);
    if (stale) throw new AppError("CONFLICT", "A design of this request has a new revision since you saved. Review it and save the quote again.");
    const workshop = await orgRef(tx, actor.orgId);
    if (draft.validUntil < todayIn(workshop.timeZone)) throw new AppError("BAD_REQUEST", "The validity date has passed: choose a later one.", "terms.validUntil");
    const previous = await tx
      .update(quoteVersions)
      .set({ status: QUOTE_TRANSITIONS.supersede.to, closedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(quoteVersions.quoteId, draft.quoteId), eq(quoteVersions.status, QUOTE_TRANSITIONS.supersede.from)))
      .returning({ id: quoteVersions.id });
    const [sent] = await tx
      .update(quoteVersions)
      .set({ status: QUOTE_TRANSITIONS.send.to, sentAt: new Date(), updatedAt: new Date() })
      .where(and(eq(quoteVersions.id, draft.id), eq(quoteVersions.status, QUOTE_TRANSITIONS.send.from)))
      .returning();
    await tx.update(rfqInvitations).set({ status: "quoted", respondedAt: inv.respondedAt ?? new Date(), updatedAt: new Date() }).where(eq(rfqInvitations.id, inv.id));
    const brand = await orgRef(tx, rfq.brandOrgId);
    const revised = previous.length > 0 || draft.number > 1;
    const data = { ...rfqRef(rfq, brand.name, workshop.name), version: sent!.number };
    await recordOwn(tx, actor, "quote.sent", "quote", sent!.id, data);
    await tellCounterparty(tx, actor, rfq.brandOrgId, {
      action: "quote.sent",
      data,
      subjectType: "quote",
      subjectId: sent!.id,
      notification: {
        kind: "quote",
        title: revised ? `${workshop.name} revised its quote on ${rfqLabel(rfq)}` : `${workshop.name} sent a quote on ${rfqLabel(rfq)}`,
        body: `Lead time ${sent!.leadTimeDays} business days, valid until ${sent!.validUntil}.`,
        href: brandCompareHref(brand.slug, rfq.number),
      },
    });
    return sent!;
  });
}

/** Withdraws the live version: it can no longer be accepted. The workshop may send a new one while the RFQ is open. */
export async function withdrawQuote(db: Db, actor: Actor, input: { quoteVersionId: string }) {
  return withOrg(db, actor.orgId, async (tx) => {
    const v = await lockOwnVersion(tx, actor.orgId, input.quoteVersionId);
    const t = QUOTE_TRANSITIONS.withdraw;
    if (v.status !== t.from) throw new AppError("CONFLICT", `This version is ${QUOTE_VERSION_STATUS_LABELS[v.status].toLowerCase()}, so it cannot be withdrawn.`);
    const [withdrawn] = await tx.update(quoteVersions).set({ status: t.to, closedAt: new Date(), updatedAt: new Date() }).where(and(eq(quoteVersions.id, v.id), eq(quoteVersions.status, t.from))).returning();
    const [rfq] = await tx.select().from(rfqs).where(eq(rfqs.id, v.rfqId));
    await tx.update(rfqInvitations).set({ status: "invited", updatedAt: new Date() }).where(and(eq(rfqInvitations.rfqId, v.rfqId), eq(rfqInvitations.workshopOrgId, actor.orgId), eq(rfqInvitations.status, "quoted")));
    const parties = await orgsById(tx, [v.brandOrgId, v.workshopOrgId]);
    const brand = parties.get(v.brandOrgId)!;
    const workshop = parties.get(v.workshopOrgId)!;
    const data = { ...rfqRef(rfq!, brand.name, workshop.name), version: v.number };
    await recordOwn(tx, actor, "quote.withdrawn", "quote", v.id, data);
    await tellCounterparty(tx, actor, v.brandOrgId, {
      action: "quote.withdrawn",
      data,
      subjectType: "quote",
      subjectId: v.id,
      notification: { kind: "quote", title: `${workshop.name} withdrew its quote on ${rfqLabel(rfq!)}`, href: brandRfqHref(brand.slug, rfq!.number) },
    });
    return withdrawn!;
  });
}

// ─── Brand side: accept ─────────────────────────────────────────────────────────────────────────────────

/** PO-<year>-<seq> (PO-2027-0001), per brand and year, under a row lock on the brand. */
async function nextOrderNumber(tx: Tx, brandOrgId: string, year: number): Promise<number> {
  await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, brandOrgId)).for("no key update");
  const [row] = await tx
    .select({ next: sql<number>`coalesce(max(${orders.seq}), 0) + 1`.mapWith(Number) })
    .from(orders)
    .where(and(eq(orders.brandOrgId, brandOrgId), eq(orders.year, year)));
  return row?.next ?? 1;
}

/**
 * Accepts a quote version at the chosen quantities, in one transaction: the order with its lines (pinned
 * to the revisions and sizes) and a snapshot of the terms and prices, the version accepted, the RFQ
 * awarded, every other live quote declined and its workshop told. Refused — nothing written — when the
 * version is not the live one (superseded, withdrawn, outdated, expired…), past its validity, or when the
 * quantities miss its minimums. The RFQ row is locked first, so two accepts at once make one order.
 */
export async function acceptQuote(db: Db, actor: Actor, input: { quoteVersionId: string; quantities: QuantityPlan }) {
  return withOrg(db, actor.orgId, (tx) => acceptQuoteIn(tx, actor, input));
}

/** `acceptQuote` in the caller's transaction, bound to the brand (a preorder campaign's totals are ordered this way). */
export async function acceptQuoteIn(tx: Tx, actor: Actor, input: { quoteVersionId: string; quantities: QuantityPlan }) {
  {
    const [found] = await tx.select({ rfqId: quoteVersions.rfqId }).from(quoteVersions).where(and(eq(quoteVersions.id, input.quoteVersionId), eq(quoteVersions.brandOrgId, actor.orgId)));
    if (!found) throw quoteNotFound();
    const [rfq] = await tx.select().from(rfqs).where(and(eq(rfqs.id, found.rfqId), eq(rfqs.brandOrgId, actor.orgId))).for("update");
    if (!rfq) throw rfqNotFound();
    if (rfq.status !== "open") throw new AppError("CONFLICT", rfq.status === "awarded" ? "This request for quote is awarded already." : "This request for quote is closed.");
    const [v] = await tx.select().from(quoteVersions).where(eq(quoteVersions.id, input.quoteVersionId)).for("update");
    if (!v) throw quoteNotFound();
    if (v.status !== QUOTE_TRANSITIONS.accept.from) throw new AppError("CONFLICT", NOT_ACCEPTABLE[v.status]);
    const parties = await orgsById(tx, [v.brandOrgId, v.workshopOrgId]);
    const brand = parties.get(v.brandOrgId)!;
    const workshop = parties.get(v.workshopOrgId)!;
    if (v.validUntil < todayIn(workshop.timeZone)) throw new AppError("CONFLICT", NOT_ACCEPTABLE.expired);
    const lines = await tx
      .select({ line: rfqLines, designName: designs.name, sku: designs.sku, revisionNumber: designRevisions.number, spec: designRevisions.spec })
      .from(rfqLines)
      .innerJoin(designs, eq(designs.id, rfqLines.designId))
      .innerJoin(designRevisions, eq(designRevisions.id, rfqLines.revisionId))
      .where(eq(rfqLines.rfqId, rfq.id))
      .orderBy(asc(rfqLines.position));
    const byLine = new Map(lines.map((l) => [l.line.id, l]));
    if (Object.entries(v.lineRevisions).some(([lineId, revisionId]) => byLine.get(lineId)?.line.revisionId !== revisionId)) throw new AppError("CONFLICT", NOT_ACCEPTABLE.outdated);
    for (const [lineId, sizes] of Object.entries(input.quantities)) {
      const line = byLine.get(lineId);
      const total = Object.values(sizes).reduce((a, b) => a + b, 0);
      if (total === 0) continue;
      if (!line || !(lineId in v.lineRevisions)) throw new AppError("BAD_REQUEST", "This quote does not price one of the designs you chose.", "quantities");
      const run = new Set(line.line.sizes.map((s) => s.size));
      const bad = Object.entries(sizes).find(([size, n]) => n > 0 && !run.has(size));
      if (bad) throw new AppError("BAD_REQUEST", `${line.designName} is not requested in size ${bad[0]}.`, "quantities");
    }
    const plan: QuantityPlan = Object.fromEntries(Object.entries(input.quantities).filter(([lineId]) => lineId in v.lineRevisions));
    const price = priceQuote(v.pricing, plan);
    if (!price.met) {
      const names = new Map(lines.map((l) => [l.line.id, l.designName]));
      throw new AppError("BAD_REQUEST", price.shortfalls.map((s) => describeShortfall(s, names)).join(" "), "quantities");
    }
    const now = new Date();
    const year = Number(todayIn(brand.timeZone, now).slice(0, 4));
    const seq = await nextOrderNumber(tx, actor.orgId, year);
    const calendar = (await workshopCalendars(tx, [v], now)).get(v.workshopOrgId)!;
    const [order] = await tx
      .insert(orders)
      .values({
        brandOrgId: actor.orgId,
        workshopOrgId: v.workshopOrgId,
        rfqId: rfq.id,
        quoteVersionId: v.id,
        year,
        seq,
        currency: v.currency,
        piecesTotalMinor: price.piecesTotalMinor,
        feesTotalMinor: price.feesTotalMinor,
        totalMinor: price.totalMinor,
        depositMinor: price.depositMinor,
        balanceMinor: price.balanceMinor,
        depositPercent: v.depositPercent,
        leadTimeDays: v.leadTimeDays,
        paymentTerms: v.paymentTerms,
        balanceMilestone: v.balanceMilestone,
        quoteNotes: v.notes,
        pricing: v.pricing,
        priced: price,
        expectedDeliveryDate: expectedDelivery(calendar, v.leadTimeDays, now),
        createdById: actor.userId,
      })
      .returning();
    await tx.insert(orderLines).values(
      price.lines.map((pl, position) => {
        const l = byLine.get(pl.lineId)!;
        const quoted = v.pricing.lines.find((q) => q.lineId === pl.lineId)!;
        return {
          orderId: order!.id,
          brandOrgId: actor.orgId,
          workshopOrgId: v.workshopOrgId,
          rfqLineId: pl.lineId,
          designId: l.line.designId,
          revisionId: l.line.revisionId,
          position,
          designName: l.designName,
          sku: l.sku,
          revisionNumber: l.revisionNumber,
          quantity: pl.quantity,
          sizes: pl.sizes,
          tierUnitPriceMinor: pl.tierUnitPriceMinor,
          fees: quoted.fees,
          feesTotalMinor: pl.feesTotalMinor,
          lineTotalMinor: pl.lineTotalMinor,
        };
      }),
    );
    // The milestone plan in the workshop's business days, in the same transaction as the order.
    await createMilestonePlan(tx, order!, actor.userId);
    await createPaymentSchedule(tx, order!);
    await tx.update(quoteVersions).set({ status: QUOTE_TRANSITIONS.accept.to, closedAt: now, updatedAt: now }).where(and(eq(quoteVersions.id, v.id), eq(quoteVersions.status, "sent")));
    const others = await tx
      .update(quoteVersions)
      .set({ status: QUOTE_TRANSITIONS.decline.to, closedAt: now, updatedAt: now })
      .where(and(eq(quoteVersions.rfqId, rfq.id), eq(quoteVersions.status, QUOTE_TRANSITIONS.decline.from), ne(quoteVersions.id, v.id)))
      .returning({ id: quoteVersions.id, workshopOrgId: quoteVersions.workshopOrgId, number: quoteVersions.number });
    await tx.update(rfqs).set({ status: "awarded", closedAt: now, updatedAt: now }).where(eq(rfqs.id, rfq.id));
    const losers = await tx
      .update(rfqInvitations)
      .set({ status: "not_awarded", updatedAt: now })
      .where(and(eq(rfqInvitations.rfqId, rfq.id), inArray(rfqInvitations.status, ["invited", "quoted"]), ne(rfqInvitations.workshopOrgId, v.workshopOrgId)))
      .returning();
    await tx.update(rfqInvitations).set({ status: "awarded", updatedAt: now }).where(and(eq(rfqInvitations.rfqId, rfq.id), eq(rfqInvitations.workshopOrgId, v.workshopOrgId)));
    const label = orderNumberLabel(year, seq);
    await recordOwn(tx, actor, "quote.accepted", "quote", v.id, { ...rfqRef(rfq, brand.name, workshop.name), version: v.number });
    await recordOwn(tx, actor, "order.created", "order", order!.id, { order: label, brand: brand.name, workshop: workshop.name });
    await tellCounterparty(tx, actor, v.workshopOrgId, {
      action: "order.created",
      data: { order: label, brand: brand.name, workshop: workshop.name },
      subjectType: "order",
      subjectId: order!.id,
      notification: {
        kind: "order_placed",
        title: `${brand.name} accepted your quote on ${rfqLabel(rfq)}: order ${label}`,
        body: `${formatMoney({ amountMinor: price.totalMinor, currency: v.currency })}, deposit ${formatMoney({ amountMinor: price.depositMinor, currency: v.currency })}.`,
        href: orderHref("workshop", workshop.slug, order!.id),
      },
    });
    const loserOrgs = await orgsById(tx, losers.map((l) => l.workshopOrgId));
    for (const inv of losers) {
      const w = loserOrgs.get(inv.workshopOrgId)!;
      const theirs = others.find((o) => o.workshopOrgId === inv.workshopOrgId);
      await tellCounterparty(tx, actor, inv.workshopOrgId, {
        action: "quote.declined",
        data: { ...rfqRef(rfq, brand.name, w.name), version: theirs?.number ?? 0 },
        subjectType: "rfq",
        subjectId: rfq.id,
        notification: {
          kind: "quote",
          title: theirs ? `${brand.name} declined your quote on ${rfqLabel(rfq)}` : `${brand.name} awarded ${rfqLabel(rfq)} to another workshop`,
          body: "The request was awarded to another workshop. Thank you for quoting.",
          href: workshopRfqHref(w.slug, inv.id),
        },
      });
    }
    return order!;
  }
}

// ─── Scheduled ──────────────────────────────────────────────────────────────────────────────────────────

/**
 * Expires every sent version whose validity ended (its last valid day has passed in the workshop's time
 * zone); both sides are told. Runs as a scheduled job, each version in its own transaction as the workshop.
 */
export async function expireQuotes(db: Db, now = new Date()): Promise<number> {
  const candidates = await db
    .select({ id: quoteVersions.id, workshopOrgId: quoteVersions.workshopOrgId, validUntil: quoteVersions.validUntil, timeZone: organizations.timeZone })
    .from(quoteVersions)
    .innerJoin(organizations, eq(organizations.id, quoteVersions.workshopOrgId))
    .where(and(eq(quoteVersions.status, "sent"), lte(quoteVersions.validUntil, sql`(${now.toISOString()}::timestamptz at time zone 'UTC')::date + 1`)));
  let expired = 0;
  for (const c of candidates.filter((c) => c.validUntil < todayIn(c.timeZone, now))) {
    const done = await withOrg(db, c.workshopOrgId, async (tx) => {
      const [v] = await tx.select().from(quoteVersions).where(and(eq(quoteVersions.id, c.id), eq(quoteVersions.status, "sent"))).for("update");
      if (!v) return false;
      await tx.update(quoteVersions).set({ status: QUOTE_TRANSITIONS.expire.to, closedAt: now, updatedAt: now }).where(eq(quoteVersions.id, v.id));
      const [rfq] = await tx.select().from(rfqs).where(eq(rfqs.id, v.rfqId));
      const [inv] = await tx.select().from(rfqInvitations).where(and(eq(rfqInvitations.rfqId, v.rfqId), eq(rfqInvitations.workshopOrgId, v.workshopOrgId)));
      const parties = await orgsById(tx, [v.brandOrgId, v.workshopOrgId]);
      const brand = parties.get(v.brandOrgId)!;
      const workshop = parties.get(v.workshopOrgId)!;
      const data = { ...rfqRef(rfq!, brand.name, workshop.name), version: v.number };
      const event = (orgId: string) => ({ orgId, actorId: null, action: "quote.expired" as const, subjectType: "quote", subjectId: v.id, data });
      await recordEvent(tx, event(v.workshopOrgId));
      await notify(tx, { orgId: v.workshopOrgId, kind: "quote", title: `Your quote on ${rfqLabel(rfq!)} expired`, body: `It was valid until ${v.validUntil}. Send a new version if the request is still open.`, href: workshopRfqHref(workshop.slug, inv!.id) });
      await asCounterparty(tx, v.workshopOrgId, v.brandOrgId, async () => {
        await recordEvent(tx, event(v.brandOrgId));
        await notify(tx, { orgId: v.brandOrgId, kind: "quote", title: `${workshop.name}'s quote on ${rfqLabel(rfq!)} expired`, body: `It was valid until ${v.validUntil}.`, href: brandRfqHref(brand.slug, rfq!.number) });
      });
      return true;
    });
    if (done) expired++;
  }
  return expired;
}

/**
 * Tells every workshop still to answer an open RFQ that its deadline is within 24 hours; once per RFQ and
 * deadline (extending it re-arms the reminder).
 */
export async function remindDeadlines(db: Db, now = new Date()): Promise<number> {
  const due = await db
    .select({ id: rfqs.id, brandOrgId: rfqs.brandOrgId })
    .from(rfqs)
    .where(and(eq(rfqs.status, "open"), isNull(rfqs.reminderSentAt), lte(rfqs.deadlineAt, new Date(now.getTime() + 24 * 3_600_000)), sql`${rfqs.deadlineAt} > ${now.toISOString()}::timestamptz`));
  let reminded = 0;
  for (const r of due) {
    reminded += await withOrg(db, r.brandOrgId, async (tx) => {
      const [rfq] = await tx.select().from(rfqs).where(and(eq(rfqs.id, r.id), isNull(rfqs.reminderSentAt), eq(rfqs.status, "open"))).for("update");
      if (!rfq) return 0;
      await tx.update(rfqs).set({ reminderSentAt: now }).where(eq(rfqs.id, rfq.id));
      const waiting = await tx.select().from(rfqInvitations).where(and(eq(rfqInvitations.rfqId, rfq.id), eq(rfqInvitations.status, "invited"), sql`${rfqInvitations.sentAt} is not null`));
      const orgs = await orgsById(tx, [rfq.brandOrgId, ...waiting.map((w) => w.workshopOrgId)]);
      const brand = orgs.get(rfq.brandOrgId)!;
      for (const inv of waiting) {
        const w = orgs.get(inv.workshopOrgId)!;
        await asCounterparty(tx, rfq.brandOrgId, inv.workshopOrgId, () =>
          notify(tx, { orgId: inv.workshopOrgId, kind: "rfq", title: `Quotes on ${rfqLabel(rfq)} close within 24 hours`, body: `${brand.name} takes quotes until the end of ${rfq.deadline}.`, href: workshopRfqHref(w.slug, inv.id) }),
        );
      }
      return waiting.length > 0 ? 1 : 0;
    });
  }
  return reminded;
}
