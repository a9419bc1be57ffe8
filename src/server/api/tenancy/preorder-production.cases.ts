import { asc, eq, or } from "drizzle-orm";
import { expect } from "vitest";
import type { Fixture, OrgFixture } from "~/test/fixtures";
import { campaignRow, liveMoq20Quote, orderPhoto, publishedCampaign, reservationOf, reserveSplit } from "~/test/preorder-production";
import { rfqBetween } from "~/test/rfqs";
import { actorOf } from "~/test/vetting";
import type { TenancyCase, TenancyCaseContext } from "~/test/tenancy";
import type { Db } from "../../db/client";
import { files, orders, preorderCampaignImages, preorderCampaignSizes, preorderCampaigns, preorderReservations, rfqs } from "../../db/schema";
import { linkOrder, linkQuote } from "../../services/preorder-production";
import { publishProgressPhoto } from "../../services/preorder-production-photos";

/** Feeding production from a preorder campaign: every procedure is the brand's; one campaign per fixture and case. */
const state = async (d: Db, t: OrgFixture) => ({
  campaigns: await d.select().from(preorderCampaigns).where(eq(preorderCampaigns.brandOrgId, t.org.id)).orderBy(asc(preorderCampaigns.id)),
  sizes: await d.select().from(preorderCampaignSizes).where(eq(preorderCampaignSizes.brandOrgId, t.org.id)).orderBy(asc(preorderCampaignSizes.campaignId), asc(preorderCampaignSizes.position)),
  reservations: await d.select().from(preorderReservations).where(eq(preorderReservations.brandOrgId, t.org.id)).orderBy(asc(preorderReservations.id)),
  images: await d.select().from(preorderCampaignImages).where(eq(preorderCampaignImages.orgId, t.org.id)).orderBy(asc(preorderCampaignImages.fileId)),
  rfqs: await d.select().from(rfqs).where(eq(rfqs.brandOrgId, t.org.id)).orderBy(asc(rfqs.id)),
  orders: await d.select().from(orders).where(or(eq(orders.brandOrgId, t.org.id), eq(orders.workshopOrgId, t.org.id))).orderBy(asc(orders.id)),
  files: await d.select().from(files).where(eq(files.orgId, t.org.id)).orderBy(asc(files.id)),
});
type State = Awaited<ReturnType<typeof state>>;

