import { sql } from "drizzle-orm";
import { COUNTRIES } from "~/lib/regions";
import type { Db, Tx } from "./client";
import { demoImage, type DemoPieceKind } from "./demo-images";
import { events, memberships, organizations, portfolioPiecePhotos, portfolioPieces, productionCalendars, users, workshopArtisans, workshopProfiles } from "./schema";
import { DEMO_LOGIN_WORKSHOPS, DEMO_WORKSHOPS, type DemoWorkshop } from "./seed-workshops-data";
import { demoArtisans, demoPerson, demoPieces, demoStory, type StoryInput } from "./seed-workshops-text";

/**
 * The demo directory: 60 published workshops with owners, artisans and portfolios, plus full profiles for
 * the two workshops of the demo logins. Rows go in with one multi-row insert per table; the photos are
 * drawn and stored afterwards through the upload service, like a workshop's own uploads.
 */

const CODES: Record<string, Record<string, string>> = {
  cap: {
    cast: "casting",
    set: "stone_setting",
    engr: "engraving",
    enamel: "enamel",
    hand: "hand_fabrication",
    plate: "plating",
    cad: "cad_design",
    wax: "wax_3d_printing",
    chain: "chain_making",
    polish: "polishing",
    cut: "stone_cutting",
    fili: "filigree",
    laser: "laser_welding",
  },
  metal: {
    y9: "gold_9k_yellow",
    w9: "gold_9k_white",
    r9: "gold_9k_rose",
    y14: "gold_14k_yellow",
    w14: "gold_14k_white",
    r14: "gold_14k_rose",
    y18: "gold_18k_yellow",
    w18: "gold_18k_white",
    r18: "gold_18k_rose",
    ag: "silver_925",
    pt: "platinum",
    pd: "palladium",
    brass: "brass",
    bronze: "bronze",
  },
  gem: { nat: "natural", lab: "lab_grown", none: "none" },
  cert: { rjc: "rjc", fairmined: "fairmined", fairtrade: "fairtrade_gold", recycled: "recycled_metal", iso: "iso_9001", scs: "scs_recycled" },
};

function expand(kind: keyof typeof CODES, codes: string): string[] {
  return codes
    .split(" ")
    .filter(Boolean)
    .map((c) => {
      const key = CODES[kind]![c];
      if (!key) throw new Error(`Unknown ${kind} code in the demo workshops: ${c}`);
      return key;
    });
}

