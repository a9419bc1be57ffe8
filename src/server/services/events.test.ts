import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { createOrg, type OrgFixture } from "~/test/fixtures";
import { events } from "../db/schema";
import { describeEvent, EVENT_ACTIONS, type EventAction, type EventPayloads } from "~/lib/events";
import { listEvents, recordEvent, type EventCursor } from "./events";

const db = await testDb();

/** Records `n` events for the organization, one transaction each (distinct timestamps), oldest first. */
async function recordSeparately(t: OrgFixture, n: number, label = "step") {
  for (let i = 0; i < n; i++) {
    await recordEvent(db, { orgId: t.org.id, actorId: t.owner.id, action: "shortlist.updated", subjectType: "test", data: { workshop: label, changed: [String(i)] } });
  }
}

/** Records `n` events in one transaction: they share the same `created_at`, to the microsecond. */
async function recordTogether(t: OrgFixture, n: number, label = "batch") {
  await db.transaction(async (tx) => {
    for (let i = 0; i < n; i++) {
      await recordEvent(tx, { orgId: t.org.id, actorId: t.admin.id, action: "shortlist.updated", subjectType: "test", data: { workshop: label, changed: [String(i)] } });
    }
  });
}

/**
 * Inserts events at exact PostgreSQL timestamps with microseconds, which a JavaScript Date cannot hold.
 * (Real PostgreSQL stamps rows to the microsecond; PGlite's clock happens to tick in milliseconds.)
 */
async function recordAt(t: OrgFixture, timestamps: string[]) {
  for (const [i, at] of timestamps.entries()) {
    await db.insert(events).values({ orgId: t.org.id, actorId: t.owner.id, action: "test.timed", subjectType: "test", data: { at, i }, createdAt: sql`${at}::timestamptz` });
  }
}

/** Reads every page; fails if paging does not end. */
async function allPages(t: OrgFixture, limit: number) {
  const pages: Awaited<ReturnType<typeof listEvents>>["items"][] = [];
  let cursor: EventCursor | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const page: Awaited<ReturnType<typeof listEvents>> = await listEvents(db, t.org.id, { limit, cursor });
    pages.push(page.items);
    if (!page.nextCursor) return pages;
    cursor = page.nextCursor;
  }
  throw new Error("paging did not end");
}

/** Every event of the organization, newest first, as the database orders them. */
async function expectedOrder(t: OrgFixture) {
  const { items } = await listEvents(db, t.org.id, { limit: 1_000 });
  return items.map((e) => e.id);
}

