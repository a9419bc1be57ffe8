import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../db/client";
import { asCounterparty, withOrg } from "../db/tenant";
import { organizations, portfolioPieces, sampleEvaluations, sampleRequestUpdates, sampleRequests, type SampleRequest } from "../db/schema";
import { AppError } from "../errors";
import { formatMoney, type Money } from "~/lib/money";
import { sampleNumberLabel, todayIn, type CreateSampleRequestInput, type EvaluateSampleInput, type SampleStatus } from "~/lib/sample-request-schemas";
import { recordEvent } from "./events";
import { attachSampleRequestFiles } from "./file-attachments";
import type { Actor } from "./members";
import { notify } from "./notifications";
import { createSampleFeePayment } from "./payments";
import { findPublishedWorkshop } from "./shortlist";
import { pieceHasPhoto } from "./workshop-profiles";

export type SampleSide = "brand" | "workshop";
export type SampleAction = "accept" | "decline" | "cancel" | "ship" | "receive";

/** The state machine: who may move a request from which status to which. Nothing else changes a status. */
export const SAMPLE_TRANSITIONS: Record<SampleAction, { side: SampleSide; from: SampleStatus; to: SampleStatus; verb: string }> = {
  accept: { side: "workshop", from: "requested", to: "accepted", verb: "accepted" },
  decline: { side: "workshop", from: "requested", to: "declined", verb: "declined" },
  cancel: { side: "brand", from: "requested", to: "cancelled", verb: "cancelled" },
  ship: { side: "workshop", from: "accepted", to: "shipped", verb: "marked as shipped" },
  receive: { side: "brand", from: "shipped", to: "received", verb: "marked as received" },
};

/** The actions one side may take on a request in its current status (drives the buttons on each page). */
export function availableActions(status: SampleStatus, side: SampleSide): (SampleAction | "evaluate")[] {
  const actions: (SampleAction | "evaluate")[] = (Object.keys(SAMPLE_TRANSITIONS) as SampleAction[]).filter(
    (a) => SAMPLE_TRANSITIONS[a].side === side && SAMPLE_TRANSITIONS[a].from === status,
  );
  if (side === "brand" && status === "received") actions.push("evaluate");
  return actions;
}

export const sampleRequestNotFound = () => new AppError("NOT_FOUND", "That sample request was not found.");

export const brandSampleHref = (brandSlug: string, number: number) => `/brand/${brandSlug}/samples/${number}`;
/** The workshop's URL of a request, by its number per workshop (old URLs by uuid redirect here). */
export const workshopSampleHref = (workshopSlug: string, workshopNumber: number) => `/workshop/${workshopSlug}/samples/${workshopNumber}`;

const sideColumn = (side: SampleSide) => (side === "brand" ? sampleRequests.brandOrgId : sampleRequests.workshopOrgId);

async function partiesOf(tx: Tx, req: SampleRequest) {
  const rows = await tx
    .select({ id: organizations.id, name: organizations.name, slug: organizations.slug, timeZone: organizations.timeZone })
    .from(organizations)
    .where(inArray(organizations.id, [req.brandOrgId, req.workshopOrgId]));
  const brand = rows.find((r) => r.id === req.brandOrgId);
  const workshop = rows.find((r) => r.id === req.workshopOrgId);
  if (!brand || !workshop) throw new Error(`sample request ${req.id} lost one of its organizations`);
  return { brand, workshop };
}

type Parties = Awaited<ReturnType<typeof partiesOf>>;

/**
 * What every change to a request leaves behind, in its transaction: a timeline row both sides see, an
 * activity-log row in each organization, and a notification for the other side.
 */
async function recordChange(tx: Tx, actor: Actor, side: SampleSide, req: SampleRequest, parties: Parties, change: { status: SampleStatus; message: string; title: string; body: string }) {
  await tx.insert(sampleRequestUpdates).values({ sampleRequestId: req.id, actorOrgId: actor.orgId, actorId: actor.userId, status: change.status, message: change.message });
  const data = { number: req.number, brand: parties.brand.name, workshop: parties.workshop.name };
  const event = (orgId: string) => ({ orgId, actorId: actor.userId, action: `sample_request.${change.status}` as const, subjectType: "sample_request", subjectId: req.id, data });
  await recordEvent(tx, event(actor.orgId));
  const otherOrgId = side === "brand" ? req.workshopOrgId : req.brandOrgId;
  // The other party's log entry and notification are its own rows, written as that party.
  await asCounterparty(tx, actor.orgId, otherOrgId, async () => {
    await recordEvent(tx, event(otherOrgId));
    await notify(
      tx,
      side === "brand"
        ? { orgId: otherOrgId, kind: "sample_request", title: change.title, body: change.body, href: workshopSampleHref(parties.workshop.slug, req.workshopNumber), actorId: actor.userId }
        : { orgId: otherOrgId, kind: "sample_request", title: change.title, body: change.body, href: brandSampleHref(parties.brand.slug, req.number), actorId: actor.userId },
    );
  });
}

