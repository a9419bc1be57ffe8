import { asc, eq } from "drizzle-orm";
import { expect } from "vitest";
import { designWithRevision } from "~/test/designs";
import type { Fixture, OrgFixture } from "~/test/fixtures";
import { fileRow } from "~/test/files";
import { campaignFor, readyBrandPayout, reserveAs } from "~/test/preorders";
import type { TenancyCase, TenancyCaseContext } from "~/test/tenancy";
import type { Db } from "../../db/client";
import { files, preorderCampaignImages, preorderCampaignSizes, preorderCampaigns, preorderReservations } from "../../db/schema";
import { getStorage } from "../../storage";

/** The brand's preorder campaigns, their details and images: every procedure is the brand's; its own campaign per fixture and case. */
const state = async (d: Db, t: OrgFixture) => ({
  campaigns: await d.select().from(preorderCampaigns).where(eq(preorderCampaigns.brandOrgId, t.org.id)).orderBy(asc(preorderCampaigns.id)),
  sizes: await d.select().from(preorderCampaignSizes).where(eq(preorderCampaignSizes.brandOrgId, t.org.id)).orderBy(asc(preorderCampaignSizes.campaignId), asc(preorderCampaignSizes.position)),
  reservations: await d.select().from(preorderReservations).where(eq(preorderReservations.brandOrgId, t.org.id)).orderBy(asc(preorderReservations.id)),
  images: await d.select().from(preorderCampaignImages).where(eq(preorderCampaignImages.orgId, t.org.id)).orderBy(asc(preorderCampaignImages.campaignId), asc(preorderCampaignImages.position)),
  files: await d.select().from(files).where(eq(files.orgId, t.org.id)).orderBy(asc(files.id)),
});
type State = Awaited<ReturnType<typeof state>>;

const DAY = 86_400_000;

