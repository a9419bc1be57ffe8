import { TRPCError } from "@trpc/server";
import { and, asc, eq } from "drizzle-orm";
import { z, ZodError } from "zod";
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { callerFor, createFixture, createOrg, type Fixture } from "~/test/fixtures";
import { expectCode } from "~/test/tenancy";
import { actorOf, addPortfolioPiece, publishWorkshop, uploadedFile } from "~/test/vetting";
import { todayIn, type SampleStatus } from "~/lib/sample-request-schemas";
import { events, notifications, sampleEvaluations, sampleRequestAttachments, sampleRequestUpdates, sampleRequests, type SampleRequest } from "../db/schema";
import { AppError } from "../errors";
import {
  acceptSampleRequest,
  cancelSampleRequest,
  createSampleRequest,
  declineSampleRequest,
  evaluateSample,
  markSampleReceived,
  SAMPLE_TRANSITIONS,
  shipSampleRequest,
  type SampleAction,
} from "./sample-requests";

const db = await testDb();

let f: Fixture;
beforeAll(async () => {
  f = await createFixture(db);
  await publishWorkshop(db, f.workshop);
  await publishWorkshop(db, f.outsider.workshop);
});

const brand = () => actorOf(f.brand, "member");
const workshop = () => actorOf(f.workshop, "member");
const shipDate = () => todayIn("Europe/Rome");
const fee = { amountMinor: 4500, currency: "EUR" };

const newRequest = () => createSampleRequest(db, brand(), { workshopOrgId: f.workshop.org.id, description: "A signet ring in 18k yellow gold, size 54", quantity: 2, note: "For our autumn capsule", attachmentFileIds: [] });

/** Runs one action as the side the state machine names. */
function run(action: SampleAction, requestId: string, as?: ReturnType<typeof actorOf>) {
  switch (action) {
    case "accept":
      return acceptSampleRequest(db, as ?? workshop(), { requestId, fee, expectedShipDate: shipDate() });
    case "decline":
      return declineSampleRequest(db, as ?? workshop(), { requestId, reason: "Fully booked until spring" });
    case "cancel":
      return cancelSampleRequest(db, as ?? brand(), { requestId });
    case "ship":
      return shipSampleRequest(db, as ?? workshop(), { requestId, carrier: "DHL", trackingNumber: "JD0146000033" });
    case "receive":
      return markSampleReceived(db, as ?? brand(), { requestId });
  }
}

const PATH: Record<SampleStatus, SampleAction[]> = {
  requested: [],
  accepted: ["accept"],
  declined: ["decline"],
  cancelled: ["cancel"],
  shipped: ["accept", "ship"],
  received: ["accept", "ship", "receive"],
};

async function requestIn(status: SampleStatus): Promise<SampleRequest> {
  let req = await newRequest();
  for (const action of PATH[status]) req = await run(action, req.id);
  expect(req.status).toBe(status);
  return req;
}

const rank = (s: SampleStatus) => ["requested", "accepted", "declined", "cancelled", "shipped", "received"].indexOf(s);
const rowOf = async (id: string) => (await db.select().from(sampleRequests).where(eq(sampleRequests.id, id)))[0]!;
/** In the order things happened: each status occurs once per request, so its rank settles clock ties. */
const updatesOf = async (id: string) =>
  (await db.select().from(sampleRequestUpdates).where(eq(sampleRequestUpdates.sampleRequestId, id))).sort((a, b) => rank(a.status) - rank(b.status));
const eventsOf = (id: string) => db.select().from(events).where(eq(events.subjectId, id));
const everything = async (id: string) => ({
  request: await rowOf(id),
  updates: await updatesOf(id),
  events: await eventsOf(id),
  notifications: await db.select().from(notifications).orderBy(asc(notifications.id)),
  evaluations: await db.select().from(sampleEvaluations).where(eq(sampleEvaluations.sampleRequestId, id)),
});

/** Expects a service's AppError or a procedure's TRPCError with `code`, and proves nothing changed. */
async function expectRefused(id: string, promise: () => Promise<unknown>, code: AppError["code"]) {
  const before = await everything(id);
  const err = await promise().then(
    () => null,
    (e: unknown) => e,
  );
  expect(err instanceof AppError || err instanceof TRPCError, `expected ${code}, got ${String(err)}`).toBe(true);
  expect((err as AppError).code).toBe(code);
  expect(await everything(id)).toEqual(before);
  return err as AppError;
}

