import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { testDb } from "~/test/db";
import { callerFor, createFixture, type Fixture } from "~/test/fixtures";
import { files, workshopProfiles } from "~/server/db/schema";
import { insertPiece } from "~/test/files";

/** The public page at /workshops/[slug] answers 404 for anything but a published workshop, signed out. */

const db = await testDb();
// Public pages read through the caller that never reads the session: signed out, whoever asks.
vi.mock("~/trpc/server", () => ({ publicApi: async () => callerFor(db, null) }));
const { loadPublicProfile } = await import("./public-data");

let f: Fixture;
beforeAll(async () => {
  f = await createFixture(db);
  const [photo] = await db
    .insert(files)
    .values({ orgId: f.workshop.org.id, purpose: "portfolio_photo", originalName: "ring.jpg", contentType: "image/jpeg", byteSize: 10, storageKey: "test/ring" })
    .returning();
  await db
    .update(workshopProfiles)
    .set({
    headline: "Casting in Vicenza",
    story: "s".repeat(250),
    city: "Vicenza",
    capabilities: ["casting"],
    metals: ["silver_925"],
    gemstoneWork: ["none"],
    moqPerDesign: 5,
    leadTimeMinDays: 30,
    leadTimeMaxDays: 45,
    publishedAt: new Date(),
    })
    .where(eq(workshopProfiles.orgId, f.workshop.org.id));
  await insertPiece(db, { orgId: f.workshop.org.id, title: "Ring", photoFileIds: [photo!.id] });
  // A profile row that was never published.
  await db.update(workshopProfiles).set({ headline: "Draft" }).where(eq(workshopProfiles.orgId, f.outsider.workshop.org.id));
});

async function expectNotFoundPage(slug: string) {
  const err = await loadPublicProfile(slug).then(
    () => null,
    (e: unknown) => e as { digest?: string },
  );
  expect(err?.digest, `expected /workshops/${slug} to be a 404`).toMatch(/404/);
}

describe("/workshops/[slug]", () => {
  it("shows a published workshop to a signed-out visitor", async () => {
    const profile = await loadPublicProfile(f.workshop.org.slug);
    expect(profile).toMatchObject({ name: f.workshop.org.name, headline: "Casting in Vicenza", portfolio: [expect.objectContaining({ title: "Ring" })] });
  });

  it("is a 404 for an unknown address", () => expectNotFoundPage("no-such-workshop"));
  it("is a 404 for an unpublished profile", () => expectNotFoundPage(f.outsider.workshop.org.slug));
  it("is a 404 for a brand's address", () => expectNotFoundPage(f.brand.org.slug));
  it("is a 404 for an address too long to be one", () => expectNotFoundPage("x".repeat(500)));
});
