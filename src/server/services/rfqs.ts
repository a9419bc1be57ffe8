import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../db/client";
import { withOrg } from "../db/tenant";
import { designRevisions, designs, organizations, quoteVersions, rfqAttachments, rfqInvitations, rfqLines, rfqs, type Rfq, type SizeQuantity } from "../db/schema";
import { AppError } from "../errors";
import type { DesignSpec } from "~/lib/design-spec";
import { rfqNumberLabel, type RfqFields, type RfqStatus } from "~/lib/rfq-schemas";
import { todayIn } from "~/lib/sample-request-schemas";
import { assertOwnFiles } from "./file-attachments";
import type { Actor } from "./members";
import { endOfDayIn, orgRef, orgsById, recordOwn, rfqLabel, rfqNotFound, rfqRef, shareRevisions, tellCounterparty, workshopRfqHref } from "./rfq-common";
import { findPublishedWorkshop } from "./shortlist";

/** The size label of a design with no size run. */
export const ONE_SIZE = "One size";

export type RfqAction = "edit" | "invite" | "send" | "extendDeadline" | "close" | "award" | "updateLine";

/** The RFQ's state machine, as data: from which statuses each action may run, and where it leaves the RFQ. */
export const RFQ_TRANSITIONS: Record<RfqAction, { from: RfqStatus[]; to: RfqStatus | null; verb: string }> = {
  edit: { from: ["draft"], to: null, verb: "edited" },
  invite: { from: ["draft", "open"], to: null, verb: "sent to more workshops" },
  send: { from: ["draft"], to: "open", verb: "sent" },
  extendDeadline: { from: ["open"], to: null, verb: "given a later deadline" },
  close: { from: ["open"], to: "closed", verb: "closed" },
  award: { from: ["open"], to: "awarded", verb: "awarded" },
  updateLine: { from: ["draft", "open"], to: null, verb: "updated" },
};

export function availableRfqActions(status: RfqStatus): RfqAction[] {
  return (Object.keys(RFQ_TRANSITIONS) as RfqAction[]).filter((a) => a !== "award" && RFQ_TRANSITIONS[a].from.includes(status));
}

function refuse(rfq: Rfq, action: RfqAction): never {
  const t = RFQ_TRANSITIONS[action];
  const state = { draft: "a draft", open: "open", closed: "closed", awarded: "awarded" }[rfq.status];
  throw new AppError("CONFLICT", `${rfqNumberLabel(rfq.number)} is ${state}, so it cannot be ${t.verb}.`);
}

/** The brand's RFQ, locked for the change, in a status the action may start from. */
export async function lockBrandRfq(tx: Tx, brandOrgId: string, rfqId: string, action: RfqAction): Promise<Rfq> {
  const [rfq] = await tx
    .select()
    .from(rfqs)
    .where(and(eq(rfqs.id, rfqId), eq(rfqs.brandOrgId, brandOrgId)))
    .for("update");
  if (!rfq) throw rfqNotFound();
  if (!RFQ_TRANSITIONS[action].from.includes(rfq.status)) refuse(rfq, action);
  return rfq;
}

export const sizesOf = (spec: DesignSpec): string[] => (spec.sizeRun ? spec.sizeRun.sizes : [ONE_SIZE]);