/** Allocates the brand's next number. The row lock on the brand serializes concurrent requests. */
async function nextNumber(tx: Tx, brandOrgId: string): Promise<number> {
  await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, brandOrgId)).for("no key update");
  const [row] = await tx
    .select({ next: sql<number>`coalesce(max(${sampleRequests.number}), 0) + 1`.mapWith(Number) })
    .from(sampleRequests)
    .where(eq(sampleRequests.brandOrgId, brandOrgId));
  return row?.next ?? 1;
}

const clip = (text: string, max = 140) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export async function createSampleRequest(db: Db, actor: Actor, input: CreateSampleRequestInput) {
  return withOrg(db, actor.orgId, async (tx) => {
    const workshop = await findPublishedWorkshop(tx, input.workshopOrgId);
    if (!workshop) throw new AppError("NOT_FOUND", "That workshop was not found.", "workshopOrgId");
    let description = input.description;
    let pieceId: string | null = null;
    let pieceTitle: string | null = null;
    if (input.portfolioPieceId) {
      const [piece] = await tx
        .select({ id: portfolioPieces.id, title: portfolioPieces.title })
        .from(portfolioPieces)
        .where(and(eq(portfolioPieces.id, input.portfolioPieceId), eq(portfolioPieces.orgId, workshop.id), pieceHasPhoto(tx)));
      if (!piece) throw new AppError("BAD_REQUEST", "Choose a piece from this workshop's portfolio.", "portfolioPieceId");
      pieceId = piece.id;
      pieceTitle = piece.title;
      // Keeps the request readable if the workshop later removes the piece from its portfolio.
      description ||= piece.title;
    }
    const fileIds = [...new Set(input.attachmentFileIds)];
    const number = await nextNumber(tx, actor.orgId);
    const [req] = await tx
      .insert(sampleRequests)
      .values({
        brandOrgId: actor.orgId,
        workshopOrgId: workshop.id,
        number,
        portfolioPieceId: pieceId,
        description,
        quantity: input.quantity,
        note: input.note,
        requestedById: actor.userId,
      })
      .returning();
    if (!req) throw new Error("insert returned no row");
    await attachSampleRequestFiles(tx, actor.orgId, req.id, fileIds);
    const parties = await partiesOf(tx, req);
    const what = pieceTitle && input.description ? `${pieceTitle} — ${input.description}` : description;
    await recordChange(tx, actor, "brand", req, parties, {
      status: "requested",
      message: input.note,
      title: `${parties.brand.name} requested a sample (${sampleNumberLabel(number)})`,
      body: clip(`${input.quantity} × ${what}`),
    });
    return req;
  });
}

type TransitionPatch = Partial<Pick<SampleRequest, "feeMinor" | "feeCurrency" | "expectedShipDate" | "declineReason" | "trackingNumber" | "carrier" | "respondedAt" | "shippedAt" | "receivedAt">>;

const PROGRESS: SampleStatus[] = ["requested", "accepted", "shipped", "received"];

function refusal(status: SampleStatus, t: (typeof SAMPLE_TRANSITIONS)[SampleAction]): string {
  const early = PROGRESS.includes(status) && PROGRESS.indexOf(status) < PROGRESS.indexOf(t.from);
  return early ? `This sample request is not ${t.from} yet, so it cannot be ${t.verb}.` : `This sample request is already ${status}, so it cannot be ${t.verb}.`;
}

/**
 * Runs one transition of the state machine in one transaction. The request is looked up through the
 * acting side's own column, so the wrong side, or any other organization, gets NOT_FOUND.
 */
async function transition(
  db: Db,
  actor: Actor,
  action: SampleAction,
  requestId: string,
  build: (req: SampleRequest, parties: Parties) => { patch: TransitionPatch; message: string; title: string; body: string },
  after?: (tx: Tx, updated: SampleRequest, parties: Parties) => Promise<unknown>,
) {
  const t = SAMPLE_TRANSITIONS[action];
  return withOrg(db, actor.orgId, async (tx) => {
    const [req] = await tx
      .select()
      .from(sampleRequests)
      .where(and(eq(sampleRequests.id, requestId), eq(sideColumn(t.side), actor.orgId)))
      .for("update");
    if (!req) throw sampleRequestNotFound();
    if (req.status !== t.from) throw new AppError("CONFLICT", refusal(req.status, t));
    const parties = await partiesOf(tx, req);
    const { patch, ...change } = build(req, parties);
    const [updated] = await tx
      .update(sampleRequests)
      .set({ ...patch, status: t.to, updatedAt: new Date() })
      .where(and(eq(sampleRequests.id, req.id), eq(sampleRequests.status, t.from)))
      .returning();
    if (!updated) throw new AppError("CONFLICT", "This sample request changed in the meantime. Reload and try again.");
    await recordChange(tx, actor, t.side, updated, parties, { status: t.to, ...change });
    await after?.(tx, updated, parties);
    return updated;
  });
}

