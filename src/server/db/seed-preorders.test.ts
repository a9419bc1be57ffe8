import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { createFixture } from "~/test/fixtures";
import { approvedDesign } from "~/test/rfqs";
import { actorOf } from "~/test/vetting";
import { readPublicCampaign } from "../services/preorder-public";
import { payoutAccounts, preorderCampaignSizes, preorderCampaigns, preorderReservations } from "./schema";
import { DEMO_PREORDER, seedDemoPreorders } from "./seed-preorders";

const db = await testDb();

describe("demo preorders", () => {
  it("a ready payout account, a published campaign whose counters match its reservations, a draft; a second run changes nothing", async () => {
    const f = await createFixture(db);
    await approvedDesign(db, f.brand, { name: "Croissant signet", sizes: ["5", "5.5", "6", "6.5", "7", "7.5", "8", "9"] });
    await approvedDesign(db, f.brand, { name: "Vague stacking ring", sizes: ["J", "K", "L", "M", "N", "O", "P"] });
    const made = await seedDemoPreorders(db, actorOf(f.brand));
    expect(made).not.toBeNull();

    const [account] = await db.select().from(payoutAccounts).where(eq(payoutAccounts.orgId, f.brand.org.id));
    expect(account).toMatchObject({ onboardingStatus: "ready", stripeAccountId: "acct_demo_maison_lune" });
    const campaigns = await db.select().from(preorderCampaigns).where(eq(preorderCampaigns.brandOrgId, f.brand.org.id)).orderBy(asc(preorderCampaigns.slug));
    expect(campaigns.map((c) => [c.slug, c.status, c.paidUnits, c.heldUnits])).toEqual([
      [DEMO_PREORDER.campaignSlug, "published", 6, 1],
      [DEMO_PREORDER.draftSlug, "draft", 0, 0],
    ]);
    const sizes = await db.select().from(preorderCampaignSizes).where(eq(preorderCampaignSizes.campaignId, made!.published)).orderBy(asc(preorderCampaignSizes.position));
    expect(sizes.filter((s) => s.paidUnits + s.heldUnits > 0).map((s) => [s.size, s.paidUnits, s.heldUnits])).toEqual([
      ["6", 2, 0],
      ["6.5", 0, 1],
      ["7", 3, 0],
      ["8", 1, 0],
    ]);
    const reservations = await db.select().from(preorderReservations).where(eq(preorderReservations.campaignId, made!.published));
    expect(reservations.map((r) => r.status).sort()).toEqual(["held", "paid", "paid", "paid", "paid", "paid"]);

    // The public page of the campaign reads it: 93 of 100 left.
    expect(await readPublicCampaign(db, f.brand.org.slug, DEMO_PREORDER.campaignSlug)).toMatchObject({ title: "Croissant signet, the first hundred", left: 93, window: "open" });

    expect(await seedDemoPreorders(db, actorOf(f.brand))).toBeNull();
    expect(await db.select().from(preorderCampaigns).where(eq(preorderCampaigns.brandOrgId, f.brand.org.id))).toHaveLength(2);
  });
});