/** Each line's revision is an approved revision of one of the brand's designs, each design once, sizes of its run. */
async function checkLines(tx: Tx, brandOrgId: string, lines: RfqFields["lines"]) {
  const ids = [...new Set(lines.map((l) => l.revisionId))];
  const rows = await tx
    .select({ id: designRevisions.id, designId: designRevisions.designId, status: designRevisions.status, spec: designRevisions.spec, name: designs.name })
    .from(designRevisions)
    .innerJoin(designs, eq(designs.id, designRevisions.designId))
    .where(and(inArray(designRevisions.id, ids), eq(designRevisions.orgId, brandOrgId), eq(designs.orgId, brandOrgId)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const designsSeen = new Set<string>();
  return lines.map((line, index) => {
    const rev = byId.get(line.revisionId);
    if (!rev) throw new AppError("BAD_REQUEST", "Choose one of your designs.", `lines.${index}.revisionId`);
    if (rev.status !== "approved") throw new AppError("BAD_REQUEST", `Approve a revision of ${rev.name} before asking for quotes on it.`, `lines.${index}.revisionId`);
    if (designsSeen.has(rev.designId)) throw new AppError("BAD_REQUEST", `${rev.name} is in this request already.`, `lines.${index}.revisionId`);
    designsSeen.add(rev.designId);
    const run = new Set(sizesOf(rev.spec));
    const bad = line.sizes.find((s) => !run.has(s.size));
    if (bad) throw new AppError("BAD_REQUEST", `${rev.name} is not offered in size ${bad.size}.`, `lines.${index}.sizes`);
    // Kept in the order of the revision's size run.
    const order = sizesOf(rev.spec);
    const sizes: SizeQuantity[] = [...line.sizes].sort((a, b) => order.indexOf(a.size) - order.indexOf(b.size));
    return { designId: rev.designId, revisionId: rev.id, sizes, position: index };
  });
}

async function checkDates(tx: Tx, brandOrgId: string, fields: Pick<RfqFields, "deadline" | "targetDate">) {
  const brand = await orgRef(tx, brandOrgId);
  const today = todayIn(brand.timeZone);
  if (fields.deadline < today) throw new AppError("BAD_REQUEST", "Choose today or a later day for the deadline.", "deadline");
  if (fields.targetDate <= fields.deadline) throw new AppError("BAD_REQUEST", "Choose a target delivery date after the deadline for quotes.", "targetDate");
  return { brand, deadlineAt: endOfDayIn(fields.deadline, brand.timeZone) };
}

async function nextRfqNumber(tx: Tx, brandOrgId: string): Promise<number> {
  // The row lock on the brand serializes concurrent drafts.
  await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, brandOrgId)).for("no key update");
  const [row] = await tx.select({ next: sql<number>`coalesce(max(${rfqs.number}), 0) + 1`.mapWith(Number) }).from(rfqs).where(eq(rfqs.brandOrgId, brandOrgId));
  return row?.next ?? 1;
}

async function setAttachments(tx: Tx, orgId: string, rfqId: string, fileIds: string[]) {
  const ids = [...new Set(fileIds)];
  await tx.delete(rfqAttachments).where(eq(rfqAttachments.rfqId, rfqId));
  if (ids.length === 0) return;
  await assertOwnFiles(tx, orgId, ids, "rfq_attachment", "attachmentFileIds");
  const taken = await tx.select({ id: rfqAttachments.fileId }).from(rfqAttachments).where(inArray(rfqAttachments.fileId, ids));
  if (taken.length > 0) throw new AppError("BAD_REQUEST", "One of the attachments was not found. Upload it again.", "attachmentFileIds");
  await tx.insert(rfqAttachments).values(ids.map((fileId, position) => ({ rfqId, fileId, orgId, position })));
}

/** A new draft RFQ: private to the brand until it is sent. */
export async function createRfq(db: Db, actor: Actor, fields: RfqFields) {
  return withOrg(db, actor.orgId, (tx) => createRfqIn(tx, actor, fields));
}

/** `createRfq` in the caller's transaction, bound to the brand (a preorder campaign's totals become a draft this way). */
export async function createRfqIn(tx: Tx, actor: Actor, fields: RfqFields) {
  {
    const { brand, deadlineAt } = await checkDates(tx, actor.orgId, fields);
    const lines = await checkLines(tx, actor.orgId, fields.lines);
    const number = await nextRfqNumber(tx, actor.orgId);
    const [rfq] = await tx
      .insert(rfqs)
      .values({ brandOrgId: actor.orgId, number, title: fields.title, currency: fields.currency, targetDate: fields.targetDate, deadline: fields.deadline, deadlineAt, notes: fields.notes, createdById: actor.userId })
      .returning();
    if (!rfq) throw new Error("insert returned no row");
    await tx.insert(rfqLines).values(lines.map((l) => ({ ...l, rfqId: rfq.id, brandOrgId: actor.orgId })));
    await setAttachments(tx, actor.orgId, rfq.id, fields.attachmentFileIds);
    await recordOwn(tx, actor, "rfq.created", "rfq", rfq.id, rfqRef(rfq, brand.name));
    return rfq;
  }
}

