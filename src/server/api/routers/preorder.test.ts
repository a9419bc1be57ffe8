import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { designWithRevision } from "~/test/designs";
import { callerFor, createFixture, type Fixture } from "~/test/fixtures";
import { campaignFor, reserveAs, type TestCampaign } from "~/test/preorders";

/**
 * The brand's campaign procedures as the portal calls them: the list pages by 20 and carries counts, never a
 * customer; a campaign's details say which fields publishing froze; refusals arrive next to their field.
 */
const db = await testDb();

const failure = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TRPCError);
  const e = err as TRPCError & { cause?: unknown };
  return e;
};

describe("preorder (the brand's campaigns)", () => {
  let f: Fixture;
  let revision: { designId: string; revisionId: string };
  let published: TestCampaign;
  let draft: TestCampaign;
  let reservation: Awaited<ReturnType<typeof reserveAs>>;
  beforeAll(async () => {
    f = await createFixture(db);
    const made = await designWithRevision(db, f.brand);
    revision = { designId: made.design.id, revisionId: made.revisionId };
    published = await campaignFor(db, f, { revision, title: "Lune signet", totalCap: 40 });
    draft = await campaignFor(db, f, { revision, status: "draft", title: "Moon draft" });
    reservation = await reserveAs(db, published.id, { size: "6", quantity: 3, name: "Private Customer", email: "private.customer@example.test", status: "paid" });
    await reserveAs(db, published.id, { size: "7", quantity: 1, name: "Held Customer", email: "held.customer@example.test" });
  });

  it("lists the campaigns with what is reserved of the cap and the public address, and no customer", async () => {
    const list = await callerFor(db, f.brand.member).preorder.list({ orgId: f.brand.org.id, page: 1 });
    const row = list.items.find((c) => c.id === published.id);
    expect(row).toMatchObject({ title: "Lune signet", status: "published", totalCap: 40, paidUnits: 3, heldUnits: 1, reserved: 4, publicPath: `/p/${f.brand.org.slug}/${published.slug}` });
    expect(list.items.map((c) => c.id).sort()).toEqual([published.id, draft.id].sort());
    const json = JSON.stringify(list);
    for (const leak of ["Private Customer", "private.customer@example.test", "Held Customer", "held.customer", reservation.reference, "customerEmail", "customerName"]) expect(json).not.toContain(leak);
  });

  it("pages the list by 20, newest first", async () => {
    const g = await createFixture(db);
    const own = await designWithRevision(db, g.brand);
    const ids: string[] = [];
    for (let i = 0; i < 21; i++) {
      const c = await campaignFor(db, g, { revision: { designId: own.design.id, revisionId: own.revisionId }, status: "draft", createdAt: new Date(Date.UTC(2026, 0, 1 + i)) });
      ids.push(c.id);
    }
    const caller = callerFor(db, g.brand.member).preorder;
    const first = await caller.list({ orgId: g.brand.org.id, page: 1 });
    const second = await caller.list({ orgId: g.brand.org.id, page: 2 });
    expect([first.total, first.pageSize, first.items.length, second.items.length]).toEqual([21, 20, 20, 1]);
    expect(first.items[0]!.id).toBe(ids[20]);
    expect(second.items.map((c) => c.id)).toEqual([ids[0]]);
  });

  it("a campaign's details name what publishing froze (nothing for a draft), with counts per size and no customer", async () => {
    const caller = callerFor(db, f.brand.member).preorder;
    const p = await caller.get({ orgId: f.brand.org.id, campaignId: published.id });
    expect(Object.keys(p.locked).sort()).toEqual(["depositPercent", "expectedDeliveryOn", "holdMinutes", "opensAt", "paymentMode", "retailPrice", "slug", "title", "workshopOrgId"]);
    expect(p.locked.retailPrice).toBe("The price");
    expect(p.sizes.find((s) => s.size === "6")).toEqual({ size: "6", cap: null, heldUnits: 0, paidUnits: 3 });
    const json = JSON.stringify(p);
    for (const leak of ["Private Customer", "private.customer@example.test", "Held Customer", reservation.reference]) expect(json).not.toContain(leak);
    expect((await caller.get({ orgId: f.brand.org.id, campaignId: draft.id })).locked).toEqual({});
  });

  it("a frozen field's change on a published campaign is refused next to that field", async () => {
    const err = await failure(callerFor(db, f.brand.admin).preorder.update({ orgId: f.brand.org.id, campaignId: published.id, retailPrice: "130.00 EUR" }));
    expect(err.code).toBe("BAD_REQUEST");
    expect(err.message).toBe("The price can't change once the campaign is published.");
    expect((err.cause as { field?: string } | undefined)?.field).toBe("retailPrice");
  });

  it("publishing without the brand's Stripe account ready says where to connect it, next to `payouts`", async () => {
    const err = await failure(callerFor(db, f.brand.admin).preorder.publish({ orgId: f.brand.org.id, campaignId: draft.id }));
    expect(err.code).toBe("BAD_REQUEST");
    expect(err.message).toBe("Customers pay by card, to your own Stripe account: connect it in Settings → Payouts before publishing.");
    expect((err.cause as { field?: string } | undefined)?.field).toBe("payouts");
  });

  it("the sketches a campaign may copy are its revision's, and another brand's campaign is not found", async () => {
    const sketches = await callerFor(db, f.brand.member).preorder.sketches({ orgId: f.brand.org.id, campaignId: draft.id });
    expect(sketches.map((s) => [s.kind, s.name])).toEqual([["sketch", "sketch.png"]]);
    const err = await failure(callerFor(db, f.outsider.brand.owner).preorder.sketches({ orgId: f.outsider.brand.org.id, campaignId: draft.id }));
    expect(err.code).toBe("NOT_FOUND");
  });
});
