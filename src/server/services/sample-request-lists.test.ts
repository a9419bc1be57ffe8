import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { callerFor, createOrg, type OrgFixture } from "~/test/fixtures";
import { actorOf, publishWorkshop } from "~/test/vetting";
import { todayIn } from "~/lib/sample-request-schemas";
import { sampleRequests } from "../db/schema";
import { acceptSampleRequest, cancelSampleRequest, createSampleRequest, declineSampleRequest, shipSampleRequest } from "./sample-requests";

/**
 * The brand's list (`sample.list`) and the workshop's inbox (`sample.inbox`), read through the procedures:
 * newest first by creation time, 20 to a page, a status filter, counts per status, and only the caller's
 * own organization's requests. Every expected value is written out.
 */

const db = await testDb();

/** A fixed clock for creation times, so "newest first" does not depend on how fast the test runs. */
const BASE = Date.UTC(2025, 2, 3, 9, 0, 0);
const minutes = (m: number) => new Date(BASE + m * 60_000);
const fee = { amountMinor: 4500, currency: "EUR" };
const shipDate = () => todayIn("Europe/Rome");
const pad = (n: number) => String(n).padStart(2, "0");

async function request(brand: OrgFixture, workshop: OrgFixture, description: string, createdAt: Date) {
  const req = await createSampleRequest(db, actorOf(brand, "member"), { workshopOrgId: workshop.org.id, description, quantity: 1, note: "", attachmentFileIds: [] });
  await db.update(sampleRequests).set({ createdAt }).where(eq(sampleRequests.id, req.id));
  return req;
}

const accept = (workshop: OrgFixture, requestId: string) => acceptSampleRequest(db, actorOf(workshop, "member"), { requestId, fee, expectedShipDate: shipDate() });
const decline = (workshop: OrgFixture, requestId: string) => declineSampleRequest(db, actorOf(workshop, "member"), { requestId, reason: "Fully booked until spring" });
const cancel = (brand: OrgFixture, requestId: string) => cancelSampleRequest(db, actorOf(brand, "member"), { requestId });
const ship = (workshop: OrgFixture, requestId: string) => shipSampleRequest(db, actorOf(workshop, "member"), { requestId, carrier: "DHL", trackingNumber: "JD0146000033" });

type Summary = { number: number; description: string; status: string; brandName: string; workshopName: string };
const brandRows = (items: Summary[]) => items.map((i) => [i.number, i.description, i.workshopName, i.status]);
const inboxRows = (items: Summary[]) => items.map((i) => [i.description, i.brandName, i.number, i.status]);