/** Edits a draft: its fields, lines and files are replaced by the ones given. */
export async function updateRfq(db: Db, actor: Actor, input: RfqFields & { rfqId: string }) {
  return withOrg(db, actor.orgId, async (tx) => {
    const rfq = await lockBrandRfq(tx, actor.orgId, input.rfqId, "edit");
    const { brand, deadlineAt } = await checkDates(tx, actor.orgId, input);
    const lines = await checkLines(tx, actor.orgId, input.lines);
    const [updated] = await tx
      .update(rfqs)
      .set({ title: input.title, currency: input.currency, targetDate: input.targetDate, deadline: input.deadline, deadlineAt, notes: input.notes, updatedAt: new Date() })
      .where(and(eq(rfqs.id, rfq.id), eq(rfqs.status, "draft")))
      .returning();
    await tx.delete(rfqLines).where(eq(rfqLines.rfqId, rfq.id));
    await tx.insert(rfqLines).values(lines.map((l) => ({ ...l, rfqId: rfq.id, brandOrgId: actor.orgId })));
    await setAttachments(tx, actor.orgId, rfq.id, input.attachmentFileIds);
    await recordOwn(tx, actor, "rfq.updated", "rfq", rfq.id, rfqRef(rfq, brand.name));
    return updated!;
  });
}

const revisionIdsOf = async (tx: Tx, rfqId: string) => (await tx.select({ id: rfqLines.revisionId }).from(rfqLines).where(eq(rfqLines.rfqId, rfqId))).map((r) => r.id);

/** Sends the RFQ to one invited workshop: it can read it (and the lines' revisions) from now on, and is told. */
async function deliver(tx: Tx, actor: Actor, rfq: Rfq, invitationId: string, workshopOrgId: string, revisionIds: string[], brandName: string) {
  await tx.update(rfqInvitations).set({ sentAt: new Date(), updatedAt: new Date() }).where(eq(rfqInvitations.id, invitationId));
  await shareRevisions(tx, actor.orgId, workshopOrgId, revisionIds);
  const workshop = await orgRef(tx, workshopOrgId);
  await tellCounterparty(tx, actor, workshopOrgId, {
    action: "rfq.sent",
    data: { ...rfqRef(rfq, brandName, workshop.name), workshops: 1 },
    subjectType: "rfq",
    subjectId: rfq.id,
    notification: {
      kind: "rfq",
      title: `${brandName} sent you a request for quote: ${rfq.title}`,
      body: `Quotes by ${rfq.deadline}, delivery wanted by ${rfq.targetDate}.`,
      href: workshopRfqHref(workshop.slug, invitationId),
    },
  });
}

/**
 * Invites workshops (published, from the shortlist or the directory). On a draft they wait for the send;
 * on an open RFQ each receives it at once. A workshop invited already is left as it is.
 */
export async function inviteWorkshops(db: Db, actor: Actor, input: { rfqId: string; workshopOrgIds: string[] }) {
  return withOrg(db, actor.orgId, async (tx) => {
    const rfq = await lockBrandRfq(tx, actor.orgId, input.rfqId, "invite");
    const brand = await orgRef(tx, actor.orgId);
    const existing = new Set(
      (await tx.select({ id: rfqInvitations.workshopOrgId }).from(rfqInvitations).where(eq(rfqInvitations.rfqId, rfq.id))).map((r) => r.id),
    );
    const fresh = [...new Set(input.workshopOrgIds)].filter((id) => !existing.has(id));
    const revisionIds = await revisionIdsOf(tx, rfq.id);
    const invited: string[] = [];
    for (const workshopOrgId of fresh) {
      const workshop = await findPublishedWorkshop(tx, workshopOrgId);
      if (!workshop) throw new AppError("NOT_FOUND", "One of the workshops was not found.", "workshopOrgIds");
      const [inv] = await tx.insert(rfqInvitations).values({ rfqId: rfq.id, brandOrgId: actor.orgId, workshopOrgId, invitedById: actor.userId }).returning();
      await recordOwn(tx, actor, "rfq.invited", "rfq", rfq.id, { ...rfqRef(rfq, brand.name), workshop: workshop.name });
      if (rfq.status === "open") await deliver(tx, actor, rfq, inv!.id, workshopOrgId, revisionIds, brand.name);
      invited.push(inv!.id);
    }
    return { invited: invited.length, alreadyInvited: input.workshopOrgIds.length - fresh.length };
  });
}

