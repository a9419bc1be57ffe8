import { asc, eq } from "drizzle-orm";
import type { OrgFixture } from "~/test/fixtures";
import type { TenancyCase, TenancyCaseContext } from "~/test/tenancy";
import type { Db } from "../../db/client";
import { events, files, portfolioPieces, workshopArtisans, workshopProfiles } from "../../db/schema";
import { insertPiece } from "~/test/files";

const profileRows = (d: Db, t: OrgFixture) => d.select().from(workshopProfiles).where(eq(workshopProfiles.orgId, t.org.id));
const everything = async (d: Db, t: OrgFixture) => ({
  profile: await profileRows(d, t),
  artisans: await d.select().from(workshopArtisans).where(eq(workshopArtisans.orgId, t.org.id)).orderBy(asc(workshopArtisans.id)),
  portfolio: await d.select().from(portfolioPieces).where(eq(portfolioPieces.orgId, t.org.id)).orderBy(asc(portfolioPieces.id)),
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
  workingDays: [1, 2, 3, 4, 5],
  moqPerDesign: 5,
  leadTimeMinDays: 30,
  leadTimeMaxDays: 45,
  monthlyCapacity: 200,
};

const piece = { title: "Signet ring", description: "Cast in silver.", metals: ["silver_925"], techniques: ["casting"], photoFileIds: [] as string[] };

// Rows are inserted directly so that inputs can also be built for an organization of the wrong kind.
async function artisanIdOf(db: Db, t: OrgFixture) {
  const [existing] = await db.select({ id: workshopArtisans.id }).from(workshopArtisans).where(eq(workshopArtisans.orgId, t.org.id));
  if (existing) return existing.id;
  const [row] = await db.insert(workshopArtisans).values({ orgId: t.org.id, name: "Lucia", role: "Setter" }).returning();
  return row!.id;
}

async function pieceIdOf(db: Db, t: OrgFixture) {
  const [existing] = await db.select({ id: portfolioPieces.id }).from(portfolioPieces).where(eq(portfolioPieces.orgId, t.org.id));
  if (existing) return existing.id;
  const [row] = await db.insert(portfolioPieces).values({ orgId: t.org.id, title: "Hoop earrings" }).returning();
  return row!.id;
}

/** A profile that may be published: every detail filled in and a portfolio piece with a photo. */
async function makeComplete(db: Db, t: OrgFixture) {
  if (t.org.kind !== "workshop") return;
  await db
    .insert(workshopProfiles)
    .values({ orgId: t.org.id, name: t.org.name, ...details })
    .onConflictDoUpdate({ target: workshopProfiles.orgId, set: details });
  const [photo] = await db
    .insert(files)
    .values({ orgId: t.org.id, purpose: "portfolio_photo", originalName: "ring.jpg", contentType: "image/jpeg", byteSize: 100, storageKey: `test/${crypto.randomUUID()}` })
    .returning();
  await insertPiece(db, { orgId: t.org.id, title: "Signet ring", photoFileIds: [photo!.id] });
}

export const cases = ({ db }: TenancyCaseContext): TenancyCase[] => [
  { procedure: "workshopProfile.get", kind: "workshop", input: (t) => ({ orgId: t.org.id }), state: everything },
  { procedure: "workshopProfile.update", kind: "workshop", input: (t) => ({ orgId: t.org.id, ...details }), state: everything },
  {
    procedure: "workshopProfile.publish",
    kind: "workshop",
    input: async (t) => {
      await makeComplete(db, t);
      return { orgId: t.org.id };
    },
    state: everything,
  },
  { procedure: "workshopProfile.unpublish", kind: "workshop", input: (t) => ({ orgId: t.org.id }), state: everything },
  {
    procedure: "workshopProfile.artisans.create",
    kind: "workshop",
    input: (t) => ({ orgId: t.org.id, name: "Marco", role: "Master caster", bio: "", photoFileId: null }),
    state: everything,
  },
  {
    procedure: "workshopProfile.artisans.update",
    kind: "workshop",
    input: async (t) => ({ orgId: t.org.id, artisanId: await artisanIdOf(db, t), name: "Lucia", role: "Master setter", bio: "", photoFileId: null }),
    state: everything,
  },
  {
    procedure: "workshopProfile.artisans.remove",
    kind: "workshop",
    input: async (t) => ({ orgId: t.org.id, artisanId: await artisanIdOf(db, t) }),
    state: everything,
  },
  {
    procedure: "workshopProfile.artisans.reorder",
    kind: "workshop",
    input: async (t) => {
      await artisanIdOf(db, t);
      const rows = await db.select({ id: workshopArtisans.id }).from(workshopArtisans).where(eq(workshopArtisans.orgId, t.org.id));
      return { orgId: t.org.id, artisanIds: rows.map((r) => r.id).reverse() };
    },
    state: everything,
  },
  { procedure: "workshopProfile.portfolio.create", kind: "workshop", input: (t) => ({ orgId: t.org.id, ...piece }), state: everything },
  {
    procedure: "workshopProfile.portfolio.update",
    kind: "workshop",
    input: async (t) => ({ orgId: t.org.id, pieceId: await pieceIdOf(db, t), ...piece, title: "Renamed ring" }),
    state: everything,
  },
  {
    procedure: "workshopProfile.portfolio.remove",
    kind: "workshop",
    input: async (t) => ({ orgId: t.org.id, pieceId: await pieceIdOf(db, t) }),
    state: everything,
  },
  {
    procedure: "workshopProfile.portfolio.reorder",
    kind: "workshop",
    input: async (t) => {
      await pieceIdOf(db, t);
      const rows = await db.select({ id: portfolioPieces.id }).from(portfolioPieces).where(eq(portfolioPieces.orgId, t.org.id));
      return { orgId: t.org.id, pieceIds: rows.map((r) => r.id).reverse() };
    },
    state: everything,
  },
];

/** A published profile is public on purpose; unpublished ones answer NOT_FOUND (workshop-profiles.test.ts). */
export const publicProcedures = ["workshopProfile.public"];
