import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { callerFor, createFixture } from "~/test/fixtures";
import { expectCode } from "~/test/tenancy";
import { actorOf, publishWorkshop } from "~/test/vetting";
import { emails, notificationRecipients, notifications, users } from "../db/schema";
import { notify } from "./notifications";
import { createSampleRequest, declineSampleRequest } from "./sample-requests";

const db = await testDb();

const readAtOf = async (notificationId: string, userId: string) =>
  (await db.select({ readAt: notificationRecipients.readAt }).from(notificationRecipients).where(and(eq(notificationRecipients.notificationId, notificationId), eq(notificationRecipients.userId, userId))))[0]?.readAt;

describe("notifications", () => {
  it("keep one read state per member: one member reading leaves it unread for the others", async () => {
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
    expect(await owner.notification.unreadCount(org)).toEqual({ count: 2 });
    expect(await member.notification.unreadCount(org)).toEqual({ count: 3 });
    expect((await member.notification.list({ ...org, limit: 10 })).items.every((n) => n.readAt === null)).toBe(true);

    // Reading again keeps the first time.
    const first = await readAtOf(items[0]!.id, f.workshop.owner.id);
    await owner.notification.markRead({ ...org, notificationId: items[0]!.id });
    expect(await readAtOf(items[0]!.id, f.workshop.owner.id)).toEqual(first);

    expect(await member.notification.markAllRead(org)).toEqual({ updated: 3 });
    expect(await member.notification.unreadCount(org)).toEqual({ count: 0 });
    expect(await owner.notification.unreadCount(org)).toEqual({ count: 2 });
    // The brand is not notified of its own requests.
    expect(await callerFor(db, f.brand.member).notification.unreadCount({ orgId: f.brand.org.id })).toEqual({ count: 0 });
  });

  it("are emailed to every member, except those who muted the kind in their account", async () => {
    const f = await createFixture(db);
    await callerFor(db, f.brand.admin).account.updateEmailPreferences({ mutedKinds: ["sample_request"] });
    expect(await callerFor(db, f.brand.admin).account.emailPreferences()).toEqual({ mutedKinds: ["sample_request"] });
    await db.transaction((tx) => notify(tx, { orgId: f.brand.org.id, kind: "sample_request", title: "Atelier Test accepted SR-1", body: "Fee EUR 40", href: "/brand/x/samples/1" }));

    const sent = await db.select({ to: emails.to, subject: emails.subject }).from(emails).where(eq(emails.subject, "Atelier Test accepted SR-1"));
    expect(sent.map((e) => e.to).sort()).toEqual([f.brand.owner.email, f.brand.member.email].sort());
    // Muted by email only: the notification is still in the portal.
    expect(await callerFor(db, f.brand.admin).notification.unreadCount({ orgId: f.brand.org.id })).toEqual({ count: 1 });
  });

  it("refuse an unknown kind of email to mute, with a message for people", async () => {
    const f = await createFixture(db);
    await expectCode(callerFor(db, f.brand.member).account.updateEmailPreferences({ mutedKinds: ["everything" as never] }), "BAD_REQUEST");
    expect((await db.select({ muted: users.mutedEmailKinds }).from(users).where(eq(users.id, f.brand.member.id)))[0]!.muted).toEqual([]);
  });

  it("pages newest first without gaps or repeats", async () => {
    const f = await createFixture(db);
    for (let i = 0; i < 7; i++) await db.transaction((tx) => notify(tx, { orgId: f.brand.org.id, kind: "sample_request", title: `N${i}`, href: "/x" }));
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
    expect(await readAtOf(brandNote!.id, f.brand.owner.id)).toBeNull();
  });
});
