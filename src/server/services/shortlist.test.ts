import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { callerFor, createFixture, createOrg, type OrgFixture } from "~/test/fixtures";
import { expectCode } from "~/test/tenancy";
import { actorOf, publishWorkshop, unpublishWorkshop } from "~/test/vetting";
import { events, notifications, shortlistEntries } from "../db/schema";
import { AppError } from "../errors";
import { getChecklist } from "./checklist";
import { createSampleRequest } from "./sample-requests";
import { addToShortlist, compareShortlist, listShortlist, removeFromShortlist, updateShortlistEntry } from "./shortlist";

const db = await testDb();

const entriesOf = (t: OrgFixture) => db.select().from(shortlistEntries).where(eq(shortlistEntries.brandOrgId, t.org.id)).orderBy(asc(shortlistEntries.id));
const shortlistEvents = (t: OrgFixture) =>
  db
    .select()
    .from(events)
    .where(and(eq(events.orgId, t.org.id), eq(events.subjectType, "shortlist_entry")))
    .orderBy(asc(events.createdAt));

async function expectAppError(run: () => Promise<unknown>, code: AppError["code"]) {
  const err = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, `expected ${code}`).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  return err as AppError;
}

async function publishedWorkshop(name = "Atelier Shortlist") {
  const w = await createOrg(db, "workshop", name);
  await publishWorkshop(db, w);
  return w;
}

describe("adding to the shortlist", () => {
  it("saves a published workshop once, however often it is added", async () => {
    const f = await createFixture(db);
    await publishWorkshop(db, f.workshop);
    const first = await addToShortlist(db, actorOf(f.brand, "member"), { workshopOrgId: f.workshop.org.id });
    const second = await addToShortlist(db, actorOf(f.brand, "admin"), { workshopOrgId: f.workshop.org.id });
    expect(second.id).toBe(first.id);
    expect(await entriesOf(f.brand)).toHaveLength(1);
    expect((await shortlistEvents(f.brand)).map((e) => e.action)).toEqual(["shortlist.added"]);
  });

  it("refuses an unpublished workshop, a brand and an unknown id alike, changing nothing", async () => {
    const f = await createFixture(db);
    for (const workshopOrgId of [f.workshop.org.id, f.outsider.brand.org.id, crypto.randomUUID()]) {
      const err = await expectAppError(() => addToShortlist(db, actorOf(f.brand), { workshopOrgId }), "NOT_FOUND");
      expect(err.message).toBe("That workshop was not found.");
    }
    expect(await entriesOf(f.brand)).toEqual([]);
  });
});

describe("notes and tags", () => {
  it("normalizes tags to lower case without duplicates, through the router", async () => {
    const f = await createFixture(db);
    await publishWorkshop(db, f.workshop);
    const caller = callerFor(db, f.brand.member);
    const entry = await caller.shortlist.add({ orgId: f.brand.org.id, workshopOrgId: f.workshop.org.id });
    const updated = await caller.shortlist.update({ orgId: f.brand.org.id, entryId: entry.id, note: "Fast replies, good casting.", tags: [" Gold ", "GOLD", "Small Batch"] });
    expect(updated.tags).toEqual(["gold", "small batch"]);
    expect(updated.note).toBe("Fast replies, good casting.");
  });

  it("refuses too many tags, a long tag and a long note, changing nothing", async () => {
    const f = await createFixture(db);
    await publishWorkshop(db, f.workshop);
    const caller = callerFor(db, f.brand.owner);
    const entry = await caller.shortlist.add({ orgId: f.brand.org.id, workshopOrgId: f.workshop.org.id });
    const before = await entriesOf(f.brand);
    const base = { orgId: f.brand.org.id, entryId: entry.id };
    await expectCode(caller.shortlist.update({ ...base, tags: Array.from({ length: 11 }, (_, i) => `tag${i}`) }), "BAD_REQUEST");
    await expectCode(caller.shortlist.update({ ...base, tags: ["x".repeat(31)] }), "BAD_REQUEST");
    await expectCode(caller.shortlist.update({ ...base, note: "n".repeat(2001) }), "BAD_REQUEST");
    expect(await entriesOf(f.brand)).toEqual(before);
    // The limits themselves are allowed.
    await caller.shortlist.update({ ...base, tags: Array.from({ length: 10 }, (_, i) => `${"t".repeat(28)}${i}`), note: "n".repeat(2000) });
  });

  it("records a change only when something changed", async () => {
    const f = await createFixture(db);
    await publishWorkshop(db, f.workshop);
    const entry = await addToShortlist(db, actorOf(f.brand), { workshopOrgId: f.workshop.org.id });
    await updateShortlistEntry(db, actorOf(f.brand), { entryId: entry.id, note: "Call back in May" });
    await updateShortlistEntry(db, actorOf(f.brand), { entryId: entry.id, note: "Call back in May" });
    const actions = (await shortlistEvents(f.brand)).map((e) => [e.action, e.data.changed ?? null]);
    expect(actions).toEqual([
      ["shortlist.added", null],
      ["shortlist.updated", ["note"]],
    ]);
  });
});

