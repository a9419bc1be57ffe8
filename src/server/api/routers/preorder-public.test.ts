import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { callerFor, createFixture, type Fixture } from "~/test/fixtures";
import { campaignFor, reserveAs, type TestCampaign } from "~/test/preorders";
import { publishWorkshop } from "~/test/vetting";

/**
 * The customers' procedures, signed out as a customer is: a campaign's page shows counts and never a
 * customer; a reservation's page shows only the reservation its link names; a wrong link is NOT_FOUND.
 */
const db = await testDb();

describe("preorderPublic", () => {
  let f: Fixture;
  let c: TestCampaign;
  let other: TestCampaign;
  let mine: Awaited<ReturnType<typeof reserveAs>>;
  let theirs: Awaited<ReturnType<typeof reserveAs>>;
  beforeAll(async () => {
    f = await createFixture(db);
    c = await campaignFor(db, f, { totalCap: 100, sizes: [{ size: "6", cap: 10 }, { size: "7", cap: null }], title: "Lune signet", story: "Cast by **hand**." });
    other = await campaignFor(db, f, { title: "Secret other drop" });
    mine = await reserveAs(db, c.id, { size: "6", quantity: 2, name: "Mine Customer", email: "mine@example.test", status: "paid" });
    theirs = await reserveAs(db, c.id, { size: "7", quantity: 10, name: "Theirs Customer", email: "theirs@example.test" });
    await reserveAs(db, other.id, { size: "5", quantity: 1, name: "Other Campaign Customer", email: "elsewhere@example.test" });
  });

  it("a campaign's page, signed out: what is left in all and per size, the window and the delivery date, and no customer", async () => {
    const page = await callerFor(db, null).preorderPublic.campaign({ brandSlug: c.brandSlug, campaignSlug: c.slug });
    expect(page).toMatchObject({ title: "Lune signet", totalCap: 100, left: 88, window: "open", deliveryOn: "2027-06-30", deliveryIsForecast: false, unitDueMinor: 3600, payable: false, artisans: [] });
    expect(page.sizes).toEqual([
      { size: "6", cap: 10, left: 8 },
      { size: "7", cap: null, left: 88 },
    ]);
    const json = JSON.stringify(page);
    for (const leak of ["Mine Customer", "mine@example.test", "Theirs Customer", "theirs@example.test", "Secret other drop", "Other Campaign Customer", mine.reference]) expect(json).not.toContain(leak);
    await db.execute(sql`update preorder_campaigns set forecast_delivery_on = '2027-07-15' where id = ${c.id}`);
    expect(await callerFor(db, null).preorderPublic.campaign({ brandSlug: c.brandSlug, campaignSlug: c.slug })).toMatchObject({ deliveryOn: "2027-07-15", deliveryIsForecast: true });
  });

  it("artisans show only when the brand shows them and the workshop consented", async () => {
    await publishWorkshop(db, f.workshop);
    await db.execute(sql`insert into workshop_artisans (org_id, name, role) values (${f.workshop.org.id}, 'Giulia', 'Setter')`);
    const read = async () => (await callerFor(db, null).preorderPublic.campaign({ brandSlug: c.brandSlug, campaignSlug: c.slug })).artisans.map((a) => a.name);
    await db.execute(sql`update preorder_campaigns set show_artisans = true, artisans_consent = 'requested' where id = ${c.id}`);
    expect(await read()).toEqual([]);
    await db.execute(sql`update preorder_campaigns set artisans_consent = 'granted' where id = ${c.id}`);
    expect(await read()).toEqual(["Giulia"]);
  });

  it("a draft, another brand's address and an unknown campaign are NOT_FOUND; a view is counted for a published one only", async () => {
    const draft = await campaignFor(db, f, { status: "draft" });
    const anon = callerFor(db, null);
    await expect(anon.preorderPublic.campaign({ brandSlug: draft.brandSlug, campaignSlug: draft.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(anon.preorderPublic.campaign({ brandSlug: f.outsider.brand.org.slug, campaignSlug: c.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await anon.preorderPublic.viewed({ campaignId: c.id });
    await anon.preorderPublic.viewed({ campaignId: draft.id });
    const { rows } = await db.execute<{ campaign_id: string; views: number }>(sql`select campaign_id, views from preorder_page_views where campaign_id in (${c.id}, ${draft.id})`);
    expect(rows).toEqual([{ campaign_id: c.id, views: 1 }]);
  });

  it("a reservation's page shows only the reservation its link names, none of another customer's or campaign's data", async () => {
    const page = await callerFor(db, null).preorderPublic.reservation({ token: mine.token });
    expect(page).toMatchObject({ reference: mine.reference, status: "paid", size: "6", quantity: 2, paidMinor: 7200, canCancel: true, canPay: false, campaign: { title: "Lune signet" } });
    const json = JSON.stringify(page);
    for (const leak of ["Theirs Customer", "theirs@example.test", theirs.reference, "Secret other drop", "elsewhere@example.test"]) expect(json).not.toContain(leak);
    const theirsPage = await callerFor(db, null).preorderPublic.reservation({ token: theirs.token });
    expect(theirsPage.reference).toBe(theirs.reference);
    expect(JSON.stringify(theirsPage)).not.toContain(mine.reference);
  });

  it("a wrong token is NOT_FOUND for reading, cancelling and paying, and changes nothing", async () => {
    const anon = callerFor(db, null);
    const wrong = `${mine.token.slice(0, 42)}${mine.token.endsWith("A") ? "B" : "A"}`;
    for (const call of [() => anon.preorderPublic.reservation({ token: wrong }), () => anon.preorderPublic.cancel({ token: wrong }), () => anon.preorderPublic.payAgain({ token: wrong })]) {
      await expect(call()).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(anon.preorderPublic.reservation({ token: "short" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const { rows } = await db.execute<{ status: string }>(sql`select status from preorder_reservations where id = ${mine.id}`);
    expect(rows[0]!.status).toBe("paid");
  });

  it("signed in as anyone changes nothing: a brand's member reads the same counts and no customer", async () => {
    const page = await callerFor(db, f.outsider.brand.owner).preorderPublic.campaign({ brandSlug: c.brandSlug, campaignSlug: c.slug });
    expect(JSON.stringify(page)).not.toContain("mine@example.test");
    expect(page.left).toBe(88);
  });
});