export const cases = ({ db }: TenancyCaseContext): TenancyCase[] => {
  const made = new Map<string, Promise<Record<string, string>>>();
  /** Built once per fixture and purpose: the rows a case's input names. */
  const once = (f: Fixture, key: string, build: () => Promise<Record<string, string>>) => {
    const k = `${f.brand.org.id}:${key}`;
    if (!made.has(k)) made.set(k, build());
    return made.get(k)!;
  };

  /** A closed campaign on the ring of a live MOQ-20 quote, 20 paid (5: 6, 6: 8, 7: 6). */
  const quoted = (f: Fixture, key: string, link: boolean) =>
    once(f, key, async () => {
      const q = await liveMoq20Quote(db, f);
      const c = await publishedCampaign(db, f, q.ring.revision);
      await reserveSplit(db, c, { "5": 6, "6": 8, "7": 6 });
      if (link) await linkQuote(db, actorOf(f.brand), { campaignId: c.id, quoteVersionId: q.quote.id });
      return { campaignId: c.id, quoteVersionId: q.quote.id };
    });
  /** A campaign on the ring of the fixture's order (linked or not), one paid and one held reservation. */
  const ordered = (f: Fixture, key: string, link: boolean) =>
    once(f, key, async () => {
      const r = await rfqBetween(db, f);
      const c = await publishedCampaign(db, f, r.ring.revision, { closesAt: new Date(Date.now() + 5 * 86_400_000) });
      await reservationOf(db, c, { size: "6", quantity: 1, status: "held" });
      if (link) await linkOrder(db, actorOf(f.brand), { campaignId: c.id, orderId: r.order.id });
      return { campaignId: c.id, orderId: r.order.id };
    });
  const withPhoto = (f: Fixture, key: string, publish: boolean) =>
    once(f, key, async () => {
      const { campaignId, orderId } = await ordered(f, `${key}:order`, true);
      const photo = await orderPhoto(db, f, orderId!);
      const shown = publish ? await publishProgressPhoto(db, actorOf(f.brand), { campaignId: campaignId!, milestonePhotoFileId: photo.id, caption: "" }) : null;
      return { campaignId: campaignId!, milestonePhotoFileId: photo.id, ...(shown ? { fileId: shown.fileId } : {}) };
    });
  /** A cancelled campaign whose held reservation is still to be given back. */
  const cancelledLeft = (f: Fixture) =>
    once(f, "cancelled", async () => {
      const { campaignId } = await ordered(f, "cancelled:campaign", false);
      await db.update(preorderCampaigns).set({ status: "cancelled", cancelledAt: new Date(), cancelReason: "Casting failed" }).where(eq(preorderCampaigns.id, campaignId!));
      return { campaignId: campaignId! };
    });

  const campaignOf = (after: unknown, id: string) => (after as State).campaigns.find((c) => c.id === id)!;

  return [
    {
      procedure: "preorderProduction.get",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, campaignId: (await quoted(f, "get", true)).campaignId }),
      state,
      rowIds: ["campaignId"],
      allowed: async ({ result, f }) => {
        const { campaignId } = await quoted(f, "get", true);
        expect(result).toMatchObject({ campaign: { id: campaignId, paidUnits: 20 }, quote: { progress: { moqLabel: "MOQ met", tierLabel: "30 more for the 50-piece price (€35.00)" } } });
      },
    },
    {
      procedure: "preorderProduction.linkOptions",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, campaignId: (await quoted(f, "options", false)).campaignId }),
      state,
      rowIds: ["campaignId"],
      allowed: async ({ result, f }) => {
        const { quoteVersionId } = await quoted(f, "options", false);
        expect((result as { quotes: { quoteVersionId: string }[] }).quotes.map((q) => q.quoteVersionId)).toEqual([quoteVersionId]);
      },
    },
    {
      procedure: "preorderProduction.linkQuote",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, ...(await quoted(f, "linkQuote", false)) }),
      state,
      rowIds: ["campaignId", "quoteVersionId"],
      allowed: async ({ after, f }) => {
        const { campaignId, quoteVersionId } = await quoted(f, "linkQuote", false);
        expect(campaignOf(after, campaignId!)).toMatchObject({ quoteVersionId, workshopOrgId: f.workshop.org.id });
      },
    },
    {
      procedure: "preorderProduction.linkOrder",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, ...(await ordered(f, "linkOrder", false)) }),
      state,
      rowIds: ["campaignId", "orderId"],
      allowed: async ({ after, f }) => {
        const { campaignId, orderId } = await ordered(f, "linkOrder", false);
        const row = campaignOf(after, campaignId!);
        expect([row.orderId, row.workshopOrgId, row.forecastDeliveryOn === null]).toEqual([orderId, f.workshop.org.id, false]);
      },
    },
    {
      procedure: "preorderProduction.createRfq",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, campaignId: (await quoted(f, "createRfq", false)).campaignId }),
      state,
      rowIds: ["campaignId"],
      allowed: async ({ result, before, after, f }) => {
        const { campaignId } = await quoted(f, "createRfq", false);
        const made = (after as State).rfqs.filter((r) => !(before as State).rfqs.some((b) => b.id === r.id));
        expect(made.map((r) => r.status)).toEqual(["draft"]);
        expect(result).toMatchObject({ campaignId, rfqId: made[0]!.id });
        expect(campaignOf(after, campaignId!).rfqId).toBe(made[0]!.id);
      },
    },
    {
      procedure: "preorderProduction.placeOrder",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, campaignId: (await quoted(f, "placeOrder", true)).campaignId }),
      state,
      rowIds: ["campaignId"],
      allowed: async ({ result, before, after, f }) => {
        const { campaignId } = await quoted(f, "placeOrder", true);
        const made = (after as State).orders.filter((o) => !(before as State).orders.some((b) => b.id === o.id));
        expect(made.map((o) => o.totalMinor)).toEqual([80_000]);
        expect(result).toMatchObject({ campaignId, orderId: made[0]!.id });
        expect(campaignOf(after, campaignId!).orderId).toBe(made[0]!.id);
      },
    },
    {
      procedure: "preorderProduction.extendWindow",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, campaignId: (await quoted(f, "extend", false)).campaignId, closesAt: new Date("2031-01-31T18:00:00Z") }),
      state,
      rowIds: ["campaignId"],
      allowed: async ({ before, after, f }) => {
        const { campaignId } = await quoted(f, "extend", false);
        expect(campaignOf(after, campaignId!).closesAt.toISOString()).toBe("2031-01-31T18:00:00.000Z");
        expect((after as State).reservations).toEqual((before as State).reservations);
      },
    },
    {
      procedure: "preorderProduction.cancel",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, campaignId: (await ordered(f, "cancel", false)).campaignId, reason: "The casting failed twice." }),
      state,
      rowIds: ["campaignId"],
      allowed: async ({ result, after, f }) => {
        const { campaignId } = await ordered(f, "cancel", false);
        expect(result).toMatchObject({ campaignId, cancelled: 1, failed: 0, left: 0 });
        const row = campaignOf(after, campaignId!);
        expect([row.status, row.cancelReason, row.heldUnits, row.paidUnits]).toEqual(["cancelled", "The casting failed twice.", 0, 0]);
      },
    },
    {
      procedure: "preorderProduction.retryRefunds",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, campaignId: (await cancelledLeft(f)).campaignId }),
      state,
      rowIds: ["campaignId"],
      allowed: async ({ result, after, f }) => {
        const { campaignId } = await cancelledLeft(f);
        expect(result).toMatchObject({ campaignId, cancelled: 1, failed: 0, left: 0 });
        expect((after as State).reservations.filter((r) => r.campaignId === campaignId).map((r) => r.status)).toEqual(["cancelled"]);
      },
    },
    {
      procedure: "preorderProduction.photos",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, campaignId: (await withPhoto(f, "photos", false)).campaignId }),
      state,
      rowIds: ["campaignId"],
      allowed: async ({ result, f }) => {
        const { milestonePhotoFileId } = await withPhoto(f, "photos", false);
        expect(result).toMatchObject([{ milestonePhotoFileId, published: null }]);
      },
    },
    {
      procedure: "preorderProduction.publishPhoto",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, ...(await withPhoto(f, "publish", false)), caption: "Setting the stones" }),
      state,
      rowIds: ["campaignId", "milestonePhotoFileId"],
      allowed: async ({ before, after, f }) => {
        const { campaignId, milestonePhotoFileId } = await withPhoto(f, "publish", false);
        const image = (after as State).images.find((i) => i.campaignId === campaignId)!;
        expect(image).toMatchObject({ kind: "progress", milestonePhotoFileId, caption: "Setting the stones", orgId: f.brand.org.id });
        const copy = (after as State).files.filter((x) => !(before as State).files.some((b) => b.id === x.id));
        expect(copy.map((x) => [x.id, x.purpose])).toEqual([[image.fileId, "preorder_image"]]);
      },
    },
    {
      procedure: "preorderProduction.unpublishPhoto",
      kind: "brand",
      input: async (t, f) => {
        const { campaignId, fileId } = await withPhoto(f, "unpublish", true);
        return { orgId: t.org.id, campaignId, fileId };
      },
      state,
      rowIds: ["campaignId", "fileId"],
      allowed: async ({ before, after, f }) => {
        const { campaignId, fileId } = await withPhoto(f, "unpublish", true);
        expect((before as State).images.some((i) => i.campaignId === campaignId)).toBe(true);
        expect((after as State).images.some((i) => i.campaignId === campaignId)).toBe(false);
        expect((after as State).files.some((x) => x.id === fileId)).toBe(false);
        expect((await campaignRow(db, campaignId!)).status).toBe("published");
      },
    },
  ];
};