describe("listing", () => {
  it("filters by tag and pages through entries, newest first", async () => {
    const f = await createFixture(db);
    const saved: string[] = [];
    for (let i = 0; i < 5; i++) {
      const w = await publishedWorkshop(`Atelier List ${i}`);
      const e = await addToShortlist(db, actorOf(f.brand), { workshopOrgId: w.org.id });
      await updateShortlistEntry(db, actorOf(f.brand), { entryId: e.id, tags: i % 2 === 0 ? ["gold"] : ["silver"] });
      saved.push(e.id);
    }
    const page1 = await listShortlist(db, f.brand.org.id, { page: 1, pageSize: 2 });
    const page2 = await listShortlist(db, f.brand.org.id, { page: 2, pageSize: 2 });
    const page3 = await listShortlist(db, f.brand.org.id, { page: 3, pageSize: 2 });
    expect(page1.total).toBe(5);
    const seen = [...page1.items, ...page2.items, ...page3.items].map((i) => i.id);
    expect(new Set(seen).size).toBe(5);
    expect(seen.sort()).toEqual([...saved].sort());
    expect(page1.allTags).toEqual(["gold", "silver"]);

    const gold = await listShortlist(db, f.brand.org.id, { tag: "gold", page: 1 });
    expect(gold.total).toBe(3);
    expect(gold.items.every((i) => i.tags.includes("gold"))).toBe(true);
  });

  it("hides the profile of a workshop that has since unpublished, keeping the entry and its note", async () => {
    const f = await createFixture(db);
    await publishWorkshop(db, f.workshop);
    const entry = await addToShortlist(db, actorOf(f.brand), { workshopOrgId: f.workshop.org.id });
    await updateShortlistEntry(db, actorOf(f.brand), { entryId: entry.id, note: "Keep an eye on them" });
    await unpublishWorkshop(db, f.workshop);
    const { items } = await listShortlist(db, f.brand.org.id, { page: 1 });
    expect(items).toHaveLength(1);
    expect(items[0]!.profile).toBeNull();
    expect(items[0]!.note).toBe("Keep an eye on them");
  });
});

describe("comparing", () => {
  it("puts 2 to 4 entries side by side in the order asked, with each record", async () => {
    const f = await createFixture(db);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const w = await publishedWorkshop(`Atelier Compare ${i}`);
      ids.push((await addToShortlist(db, actorOf(f.brand), { workshopOrgId: w.org.id })).id);
    }
    const items = await compareShortlist(db, f.brand.org.id, [ids[2]!, ids[0]!, ids[1]!]);
    expect(items.map((i) => i.id)).toEqual([ids[2], ids[0], ids[1]]);
    expect(items[0]!.workshopName).toBe("Atelier Compare 2");
    expect(items[0]!.profile).toMatchObject({ capabilities: ["casting", "stone_setting"], moqPerDesign: 5, leadTimeMinDays: 30, country: "IT", certifications: ["rjc"] });
    expect(items[0]!.record).toMatchObject({ samplesSent: 0, medianResponseHours: null });

    await expectAppError(() => compareShortlist(db, f.brand.org.id, [ids[0]!]), "BAD_REQUEST");
    await expectAppError(() => compareShortlist(db, f.brand.org.id, ids), "BAD_REQUEST");
    const caller = callerFor(db, f.brand.member);
    await expectCode(caller.shortlist.compare({ orgId: f.brand.org.id, entryIds: [ids[0]!] }), "BAD_REQUEST");
    await expectCode(caller.shortlist.compare({ orgId: f.brand.org.id, entryIds: ids }), "BAD_REQUEST");
  });
});

