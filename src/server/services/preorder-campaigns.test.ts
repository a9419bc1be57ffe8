import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createCampaignSchema, updateCampaignSchema, type CreateCampaignInput } from "~/lib/preorder-schemas";
import { testDb } from "~/test/db";
import { designWithRevision } from "~/test/designs";
import { createFixture, type Fixture } from "~/test/fixtures";
import { actorOf, publishWorkshop } from "~/test/vetting";
import { events, notifications, payoutAccounts, preorderCampaignSizes, preorderCampaigns } from "../db/schema";
import { answerArtisansConsent, listWorkshopCampaigns } from "./preorder-consent";
import { createCampaign, deleteCampaign, publishCampaign, updateCampaign } from "./preorder-campaigns";
import { addToShortlist } from "./shortlist";
import { holdUnits } from "~/test/preorder-campaigns";

/**
 * The brand's campaigns: a draft from an approved revision with its size run, edited freely; published only
 * with a window still open and the brand's Stripe account ready; afterwards only what does not change what
 * customers reserved, caps never below what is held and paid. Refusals name their field.
 */
const db = await testDb();

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date();
const day = (offset: number) => new Date(NOW.getTime() + offset * DAY).toISOString().slice(0, 10);

function input(revisionId: string, over: Record<string, unknown> = {}): CreateCampaignInput {
  return createCampaignSchema.parse({
    designRevisionId: revisionId,
    title: "Lune signet, the first hundred",
    slug: "lune-signet",
    story: "Cast in **recycled** gold in Vicenza.",
    retailPrice: "240.00 EUR",
    paymentMode: "deposit",
    depositPercent: 30,
    sizes: [
      { size: "6", cap: 10 },
      { size: "7", cap: null },
    ],
    totalCap: 20,
    opensAt: new Date(NOW.getTime() - 60_000),
    closesAt: new Date(NOW.getTime() + 14 * DAY),
    holdMinutes: 30,
    returnPolicy: "Cancel within 14 days of paying for a full refund.",
    cancelWithinDays: 14,
    expectedDeliveryOn: day(90),
    workshopOrgId: null,
    showArtisans: false,
    ...over,
  });
}

const update = (campaignId: string, fields: Record<string, unknown>) => updateCampaignSchema.parse({ campaignId, ...fields });

async function setup() {
  const f = await createFixture(db);
  const { revisionId } = await designWithRevision(db, f.brand);
  return { f, revisionId };
}

async function payoutsReady(f: Fixture) {
  await db.insert(payoutAccounts).values({ orgId: f.brand.org.id, stripeAccountId: `acct_${crypto.randomUUID().slice(0, 8)}`, onboardingStatus: "ready" });
}

const fieldError = (field: string, message: RegExp | string): unknown => expect.objectContaining({ field, message: typeof message === "string" ? message : (expect.stringMatching(message) as unknown) }) as unknown;