const label = (req: SampleRequest) => sampleNumberLabel(req.number);
const longDate = (isoDate: string) => new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${isoDate}T00:00:00Z`));

/** The expected ship date must be a day on the workshop's own calendar from today to a year ahead. */
function checkShipDate(date: string, timeZone: string, now = new Date()) {
  const today = todayIn(timeZone, now);
  if (date < today) throw new AppError("BAD_REQUEST", "Choose today or a later date.", "expectedShipDate");
  const limit = new Date(`${today}T00:00:00Z`);
  limit.setUTCFullYear(limit.getUTCFullYear() + 1);
  if (date > limit.toISOString().slice(0, 10)) throw new AppError("BAD_REQUEST", "Choose a date within the next year.", "expectedShipDate");
}

export async function acceptSampleRequest(db: Db, actor: Actor, input: { requestId: string; fee: Money; expectedShipDate: string }) {
  return transition(db, actor, "accept", input.requestId, (req, parties) => {
    checkShipDate(input.expectedShipDate, parties.workshop.timeZone);
    const fee = formatMoney(input.fee);
    return {
      patch: { feeMinor: input.fee.amountMinor, feeCurrency: input.fee.currency, expectedShipDate: input.expectedShipDate, respondedAt: new Date() },
      message: `Fee ${fee}, expected to ship ${longDate(input.expectedShipDate)}.`,
      title: `${parties.workshop.name} accepted your sample request ${label(req)}`,
      body: `Fee ${fee} · expected to ship ${longDate(input.expectedShipDate)}`,
    };
  }, (tx, updated, parties) => createSampleFeePayment(tx, updated, todayIn(parties.workshop.timeZone)));
}

export async function declineSampleRequest(db: Db, actor: Actor, input: { requestId: string; reason: string }) {
  return transition(db, actor, "decline", input.requestId, (req, parties) => ({
    patch: { declineReason: input.reason, respondedAt: new Date() },
    message: input.reason,
    title: `${parties.workshop.name} declined your sample request ${label(req)}`,
    body: clip(input.reason),
  }));
}

export async function cancelSampleRequest(db: Db, actor: Actor, input: { requestId: string }) {
  return transition(db, actor, "cancel", input.requestId, (req, parties) => ({
    patch: {},
    message: "",
    title: `${parties.brand.name} cancelled sample request ${label(req)}`,
    body: clip(req.description),
  }));
}

export async function shipSampleRequest(db: Db, actor: Actor, input: { requestId: string; carrier: string; trackingNumber: string }) {
  return transition(db, actor, "ship", input.requestId, (req, parties) => ({
    patch: { carrier: input.carrier, trackingNumber: input.trackingNumber, shippedAt: new Date() },
    message: `${input.carrier}, tracking ${input.trackingNumber}`,
    title: `${parties.workshop.name} shipped your sample ${label(req)}`,
    body: `${input.carrier}, tracking ${input.trackingNumber}`,
  }));
}

export async function markSampleReceived(db: Db, actor: Actor, input: { requestId: string }) {
  return transition(db, actor, "receive", input.requestId, (req, parties) => ({
    patch: { receivedAt: new Date() },
    message: "",
    title: `${parties.brand.name} received sample ${label(req)}`,
    body: clip(req.description),
  }));
}

/**
 * The brand's private evaluation, saved again on each edit. Not a transition: it leaves no timeline row
 * and no notification, and only the brand's activity log records it — the workshop never learns of it.
 */
export async function evaluateSample(db: Db, actor: Actor, input: EvaluateSampleInput) {
  return withOrg(db, actor.orgId, async (tx) => {
    const [req] = await tx
      .select()
      .from(sampleRequests)
      .where(and(eq(sampleRequests.id, input.requestId), eq(sampleRequests.brandOrgId, actor.orgId)))
      .for("update");
    if (!req) throw sampleRequestNotFound();
    if (req.status !== "received") throw new AppError("CONFLICT", "You can evaluate a sample once you have received it.");
    const values = { quality: input.quality, finish: input.finish, communication: input.communication, notes: input.notes, evaluatedById: actor.userId, updatedAt: new Date() };
    const [evaluation] = await tx
      .insert(sampleEvaluations)
      .values({ sampleRequestId: req.id, brandOrgId: actor.orgId, ...values })
      .onConflictDoUpdate({ target: sampleEvaluations.sampleRequestId, set: values })
      .returning();
    await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "sample_request.evaluated", subjectType: "sample_request", subjectId: req.id, data: { number: req.number } });
    return evaluation!;
  });
}
