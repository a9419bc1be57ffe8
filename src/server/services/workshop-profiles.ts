import { and, asc, count, eq, exists, isNotNull, sql } from "drizzle-orm";
import type { Db, Queryable, Tx } from "../db/client";
import { readPublic, withOrg } from "../db/tenant";
import { organizations, portfolioPiecePhotos, productionCalendars, portfolioPieces, workshopArtisans, workshopProfiles, type WorkshopProfile } from "../db/schema";
import { AppError, notFound } from "../errors";
import { STORY_MIN_TO_PUBLISH, type ProfileDetailsInput } from "~/lib/workshop-profile-schemas";
import { recordEvent } from "./events";
import { withPhotoIds } from "./file-attachments";
import type { Actor } from "./members";
import { listPublicReviewsIn } from "./reviews";
import { getWorkshopRecord } from "./workshop-record";

// Completeness --------------------------------------------------------------------------------------

export type ProfileCounts = { portfolioPiecesWithPhoto: number; portfolioPiecesWithoutPhoto?: number };
/** Where in the editor an item is filled in. */
export type ProfileSection = "details" | "portfolio";
export type ChecklistEntry = { key: string; label: string; section: ProfileSection; done: boolean; note?: string };
export type MissingItem = Omit<ChecklistEntry, "done" | "note">;

type CompletenessInput = Pick<WorkshopProfile, "headline" | "story" | "city" | "capabilities" | "metals" | "gemstoneWork" | "moqPerDesign" | "leadTimeMinDays" | "leadTimeMaxDays">;

/** Everything a brand needs before a profile may be published, each with whether it is there. */
export function profileChecklist(p: CompletenessInput, counts: ProfileCounts): ChecklistEntry[] {
  return [
    { key: "headline", label: "A headline", section: "details", done: p.headline.trim().length > 0 },
    { key: "story", label: `A story of at least ${STORY_MIN_TO_PUBLISH} characters`, section: "details", done: p.story.trim().length >= STORY_MIN_TO_PUBLISH },
    { key: "city", label: "Your city", section: "details", done: p.city.trim().length > 0 },
    { key: "capabilities", label: "At least one capability", section: "details", done: p.capabilities.length > 0 },
    { key: "metals", label: "At least one metal", section: "details", done: p.metals.length > 0 },
    { key: "gemstoneWork", label: "Gemstone work (natural, lab-grown or none)", section: "details", done: p.gemstoneWork.length > 0 },
    { key: "moqPerDesign", label: "Minimum order quantity per design", section: "details", done: p.moqPerDesign !== null },
    { key: "leadTime", label: "Typical lead time", section: "details", done: p.leadTimeMinDays !== null && p.leadTimeMaxDays !== null },
    { key: "portfolio", label: "At least one portfolio piece with a photo", section: "portfolio", done: counts.portfolioPiecesWithPhoto > 0, ...hiddenPiecesNote(counts.portfolioPiecesWithoutPhoto ?? 0) },
  ];
}

/** Only pieces with a photo are public: the checklist says how many stay hidden for want of one. */
function hiddenPiecesNote(n: number): { note?: string } {
  if (n === 0) return {};
  return { note: n === 1 ? "1 piece has no photo, so it is not shown publicly. Add a photo to show it." : `${n} pieces have no photo, so they are not shown publicly. Add photos to show them.` };
}

/** What is still missing before the profile can be published, with labels for people. Empty = complete. */
export function completeness(p: CompletenessInput, counts: ProfileCounts): MissingItem[] {
  return profileChecklist(p, counts)
    .filter((i) => !i.done)
    .map(({ done: _done, note: _note, ...item }) => item);
}

function missingMessage(missing: MissingItem[], prefix: string): string {
  return `${prefix} ${missing.map((m) => m.label.charAt(0).toLowerCase() + m.label.slice(1)).join("; ")}.`;
}

// Reads ---------------------------------------------------------------------------------------------

/**
 * The organization's profile row. A workshop organization gets its profile when it is created
 * (`createWorkshopProfile`), so reading it never writes.
 */
export async function getProfileRow(tx: Queryable, orgId: string): Promise<WorkshopProfile> {
  const [profile] = await tx.select().from(workshopProfiles).where(eq(workshopProfiles.orgId, orgId));
  if (!profile) throw notFound("Workshop profile");
  return profile;
}

/** The empty profile of a new workshop: named after the organization, based in its country. */
export async function createWorkshopProfile(tx: Queryable, org: { id: string; name: string; country: string }): Promise<void> {
  await tx.insert(workshopProfiles).values({ orgId: org.id, name: org.name, country: org.country }).onConflictDoNothing();
  // Its production calendar starts as Monday to Friday with the country's public holidays.
  await tx.insert(productionCalendars).values({ orgId: org.id, holidayCountry: org.country }).onConflictDoNothing();
}

