import { asc, eq, inArray } from "drizzle-orm";
import { expect } from "vitest";
import type { Fixture, OrgFixture } from "~/test/fixtures";
import type { TenancyCase, TenancyCaseContext } from "~/test/tenancy";
import { completeSpec, designFile, designWithRevision } from "~/test/designs";
import { actorOf } from "~/test/vetting";
import type { Db } from "../../db/client";
import { collections, collectionStyleFiles, designRevisionAttachments, designRevisionComments, designRevisions, designs, events, notifications } from "../../db/schema";
import { createCollection } from "../../services/collections";
import { startDraft } from "../../services/design-revisions";

/**
 * Collections, designs, revisions and comments: a brand's own. Rows an input names are made for the brand
 * of the target's fixture (for a workshop target, the fixture's brand), fresh for each case.
 */
const brandOf = (t: OrgFixture, f: Fixture) => (t.org.kind === "brand" ? t : f.brand);

function perBrand<T>(make: (brand: OrgFixture) => Promise<T>) {
  const made = new Map<string, Promise<T>>();
  return (t: OrgFixture, f: Fixture) => {
    const brand = brandOf(t, f);
    if (!made.has(brand.org.id)) made.set(brand.org.id, make(brand));
    return made.get(brand.org.id)!;
  };
}

async function designState(d: Db, t: OrgFixture) {
  const own = <T extends { orgId: unknown }>(table: T) => eq((table as unknown as typeof designs).orgId, t.org.id);
  const revisionRows = await d.select().from(designRevisions).where(own(designRevisions)).orderBy(asc(designRevisions.id));
  return {
    collections: await d.select().from(collections).where(own(collections)).orderBy(asc(collections.id)),
    styleFiles: await d.select().from(collectionStyleFiles).where(own(collectionStyleFiles)).orderBy(asc(collectionStyleFiles.fileId)),
    designs: await d.select().from(designs).where(own(designs)).orderBy(asc(designs.id)),
    revisions: revisionRows,
    attachments: revisionRows.length
      ? await d.select().from(designRevisionAttachments).where(inArray(designRevisionAttachments.revisionId, revisionRows.map((r) => r.id))).orderBy(asc(designRevisionAttachments.revisionId), asc(designRevisionAttachments.fileId))
      : [],
    comments: await d.select().from(designRevisionComments).where(own(designRevisionComments)).orderBy(asc(designRevisionComments.id)),
    events: await d.select().from(events).where(eq(events.orgId, t.org.id)).orderBy(asc(events.id)),
    notifications: await d.select().from(notifications).where(eq(notifications.orgId, t.org.id)).orderBy(asc(notifications.id)),
  };
}
type DesignState = Awaited<ReturnType<typeof designState>>;
const st = (s: unknown) => s as DesignState;

const collectionFields = { name: "Lune capsule", season: "SS27", description: "Three rings and a pendant.", priceMin: "120", priceMax: "380", currency: "EUR" };