describe("sample.list (brand side)", () => {
  let brand: OrgFixture;
  let other: OrgFixture;
  let uno: OrgFixture;
  let due: OrgFixture;

  beforeAll(async () => {
    brand = await createOrg(db, "brand", "Maison Liste");
    other = await createOrg(db, "brand", "Maison Autre");
    uno = await createOrg(db, "workshop", "Atelier Uno");
    due = await createOrg(db, "workshop", "Atelier Due");
    await publishWorkshop(db, uno);
    await publishWorkshop(db, due);

    // 23 requests by the brand, alternating between two workshops, one minute apart.
    const ids: Record<number, string> = {};
    for (let i = 1; i <= 23; i++) {
      const req = await request(brand, i % 2 === 1 ? uno : due, `Ring ${pad(i)}`, minutes(i));
      ids[i] = req.id;
    }
    // Another brand's requests to the same workshop, created in between the brand's own; one accepted.
    const o1 = await request(other, uno, "Other ring A", minutes(4.5));
    await request(other, uno, "Other ring B", minutes(12.5));
    await request(other, uno, "Other ring C", minutes(22.5));
    await accept(uno, o1.id);

    // Moving requests along changes their updatedAt, never their place in the list.
    await accept(uno, ids[5]!);
    await accept(due, ids[12]!);
    await decline(uno, ids[7]!);
    await cancel(brand, ids[20]!);
    await accept(uno, ids[3]!);
    await ship(uno, ids[3]!);
  });

  const list = (input: { page?: number; status?: "requested" | "accepted" | "declined" | "shipped" | "received" | "cancelled" | null }) =>
    callerFor(db, brand.member).sampleRequest.list({ orgId: brand.org.id, ...input });

  const COUNTS = { requested: 18, accepted: 2, declined: 1, cancelled: 1, shipped: 1 };

  it("page 1 holds the 20 newest requests, newest first, with the totals", async () => {
    const page = await list({ page: 1 });
    expect(brandRows(page.items)).toEqual([
      [23, "Ring 23", "Atelier Uno", "requested"],
      [22, "Ring 22", "Atelier Due", "requested"],
      [21, "Ring 21", "Atelier Uno", "requested"],
      [20, "Ring 20", "Atelier Due", "cancelled"],
      [19, "Ring 19", "Atelier Uno", "requested"],
      [18, "Ring 18", "Atelier Due", "requested"],
      [17, "Ring 17", "Atelier Uno", "requested"],
      [16, "Ring 16", "Atelier Due", "requested"],
      [15, "Ring 15", "Atelier Uno", "requested"],
      [14, "Ring 14", "Atelier Due", "requested"],
      [13, "Ring 13", "Atelier Uno", "requested"],
      [12, "Ring 12", "Atelier Due", "accepted"],
      [11, "Ring 11", "Atelier Uno", "requested"],
      [10, "Ring 10", "Atelier Due", "requested"],
      [9, "Ring 09", "Atelier Uno", "requested"],
      [8, "Ring 08", "Atelier Due", "requested"],
      [7, "Ring 07", "Atelier Uno", "declined"],
      [6, "Ring 06", "Atelier Due", "requested"],
      [5, "Ring 05", "Atelier Uno", "accepted"],
      [4, "Ring 04", "Atelier Due", "requested"],
    ]);
    expect(page.items.every((i) => i.brandName === "Maison Liste")).toBe(true);
    expect({ total: page.total, all: page.all, page: page.page, pageSize: page.pageSize, counts: page.counts }).toEqual({ total: 23, all: 23, page: 1, pageSize: 20, counts: COUNTS });
  });

  it("page 1 is the default page", async () => {
    const page = await list({});
    expect(page.page).toBe(1);
    expect(page.items.map((i) => i.number)).toEqual([23, 22, 21, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4]);
  });

  it("page 2 holds the remaining 3, and page 3 is empty with the same totals", async () => {
    const page2 = await list({ page: 2 });
    expect(brandRows(page2.items)).toEqual([
      [3, "Ring 03", "Atelier Uno", "shipped"],
      [2, "Ring 02", "Atelier Due", "requested"],
      [1, "Ring 01", "Atelier Uno", "requested"],
    ]);
    expect({ total: page2.total, all: page2.all, page: page2.page, pageSize: page2.pageSize, counts: page2.counts }).toEqual({ total: 23, all: 23, page: 2, pageSize: 20, counts: COUNTS });

    const page3 = await list({ page: 3 });
    expect(page3.items).toEqual([]);
    expect({ total: page3.total, all: page3.all, page: page3.page }).toEqual({ total: 23, all: 23, page: 3 });
  });

  it("a status filter returns exactly the requests in that status, newest first, with its total", async () => {
    const accepted = await list({ status: "accepted", page: 1 });
    expect(brandRows(accepted.items)).toEqual([
      [12, "Ring 12", "Atelier Due", "accepted"],
      [5, "Ring 05", "Atelier Uno", "accepted"],
    ]);
    expect({ total: accepted.total, all: accepted.all, counts: accepted.counts }).toEqual({ total: 2, all: 23, counts: COUNTS });

    const declined = await list({ status: "declined", page: 1 });
    expect(brandRows(declined.items)).toEqual([[7, "Ring 07", "Atelier Uno", "declined"]]);
    expect(declined.total).toBe(1);

    const shipped = await list({ status: "shipped", page: 1 });
    expect(brandRows(shipped.items)).toEqual([[3, "Ring 03", "Atelier Uno", "shipped"]]);
    expect(shipped.total).toBe(1);

    const cancelled = await list({ status: "cancelled", page: 1 });
    expect(brandRows(cancelled.items)).toEqual([[20, "Ring 20", "Atelier Due", "cancelled"]]);
    expect(cancelled.total).toBe(1);

    const received = await list({ status: "received", page: 1 });
    expect(received.items).toEqual([]);
    expect({ total: received.total, all: received.all, counts: received.counts }).toEqual({ total: 0, all: 23, counts: COUNTS });
  });

  it("the filter pages too: 18 requested fit on page 1, page 2 is empty", async () => {
    const requested = await list({ status: "requested", page: 1 });
    expect(requested.items.map((i) => i.number)).toEqual([23, 22, 21, 19, 18, 17, 16, 15, 14, 13, 11, 10, 9, 8, 6, 4, 2, 1]);
    expect(requested.total).toBe(18);
    const next = await list({ status: "requested", page: 2 });
    expect(next.items).toEqual([]);
    expect(next.total).toBe(18);
  });

  it("a null status is no filter", async () => {
    const page = await list({ status: null, page: 2 });
    expect(page.items.map((i) => i.number)).toEqual([3, 2, 1]);
    expect(page.total).toBe(23);
  });

  it("another brand's requests to the same workshop never appear, and that brand sees only its own", async () => {
    const everything = [...(await list({ page: 1 })).items, ...(await list({ page: 2 })).items];
    expect(everything).toHaveLength(23);
    expect(everything.filter((i) => i.description.startsWith("Other") || i.brandName !== "Maison Liste")).toEqual([]);

    const theirs = await callerFor(db, other.member).sampleRequest.list({ orgId: other.org.id, page: 1 });
    expect(brandRows(theirs.items)).toEqual([
      [3, "Other ring C", "Atelier Uno", "requested"],
      [2, "Other ring B", "Atelier Uno", "requested"],
      [1, "Other ring A", "Atelier Uno", "accepted"],
    ]);
    expect({ total: theirs.total, all: theirs.all, counts: theirs.counts }).toEqual({ total: 3, all: 3, counts: { requested: 2, accepted: 1 } });
  });
});

