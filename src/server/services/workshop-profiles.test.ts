import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { callerFor, createFixture, type Fixture, type OrgFixture } from "~/test/fixtures";
import { disableRowLevelSecurity, expectCode } from "~/test/tenancy";
import { artisanSchema, portfolioPieceSchema, profileDetailsSchema, type ProfileDetailsInput } from "~/lib/workshop-profile-schemas";
import { events, files, workshopArtisans, workshopProfiles } from "../db/schema";
import type { Actor } from "./members";
import { getChecklist } from "./checklist";
import { updateOrganization } from "./organizations";
import { completeness, getProfileForEditor, getPublicProfile, publishProfile, unpublishProfile, updateProfileDetails } from "./workshop-profiles";
import { createArtisan, createPortfolioPiece, removePortfolioPiece, reorderArtisans, updateArtisan, updatePortfolioPiece } from "./workshop-profile-items";
import type { FilePurpose } from "~/lib/files";
import { piecePhotoIds } from "./file-attachments";

const db = await testDb();
// A second database, for the test that switches row-level security off. Opened at the top level: a
// database opened inside a test never gets its drop, which runs when the file ends.
const bare = await testDb();

let f: Fixture;
beforeAll(async () => {
  f = await createFixture(db);
});

const actorOf = (t: OrgFixture): Actor => ({ orgId: t.org.id, userId: t.owner.id, role: "owner" });

const STORY = "We are a family workshop in Vicenza casting and setting small batches for independent brands. ".repeat(3);

const details = (over: Partial<ProfileDetailsInput> = {}): ProfileDetailsInput => ({
  headline: "Small-batch casting and stone setting in Vicenza",
  story: STORY,
  city: "Vicenza",
  country: "IT",
  capabilities: ["casting", "stone_setting"],
  metals: ["gold_18k_yellow", "silver_925"],
  gemstoneWork: ["natural"],
  certifications: ["rjc"],
  languages: ["it", "en"],
  moqPerDesign: 5,
  leadTimeMinDays: 30,
  leadTimeMaxDays: 45,
  monthlyCapacity: 400,
  ...over,
});

async function insertFile(orgId: string, purpose: FilePurpose = "portfolio_photo", contentType = "image/jpeg") {
  const [row] = await db
    .insert(files)
    .values({ orgId, purpose, originalName: "ring.jpg", contentType, byteSize: 1234, storageKey: `test/${crypto.randomUUID()}` })
    .returning();
  return row!.id;
}

async function completeProfile(t: OrgFixture) {
  await updateProfileDetails(db, actorOf(t), details());
  return createPortfolioPiece(db, actorOf(t), { title: "Signet ring", description: "", metals: ["gold_18k_yellow"], techniques: ["casting"], photoFileIds: [await insertFile(t.org.id)] });
}

const profileRow = async (orgId: string) => (await db.select().from(workshopProfiles).where(eq(workshopProfiles.orgId, orgId)))[0];
const actions = async (orgId: string) => (await db.select().from(events).where(eq(events.orgId, orgId)).orderBy(asc(events.createdAt))).map((e) => e.action);