/** The messages a form would show next to each field, as the HTTP error formatter builds them. */
async function fieldErrorsOf(promise: Promise<unknown>) {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TRPCError);
  expect((err as TRPCError).code).toBe("BAD_REQUEST");
  const cause = (err as TRPCError).cause;
  if (cause instanceof ZodError) return z.flattenError(cause).fieldErrors;
  if (cause instanceof AppError && cause.field) return { [cause.field]: [cause.message] };
  return {};
}

const STATUSES: SampleStatus[] = ["requested", "accepted", "declined", "shipped", "received", "cancelled"];
const ACTIONS = Object.keys(SAMPLE_TRANSITIONS) as SampleAction[];

describe("the state machine", () => {
  for (const action of ACTIONS) {
    const t = SAMPLE_TRANSITIONS[action];
    for (const status of STATUSES) {
      if (status === t.from) {
        it(`${action}: ${status} → ${t.to} by the ${t.side}`, async () => {
          const req = await requestIn(status);
          const updated = await run(action, req.id);
          expect(updated.status).toBe(t.to);
          expect((await updatesOf(req.id)).at(-1)).toMatchObject({ status: t.to, actorOrgId: t.side === "brand" ? f.brand.org.id : f.workshop.org.id });
        });
      } else {
        it(`${action}: refused from ${status}, nothing changed`, async () => {
          const req = await requestIn(status);
          const err = await expectRefused(req.id, () => run(action, req.id), "CONFLICT");
          expect(err.message).toMatch(/^This sample request is (already|not)/);
        });
      }
    }
  }

  for (const action of ACTIONS) {
    const t = SAMPLE_TRANSITIONS[action];
    it(`${action}: the ${t.side === "brand" ? "workshop" : "brand"} of the same request gets NOT_FOUND, nothing changed`, async () => {
      const req = await requestIn(t.from);
      const wrongSide = t.side === "brand" ? actorOf(f.workshop) : actorOf(f.brand);
      await expectRefused(req.id, () => run(action, req.id, wrongSide), "NOT_FOUND");
    });
  }

  it("through the router, the wrong side is refused by the procedure kind", async () => {
    const req = await requestIn("requested");
    await expectCode(callerFor(db, f.workshop.owner).sampleRequest.cancel({ orgId: f.workshop.org.id, requestId: req.id }), "NOT_FOUND");
    await expectCode(callerFor(db, f.brand.owner).sampleRequest.accept({ orgId: f.brand.org.id, requestId: req.id, fee: "45.00 EUR", expectedShipDate: shipDate() }), "NOT_FOUND");
    expect((await rowOf(req.id)).status).toBe("requested");
  });
});

describe("what each change leaves behind", () => {
  it("a timeline row, an event in each organization and a notification for the other side", async () => {
    const req = await newRequest();
    const created = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.orgId, f.workshop.org.id), eq(notifications.href, `/workshop/${f.workshop.org.slug}/samples/${req.workshopNumber}`)));
    expect(created).toEqual([expect.objectContaining({ title: `Maison Test requested a sample (SR-${req.number})`, body: `2 × ${req.description}` })]);

    const brandHref = `/brand/${f.brand.org.slug}/samples/${req.number}`;
    const workshopHref = `/workshop/${f.workshop.org.slug}/samples/${req.workshopNumber}`;
    const steps: [SampleAction, string, string, RegExp][] = [
      ["accept", f.brand.org.id, brandHref, /^Atelier Test accepted your sample request SR-\d+$/],
      ["ship", f.brand.org.id, brandHref, /^Atelier Test shipped your sample SR-\d+$/],
      ["receive", f.workshop.org.id, workshopHref, /^Maison Test received sample SR-\d+$/],
    ];
    const notesFor = (orgId: string, href: string) =>
      db.select().from(notifications).where(and(eq(notifications.orgId, orgId), eq(notifications.href, href))).orderBy(asc(notifications.createdAt), asc(notifications.id));
    for (const [action, orgId, href, title] of steps) {
      const before = await notesFor(orgId, href);
      await run(action, req.id);
      const after = await notesFor(orgId, href);
      expect(after, `${action} notifies the other side once`).toHaveLength(before.length + 1);
      expect(after.find((n) => !before.some((b) => b.id === n.id))!.title).toMatch(title);
    }
    // The acting side is not notified of its own change.
    expect(await notesFor(f.workshop.org.id, brandHref)).toEqual([]);
    expect((await notesFor(f.brand.org.id, workshopHref)).length).toBe(0);

    expect((await updatesOf(req.id)).map((u) => u.status)).toEqual(["requested", "accepted", "shipped", "received"]);
    const logged = await eventsOf(req.id);
    for (const orgId of [f.brand.org.id, f.workshop.org.id]) {
      expect(
        logged
          .filter((e) => e.orgId === orgId)
          .map((e) => e.action)
          .sort(),
      ).toEqual(["sample_request.accepted", "sample_request.received", "sample_request.requested", "sample_request.shipped"]);
    }
    const notes = await db.select().from(notifications).where(eq(notifications.orgId, f.brand.org.id));
    expect(notes.some((n) => n.title.includes("accepted") && n.body.includes("€45.00"))).toBe(true);
    expect(notes.some((n) => n.title.includes("shipped") && n.body.includes("JD0146000033"))).toBe(true);
  });

  it("the workshop's answer sets the record's response time", async () => {
    const req = await requestIn("accepted");
    const row = await rowOf(req.id);
    expect(row.respondedAt).not.toBeNull();
    expect(row.feeMinor).toBe(4500);
    expect(row.feeCurrency).toBe("EUR");
  });
});