export const cases = ({ db }: TenancyCaseContext): TenancyCase[] => {
  const collectionOf = () => perBrand((brand) => createCollection(db, actorOf(brand), { fields: { name: "Capsule", season: "", description: "", priceMinMinor: null, priceMaxMinor: null, priceCurrency: null } }));
  const approvedOf = () => perBrand((brand) => designWithRevision(db, brand));
  const draftOf = () => perBrand((brand) => designWithRevision(db, brand, { approve: false }));
  const styleFileOf = () => perBrand((brand) => designFile(db, brand, "mood.png", "collection_style_file"));
  const looseFileOf = () => perBrand((brand) => designFile(db, brand, "band.stl"));
  /** A design with approved revision 1 and draft revision 2. */
  const twoRevisionsOf = () =>
    perBrand(async (brand) => {
      const d = await designWithRevision(db, brand);
      const draft = await startDraft(db, actorOf(brand), { revisionId: d.revisionId });
      return { ...d, draft };
    });

  const listedCollection = collectionOf();
  const gotCollection = collectionOf();
  const updatedCollection = collectionOf();
  const guidedCollection = collectionOf();
  const guideFile = styleFileOf();
  const filteredCollection = collectionOf();
  const gotDesign = approvedOf();
  const updatedDesign = draftOf();
  const coveredDesign = draftOf();
  const viewedRevision = draftOf();
  const savedDraft = draftOf();
  const attachedDraft = draftOf();
  const attachable = looseFileOf();
  const detachedDraft = draftOf();
  const editedApproved = approvedOf();
  const approvedDraft = draftOf();
  const compared = twoRevisionsOf();
  const commentsListed = approvedOf();
  const commented = approvedOf();

  const revisionIn = (s: unknown, id: string) => st(s).revisions.find((r) => r.id === id);
  const designIn = (s: unknown, id: string) => st(s).designs.find((d) => d.id === id);

  return [
    {
      procedure: "design.collections.list",
      kind: "brand",
      input: async (t, f) => {
        await listedCollection(t, f);
        return { orgId: t.org.id, page: 1 };
      },
      state: designState,
      allowed: async ({ result, target, f }) => {
        const r = result as { items: { id: string }[]; total: number };
        expect(r.items.map((i) => i.id)).toContain((await listedCollection(target, f)).id);
        expect(r.items.length).toBe(r.total);
      },
    },
    {
      procedure: "design.collections.options",
      kind: "brand",
      input: async (t, f) => {
        await listedCollection(t, f);
        return { orgId: t.org.id };
      },
      state: designState,
      allowed: async ({ result, target, f }) => expect((result as { id: string }[]).map((o) => o.id)).toContain((await listedCollection(target, f)).id),
    },
    {
      procedure: "design.collections.get",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, collectionId: (await gotCollection(t, f)).id }),
      state: designState,
      rowIds: ["collectionId"],
      allowed: async ({ result, target, f }) => expect(result).toMatchObject({ collection: { id: (await gotCollection(target, f)).id, name: "Capsule" }, designs: [], styleFiles: [] }),
    },
    {
      procedure: "design.collections.create",
      kind: "brand",
      input: (t) => ({ orgId: t.org.id, fields: collectionFields }),
      state: designState,
      allowed: ({ before, after, target }) => {
        const added = st(after).collections.filter((c) => !st(before).collections.some((b) => b.id === c.id));
        expect(added).toMatchObject([{ orgId: target.org.id, name: "Lune capsule", season: "SS27", priceMinMinor: 12000, priceMaxMinor: 38000, priceCurrency: "EUR" }]);
      },
    },
    {
      procedure: "design.collections.update",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, collectionId: (await updatedCollection(t, f)).id, fields: { ...collectionFields, name: "Renamed capsule" } }),
      state: designState,
      rowIds: ["collectionId"],
      allowed: async ({ after, target, f }) => {
        const id = (await updatedCollection(target, f)).id;
        expect(st(after).collections.find((c) => c.id === id)).toMatchObject({ name: "Renamed capsule", priceMaxMinor: 38000 });
      },
    },
    {
      procedure: "design.collections.updateStyleGuide",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, collectionId: (await guidedCollection(t, f)).id, styleGuide: "## Hallmarks\nStamp 925 inside.", styleFileIds: [(await guideFile(t, f)).id] }),
      state: designState,
      rowIds: ["collectionId", "styleFileIds"],
      allowed: async ({ after, target, f }) => {
        const id = (await guidedCollection(target, f)).id;
        expect(st(after).collections.find((c) => c.id === id)?.styleGuide).toBe("## Hallmarks\nStamp 925 inside.");
        expect(st(after).styleFiles.filter((s) => s.collectionId === id).map((s) => s.fileId)).toEqual([(await guideFile(target, f)).id]);
      },
    },
    {
      procedure: "design.list",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, q: "", collectionId: (await filteredCollection(t, f)).id, page: 1 }),
      state: designState,
      rowIds: ["collectionId"],
      allowed: ({ result }) => expect(result).toMatchObject({ items: [], total: 0, page: 1 }),
    },
    {
      procedure: "design.get",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, designId: (await gotDesign(t, f)).design.id }),
      state: designState,
      rowIds: ["designId"],
      allowed: async ({ result, target, f }) => {
        const d = await gotDesign(target, f);
        expect(result).toMatchObject({ design: { id: d.design.id, sku: d.design.sku }, revisions: [{ number: 1, status: "approved", approvedByName: target.owner.name }] });
      },
    },
    {
      procedure: "design.create",
      kind: "brand",
      input: (t) => ({ orgId: t.org.id, fields: { sku: "TN-RG-100", name: "Tenancy ring", category: "ring", collectionId: null } }),
      state: designState,
      allowed: ({ before, after, target }) => {
        const added = st(after).designs.filter((d) => !designIn(before, d.id));
        expect(added).toMatchObject([{ orgId: target.org.id, sku: "TN-RG-100", category: "ring" }]);
        expect(st(after).revisions.filter((r) => r.designId === added[0]!.id)).toMatchObject([{ number: 1, status: "draft" }]);
      },
    },
    {
      procedure: "design.update",
      kind: "brand",
      input: async (t, f) => {
        const d = await updatedDesign(t, f);
        return { orgId: t.org.id, designId: d.design.id, fields: { sku: d.design.sku, name: "Renamed ring", category: "ring", collectionId: null } };
      },
      state: designState,
      rowIds: ["designId"],
      allowed: async ({ after, target, f }) => expect(designIn(after, (await updatedDesign(target, f)).design.id)?.name).toBe("Renamed ring"),
    },
    {
      procedure: "design.setCover",
      kind: "brand",
      input: async (t, f) => {
        const d = await coveredDesign(t, f);
        return { orgId: t.org.id, designId: d.design.id, coverFileId: d.sketch.id };
      },
      state: designState,
      rowIds: ["coverFileId", "designId"],
      allowed: async ({ after, target, f }) => {
        const d = await coveredDesign(target, f);
        expect(designIn(after, d.design.id)?.coverFileId).toBe(d.sketch.id);
      },
    },
    {
      procedure: "design.revision",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, designId: (await viewedRevision(t, f)).design.id, number: 1 }),
      state: designState,
      rowIds: ["designId", "number"],
      allowed: async ({ result, target, f }) => {
        const d = await viewedRevision(target, f);
        expect(result).toMatchObject({ revision: { id: d.revisionId, number: 1, status: "draft" }, gaps: [], draftNumber: 1 });
        expect((result as { attachments: { fileId: string }[] }).attachments.map((a) => a.fileId)).toEqual([d.sketch.id]);
      },
    },
    {
      procedure: "design.saveDraft",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, revisionId: (await savedDraft(t, f)).revisionId, spec: { ...completeSpec("ring"), notes: "Cast in one piece." } }),
      state: designState,
      rowIds: ["revisionId"],
      allowed: async ({ after, target, f }) => expect(revisionIn(after, (await savedDraft(target, f)).revisionId)?.spec.notes).toBe("Cast in one piece."),
    },
    {
      procedure: "design.attachFile",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, revisionId: (await attachedDraft(t, f)).revisionId, fileId: (await attachable(t, f)).id, kind: "cad" }),
      state: designState,
      rowIds: ["fileId", "revisionId"],
      allowed: async ({ after, target, f }) => {
        const id = (await attachedDraft(target, f)).revisionId;
        expect(st(after).attachments.filter((a) => a.revisionId === id).map((a) => [a.fileId, a.kind]).sort()).toEqual(
          [[(await attachedDraft(target, f)).sketch.id, "sketch"], [(await attachable(target, f)).id, "cad"]].sort(),
        );
      },
    },
    {
      procedure: "design.detachFile",
      kind: "brand",
      input: async (t, f) => {
        const d = await detachedDraft(t, f);
        return { orgId: t.org.id, revisionId: d.revisionId, fileId: d.sketch.id };
      },
      state: designState,
      rowIds: ["fileId", "revisionId"],
      allowed: async ({ after, target, f }) => {
        const id = (await detachedDraft(target, f)).revisionId;
        expect(st(after).attachments.filter((a) => a.revisionId === id)).toEqual([]);
      },
    },
    {
      procedure: "design.startDraft",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, revisionId: (await editedApproved(t, f)).revisionId }),
      state: designState,
      rowIds: ["revisionId"],
      allowed: async ({ result, after, target, f }) => {
        const d = await editedApproved(target, f);
        expect(result).toMatchObject({ number: 2, existing: false });
        expect(st(after).revisions.filter((r) => r.designId === d.design.id).map((r) => [r.number, r.status, r.basedOnId]).sort()).toEqual([
          [1, "approved", null],
          [2, "draft", d.revisionId],
        ]);
      },
    },
    {
      procedure: "design.approve",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, revisionId: (await approvedDraft(t, f)).revisionId }),
      state: designState,
      rowIds: ["revisionId"],
      allowed: async ({ before, after, target, f }) => {
        const id = (await approvedDraft(target, f)).revisionId;
        expect(revisionIn(before, id)?.status).toBe("draft");
        expect(revisionIn(after, id)).toMatchObject({ status: "approved", approvedById: target.admin.id, approvedByName: target.admin.name });
      },
    },
    {
      procedure: "design.compare",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, designId: (await compared(t, f)).design.id, fromNumber: 1, toNumber: 2 }),
      state: designState,
      rowIds: ["designId"],
      allowed: async ({ result, target, f }) => {
        const d = await compared(target, f);
        expect(result).toMatchObject({ from: { id: d.revisionId, number: 1 }, to: { id: d.draft.id, number: 2 } });
      },
    },
    {
      procedure: "design.comments.list",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, revisionId: (await commentsListed(t, f)).revisionId }),
      state: designState,
      rowIds: ["revisionId"],
      allowed: ({ result }) => expect(result).toEqual([]),
    },
    {
      procedure: "design.comments.add",
      kind: "brand",
      input: async (t, f) => ({ orgId: t.org.id, revisionId: (await commented(t, f)).revisionId, body: `Checked the **stones**, @${brandOf(t, f).owner.email.split("@")[0]}.` }),
      state: designState,
      rowIds: ["revisionId"],
      allowed: async ({ after, target, f }) => {
        const id = (await commented(target, f)).revisionId;
        expect(st(after).comments.filter((c) => c.revisionId === id)).toMatchObject([{ authorId: target.member.id, mentionedUserIds: [target.owner.id] }]);
        expect(st(after).notifications.filter((n) => n.kind === "design_mention")).toHaveLength(1);
      },
    },
  ];
};

