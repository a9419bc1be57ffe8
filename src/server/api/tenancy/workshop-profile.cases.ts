import { asc, eq } from "drizzle-orm";
import { expect } from "vitest";
import type { OrgFixture } from "~/test/fixtures";
import type { TenancyCase, TenancyCaseContext } from "~/test/tenancy";
import type { Db } from "../../db/client";
import { events, files, portfolioPiecePhotos, portfolioPieces, workshopArtisans, workshopProfiles } from "../../db/schema";
import { insertPiece } from "~/test/files";

const profileRows = (d: Db, t: OrgFixture) => d.select().from(workshopProfiles).where(eq(workshopProfiles.orgId, t.org.id));
const everything = async (d: Db, t: OrgFixture) => ({
  profile: await profileRows(d, t),
  artisans: await d.select().from(workshopArtisans).where(eq(workshopArtisans.orgId, t.org.id)).orderBy(asc(workshopArtisans.id)),
  portfolio: await d.select().from(portfolioPieces).where(eq(portfolioPieces.orgId, t.org.id)).orderBy(asc(portfolioPieces.id)),
  photos: await d.select().from(portfolioPiecePhotos).where(eq(portfolioPiecePhotos.orgId, t.org.id)).orderBy(asc(portfolioPiecePhotos.pieceId), asc(portfolioPiecePhotos.position)),
  events: await d.select().from(events).where(eq(events.orgId, t.org.id)).orderBy(asc(events.id)),
});

const details = {
  headline: "Casting and setting in small batches",
  story: "A family workshop that casts, sets and polishes small batches for independent jewelry brands. ".repeat(3),
  city: "Vicenza",
  country: "IT",
  capabilities: ["casting"],
  metals: ["silver_925"],
  gemstoneWork: ["none"],
  certifications: [],
  languages: ["en"],
  moqPerDesign: 5,
  leadTimeMinDays: 30,
  leadTimeMaxDays: 45,
  monthlyCapacity: 200,
};

const piece = { title: "Signet ring", description: "Cast in silver.", metals: ["silver_925"], techniques: ["casting"], photoFileIds: [] as string[] };

// Rows are inserted directly so that inputs can also be built for an organization of the wrong kind.
async function artisanIdOf(db: Db, t: OrgFixture) {
  const [existing] = await db.select({ id: workshopArtisans.id }).from(workshopArtisans).where(eq(workshopArtisans.orgId, t.org.id)).orderBy(asc(workshopArtisans.position));
  if (existing) return existing.id;
  const [row] = await db.insert(workshopArtisans).values({ orgId: t.org.id, name: "Lucia", role: "Setter", position: 0 }).returning();
  return row!.id;
}

async function pieceIdOf(db: Db, t: OrgFixture) {
  const [existing] = await db.select({ id: portfolioPieces.id }).from(portfolioPieces).where(eq(portfolioPieces.orgId, t.org.id)).orderBy(asc(portfolioPieces.position));
  if (existing) return existing.id;
  const [row] = await db.insert(portfolioPieces).values({ orgId: t.org.id, title: "Hoop earrings", position: 0 }).returning();
  return row!.id;
}

/** A second artisan and piece, so that a reorder has an order to change. */
async function secondItemsOf(db: Db, t: OrgFixture) {
  await artisanIdOf(db, t);
  await pieceIdOf(db, t);
  const artisans = await db.select({ id: workshopArtisans.id }).from(workshopArtisans).where(eq(workshopArtisans.orgId, t.org.id));
  if (artisans.length < 2) await db.insert(workshopArtisans).values({ orgId: t.org.id, name: "Paolo", role: "Polisher", position: 1 });
  const pieces = await db.select({ id: portfolioPieces.id }).from(portfolioPieces).where(eq(portfolioPieces.orgId, t.org.id));
  if (pieces.length < 2) await db.insert(portfolioPieces).values({ orgId: t.org.id, title: "Pendant", position: 1 });
}

/** An uploaded photo of the organization, not yet on any record. */
async function photoOf(db: Db, t: OrgFixture, purpose: "artisan_photo" | "portfolio_photo") {
  const [photo] = await db
    .insert(files)
    .values({ orgId: t.org.id, purpose, originalName: "photo.jpg", contentType: "image/jpeg", byteSize: 100, storageKey: `test/${crypto.randomUUID()}` })
    .returning();
  return photo!.id;
}