describe("sample.inbox (workshop side)", () => {
  let workshop: OrgFixture;
  let altro: OrgFixture;
  let prima: OrgFixture;
  let seconda: OrgFixture;

  beforeAll(async () => {
    workshop = await createOrg(db, "workshop", "Atelier Inbox");
    altro = await createOrg(db, "workshop", "Atelier Altro");
    prima = await createOrg(db, "brand", "Maison Prima");
    seconda = await createOrg(db, "brand", "Maison Seconda");
    await publishWorkshop(db, workshop);
    await publishWorkshop(db, altro);

    // 23 requests to the workshop from two brands in turn, one minute apart; each brand numbers its own.
    const ids: Record<number, string> = {};
    for (let i = 1; i <= 23; i++) {
      const req = await request(i % 2 === 1 ? prima : seconda, workshop, `Inbox ${pad(i)}`, minutes(i));
      ids[i] = req.id;
    }
    // The same brand's requests to another workshop, created in between; one accepted there.
    const a1 = await request(prima, altro, "Elsewhere A", minutes(8.5));
    await request(prima, altro, "Elsewhere B", minutes(21.5));
    await accept(altro, a1.id);

    await accept(workshop, ids[6]!);
    await accept(workshop, ids[15]!);
    await decline(workshop, ids[9]!);
    await cancel(seconda, ids[18]!);
  });

  const inbox = (input: { page?: number; status?: "requested" | "accepted" | "declined" | "shipped" | "received" | "cancelled" | null }) =>
    callerFor(db, workshop.member).sampleRequest.inbox({ orgId: workshop.org.id, ...input });

  const COUNTS = { requested: 19, accepted: 2, declined: 1, cancelled: 1 };

  it("page 1 holds the 20 newest requests from both brands, newest first, with the totals", async () => {
    const page = await inbox({ page: 1 });
    expect(inboxRows(page.items)).toEqual([
      ["Inbox 23", "Maison Prima", 12, "requested"],
      ["Inbox 22", "Maison Seconda", 11, "requested"],
      ["Inbox 21", "Maison Prima", 11, "requested"],
      ["Inbox 20", "Maison Seconda", 10, "requested"],
      ["Inbox 19", "Maison Prima", 10, "requested"],
      ["Inbox 18", "Maison Seconda", 9, "cancelled"],
      ["Inbox 17", "Maison Prima", 9, "requested"],
      ["Inbox 16", "Maison Seconda", 8, "requested"],
      ["Inbox 15", "Maison Prima", 8, "accepted"],
      ["Inbox 14", "Maison Seconda", 7, "requested"],
      ["Inbox 13", "Maison Prima", 7, "requested"],
      ["Inbox 12", "Maison Seconda", 6, "requested"],
      ["Inbox 11", "Maison Prima", 6, "requested"],
      ["Inbox 10", "Maison Seconda", 5, "requested"],
      ["Inbox 09", "Maison Prima", 5, "declined"],
      ["Inbox 08", "Maison Seconda", 4, "requested"],
      ["Inbox 07", "Maison Prima", 4, "requested"],
      ["Inbox 06", "Maison Seconda", 3, "accepted"],
      ["Inbox 05", "Maison Prima", 3, "requested"],
      ["Inbox 04", "Maison Seconda", 2, "requested"],
    ]);
    expect(page.items.every((i) => i.workshopName === "Atelier Inbox")).toBe(true);
    expect({ total: page.total, all: page.all, page: page.page, pageSize: page.pageSize, counts: page.counts }).toEqual({ total: 23, all: 23, page: 1, pageSize: 20, counts: COUNTS });
  });

  it("page 2 holds the remaining 3, and page 3 is empty with the same totals", async () => {
    const page2 = await inbox({ page: 2 });
    expect(inboxRows(page2.items)).toEqual([
      ["Inbox 03", "Maison Prima", 2, "requested"],
      ["Inbox 02", "Maison Seconda", 1, "requested"],
      ["Inbox 01", "Maison Prima", 1, "requested"],
    ]);
    expect({ total: page2.total, all: page2.all, page: page2.page, pageSize: page2.pageSize, counts: page2.counts }).toEqual({ total: 23, all: 23, page: 2, pageSize: 20, counts: COUNTS });

    const page3 = await inbox({ page: 3 });
    expect(page3.items).toEqual([]);
    expect({ total: page3.total, all: page3.all, page: page3.page }).toEqual({ total: 23, all: 23, page: 3 });
  });

  it("a status filter returns exactly the requests in that status, newest first, with its total", async () => {
    const accepted = await inbox({ status: "accepted", page: 1 });
    expect(inboxRows(accepted.items)).toEqual([
      ["Inbox 15", "Maison Prima", 8, "accepted"],
      ["Inbox 06", "Maison Seconda", 3, "accepted"],
    ]);
    expect({ total: accepted.total, all: accepted.all, counts: accepted.counts }).toEqual({ total: 2, all: 23, counts: COUNTS });

    const declined = await inbox({ status: "declined", page: 1 });
    expect(inboxRows(declined.items)).toEqual([["Inbox 09", "Maison Prima", 5, "declined"]]);
    expect(declined.total).toBe(1);

    const cancelled = await inbox({ status: "cancelled", page: 1 });
    expect(inboxRows(cancelled.items)).toEqual([["Inbox 18", "Maison Seconda", 9, "cancelled"]]);
    expect(cancelled.total).toBe(1);

    const shipped = await inbox({ status: "shipped", page: 1 });
    expect(shipped.items).toEqual([]);
    expect({ total: shipped.total, all: shipped.all, counts: shipped.counts }).toEqual({ total: 0, all: 23, counts: COUNTS });
  });

  it("the requested filter spans 19 requests on one page", async () => {
    const requested = await inbox({ status: "requested", page: 1 });
    expect(requested.items.map((i) => i.description)).toEqual([
      "Inbox 23",
      "Inbox 22",
      "Inbox 21",
      "Inbox 20",
      "Inbox 19",
      "Inbox 17",
      "Inbox 16",
      "Inbox 14",
      "Inbox 13",
      "Inbox 12",
      "Inbox 11",
      "Inbox 10",
      "Inbox 08",
      "Inbox 07",
      "Inbox 05",
      "Inbox 04",
      "Inbox 03",
      "Inbox 02",
      "Inbox 01",
    ]);
    expect(requested.total).toBe(19);
  });

  it("requests to another workshop never appear, and that workshop sees only its own", async () => {
    const everything = [...(await inbox({ page: 1 })).items, ...(await inbox({ page: 2 })).items];
    expect(everything).toHaveLength(23);
    expect(everything.filter((i) => i.description.startsWith("Elsewhere") || i.workshopName !== "Atelier Inbox")).toEqual([]);

    const theirs = await callerFor(db, altro.member).sampleRequest.inbox({ orgId: altro.org.id, page: 1 });
    expect(inboxRows(theirs.items)).toEqual([
      ["Elsewhere B", "Maison Prima", 14, "requested"],
      ["Elsewhere A", "Maison Prima", 13, "accepted"],
    ]);
    expect({ total: theirs.total, all: theirs.all, counts: theirs.counts }).toEqual({ total: 2, all: 2, counts: { requested: 1, accepted: 1 } });
  });
});