/** Takes a workshop off a draft's list (before it ever saw the RFQ). */
export async function uninviteWorkshop(db: Db, actor: Actor, input: { invitationId: string }) {
  return withOrg(db, actor.orgId, async (tx) => {
    const [inv] = await tx.select().from(rfqInvitations).where(and(eq(rfqInvitations.id, input.invitationId), eq(rfqInvitations.brandOrgId, actor.orgId)));
    if (!inv) throw new AppError("NOT_FOUND", "That invitation was not found.");
    await lockBrandRfq(tx, actor.orgId, inv.rfqId, "edit");
    await tx.delete(rfqInvitations).where(and(eq(rfqInvitations.id, inv.id), eq(rfqInvitations.brandOrgId, actor.orgId)));
    return { removed: 1 };
  });
}

/** Sends a draft to its invited workshops: draft → open. */
export async function sendRfq(db: Db, actor: Actor, input: { rfqId: string }) {
  return withOrg(db, actor.orgId, async (tx) => {
    const rfq = await lockBrandRfq(tx, actor.orgId, input.rfqId, "send");
    const brand = await orgRef(tx, actor.orgId);
    if (rfq.deadline < todayIn(brand.timeZone)) throw new AppError("BAD_REQUEST", "The deadline has passed. Choose a later one before sending.", "deadline");
    const invitations = await tx.select().from(rfqInvitations).where(eq(rfqInvitations.rfqId, rfq.id)).orderBy(asc(rfqInvitations.createdAt));
    if (invitations.length === 0) throw new AppError("BAD_REQUEST", "Invite at least one workshop before sending.", "workshopOrgIds");
    const [sent] = await tx
      .update(rfqs)
      .set({ status: "open", sentAt: new Date(), updatedAt: new Date() })
      .where(and(eq(rfqs.id, rfq.id), eq(rfqs.status, "draft")))
      .returning();
    const revisionIds = await revisionIdsOf(tx, rfq.id);
    for (const inv of invitations) await deliver(tx, actor, sent!, inv.id, inv.workshopOrgId, revisionIds, brand.name);
    await recordOwn(tx, actor, "rfq.sent", "rfq", rfq.id, { ...rfqRef(rfq, brand.name), workshops: invitations.length });
    return sent!;
  });
}

/** The invitations whose workshop is still in the running (received it, not declined). */
async function activeInvitations(tx: Tx, rfqId: string) {
  return tx
    .select()
    .from(rfqInvitations)
    .where(and(eq(rfqInvitations.rfqId, rfqId), inArray(rfqInvitations.status, ["invited", "quoted"]), sql`${rfqInvitations.sentAt} is not null`));
}

export async function extendDeadline(db: Db, actor: Actor, input: { rfqId: string; deadline: string }) {
  return withOrg(db, actor.orgId, async (tx) => {
    const rfq = await lockBrandRfq(tx, actor.orgId, input.rfqId, "extendDeadline");
    const brand = await orgRef(tx, actor.orgId);
    if (input.deadline <= rfq.deadline) throw new AppError("BAD_REQUEST", `Choose a day after the current deadline (${rfq.deadline}).`, "deadline");
    if (input.deadline >= rfq.targetDate) throw new AppError("BAD_REQUEST", `Choose a deadline before the target delivery date (${rfq.targetDate}).`, "deadline");
    const [updated] = await tx
      .update(rfqs)
      .set({ deadline: input.deadline, deadlineAt: endOfDayIn(input.deadline, brand.timeZone), reminderSentAt: null, updatedAt: new Date() })
      .where(eq(rfqs.id, rfq.id))
      .returning();
    await recordOwn(tx, actor, "rfq.deadline_extended", "rfq", rfq.id, { ...rfqRef(rfq, brand.name), deadline: input.deadline });
    const workshops = await orgsById(tx, (await activeInvitations(tx, rfq.id)).map((i) => i.workshopOrgId));
    for (const inv of await activeInvitations(tx, rfq.id)) {
      const w = workshops.get(inv.workshopOrgId)!;
      await tellCounterparty(tx, actor, inv.workshopOrgId, {
        action: "rfq.deadline_extended",
        data: { ...rfqRef(rfq, brand.name, w.name), deadline: input.deadline },
        subjectType: "rfq",
        subjectId: rfq.id,
        notification: { kind: "rfq", title: `${brand.name} extended the deadline of ${rfqLabel(rfq)}`, body: `Quotes are now taken until ${input.deadline}.`, href: workshopRfqHref(w.slug, inv.id) },
      });
    }
    return updated!;
  });
}