describe("validation", () => {
  const parse = (over: Partial<ProfileDetailsInput>) => profileDetailsSchema.safeParse(details(over));
  const messageAt = (over: Partial<ProfileDetailsInput>, field: string) => {
    const r = parse(over);
    expect(r.success).toBe(false);
    return r.error!.issues.find((i) => i.path[0] === field)?.message;
  };

  it("accepts a complete profile and an empty draft", () => {
    expect(parse({}).success).toBe(true);
    expect(parse({ headline: "", story: "", city: "", capabilities: [], metals: [], gemstoneWork: [], moqPerDesign: null, leadTimeMinDays: null, leadTimeMaxDays: null, monthlyCapacity: null }).success).toBe(true);
  });

  it("limits the headline to 140 and the story to 10,000 characters", () => {
    expect(parse({ headline: "x".repeat(140) }).success).toBe(true);
    expect(messageAt({ headline: "x".repeat(141) }, "headline")).toBe("Keep the headline to 140 characters.");
    expect(messageAt({ story: "x".repeat(10_001) }, "story")).toBe("Keep the story to 10,000 characters.");
  });

  it("keeps the lead time ordered, in range, and both ends together", () => {
    expect(messageAt({ leadTimeMinDays: 50, leadTimeMaxDays: 40 }, "leadTimeMaxDays")).toBe("The longest lead time cannot be shorter than the shortest.");
    expect(messageAt({ leadTimeMinDays: 30, leadTimeMaxDays: null }, "leadTimeMaxDays")).toMatch(/both/);
    expect(messageAt({ leadTimeMinDays: 0 }, "leadTimeMinDays")).toMatch(/at least 1/);
    expect(messageAt({ leadTimeMaxDays: 366 }, "leadTimeMaxDays")).toMatch(/at most 365/);
  });

  it("wants whole positive numbers and words from the vocabularies", () => {
    expect(messageAt({ moqPerDesign: 0 }, "moqPerDesign")).toMatch(/at least 1/);
    expect(messageAt({ moqPerDesign: 2.5 }, "moqPerDesign")).toMatch(/whole number/);
    expect(messageAt({ monthlyCapacity: Number.NaN }, "monthlyCapacity")).toMatch(/as a number/);
    expect(messageAt({ capabilities: ["welding" as "casting"] }, "capabilities")).toBe("Choose capability from the list.");
    expect(messageAt({ metals: ["platinum", "platinum"] }, "metals")).toBe("Choose each metal once.");
  });

  it("limits artisan bios to 600 characters and pieces to 8 photos", () => {
    expect(artisanSchema.safeParse({ name: "Lucia", role: "Setter", bio: "x".repeat(601), photoFileId: null }).error?.issues[0]?.message).toBe("Keep the bio to 600 characters.");
    const nine = Array.from({ length: 9 }, () => crypto.randomUUID());
    expect(portfolioPieceSchema.safeParse({ title: "Ring", description: "", metals: [], techniques: [], photoFileIds: nine }).error?.issues[0]?.message).toBe("Add at most 8 photos.");
  });

  it("answers invalid input through the procedure with BAD_REQUEST and the field's message", async () => {
    const err = await callerFor(db, f.workshop.admin)
      .workshopProfile.update({ orgId: f.workshop.org.id, ...details({ leadTimeMinDays: 60, leadTimeMaxDays: 30 }) })
      .catch((e: unknown) => e as { code: string; cause: unknown });
    expect((err as { code: string }).code).toBe("BAD_REQUEST");
  });
});

describe("completeness", () => {
  it("lists every missing item with a label for people, and nothing once complete", () => {
    const empty = { headline: "", story: "", city: "", capabilities: [], metals: [], gemstoneWork: [], moqPerDesign: null, leadTimeMinDays: null, leadTimeMaxDays: null };
    expect(completeness(empty, { portfolioPiecesWithPhoto: 0 }).map((m) => m.key)).toEqual([
      "headline",
      "story",
      "city",
      "capabilities",
      "metals",
      "gemstoneWork",
      "moqPerDesign",
      "leadTime",
      "portfolio",
    ]);
    expect(completeness(empty, { portfolioPiecesWithPhoto: 0 })[1]!.label).toBe("A story of at least 200 characters");
    expect(completeness({ ...details(), story: "x".repeat(199) }, { portfolioPiecesWithPhoto: 1 }).map((m) => m.key)).toEqual(["story"]);
    expect(completeness(details(), { portfolioPiecesWithPhoto: 1 })).toEqual([]);
  });
});

describe("the profile row", () => {
  it("exists from the workshop's creation, named after the organization and in its country; reading writes nothing", async () => {
    const t = f.outsider.workshop;
    const stored = await profileRow(t.org.id);
    const first = await getProfileForEditor(db, t.org.id);
    expect(await profileRow(t.org.id)).toEqual(stored);
    expect(first.profile).toMatchObject({ orgId: t.org.id, name: t.org.name, country: t.org.country, publishedAt: null });
    expect(first.checklist.every((i) => !i.done)).toBe(true);
    await getProfileForEditor(db, t.org.id);
    expect(await db.select().from(workshopProfiles).where(eq(workshopProfiles.orgId, t.org.id))).toHaveLength(1);
  });

  it("follows the organization's name when it is renamed", async () => {
    const t = f.workshop;
    await getProfileForEditor(db, t.org.id);
    await updateOrganization(db, { orgId: t.org.id, actorId: t.owner.id }, { name: "Atelier Renamed", slug: t.org.slug, country: "IT", timeZone: "Europe/Rome", currency: "EUR" });
    expect((await profileRow(t.org.id))!.name).toBe("Atelier Renamed");
  });

  it("saves details with an event, and records nothing when nothing changed", async () => {
    const t = f.outsider.workshop;
    await updateProfileDetails(db, actorOf(t), details({ city: "Vicenza" }));
    expect(await profileRow(t.org.id)).toMatchObject({ city: "Vicenza", moqPerDesign: 5 });
    const saved = await db.select().from(events).where(and(eq(events.orgId, t.org.id), eq(events.action, "workshop_profile.updated")));
    expect(saved).toHaveLength(1);
    await updateProfileDetails(db, actorOf(t), details({ city: "Vicenza" }));
    expect(await db.select().from(events).where(and(eq(events.orgId, t.org.id), eq(events.action, "workshop_profile.updated")))).toHaveLength(1);
  });
});

