import { asc, eq, inArray, or } from "drizzle-orm";
import { expect } from "vitest";
import type { Fixture, OrgFixture } from "~/test/fixtures";
import { publishedCampaign, reservationOf } from "~/test/preorder-production";
import { approvedDesign } from "~/test/rfqs";
import type { TenancyCase, TenancyCaseContext } from "~/test/tenancy";
import type { Db } from "../../db/client";
import { notifications, preorderCampaignSizes, preorderCampaigns, workshopArtisans } from "../../db/schema";

/**
 * The workshop's side of preorder campaigns: every procedure is the workshop's. A campaign of the fixture's
 * brand names the fixture's workshop and asks for its artisans' consent, with reservations (customers the
 * workshop must never see); one campaign per fixture and case.
 */
const state = async (d: Db, t: OrgFixture, f: Fixture) => ({
  campaigns: await d
    .select()
    .from(preorderCampaigns)
    .where(or(eq(preorderCampaigns.workshopOrgId, t.org.id), eq(preorderCampaigns.brandOrgId, t.org.id)))
    .orderBy(asc(preorderCampaigns.id)),
  sizes: await d.select().from(preorderCampaignSizes).where(eq(preorderCampaignSizes.brandOrgId, f.brand.org.id)).orderBy(asc(preorderCampaignSizes.campaignId), asc(preorderCampaignSizes.position)),
  notifications: await d.select().from(notifications).where(inArray(notifications.orgId, [t.org.id, f.brand.org.id])).orderBy(asc(notifications.id)),
});
type State = Awaited<ReturnType<typeof state>>;

export const CUSTOMER = { name: "Camille Secret", email: "camille.secret@example.test" };

export const cases = ({ db }: TenancyCaseContext): TenancyCase[] => {
  const made = new Map<string, Promise<{ campaignId: string }>>();
  /** Built once per fixture and purpose: a published campaign naming the workshop, consent requested, 3 paid and 1 held. */
  const asking = (f: Fixture, key: string) => {
    const k = `${f.workshop.org.id}:${key}`;
    if (!made.has(k))
      made.set(
        k,
        (async () => {
          const { revision } = await approvedDesign(db, f.brand);
          const c = await publishedCampaign(db, f, revision, { workshopOrgId: f.workshop.org.id, showArtisans: true, artisansConsent: "requested", closesAt: new Date(Date.now() + 10 * 86_400_000) });
          await reservationOf(db, c, { size: "6", quantity: 2, ...CUSTOMER });
          await reservationOf(db, c, { size: "7", quantity: 1 });
          await reservationOf(db, c, { size: "7", quantity: 1, status: "held" });
          const artisans = await db.select().from(workshopArtisans).where(eq(workshopArtisans.orgId, f.workshop.org.id));
          if (artisans.length === 0) await db.insert(workshopArtisans).values({ orgId: f.workshop.org.id, name: "Giulia Rossi", role: "Master setter", position: 0 });
          return { campaignId: c.id };
        })(),
      );
    return made.get(k)!;
  };

  return [
    {
      procedure: "preorderWorkshop.list",
      kind: "workshop",
      input: async (t, f) => {
        await asking(f, "list");
        return { orgId: t.org.id };
      },
      state,
      allowed: async ({ result, f }) => {
        const { campaignId } = await asking(f, "list");
        const mine = (result as { id: string }[]).find((c) => c.id === campaignId);
        expect(mine).toMatchObject({
          brandName: f.brand.org.name,
          status: "published",
          paidUnits: 3,
          heldUnits: 1,
          artisansConsent: "requested",
          artisans: [{ name: "Giulia Rossi", role: "Master setter" }],
        });
        const sizes = (mine as unknown as { sizes: { size: string }[] }).sizes;
        expect(sizes.filter((s) => s.size === "6" || s.size === "7")).toEqual([
          { size: "6", cap: null, heldUnits: 0, paidUnits: 2 },
          { size: "7", cap: null, heldUnits: 1, paidUnits: 1 },
        ]);
        expect(JSON.stringify(result)).not.toMatch(/Camille|camille\.secret|@example\.test|customer/i);
      },
    },
    {
      procedure: "preorderWorkshop.answerConsent",
      kind: "workshop",
      input: async (t, f) => ({ orgId: t.org.id, campaignId: (await asking(f, "answer")).campaignId, answer: "granted" }),
      state,
      rowIds: ["campaignId"],
      allowed: async ({ result, after, f }) => {
        const { campaignId } = await asking(f, "answer");
        expect(result).toEqual({ campaignId, artisansConsent: "granted" });
        const row = (after as State).campaigns.find((c) => c.id === campaignId)!;
        expect([row.artisansConsent, row.artisansConsentAt !== null]).toEqual(["granted", true]);
        const told = (after as State).notifications.filter((n) => n.orgId === f.brand.org.id && n.kind === "preorder");
        expect(told.map((n) => n.title)).toEqual([`${f.workshop.org.name} agreed to show its artisans on “The Signet, made in Florence”`]);
      },
    },
  ];
};