export const cases = ({ db }: TenancyCaseContext): TenancyCase[] => {
  const made = new Map<string, Promise<unknown>>();
  /** Built once per fixture and purpose: the rows a case's input names. */
  const once = <T,>(f: Fixture, key: string, build: () => Promise<T>): Promise<T> => {
    const k = `${f.brand.org.id}:${key}`;
    if (!made.has(k)) made.set(k, build());
    return made.get(k) as Promise<T>;
  };

  /** An approved revision (sizes 5–9) whose sketch has its bytes in storage, under a key of the brand's. */
  const revision = (f: Fixture, key: string) =>
    once(f, `${key}:revision`, async () => {
      const { design, revisionId, sketch } = await designWithRevision(db, f.brand);
      const storageKey = `${f.brand.org.id}/${sketch.id}/original.png`;
      await getStorage().put(storageKey, Buffer.from("png bytes of a sketch"), "image/png");
      await db.update(files).set({ storageKey }).where(eq(files.id, sketch.id));
      return { designId: design.id, revisionId, sketchId: sketch.id };
    });
  /** A draft of the brand's (or published, with one held reservation) on its own revision. */
  const campaign = (f: Fixture, key: string, opts: { published?: boolean } = {}) =>
    once(f, key, async () => {
      const r = await revision(f, key);
      const c = await campaignFor(db, f, { status: opts.published ? "published" : "draft", revision: { designId: r.designId, revisionId: r.revisionId } });
      if (opts.published) await reserveAs(db, c.id, { size: "6", quantity: 2, name: "Ada Customer", email: "ada.customer@example.test" });
      return { campaignId: c.id, revisionId: r.revisionId, sketchId: r.sketchId };
    });
  /** A draft with two uploaded images, in order. */
  const withImages = (f: Fixture, key: string) =>
    once(f, `${key}:images`, async () => {
      const { campaignId } = await campaign(f, key);
      const a = await fileRow(db, f.brand.org.id, "preorder_image");
      const b = await fileRow(db, f.brand.org.id, "preorder_image");
      await db.insert(preorderCampaignImages).values([
        { campaignId, fileId: a.id, orgId: f.brand.org.id, position: 0, kind: "image" as const, caption: "" },
        { campaignId, fileId: b.id, orgId: f.brand.org.id, position: 1, kind: "image" as const, caption: "" },
      ]);
      return { campaignId, first: a.id, second: b.id };
    });

  /** The campaign's workshop is another organization, not a row of the brand's; the service accepts only one the brand shortlisted, asked or ordered from. */
  const workshopId = { fields: ["workshopOrgId"], why: "names a workshop (another organization), accepted only among those the brand shortlisted, asked for a quote or ordered from" };

  const campaignOf = (after: unknown, id: string) => (after as State).campaigns.find((c) => c.id === id);
  const imagesOf = (s: unknown, id: string) => (s as State).images.filter((i) => i.campaignId === id);

  return [
    {
      procedure: "preorder.list",
      kind: "brand",
      input: async (t, f) => {
        await campaign(f, "list", { published: true });
        return { orgId: t.org.id, page: 1 };
      },
      state,
      allowed: async ({ result, f }) => {
        const { campaignId } = await campaign(f, "list", { published: true });
        const r = result as { items: { id: string; reserved: number; heldUnits: number; publicPath: string }[]; total: number };
        expect(r.total).toBe(1);
        expect(r.items.map((c) => [c.id, c.reserved, c.heldUnits])).toEqual([[campaignId, 2, 2]]);
        expect(r.items[0]!.publicPath).toMatch(new RegExp(`^/p/${f.brand.org.slug}/drop-`));
        expect(JSON.stringify(result)).not.toMatch(/Ada Customer|ada\.customer/);
      },
    },
    {
      procedure: "preorder.formOptions",
      kind: "brand",
      input: async (t, f) => {
        await revision(f, "options");
        return { orgId: t.org.id };
      },
      state,
      allowed: async ({ result, f }) => {
        const { revisionId } = await revision(f, "options");
        const r = result as { revisions: { id: string; sizes: string[] }[]; payoutsReady: boolean };
        expect(r.revisions.map((x) => [x.id, x.sizes])).toEqual([[revisionId, ["5", "6", "7", "8", "9"]]]);
        expect(r.payoutsReady).toBe(false);
      },
    },
    {
      procedure: "preorder.get",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, campaignId: (await campaign(f, "get", { published: true })).campaignId }),
      state,
      rowIds: ["campaignId"],
      allowed: async ({ result, f }) => {
        const { campaignId, sketchId } = await campaign(f, "get", { published: true });
        expect(result).toMatchObject({ id: campaignId, status: "published", heldUnits: 2, locked: { retailPrice: "The price", title: "The title" } });
        expect((result as { sketches: { fileId: string }[] }).sketches.map((s) => s.fileId)).toEqual([sketchId]);
        expect((result as { sizes: { size: string; heldUnits: number }[] }).sizes.find((s) => s.size === "6")?.heldUnits).toBe(2);
        expect(JSON.stringify(result)).not.toMatch(/Ada Customer|ada\.customer/);
      },
    },
    {
      procedure: "preorder.create",
      kind: "brand",
      input: async (t, f) => ({
        orgId: t.org.id,
        designRevisionId: (await revision(f, "create")).revisionId,
        title: "Lune signet, the first fifty",
        slug: "lune-first-fifty",
        story: "Cast by hand.",
        retailPrice: "240.00 EUR",
        paymentMode: "deposit",
        depositPercent: 30,
        sizes: [
          { size: "6", cap: 10 },
          { size: "7", cap: null },
        ],
        totalCap: 50,
        opensAt: new Date(Date.now() + DAY),
        closesAt: new Date(Date.now() + 15 * DAY),
        holdMinutes: 30,
        returnPolicy: "",
        cancelWithinDays: 14,
        expectedDeliveryOn: new Date(Date.now() + 120 * DAY).toISOString().slice(0, 10),
        workshopOrgId: null,
        showArtisans: false,
      }),
      state,
      rowIds: ["designRevisionId"],
      publicIds: workshopId,
      allowed: async ({ result, before, after, f }) => {
        const { revisionId } = await revision(f, "create");
        const fresh = (after as State).campaigns.filter((c) => !(before as State).campaigns.some((b) => b.id === c.id));
        expect(fresh.map((c) => [c.slug, c.status, c.designRevisionId, c.retailPriceMinor, c.currency, c.totalCap])).toEqual([["lune-first-fifty", "draft", revisionId, 24_000, "EUR", 50]]);
        expect((after as State).sizes.filter((s) => s.campaignId === fresh[0]!.id).map((s) => [s.size, s.cap])).toEqual([
          ["6", 10],
          ["7", null],
        ]);
        expect(result).toEqual({ id: fresh[0]!.id, title: "Lune signet, the first fifty", slug: "lune-first-fifty", status: "draft", artisansConsent: "not_requested" });
      },
    },
    {
      procedure: "preorder.update",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, campaignId: (await campaign(f, "update")).campaignId, title: "Lune signet, renamed", story: "Now with a story." }),
      state,
      rowIds: ["campaignId"],
      publicIds: workshopId,
      allowed: async ({ after, f }) => {
        const { campaignId } = await campaign(f, "update");
        expect(campaignOf(after, campaignId)).toMatchObject({ title: "Lune signet, renamed", story: "Now with a story.", status: "draft" });
      },
    },
    {
      procedure: "preorder.publish",
      kind: "brand",
      input: async (t, f) => {
        await readyBrandPayout(db, f.brand);
        return { orgId: t.org.id, campaignId: (await campaign(f, "publish")).campaignId };
      },
      state,
      rowIds: ["campaignId"],
      allowed: async ({ result, after, f }) => {
        const { campaignId } = await campaign(f, "publish");
        expect(campaignOf(after, campaignId)?.status).toBe("published");
        expect(result).toMatchObject({ id: campaignId, status: "published" });
        expect((result as { publicUrl: string }).publicUrl).toMatch(new RegExp(`/p/${f.brand.org.slug}/drop-`));
      },
    },
    {
      procedure: "preorder.delete",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, campaignId: (await campaign(f, "delete")).campaignId, confirm: true }),
      state,
      rowIds: ["campaignId"],
      allowed: async ({ result, before, after, f }) => {
        const { campaignId } = await campaign(f, "delete");
        expect(campaignOf(before, campaignId)).toBeDefined();
        expect(campaignOf(after, campaignId)).toBeUndefined();
        expect((after as State).sizes.some((s) => s.campaignId === campaignId)).toBe(false);
        expect(result).toEqual({ id: campaignId });
      },
    },
    {
      procedure: "preorder.sketches",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, campaignId: (await campaign(f, "sketches")).campaignId }),
      state,
      rowIds: ["campaignId"],
      allowed: async ({ result, f }) => {
        const { sketchId } = await campaign(f, "sketches");
        expect(result).toMatchObject([{ fileId: sketchId, kind: "sketch", name: "sketch.png" }]);
      },
    },
    {
      procedure: "preorder.addImage",
      kind: "brand",
      input: async (t, f) => {
        const ids = await once(f, "addImage:file", async () => {
          const { campaignId } = await campaign(f, "addImage");
          return { campaignId: campaignId, fileId: (await fileRow(db, f.brand.org.id, "preorder_image")).id };
        });
        return { orgId: t.org.id, ...ids, caption: "The wax model" };
      },
      state,
      rowIds: ["campaignId", "fileId"],
      allowed: async ({ result, after, f }) => {
        const { campaignId } = await campaign(f, "addImage");
        const { fileId } = await once<{ fileId: string }>(f, "addImage:file", () => Promise.reject(new Error("built by input")));
        expect(imagesOf(after, campaignId).map((i) => [i.fileId, i.kind, i.caption, i.position])).toEqual([[fileId, "image", "The wax model", 0]]);
        expect((result as { fileId: string }[]).map((i) => i.fileId)).toEqual([fileId]);
      },
    },
    {
      procedure: "preorder.copySketch",
      kind: "brand",
      input: async (t, f) => {
        const { campaignId, sketchId } = await campaign(f, "copySketch");
        return { orgId: t.org.id, campaignId, sourceFileId: sketchId };
      },
      state,
      rowIds: ["campaignId", "sourceFileId"],
      allowed: async ({ result, before, after, f }) => {
        const { campaignId, sketchId } = await campaign(f, "copySketch");
        const copies = (after as State).files.filter((x) => !(before as State).files.some((b) => b.id === x.id));
        expect(copies.map((x) => [x.purpose, x.originalName])).toEqual([["preorder_image", "sketch.png"]]);
        expect(copies[0]!.id).not.toBe(sketchId);
        expect(imagesOf(after, campaignId).map((i) => [i.fileId, i.kind])).toEqual([[copies[0]!.id, "sketch"]]);
        expect((result as { fileId: string }[]).map((i) => i.fileId)).toEqual([copies[0]!.id]);
      },
    },
    {
      procedure: "preorder.reorderImages",
      kind: "brand",
      input: async (t, f) => {
        const { campaignId, first, second } = await withImages(f, "reorder");
        return { orgId: t.org.id, campaignId, fileIds: [second, first] };
      },
      state,
      rowIds: ["campaignId", "fileIds"],
      allowed: async ({ after, f }) => {
        const { campaignId, first, second } = await withImages(f, "reorder");
        expect(imagesOf(after, campaignId).map((i) => i.fileId)).toEqual([second, first]);
      },
    },
    {
      procedure: "preorder.captionImage",
      kind: "brand",
      input: async (t, f) => {
        const { campaignId, second } = await withImages(f, "caption");
        return { orgId: t.org.id, campaignId, fileId: second, caption: "Polishing the shank" };
      },
      state,
      rowIds: ["campaignId", "fileId"],
      allowed: async ({ after, f }) => {
        const { campaignId } = await withImages(f, "caption");
        expect(imagesOf(after, campaignId).map((i) => i.caption)).toEqual(["", "Polishing the shank"]);
      },
    },
    {
      procedure: "preorder.removeImage",
      kind: "brand",
      input: async (t, f) => {
        const { campaignId, first } = await withImages(f, "remove");
        return { orgId: t.org.id, campaignId, fileId: first, confirm: true };
      },
      state,
      rowIds: ["campaignId", "fileId"],
      allowed: async ({ after, f }) => {
        const { campaignId, first, second } = await withImages(f, "remove");
        expect(imagesOf(after, campaignId).map((i) => i.fileId)).toEqual([second]);
        expect((after as State).files.some((x) => x.id === first)).toBe(false);
      },
    },
  ];
};