/**
 * Ends an RFQ with no order: open → closed. Every live quote is declined and every workshop still in the
 * running is told.
 */
export async function closeRfq(db: Db, actor: Actor, input: { rfqId: string }) {
  return withOrg(db, actor.orgId, async (tx) => {
    const rfq = await lockBrandRfq(tx, actor.orgId, input.rfqId, "close");
    const brand = await orgRef(tx, actor.orgId);
    const active = await activeInvitations(tx, rfq.id);
    const [closed] = await tx.update(rfqs).set({ status: "closed", closedAt: new Date(), updatedAt: new Date() }).where(and(eq(rfqs.id, rfq.id), eq(rfqs.status, "open"))).returning();
    await tx
      .update(quoteVersions)
      .set({ status: "declined", closedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(quoteVersions.rfqId, rfq.id), eq(quoteVersions.status, "sent")));
    if (active.length > 0) {
      await tx.update(rfqInvitations).set({ status: "not_awarded", updatedAt: new Date() }).where(inArray(rfqInvitations.id, active.map((i) => i.id)));
    }
    await recordOwn(tx, actor, "rfq.closed", "rfq", rfq.id, rfqRef(rfq, brand.name));
    const workshops = await orgsById(tx, active.map((i) => i.workshopOrgId));
    for (const inv of active) {
      const w = workshops.get(inv.workshopOrgId)!;
      await tellCounterparty(tx, actor, inv.workshopOrgId, {
        action: "rfq.closed",
        data: rfqRef(rfq, brand.name, w.name),
        subjectType: "rfq",
        subjectId: rfq.id,
        notification: { kind: "quote", title: `${brand.name} closed ${rfqLabel(rfq)} without an order`, body: "Thank you for your time; the request takes no more quotes.", href: workshopRfqHref(w.slug, inv.id) },
      });
    }
    return closed!;
  });
}

/**
 * Moves an RFQ line to a newer approved revision of its design. Sent quotes priced on the older revision
 * become outdated (they can no longer be accepted); each workshop in the running receives the new
 * revision and is told to revise its quote.
 */