describe("privacy: one brand's shortlist is its own", () => {
  it("is invisible to other brands and to the workshop, and only its brand can change it", async () => {
    const f = await createFixture(db);
    await publishWorkshop(db, f.workshop);
    await publishWorkshop(db, f.outsider.workshop);
    const mine = await addToShortlist(db, actorOf(f.brand), { workshopOrgId: f.workshop.org.id });
    const secret = "Private: their polish is uneven, negotiate hard";
    await updateShortlistEntry(db, actorOf(f.brand), { entryId: mine.id, note: secret, tags: ["negotiate"] });
    const other = await addToShortlist(db, actorOf(f.outsider.brand), { workshopOrgId: f.outsider.workshop.org.id });
    const before = await entriesOf(f.brand);

    // Another brand: its own list has only its own entry; our entry answers NOT_FOUND everywhere.
    const outsider = callerFor(db, f.outsider.brand.owner);
    const theirList = await outsider.shortlist.list({ orgId: f.outsider.brand.org.id });
    expect(theirList.items.map((i) => i.id)).toEqual([other.id]);
    expect(theirList.allTags).toEqual([]);
    const theirs = { orgId: f.outsider.brand.org.id };
    await expectCode(outsider.shortlist.update({ ...theirs, entryId: mine.id, note: "hijacked" }), "NOT_FOUND");
    await expectCode(outsider.shortlist.remove({ ...theirs, entryId: mine.id }), "NOT_FOUND");
    await expectCode(outsider.shortlist.compare({ ...theirs, entryIds: [mine.id, other.id] }), "NOT_FOUND");
    expect(await outsider.shortlist.entryFor({ ...theirs, workshopOrgId: f.workshop.org.id })).toBeNull();

    // The workshop: no shortlist procedure answers it, and nothing it can read mentions the note.
    const workshop = callerFor(db, f.workshop.owner);
    await expectCode(workshop.shortlist.list({ orgId: f.workshop.org.id }), "NOT_FOUND");
    await expectCode(workshop.shortlist.list({ orgId: f.brand.org.id }), "NOT_FOUND");
    const workshopSees = JSON.stringify({
      events: await db.select().from(events).where(eq(events.orgId, f.workshop.org.id)),
      notifications: await db.select().from(notifications).where(eq(notifications.orgId, f.workshop.org.id)),
      activity: await workshop.activity.list({ orgId: f.workshop.org.id }),
    });
    expect(workshopSees).not.toContain(secret);
    expect(workshopSees).not.toContain(mine.id);

    expect(await entriesOf(f.brand)).toEqual(before);
  });

  it("removes only the brand's own entry", async () => {
    const f = await createFixture(db);
    await publishWorkshop(db, f.workshop);
    const entry = await addToShortlist(db, actorOf(f.brand), { workshopOrgId: f.workshop.org.id });
    await expectAppError(() => removeFromShortlist(db, actorOf(f.outsider.brand), { entryId: entry.id }), "NOT_FOUND");
    expect(await entriesOf(f.brand)).toHaveLength(1);
    await removeFromShortlist(db, actorOf(f.brand, "member"), { entryId: entry.id });
    expect(await entriesOf(f.brand)).toEqual([]);
    await expectAppError(() => removeFromShortlist(db, actorOf(f.brand), { entryId: entry.id }), "NOT_FOUND");
  });
});

describe("the brand's dashboard checklist", () => {
  it("ticks “Shortlist workshops” after the first entry and “Request a sample” after the first request", async () => {
    const f = await createFixture(db);
    await publishWorkshop(db, f.workshop);
    const steps = async () => Object.fromEntries((await getChecklist(db, f.brand.org)).filter((i) => i.key === "shortlist" || i.key === "sample").map((i) => [i.key, i.done]));
    expect(await steps()).toEqual({ shortlist: false, sample: false });
    expect((await getChecklist(db, f.brand.org)).find((i) => i.key === "shortlist")!.href).toBe("/workshops");
    await addToShortlist(db, actorOf(f.brand), { workshopOrgId: f.workshop.org.id });
    expect(await steps()).toEqual({ shortlist: true, sample: false });
    await createSampleRequest(db, actorOf(f.brand), { workshopOrgId: f.workshop.org.id, description: "A signet ring in silver 925", quantity: 1, note: "", attachmentFileIds: [] });
    expect(await steps()).toEqual({ shortlist: true, sample: true });
    // Workshops do not get the brand's steps.
    expect((await getChecklist(db, f.workshop.org)).map((i) => i.key)).not.toContain("shortlist");
  });
});