/** A piece with at least one photo: the only pieces the public sees (the database policy says the same). */
export const pieceHasPhoto = (tx: Queryable) =>
  exists(tx.select({ id: portfolioPiecePhotos.fileId }).from(portfolioPiecePhotos).where(eq(portfolioPiecePhotos.pieceId, portfolioPieces.id)));

export async function profileCounts(tx: Queryable, orgId: string): Promise<Required<ProfileCounts>> {
  const [row] = await tx
    .select({ all: count(), withPhoto: count(sql`case when ${pieceHasPhoto(tx)} then 1 end`) })
    .from(portfolioPieces)
    .where(eq(portfolioPieces.orgId, orgId));
  const withPhoto = row?.withPhoto ?? 0;
  return { portfolioPiecesWithPhoto: withPhoto, portfolioPiecesWithoutPhoto: (row?.all ?? 0) - withPhoto };
}

export const listArtisans = (tx: Queryable, orgId: string) =>
  tx.select().from(workshopArtisans).where(eq(workshopArtisans.orgId, orgId)).orderBy(asc(workshopArtisans.position), asc(workshopArtisans.createdAt));

/** The workshop's pieces in display order, each with its photo ids in order. */
export const listPortfolioPieces = async (tx: Queryable, orgId: string) =>
  withPhotoIds(tx, await tx.select().from(portfolioPieces).where(eq(portfolioPieces.orgId, orgId)).orderBy(asc(portfolioPieces.position), asc(portfolioPieces.createdAt)));

/** The pieces the public sees: only those with a photo, in display order, each with its photo ids in order (one statement). */
export const listPublicPortfolioPieces = (tx: Queryable, orgId: string) =>
  tx
    .select({
      id: portfolioPieces.id,
      title: portfolioPieces.title,
      description: portfolioPieces.description,
      metals: portfolioPieces.metals,
      techniques: portfolioPieces.techniques,
      photoFileIds: sql<string[]>`array(select ${portfolioPiecePhotos.fileId} from ${portfolioPiecePhotos} where ${portfolioPiecePhotos.pieceId} = ${portfolioPieces.id} order by ${portfolioPiecePhotos.position})::text[]`,
    })
    .from(portfolioPieces)
    .where(and(eq(portfolioPieces.orgId, orgId), pieceHasPhoto(tx)))
    .orderBy(asc(portfolioPieces.position), asc(portfolioPieces.createdAt));

function editorProfile(p: WorkshopProfile) {
  const { search: _search, ...rest } = p;
  return rest;
}

/** Everything the editor shows: the profile, artisans, portfolio and the publishing checklist. */
export async function getProfileForEditor(db: Db, orgId: string) {
  return withOrg(db, orgId, async (tx) => {
    const profile = await getProfileRow(tx, orgId);
    const artisans = await listArtisans(tx, orgId);
    const portfolio = await listPortfolioPieces(tx, orgId);
    const checklist = profileChecklist(profile, await profileCounts(tx, orgId));
    return { profile: editorProfile(profile), artisans, portfolio, checklist };
  });
}

// Changes -------------------------------------------------------------------------------------------

/**
 * A published profile is in the directory, so a change may not leave it incomplete. Run at the end of
 * the change's transaction: throwing rolls the change back.
 */
export async function assertPublishedStaysComplete(tx: Tx, orgId: string): Promise<void> {
  const [profile] = await tx.select().from(workshopProfiles).where(eq(workshopProfiles.orgId, orgId));
  if (!profile?.publishedAt) return;
  const missing = completeness(profile, await profileCounts(tx, orgId));
  if (missing.length > 0) {
    throw new AppError("BAD_REQUEST", missingMessage(missing, "Your profile is published, so it has to stay complete. Unpublish it first, or keep:"));
  }
}

const DETAIL_KEYS = [
  "headline",
  "story",
  "city",
  "country",
  "capabilities",
  "metals",
  "gemstoneWork",
  "certifications",
  "languages",
  "moqPerDesign",
  "leadTimeMinDays",
  "leadTimeMaxDays",
  "monthlyCapacity",
] as const satisfies readonly (keyof ProfileDetailsInput)[];

export async function updateProfileDetails(db: Db, actor: Actor, input: ProfileDetailsInput) {
  return withOrg(db, actor.orgId, async (tx) => {
    const before = await getProfileRow(tx, actor.orgId);
    const values = input;
    const [after] = await tx
      .update(workshopProfiles)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(workshopProfiles.orgId, actor.orgId))
      .returning();
    const changed = DETAIL_KEYS.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after![k]));
    if (changed.length > 0) {
      await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "workshop_profile.updated", subjectType: "workshop_profile", subjectId: actor.orgId, data: { changed } });
    }
    await assertPublishedStaysComplete(tx, actor.orgId);
    return editorProfile(after!);
  });
}

