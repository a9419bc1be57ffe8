import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { startFakeStripe, type FakeStripe } from "~/test/fake-stripe";
import { callerFor, createFixture, type Fixture } from "~/test/fixtures";
import { payoutAccounts } from "../db/schema";
import type Stripe from "stripe";
import { appUrl } from "./email";
import { handleStripeEvent } from "./payment-webhooks";
import { setStripeClient } from "./stripe";

/**
 * A brand connects its own Stripe account the way a workshop does (its preorder customers pay to it),
 * through the same procedures, against the local stand-in for api.stripe.com: Stripe sends each back to the
 * payout settings of its own portal.
 */
const db = await testDb();
let fake: FakeStripe;
let f: Fixture;

beforeAll(async () => {
  fake = await startFakeStripe();
  setStripeClient(fake.client());
  f = await createFixture(db);
});
afterAll(async () => {
  setStripeClient(undefined);
  await fake.close();
});

describe("a brand's payout account", () => {
  it("a brand's startOnboarding creates its connected account and a link that brings it back to the brand's payout settings", async () => {
    const caller = callerFor(db, f.brand.admin);
    expect(await caller.payment.payoutSettings({ orgId: f.brand.org.id })).toMatchObject({ cardConfigured: true, connected: false, status: "not_started" });
    fake.seen.length = 0;

    const { url } = await caller.payment.startOnboarding({ orgId: f.brand.org.id });

    const [row] = await db.select().from(payoutAccounts).where(eq(payoutAccounts.orgId, f.brand.org.id));
    expect(row).toMatchObject({ stripeAccountId: expect.stringMatching(/^acct_test_/), onboardingStatus: "pending" });
    expect(url).toBe(`https://connect.stripe.test/setup/${row!.stripeAccountId}`);
    expect(fake.seen.map((s) => s.path)).toEqual(["/v1/accounts", "/v1/account_links"]);
    expect(fake.seen[0]!.body.get("metadata[org_id]")).toBe(f.brand.org.id);
    expect(fake.seen[0]!.body.get("business_profile[name]")).toBe(f.brand.org.name);
    const link = fake.seen[1]!.body;
    expect([link.get("account"), link.get("type"), link.get("return_url"), link.get("refresh_url")]).toEqual([
      row!.stripeAccountId,
      "account_onboarding",
      appUrl(`/brand/${f.brand.org.slug}/settings/payouts?onboarding=returned`),
      appUrl(`/brand/${f.brand.org.slug}/settings/payouts?onboarding=expired`),
    ]);
    expect(await caller.payment.payoutSettings({ orgId: f.brand.org.id })).toMatchObject({ connected: true, status: "pending" });

    // Stripe says the account is ready: the brand's campaigns can take card payments.
    const account = { id: row!.stripeAccountId, object: "account", details_submitted: true, charges_enabled: true, payouts_enabled: true, capabilities: { transfers: "active" }, requirements: { currently_due: [], past_due: [], disabled_reason: null } };
    const event = { id: `evt_brand_${f.brand.org.id.slice(0, 8)}`, object: "event", created: Math.floor(Date.now() / 1000), type: "account.updated", data: { object: account } } as unknown as Stripe.Event;
    expect(await handleStripeEvent(db, event)).toBe("processed");
    expect(await caller.payment.payoutSettings({ orgId: f.brand.org.id })).toMatchObject({ connected: true, status: "ready", requirements: [] });
  });

  it("a workshop's link still brings it back to the workshop's payout settings; a brand member may look but not connect", async () => {
    fake.seen.length = 0;
    await callerFor(db, f.workshop.admin).payment.startOnboarding({ orgId: f.workshop.org.id });
    expect(fake.seen.find((s) => s.path === "/v1/account_links")!.body.get("return_url")).toBe(appUrl(`/workshop/${f.workshop.org.slug}/settings/payouts?onboarding=returned`));

    await expect(callerFor(db, f.brand.member).payment.startOnboarding({ orgId: f.brand.org.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await callerFor(db, f.brand.member).payment.payoutSettings({ orgId: f.brand.org.id })).toMatchObject({ connected: true });
    // The bank details stay the workshop's.
    await expect(
      callerFor(db, f.brand.owner).payment.saveBankDetails({ orgId: f.brand.org.id, accountHolder: "Brand", bankName: "Bank", iban: "IT60X0542811101000000123456", bic: "ETICIT22", otherDetails: "" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