describe("creating a draft", () => {
  it("takes the revision's sizes, in the run's order, with their caps", async () => {
    const { f, revisionId } = await setup();
    const c = await createCampaign(db, actorOf(f.brand), input(revisionId, { sizes: [{ size: "7", cap: null }, { size: "5", cap: 4 }] }));
    expect(c.status).toBe("draft");
    expect(c.retailPriceMinor).toBe(24_000);
    expect(c.currency).toBe("EUR");
    const sizes = await db.select().from(preorderCampaignSizes).where(eq(preorderCampaignSizes.campaignId, c.id)).orderBy(preorderCampaignSizes.position);
    expect(sizes.map((s) => [s.size, s.cap])).toEqual([
      ["5", 4],
      ["7", null],
    ]);
  });

  it("refuses a size the revision does not offer, next to the sizes", async () => {
    const { f, revisionId } = await setup();
    await expect(createCampaign(db, actorOf(f.brand), input(revisionId, { sizes: [{ size: "12", cap: null }] }))).rejects.toEqual(fieldError("sizes", "Size 12 is not in the revision's size run (5, 6, 7, 8, 9)."));
  });

  it("offers a one-size piece as size \"\"", async () => {
    const f = await createFixture(db);
    const { revisionId } = await designWithRevision(db, f.brand, { category: "pendant" });
    const c = await createCampaign(db, actorOf(f.brand), input(revisionId, { sizes: [{ size: "", cap: null }] }));
    expect((await db.select().from(preorderCampaignSizes).where(eq(preorderCampaignSizes.campaignId, c.id))).map((s) => s.size)).toEqual([""]);
    await expect(createCampaign(db, actorOf(f.brand), input(revisionId, { slug: "other", sizes: [{ size: "6", cap: null }] }))).rejects.toEqual(fieldError("sizes", /one size only/));
  });

  it("refuses a draft revision", async () => {
    const f = await createFixture(db);
    const { revisionId } = await designWithRevision(db, f.brand, { approve: false });
    await expect(createCampaign(db, actorOf(f.brand), input(revisionId))).rejects.toEqual(fieldError("designRevisionId", "Choose an approved revision of one of your designs."));
  });

  it("refuses another brand's revision as not found", async () => {
    const { f, revisionId } = await setup();
    await expect(createCampaign(db, actorOf(f.outsider.brand), input(revisionId))).rejects.toMatchObject({ code: "NOT_FOUND", field: "designRevisionId" });
  });

  it("keeps each address unique within the brand, with a readable message; another brand may use it", async () => {
    const { f, revisionId } = await setup();
    await createCampaign(db, actorOf(f.brand), input(revisionId));
    await expect(createCampaign(db, actorOf(f.brand), input(revisionId, { title: "Another" }))).rejects.toEqual(fieldError("slug", "Another campaign of yours already uses the address “lune-signet”. Choose another."));
    const other = await designWithRevision(db, f.outsider.brand);
    await expect(createCampaign(db, actorOf(f.outsider.brand), input(other.revisionId))).resolves.toMatchObject({ slug: "lune-signet" });
  });

  it("two drafts racing for one address make one draft and one readable refusal", async () => {
    const { f, revisionId } = await setup();
    const results = await Promise.allSettled([createCampaign(db, actorOf(f.brand), input(revisionId, { slug: "race" })), createCampaign(db, actorOf(f.brand), input(revisionId, { slug: "race" }))]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toEqual(fieldError("slug", /already uses the address “race”/));
  });

  it("reads the field rules without the database: window, deposit, caps, delivery", () => {
    const issues = (over: Record<string, unknown>) => {
      const r = createCampaignSchema.safeParse({ ...input(crypto.randomUUID()), retailPrice: "240.00 EUR", ...over });
      return r.success ? [] : r.error.issues.map((i) => [i.path.join("."), i.message]);
    };
    expect(issues({ closesAt: new Date(NOW.getTime() - DAY), expectedDeliveryOn: day(90) })).toEqual([["closesAt", "The window closes after it opens."]]);
    expect(issues({ paymentMode: "full", depositPercent: 30 })).toEqual([["depositPercent", "Full payment takes 100 % upfront."]]);
    expect(issues({ sizes: [{ size: "6", cap: 30 }] })).toEqual([["sizes", "The cap of size 6 is above the total cap."]]);
    expect(issues({ expectedDeliveryOn: day(3) })).toEqual([["expectedDeliveryOn", "The expected delivery comes after the window closes."]]);
    expect(issues({ retailPrice: "abc" })).toEqual([["retailPrice", "Enter an amount like 45.00 EUR."]]);
    expect(issues({ slug: "Not OK!" })).toEqual([["slug", "Use lowercase letters, digits and single hyphens."]]);
    expect(issues({ totalCap: 0, sizes: [{ size: "6", cap: null }] })).toEqual([["totalCap", "The total cap must be at least 1."]]);
  });

  it("names only a workshop the brand knows; asking to show its artisans asks its consent and tells it", async () => {
    const { f, revisionId } = await setup();
    await expect(createCampaign(db, actorOf(f.brand), input(revisionId, { workshopOrgId: f.workshop.org.id }))).rejects.toEqual(fieldError("workshopOrgId", /shortlisted, asked for a quote or ordered from/));
    await publishWorkshop(db, f.workshop);
    await addToShortlist(db, actorOf(f.brand), { workshopOrgId: f.workshop.org.id });
    const c = await createCampaign(db, actorOf(f.brand), input(revisionId, { workshopOrgId: f.workshop.org.id, showArtisans: true }));
    expect(c.artisansConsent).toBe("requested");
    const told = await db.select().from(notifications).where(eq(notifications.orgId, f.workshop.org.id));
    expect(told.map((n) => [n.kind, n.title, n.href])).toEqual([["preorder", `${f.brand.org.name} asks to show your artisans on its preorder page “Lune signet, the first hundred”`, `/workshop/${f.workshop.org.slug}/preorders`]]);
  });
});

describe("editing", () => {
  it("changes anything on a draft", async () => {
    const { f, revisionId } = await setup();
    const c = await createCampaign(db, actorOf(f.brand), input(revisionId));
    const u = await updateCampaign(db, actorOf(f.brand), update(c.id, { retailPrice: "260.00 EUR", paymentMode: "full", depositPercent: 100, slug: "lune-signet-2", sizes: [{ size: "9", cap: 5 }] }));
    expect([u.retailPriceMinor, u.paymentMode, u.depositPercent, u.slug]).toEqual([26_000, "full", 100, "lune-signet-2"]);
    expect((await db.select().from(preorderCampaignSizes).where(eq(preorderCampaignSizes.campaignId, c.id))).map((s) => [s.size, s.cap])).toEqual([["9", 5]]);
  });

  it("checks the window against the stored value when only one end changes", async () => {
    const { f, revisionId } = await setup();
    const c = await createCampaign(db, actorOf(f.brand), input(revisionId));
    await expect(updateCampaign(db, actorOf(f.brand), update(c.id, { opensAt: new Date(NOW.getTime() + 20 * DAY) }))).rejects.toEqual(fieldError("closesAt", "The window closes after it opens."));
  });

  it("after publishing: the story, the return policy, a later close and caps change; the price, sizes and address do not", async () => {
    const { f, revisionId } = await setup();
    await payoutsReady(f);
    const c = await createCampaign(db, actorOf(f.brand), input(revisionId));
    await publishCampaign(db, actorOf(f.brand), { campaignId: c.id });
    const later = new Date(c.closesAt.getTime() + 7 * DAY);
    const u = await updateCampaign(db, actorOf(f.brand), update(c.id, { story: "New chapter.", returnPolicy: "30 days.", cancelWithinDays: 30, closesAt: later, totalCap: 40, sizes: [{ size: "6", cap: 20 }, { size: "7", cap: 5 }] }));
    expect([u.story, u.returnPolicy, u.cancelWithinDays, u.closesAt.getTime(), u.totalCap]).toEqual(["New chapter.", "30 days.", 30, later.getTime(), 40]);

    const refusals: [Record<string, unknown>, string, string][] = [
      [{ retailPrice: "199.00 EUR" }, "retailPrice", "The price can't change once the campaign is published."],
      [{ paymentMode: "full", depositPercent: 100 }, "paymentMode", "The payment can't change once the campaign is published."],
      [{ slug: "elsewhere" }, "slug", "The web address can't change once the campaign is published."],
      [{ sizes: [{ size: "6", cap: null }] }, "sizes", "The sizes offered can't change once the campaign is published; only their caps."],
      [{ closesAt: new Date(NOW.getTime() + 2 * DAY) }, "closesAt", "Once published, the window can only be extended: choose a later close."],
      [{ cancelWithinDays: 7 }, "cancelWithinDays", "Customers reserved with 30 days to cancel; the period can only get longer."],
    ];
    for (const [fields, field, message] of refusals) {
      await expect(updateCampaign(db, actorOf(f.brand), update(c.id, fields))).rejects.toEqual(fieldError(field, message));
    }
    // The same values sent back (a form posting every field) are no change.
    await expect(updateCampaign(db, actorOf(f.brand), update(c.id, { retailPrice: "240.00 EUR", slug: "lune-signet", title: c.title, paymentMode: "deposit", depositPercent: 30 }))).resolves.toMatchObject({ retailPriceMinor: 24_000 });
  });

  it("the database refuses a published campaign's new price even without the service", async () => {
    const { f, revisionId } = await setup();
    await payoutsReady(f);
    const c = await createCampaign(db, actorOf(f.brand), input(revisionId));
    await publishCampaign(db, actorOf(f.brand), { campaignId: c.id });
    const { withOrg } = await import("../db/tenant");
    await expect(withOrg(db, f.brand.org.id, (tx) => tx.update(preorderCampaigns).set({ retailPriceMinor: 1 }).where(eq(preorderCampaigns.id, c.id)))).rejects.toThrow();
    expect((await db.select().from(preorderCampaigns).where(eq(preorderCampaigns.id, c.id)))[0]!.retailPriceMinor).toBe(24_000);
  });

  it("caps never drop below what is held and paid, in total and per size", async () => {
    const { f, revisionId } = await setup();
    await payoutsReady(f);
    const c = await createCampaign(db, actorOf(f.brand), input(revisionId));
    await publishCampaign(db, actorOf(f.brand), { campaignId: c.id });
    await holdUnits(db, c.id, "6", 4, "paid");
    await holdUnits(db, c.id, "6", 2, "held");
    await holdUnits(db, c.id, "7", 3, "paid");
    await expect(updateCampaign(db, actorOf(f.brand), update(c.id, { totalCap: 8 }))).rejects.toEqual(fieldError("totalCap", "9 units are already held or paid; the total cap can't be lower."));
    await expect(updateCampaign(db, actorOf(f.brand), update(c.id, { sizes: [{ size: "6", cap: 5 }, { size: "7", cap: null }] }))).rejects.toEqual(fieldError("sizes", "6 units of size 6 are already held or paid; its cap can't be lower."));
    // Exactly what is taken is allowed.
    const u = await updateCampaign(db, actorOf(f.brand), update(c.id, { totalCap: 9, sizes: [{ size: "6", cap: 6 }, { size: "7", cap: 3 }] }));
    expect(u.totalCap).toBe(9);
    expect((await db.select().from(preorderCampaignSizes).where(eq(preorderCampaignSizes.campaignId, c.id)).orderBy(preorderCampaignSizes.position)).map((s) => [s.size, s.cap, s.heldUnits, s.paidUnits])).toEqual([
      ["6", 6, 2, 4],
      ["7", 3, 0, 3],
    ]);
  });
});

describe("publishing", () => {
  it("needs the brand's Stripe account ready, and says where to connect it", async () => {
    const { f, revisionId } = await setup();
    const c = await createCampaign(db, actorOf(f.brand), input(revisionId));
    await expect(publishCampaign(db, actorOf(f.brand), { campaignId: c.id })).rejects.toEqual(fieldError("payouts", "Customers pay by card, to your own Stripe account: connect it in Settings → Payouts before publishing."));
    await db.insert(payoutAccounts).values({ orgId: f.brand.org.id, stripeAccountId: "acct_pending_1", onboardingStatus: "pending" });
    await expect(publishCampaign(db, actorOf(f.brand), { campaignId: c.id })).rejects.toEqual(fieldError("payouts", /Settings → Payouts/));
    await db.update(payoutAccounts).set({ onboardingStatus: "ready" }).where(eq(payoutAccounts.orgId, f.brand.org.id));
    const p = await publishCampaign(db, actorOf(f.brand), { campaignId: c.id });
    expect(p.status).toBe("published");
    expect(p.publicUrl).toMatch(new RegExp(`/p/${f.brand.org.slug}/lune-signet$`));
    const logged = await db.select().from(events).where(and(eq(events.orgId, f.brand.org.id), eq(events.subjectId, c.id)));
    expect(logged.map((e) => e.action).sort()).toEqual(["preorder_campaign.created", "preorder_campaign.published"]);
  });

  it("refuses a window that has closed, and a second publish", async () => {
    const { f, revisionId } = await setup();
    await payoutsReady(f);
    const c = await createCampaign(db, actorOf(f.brand), input(revisionId, { opensAt: new Date(NOW.getTime() - 10 * DAY), closesAt: new Date(NOW.getTime() - DAY), expectedDeliveryOn: day(60) }));
    await expect(publishCampaign(db, actorOf(f.brand), { campaignId: c.id })).rejects.toEqual(fieldError("closesAt", "The window has already closed: choose a later close, then publish."));
    await updateCampaign(db, actorOf(f.brand), update(c.id, { closesAt: new Date(NOW.getTime() + DAY) }));
    await publishCampaign(db, actorOf(f.brand), { campaignId: c.id });
    await expect(publishCampaign(db, actorOf(f.brand), { campaignId: c.id })).rejects.toMatchObject({ code: "CONFLICT", message: "This campaign is already published." });
  });

  it("deletes a draft, never a published campaign", async () => {
    const { f, revisionId } = await setup();
    await payoutsReady(f);
    const draft = await createCampaign(db, actorOf(f.brand), input(revisionId));
    await deleteCampaign(db, actorOf(f.brand), { campaignId: draft.id });
    expect(await db.select().from(preorderCampaigns).where(eq(preorderCampaigns.id, draft.id))).toEqual([]);
    const c = await createCampaign(db, actorOf(f.brand), input(revisionId));
    await publishCampaign(db, actorOf(f.brand), { campaignId: c.id });
    await expect(deleteCampaign(db, actorOf(f.brand), { campaignId: c.id })).rejects.toMatchObject({ message: "Only a draft can be deleted; a published campaign is cancelled instead." });
    await expect(deleteCampaign(db, actorOf(f.outsider.brand), { campaignId: c.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the workshop's side", () => {
  it("sees the campaigns it is named in with quantities only, answers the consent, and the brand is told", async () => {
    const { f, revisionId } = await setup();
    await payoutsReady(f);
    await publishWorkshop(db, f.workshop);
    await addToShortlist(db, actorOf(f.brand), { workshopOrgId: f.workshop.org.id });
    const hidden = await createCampaign(db, actorOf(f.brand), input(revisionId, { slug: "quiet-draft", workshopOrgId: f.workshop.org.id }));
    const c = await createCampaign(db, actorOf(f.brand), input(revisionId, { workshopOrgId: f.workshop.org.id, showArtisans: true }));
    await publishCampaign(db, actorOf(f.brand), { campaignId: c.id });
    await holdUnits(db, c.id, "6", 2, "paid", { name: "Camille Secret", email: "camille.secret@example.test" });

    const seen = await listWorkshopCampaigns(db, f.workshop.org.id);
    expect(seen.map((s) => s.id)).toEqual([c.id]);
    expect(seen.map((s) => hidden.id !== s.id)).toEqual([true]);
    expect(seen[0]!.sizes).toEqual([
      { size: "6", cap: 10, heldUnits: 0, paidUnits: 2 },
      { size: "7", cap: null, heldUnits: 0, paidUnits: 0 },
    ]);
    expect(JSON.stringify(seen)).not.toMatch(/Camille|camille\.secret|@example\.test/);

    await answerArtisansConsent(db, actorOf(f.workshop), { campaignId: c.id, answer: "granted" });
    const [row] = await db.select().from(preorderCampaigns).where(eq(preorderCampaigns.id, c.id));
    expect(row!.artisansConsent).toBe("granted");
    expect(row!.artisansConsentAt).not.toBeNull();
    const told = await db.select().from(notifications).where(and(eq(notifications.orgId, f.brand.org.id), eq(notifications.kind, "preorder")));
    expect(told.map((n) => [n.title, n.href])).toEqual([[`${f.workshop.org.name} agreed to show its artisans on “Lune signet, the first hundred”`, `/brand/${f.brand.org.slug}/preorders/${c.id}`]]);

    await answerArtisansConsent(db, actorOf(f.workshop), { campaignId: c.id, answer: "declined" });
    expect((await db.select().from(preorderCampaigns).where(eq(preorderCampaigns.id, c.id)))[0]!.artisansConsent).toBe("declined");
    // A campaign it was never asked about is not found; another workshop's neither.
    await expect(answerArtisansConsent(db, actorOf(f.workshop), { campaignId: hidden.id, answer: "granted" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(answerArtisansConsent(db, actorOf(f.outsider.workshop), { campaignId: c.id, answer: "granted" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a new workshop is asked afresh; switching showing back on after a refusal asks again", async () => {
    const { f, revisionId } = await setup();
    await publishWorkshop(db, f.workshop);
    await addToShortlist(db, actorOf(f.brand), { workshopOrgId: f.workshop.org.id });
    const c = await createCampaign(db, actorOf(f.brand), input(revisionId, { workshopOrgId: f.workshop.org.id, showArtisans: true }));
    await answerArtisansConsent(db, actorOf(f.workshop), { campaignId: c.id, answer: "declined" });
    await updateCampaign(db, actorOf(f.brand), update(c.id, { showArtisans: false }));
    expect((await updateCampaign(db, actorOf(f.brand), update(c.id, { showArtisans: true }))).artisansConsent).toBe("requested");
    expect((await updateCampaign(db, actorOf(f.brand), update(c.id, { workshopOrgId: null }))).artisansConsent).toBe("not_requested");
  });
});