describe("creating a request", () => {
  it("numbers each brand's requests on their own: SR-1, SR-2…", async () => {
    const b = await createOrg(db, "brand", "Numbering Brand");
    const other = await createOrg(db, "brand", "Other Numbering Brand");
    const input = { workshopOrgId: f.workshop.org.id, description: "A pendant in silver 925", quantity: 1, note: "", attachmentFileIds: [] };
    expect((await createSampleRequest(db, actorOf(b), input)).number).toBe(1);
    expect((await createSampleRequest(db, actorOf(b), input)).number).toBe(2);
    expect((await createSampleRequest(db, actorOf(other), input)).number).toBe(1);
  });

  it("gives concurrent requests distinct consecutive numbers", async () => {
    const b = await createOrg(db, "brand", "Concurrent Brand");
    const input = { workshopOrgId: f.workshop.org.id, description: "Hoop earrings, 20 mm", quantity: 1, note: "", attachmentFileIds: [] };
    const made = await Promise.all(Array.from({ length: 12 }, () => createSampleRequest(db, actorOf(b), input)));
    expect(made.map((r) => r.number).sort((a, c) => a - c)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it("asks for a piece of the workshop's own portfolio, keeping its title", async () => {
    const piece = await addPortfolioPiece(db, f.workshop, "Twisted band ring");
    const req = await createSampleRequest(db, brand(), { workshopOrgId: f.workshop.org.id, portfolioPieceId: piece.id, description: "", quantity: 1, note: "", attachmentFileIds: [] });
    expect(req.portfolioPieceId).toBe(piece.id);
    expect(req.description).toBe("Twisted band ring");

    const foreign = await addPortfolioPiece(db, f.outsider.workshop, "Someone else's ring");
    const caller = callerFor(db, f.brand.member);
    expect(await fieldErrorsOf(caller.sampleRequest.create({ orgId: f.brand.org.id, workshopOrgId: f.workshop.org.id, portfolioPieceId: foreign.id, quantity: 1 }))).toEqual({
      portfolioPieceId: ["Choose a piece from this workshop's portfolio."],
    });
  });

  it("refuses an unpublished workshop, a missing description and a quantity out of 1–100", async () => {
    const hidden = await createOrg(db, "workshop", "Hidden Workshop");
    const caller = callerFor(db, f.brand.member);
    const base = { orgId: f.brand.org.id, workshopOrgId: f.workshop.org.id, description: "A ring with a 4 mm lab-grown sapphire", quantity: 1 };
    await expectCode(caller.sampleRequest.create({ ...base, workshopOrgId: hidden.org.id }), "NOT_FOUND");
    await expectCode(caller.sampleRequest.create({ ...base, workshopOrgId: f.outsider.brand.org.id }), "NOT_FOUND");
    await expectCode(caller.sampleRequest.create({ ...base, description: "ring" }), "BAD_REQUEST");
    await expectCode(caller.sampleRequest.create({ ...base, quantity: 0 }), "BAD_REQUEST");
    await expectCode(caller.sampleRequest.create({ ...base, quantity: 101 }), "BAD_REQUEST");
    expect(await db.select().from(sampleRequests).where(eq(sampleRequests.workshopOrgId, hidden.org.id))).toEqual([]);
  });

  it("attaches only the brand's own unused attachment files, and ties them to the request", async () => {
    const mine = await uploadedFile(db, f.brand);
    const theirs = await uploadedFile(db, f.outsider.brand);
    const photo = await uploadedFile(db, f.brand, "portfolio_photo");
    const input = { workshopOrgId: f.workshop.org.id, description: "Cuff bracelet as in the sketch", quantity: 1, note: "" };
    for (const id of [theirs.id, photo.id]) {
      const err = await createSampleRequest(db, brand(), { ...input, attachmentFileIds: [mine.id, id] }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: "BAD_REQUEST", field: "attachmentFileIds" });
    }
    const req = await createSampleRequest(db, brand(), { ...input, attachmentFileIds: [mine.id] });
    expect(await db.select({ fileId: sampleRequestAttachments.fileId, position: sampleRequestAttachments.position }).from(sampleRequestAttachments).where(eq(sampleRequestAttachments.sampleRequestId, req.id))).toEqual([
      { fileId: mine.id, position: 0 },
    ]);
    // A file already used by one request cannot be listed on another.
    const again = await createSampleRequest(db, brand(), { ...input, attachmentFileIds: [mine.id] }).catch((e: unknown) => e);
    expect(again).toMatchObject({ code: "BAD_REQUEST" });
    const view = await callerFor(db, f.workshop.member).sampleRequest.inboxGet({ orgId: f.workshop.org.id, number: req.workshopNumber });
    expect(view.attachments.map((a) => a.id)).toEqual([mine.id]);
  });
});

describe("accepting", () => {
  it("parses the fee text into minor units", async () => {
    const req = await newRequest();
    const caller = callerFor(db, f.workshop.member);
    await caller.sampleRequest.accept({ orgId: f.workshop.org.id, requestId: req.id, fee: "1,250.50 usd", expectedShipDate: shipDate() });
    const row = await rowOf(req.id);
    expect([row.feeMinor, row.feeCurrency, row.expectedShipDate]).toEqual([125050, "USD", shipDate()]);
  });

  it("refuses a loose fee and a ship date before today in the workshop's time zone, next to the field", async () => {
    const req = await newRequest();
    const caller = callerFor(db, f.workshop.member);
    const base = { orgId: f.workshop.org.id, requestId: req.id, expectedShipDate: shipDate() };
    expect(await fieldErrorsOf(caller.sampleRequest.accept({ ...base, fee: "45,00 EUR" }))).toEqual({ fee: ["Enter an amount like 45.00 EUR."] });
    await expectCode(caller.sampleRequest.accept({ ...base, fee: "45.001 EUR" }), "BAD_REQUEST");

    const yesterday = new Date(`${shipDate()}T12:00:00Z`);
    yesterday.setUTCDate(yesterday.getUTCDate() - 1);
    expect(await fieldErrorsOf(caller.sampleRequest.accept({ ...base, fee: "45 EUR", expectedShipDate: yesterday.toISOString().slice(0, 10) }))).toEqual({
      expectedShipDate: ["Choose today or a later date."],
    });
    await expectCode(caller.sampleRequest.accept({ ...base, fee: "45 EUR", expectedShipDate: "2031-02-30" }), "BAD_REQUEST");
    expect((await rowOf(req.id)).status).toBe("requested");
  });

  it("declining needs a reason", async () => {
    const req = await newRequest();
    await expectCode(callerFor(db, f.workshop.member).sampleRequest.decline({ orgId: f.workshop.org.id, requestId: req.id, reason: "   " }), "BAD_REQUEST");
    expect((await rowOf(req.id)).status).toBe("requested");
  });
});

describe("the brand's evaluation", () => {
  const secret = "EVAL-SECRET: clasp feels cheap, do not order";

  it("is allowed only once the sample is received, and can be revised", async () => {
    for (const status of ["requested", "accepted", "shipped", "declined", "cancelled"] as const) {
      const req = await requestIn(status);
      await expectRefused(req.id, () => evaluateSample(db, brand(), { requestId: req.id, quality: 4, finish: 4, communication: 5, notes: "" }), "CONFLICT");
    }
    const req = await requestIn("received");
    await evaluateSample(db, brand(), { requestId: req.id, quality: 4, finish: 3, communication: 5, notes: "Good" });
    await evaluateSample(db, brand(), { requestId: req.id, quality: 5, finish: 3, communication: 5, notes: "Better on second look" });
    const rows = await db.select().from(sampleEvaluations).where(eq(sampleEvaluations.sampleRequestId, req.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ quality: 5, notes: "Better on second look", brandOrgId: f.brand.org.id });
    await expectCode(callerFor(db, f.brand.member).sampleRequest.evaluate({ orgId: f.brand.org.id, requestId: req.id, quality: 6, finish: 3, communication: 5 }), "BAD_REQUEST");
  });

  it("never reaches the workshop, nor another brand", async () => {
    const req = await requestIn("received");
    const caller = callerFor(db, f.brand.member);
    await caller.sampleRequest.evaluate({ orgId: f.brand.org.id, requestId: req.id, quality: 2, finish: 1, communication: 3, notes: secret });
    expect((await caller.sampleRequest.get({ orgId: f.brand.org.id, number: req.number })).evaluation).toMatchObject({ quality: 2, notes: secret });

    // Everything any workshop-side procedure answers, and all the workshop's own rows.
    const ws = callerFor(db, f.workshop.member);
    const wsOrg = { orgId: f.workshop.org.id };
    const seen = JSON.stringify([
      await ws.sampleRequest.inboxGet({ ...wsOrg, number: req.workshopNumber }),
      await ws.sampleRequest.inbox({ ...wsOrg }),
      await ws.sampleRequest.inbox({ ...wsOrg, status: "received" }),
      await ws.notification.list({ ...wsOrg, limit: 50 }),
      await ws.activity.list({ ...wsOrg, limit: 100 }),
      await db.select().from(events).where(eq(events.orgId, f.workshop.org.id)),
      await db.select().from(notifications).where(eq(notifications.orgId, f.workshop.org.id)),
      await updatesOf(req.id),
    ]);
    expect(seen).not.toContain(secret);
    expect(seen).not.toMatch(/"(quality|finish|communication|evaluation)"/);
    expect(seen).not.toContain("sample_request.evaluated");

    // Another brand cannot read or overwrite it.
    const other = callerFor(db, f.outsider.brand.owner);
    const theirs = { orgId: f.outsider.brand.org.id };
    await expectCode(other.sampleRequest.evaluate({ ...theirs, requestId: req.id, quality: 5, finish: 5, communication: 5, notes: "overwritten" }), "NOT_FOUND");
    const theirView = await other.sampleRequest.get({ ...theirs, number: req.number }).catch(() => null);
    expect(JSON.stringify(theirView)).not.toContain(secret);
    expect((await db.select().from(sampleEvaluations).where(eq(sampleEvaluations.sampleRequestId, req.id)))[0]!.notes).toBe(secret);
  });
});

describe("a request is shared by exactly its two parties", () => {
  it("another brand and an unrelated workshop get NOT_FOUND for its id, nothing changed", async () => {
    const req = await requestIn("requested");
    const otherBrand = callerFor(db, f.outsider.brand.owner);
    const b = { orgId: f.outsider.brand.org.id, requestId: req.id };
    await expectRefused(req.id, () => otherBrand.sampleRequest.cancel(b), "NOT_FOUND");
    await expectRefused(req.id, () => otherBrand.sampleRequest.markReceived(b), "NOT_FOUND");
    await expectRefused(req.id, () => otherBrand.sampleRequest.evaluate({ ...b, quality: 1, finish: 1, communication: 1 }), "NOT_FOUND");
    expect((await otherBrand.sampleRequest.list({ orgId: b.orgId })).items.map((i) => i.id)).not.toContain(req.id);

    const otherWorkshop = callerFor(db, f.outsider.workshop.owner);
    const w = { orgId: f.outsider.workshop.org.id, requestId: req.id };
    await expectRefused(req.id, () => otherWorkshop.sampleRequest.inboxGet({ orgId: w.orgId, number: req.workshopNumber }), "NOT_FOUND");
    await expectRefused(req.id, () => otherWorkshop.sampleRequest.accept({ ...w, fee: "10 EUR", expectedShipDate: shipDate() }), "NOT_FOUND");
    await expectRefused(req.id, () => otherWorkshop.sampleRequest.decline({ ...w, reason: "no" }), "NOT_FOUND");
    expect((await otherWorkshop.sampleRequest.inbox({ orgId: w.orgId })).items.map((i) => i.id)).not.toContain(req.id);

    const shipped = await requestIn("accepted");
    await expectRefused(shipped.id, () => otherWorkshop.sampleRequest.ship({ ...w, requestId: shipped.id, carrier: "UPS", trackingNumber: "1Z999" }), "NOT_FOUND");

    // Its own parties do see it.
    expect((await callerFor(db, f.workshop.member).sampleRequest.inboxGet({ orgId: f.workshop.org.id, number: req.workshopNumber })).id).toBe(req.id);
    expect((await callerFor(db, f.brand.member).sampleRequest.get({ orgId: f.brand.org.id, number: req.number })).id).toBe(req.id);
  });
});
