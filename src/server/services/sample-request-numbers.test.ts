import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { callerFor, createFixture, createOrg } from "~/test/fixtures";
import { expectCode } from "~/test/tenancy";
import { actorOf, publishWorkshop } from "~/test/vetting";
import { workshopSampleLabel } from "~/lib/sample-request-schemas";
import { notifications } from "../db/schema";
import { createSampleRequest } from "./sample-requests";

const db = await testDb();

describe("sample request references", () => {
  it("a workshop numbers its requests across brands and names each with the brand's name and number; old id URLs find the number", async () => {
    const f = await createFixture(db);
    await publishWorkshop(db, f.workshop);
    await publishWorkshop(db, f.outsider.workshop);
    const other = await createOrg(db, "brand", "Studio Other");
    const input = (workshopOrgId: string, description: string) => ({ workshopOrgId, description, quantity: 1, note: "", attachmentFileIds: [] });

    const a1 = await createSampleRequest(db, actorOf(f.brand), input(f.workshop.org.id, "A signet ring"));
    const b1 = await createSampleRequest(db, actorOf(other), input(f.workshop.org.id, "A cuff"));
    const elsewhere = await createSampleRequest(db, actorOf(f.brand), input(f.outsider.workshop.org.id, "A pendant"));
    const a3 = await createSampleRequest(db, actorOf(f.brand), input(f.workshop.org.id, "Hoop earrings"));
    // Per brand: both brands have an SR-1. Per workshop: 1, 2, 3 in order, counted apart for each workshop.
    expect([a1, b1, elsewhere, a3].map((r) => [r.number, r.workshopNumber])).toEqual([
      [1, 1],
      [1, 2],
      [2, 1],
      [3, 3],
    ]);

    const ws = callerFor(db, f.workshop.member);
    const org = { orgId: f.workshop.org.id };
    const list = await ws.sampleRequest.inbox({ ...org, status: null, page: 1 });
    expect(list.items.map((r) => [workshopSampleLabel(r), r.workshopNumber]).sort()).toEqual([
      ["Maison Test SR-1", 1],
      ["Maison Test SR-3", 3],
      ["Studio Other SR-1", 2],
    ]);
    expect(await ws.sampleRequest.inboxGet({ ...org, number: 2 })).toMatchObject({ id: b1.id, brandName: "Studio Other", number: 1 });
    expect(await ws.sampleRequest.inboxNumberOf({ ...org, requestId: b1.id })).toEqual({ number: 2 });
    // Another workshop's request, by its number or its id, is not found.
    await expectCode(ws.sampleRequest.inboxNumberOf({ ...org, requestId: elsewhere.id }), "NOT_FOUND");
    await expectCode(ws.sampleRequest.inboxGet({ ...org, number: 4 }), "NOT_FOUND");

    // The workshop's notification links to the readable URL.
    const [note] = await db.select({ href: notifications.href }).from(notifications).where(and(eq(notifications.orgId, f.workshop.org.id), eq(notifications.title, "Studio Other requested a sample (SR-1)")));
    expect(note).toEqual({ href: `/workshop/${f.workshop.org.slug}/samples/2` });
  });

  it("gives concurrent requests from several brands to one workshop distinct consecutive numbers", async () => {
    const f = await createFixture(db);
    await publishWorkshop(db, f.workshop);
    const brands = await Promise.all(Array.from({ length: 6 }, (_, i) => createOrg(db, "brand", `Concurrent Brand ${i + 1}`)));
    const made = await Promise.all(brands.map((b) => createSampleRequest(db, actorOf(b), { workshopOrgId: f.workshop.org.id, description: "A ring", quantity: 1, note: "", attachmentFileIds: [] })));
    expect(made.map((r) => r.workshopNumber).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(made.every((r) => r.number === 1)).toBe(true);
  });
});