export async function updateRfqLineRevision(db: Db, actor: Actor, input: { lineId: string; revisionId: string }) {
  return withOrg(db, actor.orgId, async (tx) => {
    const [line] = await tx.select().from(rfqLines).where(and(eq(rfqLines.id, input.lineId), eq(rfqLines.brandOrgId, actor.orgId)));
    if (!line) throw new AppError("NOT_FOUND", "That line was not found.");
    const rfq = await lockBrandRfq(tx, actor.orgId, line.rfqId, "updateLine");
    const brand = await orgRef(tx, actor.orgId);
    const [current] = await tx.select({ number: designRevisions.number }).from(designRevisions).where(eq(designRevisions.id, line.revisionId));
    const [next] = await tx
      .select({ id: designRevisions.id, number: designRevisions.number, status: designRevisions.status, spec: designRevisions.spec, name: designs.name })
      .from(designRevisions)
      .innerJoin(designs, eq(designs.id, designRevisions.designId))
      .where(and(eq(designRevisions.id, input.revisionId), eq(designRevisions.designId, line.designId), eq(designRevisions.orgId, actor.orgId)));
    if (!next) throw new AppError("NOT_FOUND", "That revision was not found.", "revisionId");
    if (next.status !== "approved") throw new AppError("BAD_REQUEST", "Approve the revision before putting it in a request for quote.", "revisionId");
    if (!current || next.number <= current.number) throw new AppError("CONFLICT", "The line already has this revision or a newer one.", "revisionId");
    const run = new Set(sizesOf(next.spec));
    const sizes = line.sizes.filter((s) => run.has(s.size));
    if (sizes.every((s) => s.quantity === 0)) throw new AppError("BAD_REQUEST", `Revision ${next.number} offers none of the sizes planned; edit the line's sizes.`, "revisionId");
    await tx.update(rfqLines).set({ revisionId: next.id, sizes, updatedAt: new Date() }).where(eq(rfqLines.id, line.id));
    const outdated = await tx
      .update(quoteVersions)
      .set({ status: "outdated", closedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(quoteVersions.rfqId, rfq.id), eq(quoteVersions.status, "sent"), sql`${quoteVersions.lineRevisions} ? ${line.id}`, sql`${quoteVersions.lineRevisions} ->> ${line.id} <> ${next.id}`))
      .returning({ workshopOrgId: quoteVersions.workshopOrgId, number: quoteVersions.number });
    await recordOwn(tx, actor, "rfq.line_updated", "rfq", rfq.id, { ...rfqRef(rfq, brand.name), design: next.name, revision: next.number });
    if (rfq.status === "open") {
      const active = await activeInvitations(tx, rfq.id);
      const workshops = await orgsById(tx, active.map((i) => i.workshopOrgId));
      for (const inv of active) {
        await shareRevisions(tx, actor.orgId, inv.workshopOrgId, [next.id]);
        const w = workshops.get(inv.workshopOrgId)!;
        const theirs = outdated.find((o) => o.workshopOrgId === inv.workshopOrgId);
        await tellCounterparty(tx, actor, inv.workshopOrgId, {
          action: "rfq.line_updated",
          data: { ...rfqRef(rfq, brand.name, w.name), design: next.name, revision: next.number },
          subjectType: "rfq",
          subjectId: rfq.id,
          notification: {
            kind: "rfq",
            title: `${brand.name} updated ${next.name} in ${rfqLabel(rfq)} to revision ${next.number}`,
            body: theirs ? "Your quote was priced on the previous revision and can no longer be accepted: revise it." : "Read the new revision before you quote.",
            href: workshopRfqHref(w.slug, inv.id),
          },
        });
      }
    }
    return { outdated: outdated.length };
  });
}

/** Lines of the brand's draft or open RFQs whose design has a newer approved revision than the line's. */
export async function linesWithNewerRevision(db: Db, brandOrgId: string, designId: string) {
  return withOrg(db, brandOrgId, async (tx) => {
    const [design] = await tx.select({ id: designs.id }).from(designs).where(and(eq(designs.id, designId), eq(designs.orgId, brandOrgId)));
    if (!design) throw new AppError("NOT_FOUND", "That design was not found.");
    const rows = await tx
      .select({ lineId: rfqLines.id, rfqId: rfqs.id, rfqNumber: rfqs.number, rfqTitle: rfqs.title, status: rfqs.status, revisionNumber: designRevisions.number })
      .from(rfqLines)
      .innerJoin(rfqs, eq(rfqs.id, rfqLines.rfqId))
      .innerJoin(designRevisions, eq(designRevisions.id, rfqLines.revisionId))
      .where(and(eq(rfqLines.brandOrgId, brandOrgId), eq(rfqLines.designId, designId), inArray(rfqs.status, ["draft", "open"])));
    const [latest] = await tx
      .select({ id: designRevisions.id, number: designRevisions.number })
      .from(designRevisions)
      .where(and(eq(designRevisions.designId, designId), eq(designRevisions.orgId, brandOrgId), eq(designRevisions.status, "approved")))
      .orderBy(sql`${designRevisions.number} desc`)
      .limit(1);
    if (!latest) return { latest: null, lines: [] };
    return { latest, lines: rows.filter((r) => r.revisionNumber < latest.number) };
  });
}
