import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { callerFor, createFixture } from "~/test/fixtures";
import { expectCode } from "~/test/tenancy";
import { actorOf, publishWorkshop } from "~/test/vetting";
import { notifications } from "../db/schema";
import { notify } from "./notifications";
import { createSampleRequest, declineSampleRequest } from "./sample-requests";

const db = await testDb();

describe("notifications", () => {
  it("count unread, mark one and all read, for every member of the organization", async () => {
    const f = await createFixture(db);
    await publishWorkshop(db, f.workshop);
    const input = { workshopOrgId: f.workshop.org.id, description: "A cuff bracelet in brass", quantity: 1, note: "", attachmentFileIds: [] };
    for (let i = 0; i < 3; i++) await createSampleRequest(db, actorOf(f.brand), input);

    const owner = callerFor(db, f.workshop.owner);
    const member = callerFor(db, f.workshop.member);
    const org = { orgId: f.workshop.org.id };
    expect(await member.notification.unreadCount(org)).toEqual({ count: 3 });
    const { items } = await member.notification.list({ ...org, limit: 10 });
    // Sorted: PGlite's millisecond clock can give two of them the same time.
    expect(items.map((n) => n.title).sort()).toEqual(["Maison Test requested a sample (SR-1)", "Maison Test requested a sample (SR-2)", "Maison Test requested a sample (SR-3)"]);

    await owner.notification.markRead({ ...org, notificationId: items[0]!.id });
    // Read by one member is read for the organization; reading again keeps the first time.
    const [first] = await db.select().from(notifications).where(eq(notifications.id, items[0]!.id));
    await member.notification.markRead({ ...org, notificationId: items[0]!.id });
    const [again] = await db.select().from(notifications).where(eq(notifications.id, items[0]!.id));
    expect(again!.readAt).toEqual(first!.readAt);
    expect(await member.notification.unreadCount(org)).toEqual({ count: 2 });

    expect(await member.notification.markAllRead(org)).toEqual({ updated: 2 });
    expect(await member.notification.unreadCount(org)).toEqual({ count: 0 });
    // The brand is not notified of its own requests.
    expect(await callerFor(db, f.brand.member).notification.unreadCount({ orgId: f.brand.org.id })).toEqual({ count: 0 });
  });

  it("pages newest first without gaps or repeats", async () => {
    const f = await createFixture(db);
    for (let i = 0; i < 7; i++) await notify(db, { orgId: f.brand.org.id, title: `N${i}`, href: "/x" });
    const caller = callerFor(db, f.brand.member);
    const seen: { title: string; createdAt: Date; id: string }[] = [];
    let cursor: { createdAt: Date; id: string } | null = null;
    do {
      const page: Awaited<ReturnType<typeof caller.notification.list>> = await caller.notification.list({ orgId: f.brand.org.id, limit: 3, cursor });
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.map((n) => n.title).sort()).toEqual(["N0", "N1", "N2", "N3", "N4", "N5", "N6"]);
    const all = await caller.notification.list({ orgId: f.brand.org.id, limit: 50 });
    expect(seen.map((n) => n.id)).toEqual(all.items.map((n) => n.id));
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.createdAt.getTime()).toBeLessThanOrEqual(seen[i - 1]!.createdAt.getTime());
  });

  it("another organization's notification answers NOT_FOUND and stays unread", async () => {
    const f = await createFixture(db);
    await publishWorkshop(db, f.workshop);
    const req = await createSampleRequest(db, actorOf(f.brand), { workshopOrgId: f.workshop.org.id, description: "A pendant in silver 925", quantity: 1, note: "", attachmentFileIds: [] });
    await declineSampleRequest(db, actorOf(f.workshop), { requestId: req.id, reason: "We do not work in silver" });
    const [brandNote] = await db.select().from(notifications).where(eq(notifications.orgId, f.brand.org.id));
    expect(brandNote!.body).toBe("We do not work in silver");

    await expectCode(callerFor(db, f.workshop.owner).notification.markRead({ orgId: f.workshop.org.id, notificationId: brandNote!.id }), "NOT_FOUND");
    await expectCode(callerFor(db, f.outsider.brand.owner).notification.markRead({ orgId: f.outsider.brand.org.id, notificationId: brandNote!.id }), "NOT_FOUND");
    await callerFor(db, f.outsider.brand.owner).notification.markAllRead({ orgId: f.outsider.brand.org.id });
    const [after] = await db.select().from(notifications).where(eq(notifications.id, brandNote!.id));
    expect(after!.readAt).toBeNull();
  });
});
