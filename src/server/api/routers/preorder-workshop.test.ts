import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { callerFor, createFixture, type Fixture } from "~/test/fixtures";
import { publishedCampaign, reservationOf } from "~/test/preorder-production";
import { approvedDesign } from "~/test/rfqs";
import { workshopArtisans } from "../../db/schema";

/**
 * The workshop's view of the campaigns it makes, through its procedure: quantities by size, the brand, the
 * window and the consent asked of it — and no customer, whatever reservations the campaign holds.
 */
const db = await testDb();

describe("preorderWorkshop.list", () => {
  let f: Fixture;
  let campaignId: string;
  const references: string[] = [];
  beforeAll(async () => {
    f = await createFixture(db);
    const { revision } = await approvedDesign(db, f.brand);
    const c = await publishedCampaign(db, f, revision, { workshopOrgId: f.workshop.org.id, showArtisans: true, artisansConsent: "requested", closesAt: new Date("2031-01-31T18:00:00Z"), opensAt: new Date("2030-12-01T09:00:00Z"), publishedAt: new Date("2030-11-30T09:00:00Z") });
    campaignId = c.id;
    for (const r of [
      await reservationOf(db, c, { size: "6", quantity: 2, name: "Camille Secret", email: "camille.secret@example.test" }),
      await reservationOf(db, c, { size: "7", quantity: 1, name: "Jonas Hidden", email: "jonas.hidden@example.test" }),
      await reservationOf(db, c, { size: "7", quantity: 3, name: "Held Person", email: "held.person@example.test", status: "held" }),
    ])
      references.push(r.reference);
    await db.insert(workshopArtisans).values([
      { orgId: f.workshop.org.id, name: "Giulia Rossi", role: "Master setter", position: 0 },
      { orgId: f.workshop.org.id, name: "Marco Bini", role: "Caster", position: 1 },
    ]);
  });

  it("shows quantities by size, the brand, the window, the delivery and the artisans asked for — exactly these keys, and no customer", async () => {
    const seen = await callerFor(db, f.workshop.owner).preorderWorkshop.list({ orgId: f.workshop.org.id });
    expect(seen).toHaveLength(1);
    const c = seen[0]!;
    expect(Object.keys(c).sort()).toEqual(
      ["artisans", "artisansConsent", "artisansConsentAt", "brandName", "closesAt", "design", "expectedDeliveryOn", "forecastDeliveryOn", "heldUnits", "id", "opensAt", "paidUnits", "showArtisans", "sizes", "status", "title", "totalCap"].sort(),
    );
    expect(c).toMatchObject({
      id: campaignId,
      title: "The Signet, made in Florence",
      brandName: f.brand.org.name,
      status: "published",
      design: null, // its revision was never shared with this workshop
      opensAt: new Date("2030-12-01T09:00:00Z"),
      closesAt: new Date("2031-01-31T18:00:00Z"),
      expectedDeliveryOn: "2027-06-30",
      forecastDeliveryOn: null,
      totalCap: 100,
      paidUnits: 3,
      heldUnits: 3,
      artisansConsent: "requested",
      artisans: [
        { name: "Giulia Rossi", role: "Master setter" },
        { name: "Marco Bini", role: "Caster" },
      ],
    });
    expect(c.sizes).toEqual([
      { size: "5", cap: null, heldUnits: 0, paidUnits: 0 },
      { size: "6", cap: null, heldUnits: 0, paidUnits: 2 },
      { size: "7", cap: null, heldUnits: 3, paidUnits: 1 },
      { size: "8", cap: null, heldUnits: 0, paidUnits: 0 },
      { size: "9", cap: null, heldUnits: 0, paidUnits: 0 },
    ]);
    const json = JSON.stringify(seen);
    for (const leak of ["Camille", "camille.secret@example.test", "Jonas", "jonas.hidden@example.test", "Held Person", "held.person@example.test", "@", ...references]) expect(json).not.toContain(leak);
  });

  it("a member of the workshop is refused (the consent and the list are its owners' and admins'), and the brand cannot call it", async () => {
    await expect(callerFor(db, f.workshop.member).preorderWorkshop.list({ orgId: f.workshop.org.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(db, f.brand.owner).preorderWorkshop.list({ orgId: f.brand.org.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