describe("publishing", () => {
  it("refuses an incomplete profile with BAD_REQUEST naming what is missing, and changes nothing", async () => {
    const caller = callerFor(db, f.workshop.admin);
    await caller.workshopProfile.update({ orgId: f.workshop.org.id, ...details({ headline: "", moqPerDesign: null }) });
    const before = await actions(f.workshop.org.id);
    const err = await caller.workshopProfile.publish({ orgId: f.workshop.org.id }).catch((e: { code: string; message: string }) => e);
    expect(err).toMatchObject({ code: "BAD_REQUEST" });
    expect((err as { message: string }).message).toBe(
      "Before publishing, add: a headline; minimum order quantity per design; at least one portfolio piece with a photo.",
    );
    expect((await profileRow(f.workshop.org.id))!.publishedAt).toBeNull();
    expect(await actions(f.workshop.org.id)).toEqual(before);
  });

  it("publishes a complete profile, shows it publicly, and hides it everywhere once unpublished", async () => {
    const t = f.workshop;
    await completeProfile(t);
    const published = await publishProfile(db, actorOf(t));
    expect(published.publishedAt).toBeInstanceOf(Date);
    expect(await actions(t.org.id)).toContain("workshop_profile.published");

    const visitor = callerFor(db, null);
    const page = await visitor.workshopProfile.public({ slug: t.org.slug });
    expect(page).toMatchObject({ orgId: t.org.id, slug: t.org.slug, headline: details().headline, moqPerDesign: 5, record: { samplesSent: 0, medianResponseHours: null } });
    expect(page.portfolio).toHaveLength(1);
    expect(Object.keys(page)).not.toContain("search");

    // Publishing twice is harmless and logs nothing new.
    await publishProfile(db, actorOf(t));
    expect((await actions(t.org.id)).filter((a) => a === "workshop_profile.published")).toHaveLength(1);

    const publishStep = async () => (await getChecklist(db, t.org)).find((i) => i.key === "publish-profile");
    expect(await publishStep()).toMatchObject({ title: "Publish your workshop profile", href: `/workshop/${t.org.slug}/profile`, done: true });

    await unpublishProfile(db, actorOf(t));
    expect(await actions(t.org.id)).toContain("workshop_profile.unpublished");
    await expectCode(visitor.workshopProfile.public({ slug: t.org.slug }), "NOT_FOUND");
    expect(await publishStep()).toMatchObject({ done: false });
    expect((await getChecklist(db, f.brand.org)).map((i) => i.key)).not.toContain("publish-profile");
  });

  it("keeps a published profile complete: a change that would leave it incomplete is refused and rolled back", async () => {
    const t = f.outsider.workshop;
    const piece = await completeProfile(t);
    await publishProfile(db, actorOf(t));
    await expect(updateProfileDetails(db, actorOf(t), details({ headline: "" }))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await profileRow(t.org.id))!.headline).toBe(details().headline);
    await expect(removePortfolioPiece(db, actorOf(t), { pieceId: piece.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(updatePortfolioPiece(db, actorOf(t), { pieceId: piece.id, title: "Ring", description: "", metals: [], techniques: [], photoFileIds: [] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect((await piecePhotoIds(db, [piece.id])).get(piece.id)).toEqual(piece.photoFileIds);
    await unpublishProfile(db, actorOf(t));
  });

  it("answers NOT_FOUND for unknown, unpublished and brand addresses", async () => {
    const visitor = callerFor(db, null);
    await expectCode(visitor.workshopProfile.public({ slug: "no-such-workshop" }), "NOT_FOUND");
    await expectCode(visitor.workshopProfile.public({ slug: f.brand.org.slug }), "NOT_FOUND");
    await getProfileForEditor(db, f.outsider.workshop.org.id);
    await expectCode(visitor.workshopProfile.public({ slug: f.outsider.workshop.org.slug }), "NOT_FOUND");
    await expect(getPublicProfile(db, "x".repeat(150))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("artisans and portfolio", () => {
  it("refuses another organization's file ids, and files uploaded for something else", async () => {
    const t = f.workshop;
    const theirs = await insertFile(f.outsider.workshop.org.id, "artisan_photo");
    await expect(createArtisan(db, actorOf(t), { name: "Lucia", role: "Setter", bio: "", photoFileId: theirs })).rejects.toMatchObject({ code: "BAD_REQUEST", field: "photoFileId" });
    const brandFile = await insertFile(f.brand.org.id, "portfolio_photo");
    await expect(
      createPortfolioPiece(db, actorOf(t), { title: "Ring", description: "", metals: [], techniques: [], photoFileIds: [await insertFile(t.org.id), brandFile] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", field: "photoFileIds" });
    const attachment = await insertFile(t.org.id, "sample_request_attachment");
    await expect(createArtisan(db, actorOf(t), { name: "Lucia", role: "Setter", bio: "", photoFileId: attachment })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const pdf = await insertFile(t.org.id, "portfolio_photo", "application/pdf");
    await expect(createPortfolioPiece(db, actorOf(t), { title: "Ring", description: "", metals: [], techniques: [], photoFileIds: [pdf] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.select().from(workshopArtisans).where(eq(workshopArtisans.name, "Lucia"))).toEqual([]);
  });

  it("refuses another organization's file id through the procedure too", async () => {
    const theirs = await insertFile(f.outsider.workshop.org.id, "portfolio_photo");
    await expectCode(
      callerFor(db, f.workshop.admin).workshopProfile.portfolio.create({ orgId: f.workshop.org.id, title: "Ring", description: "", metals: [], techniques: [], photoFileIds: [theirs] }),
      "BAD_REQUEST",
    );
  });

  it("adds artisans in order with their photo linked, edits, reorders and logs each change", async () => {
    const t = f.workshop;
    const photo = await insertFile(t.org.id, "artisan_photo");
    const a = await createArtisan(db, actorOf(t), { name: "Marco", role: "Master caster", bio: "Forty years at the bench.", photoFileId: photo });
    const b = await createArtisan(db, actorOf(t), { name: "Giulia", role: "Setter", bio: "", photoFileId: null });
    expect([a.position, b.position]).toEqual([0, 1]);
    expect(a.photoFileId).toBe(photo);

    await updateArtisan(db, actorOf(t), { artisanId: b.id, name: "Giulia", role: "Master setter", bio: "", photoFileId: null });
    const reordered = await reorderArtisans(db, actorOf(t), { artisanIds: [b.id, a.id] });
    expect(reordered.map((r) => r.name)).toEqual(["Giulia", "Marco"]);
    await expect(reorderArtisans(db, actorOf(t), { artisanIds: [a.id] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await actions(t.org.id)).toEqual(expect.arrayContaining(["workshop_artisan.added", "workshop_artisan.updated", "workshop_artisan.reordered"]));
  });

  it("does not let one workshop change another's artisan", async () => {
    const theirs = await createArtisan(db, actorOf(f.outsider.workshop), { name: "Anna", role: "Polisher", bio: "", photoFileId: null });
    await expect(updateArtisan(db, actorOf(f.workshop), { artisanId: theirs.id, name: "Hacked", role: "x", bio: "", photoFileId: null })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.select().from(workshopArtisans).where(eq(workshopArtisans.id, theirs.id)))[0]!.name).toBe("Anna");
  });
});

describe("only pieces with photos are public", () => {
  // The app's own query, on a database whose row-level security is switched off: the policy is proven
  // on its own in src/server/db/rls.test.ts.
  it("a published profile shows no piece without photos, and the publish checklist says so", async () => {
    await disableRowLevelSecurity(bare);
    const g = await createFixture(bare);
    const t = g.workshop;
    const actor = actorOf(t);
    await updateProfileDetails(bare, actor, details());
    const [photo] = await bare
      .insert(files)
      .values({ orgId: t.org.id, purpose: "portfolio_photo", originalName: "ring.jpg", contentType: "image/jpeg", byteSize: 1234, storageKey: `test/${crypto.randomUUID()}` })
      .returning();
    await createPortfolioPiece(bare, actor, { title: "Signet ring", description: "", metals: [], techniques: [], photoFileIds: [photo!.id] });
    await createPortfolioPiece(bare, actor, { title: "Sketch only", description: "", metals: [], techniques: [], photoFileIds: [] });
    await publishProfile(bare, actor);

    const page = await callerFor(bare, null).workshopProfile.public({ slug: t.org.slug });
    expect(page.portfolio.map((p) => p.title)).toEqual(["Signet ring"]);
    const options = await callerFor(bare, g.brand.member).sampleRequest.requestOptions({ orgId: g.brand.org.id, workshopOrgId: t.org.id });
    expect(options.pieces.map((p) => p.title)).toEqual(["Signet ring"]);

    // The workshop still edits both, and is told why one is not public.
    const editor = await getProfileForEditor(bare, t.org.id);
    expect(editor.portfolio.map((p) => p.title)).toEqual(["Signet ring", "Sketch only"]);
    expect(editor.checklist.find((i) => i.key === "portfolio")).toEqual({
      key: "portfolio",
      label: "At least one portfolio piece with a photo",
      section: "portfolio",
      done: true,
      note: "1 piece has no photo, so it is not shown publicly. Add a photo to show it.",
    });
  });
});