/** A profile that may be published: every detail filled in and a portfolio piece with a photo. */
async function makeComplete(db: Db, t: OrgFixture) {
  if (t.org.kind !== "workshop") return;
  await db
    .insert(workshopProfiles)
    .values({ orgId: t.org.id, name: t.org.name, ...details })
    .onConflictDoUpdate({ target: workshopProfiles.orgId, set: details });
  const photo = await photoOf(db, t, "portfolio_photo");
  await insertPiece(db, { orgId: t.org.id, title: "Signet ring", photoFileIds: [photo] });
}

type Everything = Awaited<ReturnType<typeof everything>>;
const stateOf = (s: unknown) => s as Everything;
const photoRefusal = { code: "BAD_REQUEST" as const, why: "another organization's photo is refused next to the photo field, as not found" };
const listRefusal = { code: "BAD_REQUEST" as const, why: "a reorder naming rows that are not the organization's answers that the list changed" };

export const cases = ({ db }: TenancyCaseContext): TenancyCase[] => [
  {
    procedure: "workshopProfile.get",
    kind: "workshop",
    input: (t) => ({ orgId: t.org.id }),
    state: everything,
    allowed: ({ result, target }) => {
      expect(result).toMatchObject({ profile: { orgId: target.org.id, name: target.org.name } });
      expect((result as { checklist: unknown[] }).checklist.length).toBeGreaterThan(0);
    },
  },
  {
    procedure: "workshopProfile.update",
    kind: "workshop",
    input: (t) => ({ orgId: t.org.id, ...details }),
    state: everything,
    allowed: ({ after }) => expect(stateOf(after).profile[0]).toMatchObject({ headline: details.headline, city: "Vicenza", moqPerDesign: 5, leadTimeMinDays: 30, leadTimeMaxDays: 45 }),
  },
  {
    procedure: "workshopProfile.publish",
    kind: "workshop",
    input: async (t) => {
      await makeComplete(db, t);
      return { orgId: t.org.id };
    },
    state: everything,
    allowed: ({ before, after }) => {
      expect(stateOf(before).profile[0]?.publishedAt ?? null).toBeNull();
      expect(stateOf(after).profile[0]?.publishedAt).toBeInstanceOf(Date);
    },
  },
  {
    procedure: "workshopProfile.unpublish",
    kind: "workshop",
    input: async (t) => {
      await makeComplete(db, t);
      if (t.org.kind === "workshop") await db.update(workshopProfiles).set({ publishedAt: new Date() }).where(eq(workshopProfiles.orgId, t.org.id));
      return { orgId: t.org.id };
    },
    state: everything,
    allowed: ({ before, after }) => {
      expect(stateOf(before).profile[0]?.publishedAt).toBeInstanceOf(Date);
      expect(stateOf(after).profile[0]?.publishedAt).toBeNull();
    },
  },
  {
    procedure: "workshopProfile.artisans.create",
    kind: "workshop",
    input: async (t) => ({ orgId: t.org.id, name: "Marco", role: "Master caster", bio: "", photoFileId: await photoOf(db, t, "artisan_photo") }),
    state: everything,
    rowIds: ["photoFileId"],
    rowIdRefusal: photoRefusal,
    allowed: ({ before, after }) => {
      const added = stateOf(after).artisans.filter((a) => !stateOf(before).artisans.some((b) => b.id === a.id));
      expect(added).toHaveLength(1);
      expect(added[0]).toMatchObject({ name: "Marco", role: "Master caster" });
      expect(added[0]!.photoFileId).not.toBeNull();
    },
  },
  {
    procedure: "workshopProfile.artisans.update",
    kind: "workshop",
    input: async (t) => ({ orgId: t.org.id, artisanId: await artisanIdOf(db, t), name: "Lucia", role: "Master setter", bio: "", photoFileId: null }),
    state: everything,
    rowIds: ["artisanId", "photoFileId"],
    allowed: async ({ after, target }) => {
      const id = await artisanIdOf(db, target);
      expect(stateOf(after).artisans.find((a) => a.id === id)).toMatchObject({ name: "Lucia", role: "Master setter" });
    },
  },
  {
    procedure: "workshopProfile.artisans.remove",
    kind: "workshop",
    input: async (t) => ({ orgId: t.org.id, artisanId: await artisanIdOf(db, t) }),
    state: everything,
    rowIds: ["artisanId"],
    allowed: ({ before, after }) => {
      expect(stateOf(before).artisans).toHaveLength(1);
      expect(stateOf(after).artisans).toEqual([]);
    },
  },
  {
    procedure: "workshopProfile.artisans.reorder",
    kind: "workshop",
    input: async (t) => {
      await secondItemsOf(db, t);
      const rows = await db.select({ id: workshopArtisans.id }).from(workshopArtisans).where(eq(workshopArtisans.orgId, t.org.id)).orderBy(asc(workshopArtisans.position));
      return { orgId: t.org.id, artisanIds: rows.map((r) => r.id).reverse() };
    },
    state: everything,
    rowIds: ["artisanIds"],
    rowIdRefusal: listRefusal,
    allowed: ({ before, after }) => {
      const order = (s: unknown) => [...stateOf(s).artisans].sort((a, b) => a.position - b.position).map((a) => a.name);
      expect(order(before)).toEqual(["Lucia", "Paolo"]);
      expect(order(after)).toEqual(["Paolo", "Lucia"]);
    },
  },
  {
    procedure: "workshopProfile.portfolio.create",
    kind: "workshop",
    input: async (t) => ({ orgId: t.org.id, ...piece, photoFileIds: [await photoOf(db, t, "portfolio_photo")] }),
    state: everything,
    rowIds: ["photoFileIds"],
    rowIdRefusal: photoRefusal,
    allowed: ({ before, after }) => {
      const added = stateOf(after).portfolio.filter((p) => !stateOf(before).portfolio.some((b) => b.id === p.id));
      expect(added).toHaveLength(1);
      expect(added[0]).toMatchObject({ title: "Signet ring", metals: ["silver_925"] });
      expect(stateOf(after).photos.filter((p) => p.pieceId === added[0]!.id)).toHaveLength(1);
    },
  },
  {
    procedure: "workshopProfile.portfolio.update",
    kind: "workshop",
    input: async (t) => ({ orgId: t.org.id, pieceId: await pieceIdOf(db, t), ...piece, title: "Renamed ring" }),
    state: everything,
    rowIds: ["pieceId", "photoFileIds"],
    allowed: async ({ after, target }) => {
      const id = await pieceIdOf(db, target);
      expect(stateOf(after).portfolio.find((p) => p.id === id)).toMatchObject({ title: "Renamed ring", description: "Cast in silver." });
    },
  },
  {
    procedure: "workshopProfile.portfolio.remove",
    kind: "workshop",
    input: async (t) => ({ orgId: t.org.id, pieceId: await pieceIdOf(db, t) }),
    state: everything,
    rowIds: ["pieceId"],
    allowed: ({ before, after }) => {
      expect(stateOf(before).portfolio).toHaveLength(1);
      expect(stateOf(after).portfolio).toEqual([]);
    },
  },
  {
    procedure: "workshopProfile.portfolio.reorder",
    kind: "workshop",
    input: async (t) => {
      await secondItemsOf(db, t);
      const rows = await db.select({ id: portfolioPieces.id }).from(portfolioPieces).where(eq(portfolioPieces.orgId, t.org.id)).orderBy(asc(portfolioPieces.position));
      return { orgId: t.org.id, pieceIds: rows.map((r) => r.id).reverse() };
    },
    state: everything,
    rowIds: ["pieceIds"],
    rowIdRefusal: listRefusal,
    allowed: ({ before, after }) => {
      const order = (s: unknown) => [...stateOf(s).portfolio].sort((a, b) => a.position - b.position).map((p) => p.title);
      expect(order(before)).toEqual(["Hoop earrings", "Pendant"]);
      expect(order(after)).toEqual(["Pendant", "Hoop earrings"]);
    },
  },
];

/** A published profile is public on purpose; unpublished ones answer NOT_FOUND (workshop-profiles.test.ts). */
export const publicProcedures = ["workshopProfile.public", "workshopProfile.renamedPublic"];