/** Puts the profile in the directory; refused with the list of what is missing when incomplete. */
export async function publishProfile(db: Db, actor: Actor) {
  return withOrg(db, actor.orgId, async (tx) => {
    const profile = await getProfileRow(tx, actor.orgId);
    const missing = completeness(profile, await profileCounts(tx, actor.orgId));
    if (missing.length > 0) throw new AppError("BAD_REQUEST", missingMessage(missing, "Before publishing, add:"));
    if (profile.publishedAt) return editorProfile(profile);
    const [after] = await tx
      .update(workshopProfiles)
      .set({ publishedAt: new Date(), updatedAt: new Date() })
      .where(eq(workshopProfiles.orgId, actor.orgId))
      .returning();
    await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "workshop_profile.published", subjectType: "workshop_profile", subjectId: actor.orgId });
    return editorProfile(after!);
  });
}

/** Takes the profile out of the directory and off its public page at once (every public read checks it). */
export async function unpublishProfile(db: Db, actor: Actor) {
  return withOrg(db, actor.orgId, async (tx) => {
    const profile = await getProfileRow(tx, actor.orgId);
    if (!profile.publishedAt) return editorProfile(profile);
    const [after] = await tx
      .update(workshopProfiles)
      .set({ publishedAt: null, updatedAt: new Date() })
      .where(eq(workshopProfiles.orgId, actor.orgId))
      .returning();
    await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "workshop_profile.unpublished", subjectType: "workshop_profile", subjectId: actor.orgId });
    return editorProfile(after!);
  });
}

// The public page --------------------------------------------------------------------------------------

/** A profile's facts as cards and comparisons show them (the shortlist reads the same). */
export const PROFILE_FACT_COLUMNS = {
  headline: workshopProfiles.headline,
  city: workshopProfiles.city,
  country: workshopProfiles.country,
  capabilities: workshopProfiles.capabilities,
  metals: workshopProfiles.metals,
  gemstoneWork: workshopProfiles.gemstoneWork,
  certifications: workshopProfiles.certifications,
  moqPerDesign: workshopProfiles.moqPerDesign,
  leadTimeMinDays: workshopProfiles.leadTimeMinDays,
  leadTimeMaxDays: workshopProfiles.leadTimeMaxDays,
};

/** What the public page shows of a profile (not its search document). */
const PUBLIC_COLUMNS = {
  ...PROFILE_FACT_COLUMNS,
  orgId: workshopProfiles.orgId,
  name: workshopProfiles.name,
  story: workshopProfiles.story,
  languages: workshopProfiles.languages,
  monthlyCapacity: workshopProfiles.monthlyCapacity,
  publishedAt: workshopProfiles.publishedAt,
};

/**
 * A published workshop's profile by its organization's address, with only what the public may see.
 * Unknown, unpublished and non-workshop addresses all answer NOT_FOUND alike.
 */
export async function getPublicProfile(db: Db, slug: string) {
  // As the public: row-level security shows a published profile and what it shows, nothing else. Five
  // statements, the last four side by side, and no transaction (`readPublic`).
  return readPublic(db, async (tx) => {
    const [row] = await tx
      .select({ slug: organizations.slug, profile: PUBLIC_COLUMNS, workingDays: productionCalendars.workingWeekdays })
      .from(workshopProfiles)
      .innerJoin(organizations, eq(organizations.id, workshopProfiles.orgId))
      .leftJoin(productionCalendars, eq(productionCalendars.orgId, workshopProfiles.orgId))
      .where(and(eq(organizations.slug, slug.trim().toLowerCase()), eq(organizations.kind, "workshop"), isNotNull(workshopProfiles.publishedAt)));
    if (!row) throw notFound("Workshop");
    const p = row.profile;
    const [artisans, portfolio, record, reviews] = await Promise.all([
      listArtisans(tx, p.orgId),
      listPublicPortfolioPieces(tx, p.orgId),
      getWorkshopRecord(tx, p.orgId),
      listPublicReviewsIn(tx, p.orgId, 1),
    ]);
    return {
      orgId: p.orgId,
      slug: row.slug,
      name: p.name,
      headline: p.headline,
      story: p.story,
      city: p.city,
      country: p.country,
      capabilities: p.capabilities,
      metals: p.metals,
      gemstoneWork: p.gemstoneWork,
      certifications: p.certifications,
      languages: p.languages,
      // From the production calendar, where working days are kept.
      workingDays: row.workingDays ?? [1, 2, 3, 4, 5],
      moqPerDesign: p.moqPerDesign,
      leadTimeMinDays: p.leadTimeMinDays,
      leadTimeMaxDays: p.leadTimeMaxDays,
      monthlyCapacity: p.monthlyCapacity,
      publishedAt: p.publishedAt!,
      artisans: artisans.map((a) => ({ id: a.id, name: a.name, role: a.role, bio: a.bio, photoFileId: a.photoFileId })),
      portfolio,
      record,
      reviews,
    };
  });
}

export type PublicWorkshopProfile = Awaited<ReturnType<typeof getPublicProfile>>;