describe("listEvents", () => {
  it("returns the organization's events newest first, with the actor's name", async () => {
    const t = await createOrg(db, "brand", "Newest First");
    const other = await createOrg(db, "brand", "Other Org");
    // Explicit times: PGlite's clock ticks in milliseconds, so back-to-back writes may share a timestamp.
    await recordAt(t, ["2030-01-01T10:00:00.000001Z", "2030-01-01T10:00:01Z", "2030-01-01T10:00:00.5Z"]);
    await recordSeparately(other, 2);

    const { items, nextCursor } = await listEvents(db, t.org.id, { limit: 10 });
    expect(items.map((e) => (e.data as { i: number }).i)).toEqual([1, 2, 0]);
    expect(items.every((e) => e.actorName === t.owner.name && e.action === "test.timed")).toBe(true);
    expect(nextCursor).toBeNull();
  });

  it("pages through events from separate transactions with no gaps or duplicates", async () => {
    const t = await createOrg(db, "brand", "Separate");
    await recordSeparately(t, 11);
    const expected = await expectedOrder(t);
    expect(expected).toHaveLength(11);

    const pages = await allPages(t, 3);
    expect(pages.map((p) => p.length)).toEqual([3, 3, 3, 2]);
    expect(pages.flat().map((e) => e.id)).toEqual(expected);
  });

  it("pages through events written in one transaction (identical timestamps) with no gaps or duplicates", async () => {
    const t = await createOrg(db, "workshop", "Same Instant");
    await recordSeparately(t, 2, "before");
    await recordTogether(t, 7);
    await recordSeparately(t, 2, "after");
    const expected = await expectedOrder(t);
    expect(expected).toHaveLength(11);

    for (const limit of [1, 2, 4]) {
      const seen = (await allPages(t, limit)).flat().map((e) => e.id);
      expect(new Set(seen).size, `duplicates with limit ${limit}`).toBe(seen.length);
      expect(seen, `order with limit ${limit}`).toEqual(expected);
    }
  });

  it("pages through events whose timestamps share a millisecond but differ in microseconds", async () => {
    const t = await createOrg(db, "brand", "Microseconds");
    await recordAt(t, [
      "2030-01-01T10:00:00.122900Z",
      "2030-01-01T10:00:00.123000Z",
      "2030-01-01T10:00:00.123100Z",
      "2030-01-01T10:00:00.123100Z",
      "2030-01-01T10:00:00.123100Z",
      "2030-01-01T10:00:00.123456Z",
      "2030-01-01T10:00:00.123999Z",
      "2030-01-01T10:00:00.124000Z",
    ]);
    const expected = await expectedOrder(t);
    expect(expected).toHaveLength(8);

    for (const limit of [1, 2, 3]) {
      const seen = (await allPages(t, limit)).flat().map((e) => e.id);
      expect(seen, `order with limit ${limit}`).toEqual(expected);
    }
  });

  it("keeps later pages stable while new events arrive", async () => {
    const t = await createOrg(db, "brand", "Stable");
    await recordSeparately(t, 6, "old");
    const expected = await expectedOrder(t);

    const first = await listEvents(db, t.org.id, { limit: 2 });
    // New activity after the first page was read must not shift or repeat what follows.
    await recordSeparately(t, 3, "new");
    await recordTogether(t, 3, "new-batch");
    const second = await listEvents(db, t.org.id, { limit: 2, cursor: first.nextCursor });
    const rest = await listEvents(db, t.org.id, { limit: 10, cursor: second.nextCursor });

    expect([...first.items, ...second.items, ...rest.items].map((e) => e.id)).toEqual(expected);
    expect(rest.nextCursor).toBeNull();
    // And the newest page now starts with the new events.
    const fresh = await listEvents(db, t.org.id, { limit: 1 });
    expect((fresh.items[0]!.data as { workshop: string }).workshop).toMatch(/^new/);
  });

  it("ends with a null cursor when the last page is exactly full", async () => {
    const t = await createOrg(db, "brand", "Exact");
    await recordSeparately(t, 4);
    const pages = await allPages(t, 2);
    expect(pages.map((p) => p.length)).toEqual([2, 2]);
  });

  it("never returns another organization's events, even with a cursor taken from them", async () => {
    const mine = await createOrg(db, "brand", "Mine");
    const theirs = await createOrg(db, "brand", "Theirs");
    await recordSeparately(mine, 2);
    await recordSeparately(theirs, 3);
    const theirPage = await listEvents(db, theirs.org.id, { limit: 1 });

    const { items } = await listEvents(db, mine.org.id, { limit: 10, cursor: theirPage.nextCursor });
    const mineIds = (await db.select({ id: events.id }).from(events).where(eq(events.orgId, mine.org.id))).map((r) => r.id);
    expect(items.every((e) => mineIds.includes(e.id))).toBe(true);
  });
});

describe("the event map", () => {
  it("says every action in words, never falling back to the action's name", () => {
    const samples: { [A in EventAction]?: EventPayloads[A] } = {
      "organization.updated": { changed: ["slug", "timeZone"] },
      "member.role_changed": { name: "Noah", from: "member", to: "admin" },
      "sample_request.shipped": { number: 7, brand: "Maison Lune", workshop: "Atelier Oro" },
      "file.uploaded": { name: "sketch.pdf", purpose: "sample_request_attachment" },
    };
    expect(describeEvent("organization.updated", samples["organization.updated"]!)).toBe("updated the organization's web address, time zone");
    expect(describeEvent("member.role_changed", samples["member.role_changed"]!)).toBe("changed Noah's role from member to admin");
    expect(describeEvent("sample_request.shipped", samples["sample_request.shipped"]!)).toBe("shipped sample SR-7 to Maison Lune");
    expect(describeEvent("file.uploaded", samples["file.uploaded"]!)).toBe("uploaded sketch.pdf");
    for (const action of EVENT_ACTIONS) {
      const sentence = describeEvent(action, {});
      expect(sentence, action).not.toBe(action.replaceAll(/[._]/g, " "));
      expect(sentence.length, action).toBeGreaterThan(3);
    }
  });

  it("shows an action it no longer knows in plain words rather than failing", () => {
    expect(describeEvent("quote.sent_long_ago", { number: 1 })).toBe("quote sent long ago");
  });
});