export function slugify(name: string): string {
  return name
    .replace(/ı/g, "i")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function profileOf(w: DemoWorkshop): StoryInput {
  return {
    name: w.name,
    city: w.city,
    country: w.country,
    founded: w.founded,
    capabilities: expand("cap", w.cap),
    metals: expand("metal", w.metal),
    gemstoneWork: expand("gem", w.gem),
    certifications: expand("cert", w.cert),
    languages: w.lang.split(" "),
    moq: w.moq,
    lead: w.lead,
    capacity: w.capacity,
  };
}

/** A portfolio piece waiting for its photo. */
export type PieceToPhotograph = { pieceId: string; orgId: string; ownerId: string; kind: DemoPieceKind; metal: string; withStone: boolean; seed: number; fileName: string };

const HOUR = 3_600_000;

/**
 * Inserts the demo workshops inside the seed's transaction. `loginWorkshops` maps the slugs of the demo
 * logins' workshops (already created) to their organization and owner ids.
 */
export async function seedWorkshops(tx: Tx, passwordHash: string, loginWorkshops: Map<string, { orgId: string; ownerId: string }>): Promise<PieceToPhotograph[]> {
  const now = Date.now();
  const created = DEMO_WORKSHOPS.map((w, i) => {
    const slug = slugify(w.name);
    const country = COUNTRIES.find((c) => c.code === w.country);
    if (!country) throw new Error(`Unknown country in the demo workshops: ${w.country}`);
    const owner = { id: crypto.randomUUID(), name: demoPerson(w.country, i), email: `owner@${slug}.example` };
    return { w, i, slug, orgId: crypto.randomUUID(), owner, country, createdAt: new Date(now - (400 - i * 3) * 24 * HOUR) };
  });

  await tx.insert(users).values(created.map((c) => ({ id: c.owner.id, name: c.owner.name, email: c.owner.email, passwordHash, emailVerifiedAt: c.createdAt, lastOrgId: c.orgId, createdAt: c.createdAt })));
  await tx.insert(organizations).values(
    created.map((c) => ({ id: c.orgId, kind: "workshop" as const, name: c.w.name, slug: c.slug, country: c.w.country, timeZone: c.country.timeZone, currency: c.country.currency, createdAt: c.createdAt })),
  );
  await tx.insert(memberships).values(created.map((c) => ({ orgId: c.orgId, userId: c.owner.id, role: "owner" as const, createdAt: c.createdAt })));

  // Every profile, the demo logins' two included; a stagger of publication dates gives "newest" an order.
  const all = [
    ...[...loginWorkshops].map(([slug, ids], i) => ({ w: DEMO_LOGIN_WORKSHOPS[slug]!, i: DEMO_WORKSHOPS.length + i, orgId: ids.orgId, ownerId: ids.ownerId, isNew: false })),
    ...created.map((c) => ({ w: c.w, i: c.i, orgId: c.orgId, ownerId: c.owner.id, isNew: true })),
  ].map((x) => ({ ...x, p: profileOf(x.w), publishedAt: new Date(now - ((x.i * 37) % (24 * 90)) * HOUR) }));

  // Their production calendars: a Saturday for every fifth workshop, the country's public holidays.
  await tx
    .insert(productionCalendars)
    .values(all.map(({ w, i, orgId }) => ({ orgId, holidayCountry: w.country, workingWeekdays: i % 5 === 0 ? [1, 2, 3, 4, 5, 6] : [1, 2, 3, 4, 5] })))
    .onConflictDoUpdate({ target: productionCalendars.orgId, set: { workingWeekdays: sql`excluded.working_weekdays`, holidayCountry: sql`excluded.holiday_country` } });
  await tx.insert(workshopProfiles).values(
    all.map(({ w, p, i, orgId, publishedAt }) => ({
      orgId,
      name: w.name,
      headline: w.headline,
      story: demoStory(p, i),
      city: w.city,
      country: w.country,
      capabilities: p.capabilities,
      metals: p.metals,
      gemstoneWork: p.gemstoneWork,
      certifications: p.certifications,
      languages: p.languages,
      moqPerDesign: w.moq,
      leadTimeMinDays: w.lead[0],
      leadTimeMaxDays: w.lead[1],
      monthlyCapacity: w.capacity,
      publishedAt,
      updatedAt: publishedAt,
    })),
  );
  const artisans = all.flatMap(({ p, i, orgId }) => demoArtisans(p.country, p.capabilities, i).map((a) => ({ ...a, orgId })));
  if (artisans.length) await tx.insert(workshopArtisans).values(artisans);

  const pieces = all.flatMap(({ p, i, orgId, ownerId }) => demoPieces(p, i).map((piece, position) => ({ piece, position, orgId, ownerId, i, id: crypto.randomUUID() })));
  await tx.insert(portfolioPieces).values(
    pieces.map(({ piece, position, orgId, id }) => ({ id, orgId, title: piece.title, description: piece.description, metals: piece.metals, techniques: piece.techniques, position })),
  );

  await tx.insert(events).values([
    ...created.map((c) => ({ orgId: c.orgId, actorId: c.owner.id, action: "organization.created", subjectType: "organization", subjectId: c.orgId, data: { name: c.w.name, kind: "workshop" }, createdAt: c.createdAt })),
    ...all.map((x) => ({ orgId: x.orgId, actorId: x.ownerId, action: "workshop_profile.published", subjectType: "workshop_profile", subjectId: x.orgId, data: {}, createdAt: x.publishedAt })),
  ]);

  return pieces.map(({ piece, position, orgId, ownerId, i, id }) => ({
    pieceId: id,
    orgId,
    ownerId,
    kind: piece.kind,
    metal: piece.metals[0]!,
    withStone: piece.withStone,
    seed: i * 2 + position,
    fileName: `${slugify(piece.title)}.png`,
  }));
}

/**
 * Draws each piece's photo and stores it through the upload service (checks, resized variants, file row),
 * then points the pieces at their photos in one update. A few at a time: drawing and resizing run in
 * sharp's thread pool while the database writes one file row after another.
 */
export async function seedWorkshopImages(db: Db, pieces: PieceToPhotograph[], concurrency = 4): Promise<number> {
  // Loaded here, not at the top: only seeding needs the upload service and its storage.
  const { storeUpload } = await import("../services/files");
  const stored: { pieceId: string; fileId: string }[] = [];
  let next = 0;
  const worker = async () => {
    while (next < pieces.length) {
      const p = pieces[next++]!;
      const bytes = await demoImage({ kind: p.kind, metal: p.metal, withStone: p.withStone, seed: p.seed });
      const file = await storeUpload(db, { orgId: p.orgId, userId: p.ownerId, purpose: "portfolio_photo", fileName: p.fileName, bytes });
      stored.push({ pieceId: p.pieceId, fileId: file.id });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, pieces.length) }, worker));
  if (stored.length === 0) return 0;
  const orgOf = new Map(pieces.map((p) => [p.pieceId, p.orgId]));
  await db.insert(portfolioPiecePhotos).values(stored.map((s) => ({ pieceId: s.pieceId, fileId: s.fileId, orgId: orgOf.get(s.pieceId)!, position: 0 })));
  return stored.length;
}
