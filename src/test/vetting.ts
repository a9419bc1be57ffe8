import type { FilePurpose } from "~/lib/files";
import { eq } from "drizzle-orm";
import type { Db } from "~/server/db/client";
import { files, portfolioPiecePhotos, portfolioPieces, workshopProfiles } from "~/server/db/schema";
import type { Role } from "~/lib/permissions";
import type { OrgFixture } from "./fixtures";

/** Test data for shortlists and sample requests, inserted directly (the profile editor has its own tests). */

const profile = {
  headline: "Small-batch casting and stone setting",
  story: "A family workshop casting and setting small batches for independent brands.",
  city: "Vicenza",
  country: "IT",
  capabilities: ["casting", "stone_setting"],
  metals: ["silver_925", "gold_18k_yellow"],
  gemstoneWork: ["natural"],
  certifications: ["rjc"],
  languages: ["en", "it"],
  moqPerDesign: 5,
  leadTimeMinDays: 30,
  leadTimeMaxDays: 45,
  monthlyCapacity: 300,
};

/** Gives a workshop a published profile (again and again: safe to call twice). */
export async function publishWorkshop(db: Db, t: OrgFixture, overrides: Partial<typeof profile> = {}) {
  const values = { ...profile, ...overrides, publishedAt: new Date() };
  await db
    .insert(workshopProfiles)
    .values({ orgId: t.org.id, name: t.org.name, ...values })
    .onConflictDoUpdate({ target: workshopProfiles.orgId, set: values });
}

export async function unpublishWorkshop(db: Db, t: OrgFixture) {
  await db.update(workshopProfiles).set({ publishedAt: null }).where(eq(workshopProfiles.orgId, t.org.id));
}

/** A portfolio piece with one photo (only pieces with a photo are public). */
export async function addPortfolioPiece(db: Db, t: OrgFixture, title = "Signet ring") {
  const [piece] = await db.insert(portfolioPieces).values({ orgId: t.org.id, title }).returning();
  const photo = await uploadedFile(db, t, "portfolio_photo");
  await db.insert(portfolioPiecePhotos).values({ pieceId: piece!.id, fileId: photo.id, orgId: t.org.id, position: 0 });
  return piece!;
}

export async function uploadedFile(db: Db, t: OrgFixture, purpose: FilePurpose = "sample_request_attachment") {
  const [file] = await db
    .insert(files)
    .values({ orgId: t.org.id, purpose, originalName: "sketch.pdf", contentType: "application/pdf", byteSize: 1234, storageKey: `test/${crypto.randomUUID()}` })
    .returning();
  return file!;
}

/** The service-layer actor of a fixture member. */
export const actorOf = (t: OrgFixture, role: Role = "owner"): { orgId: string; userId: string; role: Role } => ({
  orgId: t.org.id,
  userId: t[role].id,
  role,
});
