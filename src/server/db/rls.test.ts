import { sql } from "drizzle-orm";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { appDbOf, testDb } from "~/test/db";
import { callerFor, createFixture, type Fixture } from "~/test/fixtures";
import { fileRow, insertPiece } from "~/test/files";
import { actorOf, publishWorkshop, uploadedFile } from "~/test/vetting";
import { withDatabase } from "~/test/global-setup";
import { createSampleRequest } from "../services/sample-requests";
import { plannedOrderBetween } from "~/test/milestones";
import { addToShortlist } from "../services/shortlist";
import { createCollection, updateStyleGuide } from "../services/collections";
import { addRevisionComment } from "../services/design-comments";
import { shareRevision } from "../services/design-sharing";
import { designFile, designWithRevision } from "~/test/designs";
import { campaignFor, reserveAs, type TestCampaign } from "~/test/preorders";
import { openScriptDb } from "./script-db";
import { readPublic, withOrg, withPublic, withUser } from "./tenant";
import type { Db } from "./client";

/**
 * The database alone keeps organizations apart: these queries deliberately carry no organization filter,
 * and row-level security is all that stands between them and another organization's rows.
 */
const db = await testDb();

/** Every table that holds an organization's rows, written out: a new one must be added here and get policies. */
const TENANT_TABLES = [
  "calendar_closures",
  "calendar_holiday_changes",
  "calendar_working_days",
  "collection_style_files",
  "collections",
  "design_revision_attachments",
  "design_revision_comments",
  "design_revision_shares",
  "design_revisions",
  "designs",
  "events",
  "files",
  "invitations",
  "memberships",
  "notification_recipients",
  "notifications",
  "order_lines",
  "order_milestone_photos",
  "order_milestone_updates",
  "order_milestones",
  "order_plans",
  "order_reviews",
  "orders",
  "organization_slug_redirects",
  "organizations",
  "payments",
  "payout_accounts",
  "plan_template_steps",
  "portfolio_piece_photos",
  "portfolio_pieces",
  "preorder_campaign_images",
  "preorder_campaign_sizes",
  "preorder_campaigns",
  "preorder_page_views",
  "preorder_reservations",
  "production_calendars",
  "quote_version_attachments",
  "quote_versions",
  "quotes",
  "rfq_attachments",
  "rfq_invitations",
  "rfq_lines",
  "rfq_message_attachments",
  "rfq_messages",
  "rfq_thread_reads",
  "rfqs",
  "sample_evaluations",
  "sample_request_attachments",
  "sample_request_updates",
  "sample_requests",
  "shortlist_entries",
  "stripe_events",
  "workshop_artisans",
  "workshop_profiles",
];

/** The organization column(s) of each table, to check whose rows a query saw. */
/** Tables under row-level security that hold no organization's rows: reference data everyone reads. */
const PUBLIC_TABLES = ["public_holidays"];

/**
 * Tables with an organization column and no row-level security, each for a stated reason:
 * `directory_entries` is a trigger-kept copy of published profiles' public columns (migration 0036), which the
 * app's role may read and never write (tested in directory-entries.test.ts).
 */
const PUBLIC_COPIES = ["directory_entries"];

const ORG_COLUMNS: Record<string, string> = {
  calendar_closures: "org_id",
  calendar_holiday_changes: "org_id",
  calendar_working_days: "org_id",
  production_calendars: "org_id",
  collections: "org_id",
  designs: "org_id",
  design_revisions: "org_id",
  design_revision_shares: "workshop_org_id",
  events: "org_id",
  files: "org_id",
  invitations: "org_id",
  memberships: "org_id",
  notification_recipients: "org_id",
  notifications: "org_id",
  order_milestone_photos: "org_id",
  payout_accounts: "org_id",
  plan_template_steps: "org_id",
  stripe_events: "org_id",
  organization_slug_redirects: "org_id",
  organizations: "id",
  portfolio_pieces: "org_id",
  preorder_campaign_images: "org_id",
  preorder_campaign_sizes: "brand_org_id",
  preorder_campaigns: "brand_org_id",
  preorder_page_views: "brand_org_id",
  preorder_reservations: "brand_org_id",
  sample_evaluations: "brand_org_id",
  shortlist_entries: "brand_org_id",
  workshop_artisans: "org_id",
  workshop_profiles: "org_id",
};

async function countAll(tx: Pick<Db, "execute">, table: string): Promise<number> {
  const { rows } = await tx.execute<{ n: number }>(sql.raw(`select count(*)::int as n from "${table}"`));
  return rows[0]!.n;
}

async function orgIdsIn(tx: Pick<Db, "execute">, table: string): Promise<string[]> {
  const { rows } = await tx.execute<{ org: string }>(sql.raw(`select distinct ${ORG_COLUMNS[table]}::text as org from "${table}"`));
  return rows.map((r) => r.org).sort();
}

/** The error a refused write raised, or null. */
async function failure(run: () => Promise<unknown>): Promise<string | null> {
  try {
    await run();
    return null;
  } catch (err) {
    for (let e: unknown = err; e instanceof Error; e = e.cause) {
      const code = (e as Error & { code?: string }).code;
      if (code) return code;
    }
    return "error";
  }
}

describe("row-level security", () => {
  let f: Fixture;
  let unpublished: Fixture["workshop"];
  let campaign: TestCampaign;
  let draft: TestCampaign;

  beforeAll(async () => {
    f = await createFixture(db);
    unpublished = f.outsider.workshop;
    // Rows in every tenant table, for a brand and a workshop that share a sample request, and for another
    // brand and an unpublished workshop that share nothing with them.
    await publishWorkshop(db, f.workshop);
    await insertPiece(db, { orgId: f.workshop.org.id, title: "Signet ring", photoFileIds: [(await fileRow(db, f.workshop.org.id)).id] });
    // A piece without photos is a draft: only its workshop sees it, even while the profile is published.
    await insertPiece(db, { orgId: f.workshop.org.id, title: "Sketch only", position: 1 });
    await insertPiece(db, { orgId: unpublished.org.id, title: "Unpublished ring", photoFileIds: [(await fileRow(db, unpublished.org.id)).id] });
    await addToShortlist(db, actorOf(f.brand), { workshopOrgId: f.workshop.org.id });
    const attachment = await uploadedFile(db, f.brand);
    await createSampleRequest(db, actorOf(f.brand), { workshopOrgId: f.workshop.org.id, description: "A signet ring in silver 925", quantity: 1, note: "", attachmentFileIds: [attachment.id] });
    await db.execute(sql`insert into workshop_artisans (org_id, name, role) values (${unpublished.org.id}, 'Hidden', 'Setter')`);
    // A brand's collection with a style-guide file, a design with an approved revision and a comment on it,
    // the revision shared with the workshop; and the outsider brand's design, shared with nobody.
    const collection = await createCollection(db, actorOf(f.brand), { fields: { name: "Lune", season: "", description: "", priceMinMinor: null, priceMaxMinor: null, priceCurrency: null } });
    await updateStyleGuide(db, actorOf(f.brand), { collectionId: collection.id, styleGuide: "Polish", styleFileIds: [(await designFile(db, f.brand, "mood.png", "collection_style_file")).id] });
    const shared = await designWithRevision(db, f.brand);
    await db.execute(sql`update designs set collection_id = ${collection.id} where id = ${shared.design.id}`);
    await addRevisionComment(db, actorOf(f.brand), { revisionId: shared.revisionId, body: "Looks right." });
    await withOrg(db, f.brand.org.id, (tx) => shareRevision(tx, f.brand.org.id, { revisionId: shared.revisionId, workshopOrgId: f.workshop.org.id }));
    const outsiderDesign = await designWithRevision(db, f.outsider.brand);
    await db.execute(sql`insert into sample_evaluations (sample_request_id, brand_org_id, quality, finish, communication) select id, brand_org_id, 4, 4, 5 from sample_requests`);
    await db.execute(sql`insert into invitations (org_id, email, role, token_hash, expires_at) values (${f.brand.org.id}, 'new@example.test', 'member', ${`hash-${crypto.randomUUID()}`}, now() + interval '1 day')`);
    // A request for quote between the brand and the workshop, through a quote with a file, a message with a
    // file, a read marker and the order; and the design tables it rests on.
    // The order's milestone plan, and an update on its first milestone with a work-in-progress photo.
    const planned = await plannedOrderBetween(db, f);
    const first = planned.milestones[0]!;
    const { rows: updates } = await db.execute<{ id: string }>(sql`insert into order_milestone_updates (milestone_id, order_id, brand_org_id, workshop_org_id, author_org_id, action, from_status, to_status, note, happened_on)
      values (${first.id}, ${first.orderId}, ${f.brand.org.id}, ${f.workshop.org.id}, ${f.workshop.org.id}, 'start', 'pending', 'in_progress', 'Wax printed', current_date) returning id`);
    const photo = await uploadedFile(db, f.workshop, "milestone_photo");
    await db.execute(sql`insert into order_milestone_photos (update_id, file_id, org_id, position) values (${updates[0]!.id}, ${photo.id}, ${f.workshop.org.id}, 0)`);
    // The order delivered and reviewed by its brand.
    await db.execute(sql`update order_plans set delivered_on = '2027-04-12' where order_id = ${first.orderId}`);
    await db.execute(sql`insert into order_reviews (order_id, brand_org_id, workshop_org_id, brand_name, quality, communication, timeliness, body)
      values (${first.orderId}, ${f.brand.org.id}, ${f.workshop.org.id}, 'Brand', 5, 4, 5, 'Lovely work, on time.')`);
    // Payout accounts of both workshops (bank details; the published one connected to Stripe), and a
    // Stripe event processed for the published one. The order's payments come with the order.
    await db.execute(sql`insert into payout_accounts (org_id, stripe_account_id, onboarding_status, bank_account_holder, bank_iban) values (${f.workshop.org.id}, 'acct_rls', 'ready', 'Atelier', 'IT60X0542811101000000123456')`);
    await db.execute(sql`insert into payout_accounts (org_id, bank_account_holder, bank_iban) values (${unpublished.org.id}, 'Hidden', 'DE89370400440532013000')`);
    await db.execute(sql`insert into stripe_events (event_id, org_id, type, stripe_created_at) values ('evt_rls', ${f.workshop.org.id}, 'account.updated', now())`);
    // The unpublished workshop's own plan template.
    await db.execute(sql`insert into plan_template_steps (org_id, position, name, share_percent) values (${unpublished.org.id}, 0, 'Everything', 100)`);
    // Old slugs: of the brand, of the published workshop and of the unpublished one.
    // Calendar rows of both workshops: a closure, an own holiday and a make-up day each.
    for (const org of [f.workshop.org, unpublished.org]) {
      await db.execute(sql`insert into calendar_closures (org_id, starts_on, ends_on, label) values (${org.id}, '2027-08-02', '2027-08-20', 'August')`);
      await db.execute(sql`insert into calendar_holiday_changes (org_id, date, change, label) values (${org.id}, '2027-03-19', 'added', 'Patron saint')`);
      await db.execute(sql`insert into calendar_working_days (org_id, date, label) values (${org.id}, '2027-03-20', 'Make-up Saturday')`);
    }
    for (const org of [f.brand.org, f.workshop.org, unpublished.org]) {
      await db.execute(sql`insert into organization_slug_redirects (slug, org_id) values (${`old-${org.slug}`}, ${org.id})`);
    }
    // The brand's published preorder campaign made by the workshop, with an image, a customer's
    // reservation and a day's page views; and the other brand's draft, which nobody else sees.
    campaign = await campaignFor(db, f, { revision: { designId: shared.design.id, revisionId: shared.revisionId } });
    const image = await uploadedFile(db, f.brand, "preorder_image");
    await db.execute(sql`insert into preorder_campaign_images (campaign_id, file_id, org_id, position, kind) values (${campaign.id}, ${image.id}, ${f.brand.org.id}, 0, 'image')`);
    await reserveAs(db, campaign.id, { size: "7", quantity: 2, name: "Ada Customer", email: "ada@example.test" });
    await db.execute(sql`select preorder_page_viewed(${campaign.id})`);
    draft = await campaignFor(db, { brand: f.outsider.brand, workshop: f.workshop }, { status: "draft", workshopOrgId: null, revision: { designId: outsiderDesign.design.id, revisionId: outsiderDesign.revisionId } });
  });

  it("is enabled and forced on exactly the tenant tables, and every table with an organization column is one of them", async () => {
    const { rows } = await db.execute<{ name: string; enabled: boolean; forced: boolean }>(sql`
      select c.relname as name, c.relrowsecurity as enabled, c.relforcerowsecurity as forced
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' and c.relrowsecurity order by 1`);
    expect(rows.map((r) => r.name)).toEqual([...TENANT_TABLES, ...PUBLIC_TABLES].sort());
    expect(rows.every((r) => r.enabled && r.forced)).toBe(true);
    const withOrgColumn = await db.execute<{ name: string }>(sql`
      select distinct table_name as name from information_schema.columns
      where table_schema = 'public' and (column_name = 'org_id' or column_name like '%\\_org\\_id') and column_name <> 'last_org_id' order by 1`);
    // users.last_org_id is a person's own preference (where they land), not an organization's row.
    expect(withOrgColumn.rows.map((r) => r.name).filter((t) => !TENANT_TABLES.includes(t))).toEqual(PUBLIC_COPIES);
  });

  it("the owner sees rows in every tenant table (so the zero counts below mean something)", async () => {
    for (const table of TENANT_TABLES) expect(await countAll(db, table), table).toBeGreaterThan(0);
  });

  it("with no organization set, the app's connection sees no tenant row except what a published profile shows", async () => {
    const app = appDbOf(db);
    const seen = Object.fromEntries(await Promise.all(TENANT_TABLES.map(async (t) => [t, await countAll(app, t)] as const)));
    expect(seen).toEqual({
      calendar_closures: 0,
      calendar_holiday_changes: 0,
      calendar_working_days: 0,
      collection_style_files: 0,
      collections: 0,
      design_revision_attachments: 0,
      design_revision_comments: 0,
      design_revision_shares: 0,
      design_revisions: 0,
      designs: 0,
      events: 0,
      files: 2, // the photo the published profile shows; the published campaign's image
      invitations: 0,
      memberships: 0,
      notification_recipients: 0,
      notifications: 0,
      order_lines: 0,
      order_milestone_photos: 0,
      order_milestone_updates: 0,
      order_milestones: 0,
      order_plans: 0,
      order_reviews: 1, // the published workshop's review, which its profile shows
      orders: 0,
      organization_slug_redirects: 1, // the published workshop's old slug, for its old profile links
      organizations: 2, // the published workshop; the brand of the published campaign
      payments: 0,
      payout_accounts: 0,
      plan_template_steps: 0,
      portfolio_piece_photos: 1, // its piece's photo
      portfolio_pieces: 1, // its piece with a photo, not the one without
      preorder_campaign_images: 1, // the published campaign's image
      preorder_campaign_sizes: 5, // its sizes, not the draft's
      preorder_campaigns: 1, // the published campaign, not the draft
      preorder_page_views: 0,
      preorder_reservations: 0, // customers are the brand's alone
      production_calendars: 1, // the published workshop's working days, which its profile shows
      quote_version_attachments: 0,
      quote_versions: 0,
      quotes: 0,
      rfq_attachments: 0,
      rfq_invitations: 0,
      rfq_lines: 0,
      rfq_message_attachments: 0,
      rfq_messages: 0,
      rfq_thread_reads: 0,
      rfqs: 0,
      sample_evaluations: 0,
      sample_request_attachments: 0,
      sample_request_updates: 0,
      sample_requests: 0,
      shortlist_entries: 0,
      stripe_events: 0,
      workshop_artisans: 0, // the unpublished workshop's artisan stays hidden
      workshop_profiles: 1, // the published profile
    });
    expect(await orgIdsIn(app, "organizations")).toEqual([f.brand.org.id, f.workshop.org.id].sort());
    expect(await orgIdsIn(app, "production_calendars")).toEqual([f.workshop.org.id]);
  });

  it("withPublic reads the same public rows, even on the owner's connection", async () => {
    const counts = await withPublic(db, async (tx) => ({
      orgs: await orgIdsIn(tx, "organizations"),
      pieces: await countAll(tx, "portfolio_pieces"),
      files: await orgIdsIn(tx, "files"),
      evaluations: await countAll(tx, "sample_evaluations"),
    }));
    expect(counts).toEqual({ orgs: [f.brand.org.id, f.workshop.org.id].sort(), pieces: 1, files: [f.brand.org.id, f.workshop.org.id].sort(), evaluations: 0 });
  });

  it("readPublic reads the same public rows without a transaction on the app's handle, and through withPublic on the owner's", async () => {
    const read = (q: Parameters<Parameters<typeof readPublic>[1]>[0]) =>
      Promise.all([orgIdsIn(q, "organizations"), countAll(q, "portfolio_pieces"), orgIdsIn(q, "files"), countAll(q, "workshop_artisans"), countAll(q, "workshop_profiles")]);
    const both = [f.brand.org.id, f.workshop.org.id].sort();
    const expected = [both, 1, both, 0, 1];
    expect(await readPublic(appDbOf(db), read)).toEqual(expected);
    expect(await readPublic(db, read)).toEqual(expected);
  });

  it("a portfolio piece without photos is not public: the public and another organization see only the piece with a photo, its workshop sees both", async () => {
    const titles = async (tx: Pick<Db, "execute">) => (await tx.execute<{ title: string }>(sql`select title from portfolio_pieces order by title`)).rows.map((r) => r.title);
    expect({
      app: await titles(appDbOf(db)),
      public: await withPublic(db, titles),
      brand: await withOrg(db, f.brand.org.id, titles),
      workshop: await withOrg(db, f.workshop.org.id, titles),
    }).toEqual({
      app: ["Signet ring"],
      public: ["Signet ring"],
      brand: ["Signet ring"],
      workshop: ["Signet ring", "Sketch only"],
    });
  });

  it("an unfiltered query under withOrg(brand) sees only the brand's rows, the workshop's public ones and the request they share", async () => {
    const seen = await withOrg(db, f.brand.org.id, async (tx) => ({
      events: await orgIdsIn(tx, "events"),
      files: await orgIdsIn(tx, "files"),
      attachments: await countAll(tx, "sample_request_attachments"),
      invitations: await orgIdsIn(tx, "invitations"),
      memberships: await orgIdsIn(tx, "memberships"),
      notifications: await orgIdsIn(tx, "notifications"),
      organizations: await orgIdsIn(tx, "organizations"),
      sampleEvaluations: await orgIdsIn(tx, "sample_evaluations"),
      shortlist: await orgIdsIn(tx, "shortlist_entries"),
      requests: await countAll(tx, "sample_requests"),
      updates: await countAll(tx, "sample_request_updates"),
      artisans: await countAll(tx, "workshop_artisans"),
      pieces: await orgIdsIn(tx, "portfolio_pieces"),
    }));
    expect(seen).toEqual({
      events: [f.brand.org.id],
      files: [f.brand.org.id, f.workshop.org.id].sort(), // its attachment; the workshop's public photo
      attachments: 1,
      invitations: [f.brand.org.id],
      memberships: [f.brand.org.id],
      notifications: [f.brand.org.id], // the quote it received
      organizations: [f.brand.org.id, f.workshop.org.id].sort(),
      sampleEvaluations: [f.brand.org.id],
      shortlist: [f.brand.org.id],
      requests: 1,
      updates: 1,
      artisans: 0,
      pieces: [f.workshop.org.id],
    });
  });

  it("the workshop sees the shared request, its timeline and attachment, but never the brand's evaluation or shortlist", async () => {
    const seen = await withOrg(db, f.workshop.org.id, async (tx) => ({
      requests: await countAll(tx, "sample_requests"),
      updates: await countAll(tx, "sample_request_updates"),
      files: await orgIdsIn(tx, "files"),
      attachments: await countAll(tx, "sample_request_attachments"),
      recipients: await orgIdsIn(tx, "notification_recipients"),
      evaluations: await countAll(tx, "sample_evaluations"),
      shortlist: await countAll(tx, "shortlist_entries"),
      organizations: await orgIdsIn(tx, "organizations"),
      notifications: await orgIdsIn(tx, "notifications"),
    }));
    expect(seen).toEqual({
      requests: 1,
      updates: 1,
      files: [f.brand.org.id, f.workshop.org.id].sort(), // the brand's attachment; its own photo
      attachments: 1,
      recipients: [f.workshop.org.id],
      evaluations: 0,
      shortlist: 0,
      organizations: [f.brand.org.id, f.workshop.org.id].sort(),
      notifications: [f.workshop.org.id],
    });
  });

  it("an outsider sees none of the two parties' private rows", async () => {
    const seen = await withOrg(db, f.outsider.brand.org.id, async (tx) => ({
      requests: await countAll(tx, "sample_requests"),
      updates: await countAll(tx, "sample_request_updates"),
      evaluations: await countAll(tx, "sample_evaluations"),
      files: await orgIdsIn(tx, "files"),
      attachments: await countAll(tx, "sample_request_attachments"),
      memberships: await orgIdsIn(tx, "memberships"),
      organizations: await orgIdsIn(tx, "organizations"),
    }));
    expect(seen).toEqual({
      requests: 0,
      updates: 0,
      evaluations: 0,
      files: [f.outsider.brand.org.id, f.workshop.org.id].sort(), // its own design sketch; the published photo
      attachments: 0,
      memberships: [f.outsider.brand.org.id],
      organizations: [f.outsider.brand.org.id, f.workshop.org.id].sort(),
    });
  });

  it("designs: each brand sees its own; the workshop sees only the approved revision shared with it, never comments or the other brand's design", async () => {
    const designTables = async (tx: Pick<Db, "execute">) => ({
      collections: await orgIdsIn(tx, "collections"),
      styleFiles: await countAll(tx, "collection_style_files"),
      designs: await orgIdsIn(tx, "designs"),
      revisions: await orgIdsIn(tx, "design_revisions"),
      attachments: await countAll(tx, "design_revision_attachments"),
      comments: await countAll(tx, "design_revision_comments"),
      shares: await countAll(tx, "design_revision_shares"),
    });
    // Besides the rows above, the request for quote between the two (rfqBetween) adds a collection with a
    // style file, a draft revision with a file and a comment, and shares its two approved revisions.
    expect(await withOrg(db, f.brand.org.id, designTables)).toEqual({ collections: [f.brand.org.id], styleFiles: 2, designs: [f.brand.org.id], revisions: [f.brand.org.id], attachments: 2, comments: 2, shares: 3 });
    // The workshop: both style files (a shared design in each collection), not the draft revision's file.
    expect(await withOrg(db, f.workshop.org.id, designTables)).toEqual({ collections: [f.brand.org.id], styleFiles: 2, designs: [f.brand.org.id], revisions: [f.brand.org.id], attachments: 1, comments: 0, shares: 3 });
    expect(await withOrg(db, f.outsider.brand.org.id, designTables)).toEqual({ collections: [], styleFiles: 0, designs: [f.outsider.brand.org.id], revisions: [f.outsider.brand.org.id], attachments: 1, comments: 0, shares: 0 });
    expect(await withOrg(db, unpublished.org.id, designTables)).toEqual({ collections: [], styleFiles: 0, designs: [], revisions: [], attachments: 0, comments: 0, shares: 0 });
  });

  it("old slugs: an organization's own, its members' (withUser), a published workshop's for everyone; never another's", async () => {
    const slugsIn = async (tx: Pick<Db, "execute">) => (await tx.execute<{ slug: string }>(sql`select slug from organization_slug_redirects`)).rows.map((r) => r.slug).sort();
    const brandOld = `old-${f.brand.org.slug}`;
    const publishedOld = `old-${f.workshop.org.slug}`;
    expect(await withOrg(db, f.brand.org.id, slugsIn)).toEqual([brandOld, publishedOld].sort());
    expect(await withOrg(db, f.outsider.brand.org.id, slugsIn)).toEqual([publishedOld]);
    expect(await withUser(db, f.brand.member.id, slugsIn)).toEqual([brandOld, publishedOld].sort());
    expect(await withUser(db, f.loner.id, slugsIn)).toEqual([publishedOld]);
    // The unpublished workshop's old slug stays its own.
    expect(await withPublic(db, slugsIn)).toEqual([publishedOld]);
    expect(await withOrg(db, f.outsider.workshop.org.id, slugsIn)).toEqual([`old-${f.outsider.workshop.org.slug}`, publishedOld].sort());

    const stolen = await failure(() => withOrg(db, f.brand.org.id, (tx) => tx.execute(sql`insert into organization_slug_redirects (slug, org_id) values ('stolen-slug', ${f.workshop.org.id})`)));
    expect(stolen).toBe("42501");
    const touched = await withOrg(db, f.brand.org.id, async (tx) => ({
      deleted: (await tx.execute(sql`delete from organization_slug_redirects where org_id <> ${f.brand.org.id}`)).rowCount,
      moved: (await tx.execute(sql`update organization_slug_redirects set org_id = ${f.brand.org.id} where org_id <> ${f.brand.org.id}`)).rowCount,
    }));
    expect(touched).toEqual({ deleted: 0, moved: 0 });
    expect(await countAll(db, "organization_slug_redirects")).toBe(3);
  });

  it("cannot write another organization's rows: inserts are refused, updates and deletes touch nothing", async () => {
    const other = f.workshop.org.id;
    const refused = await failure(() => withOrg(db, f.brand.org.id, (tx) => tx.execute(sql`insert into notifications (org_id, title, href) values (${other}, 'Spoofed', '/')`)));
    expect(refused).toBe("42501"); // insufficient_privilege: new row violates row-level security policy
    const refusedEvent = await failure(() => withOrg(db, f.brand.org.id, (tx) => tx.execute(sql`insert into events (org_id, action, subject_type) values (${other}, 'x', 'y')`)));
    expect(refusedEvent).toBe("42501");
    const before = { pieces: await countAll(db, "portfolio_pieces"), profiles: (await db.execute(sql`select headline from workshop_profiles order by org_id`)).rows };
    const changed = await withOrg(db, f.brand.org.id, async (tx) => ({
      updated: (await tx.execute(sql`update workshop_profiles set headline = 'Hijacked'`)).rowCount,
      deleted: (await tx.execute(sql`delete from portfolio_pieces`)).rowCount,
      memberships: (await tx.execute(sql`delete from memberships where org_id <> ${f.brand.org.id}`)).rowCount,
    }));
    expect(changed).toEqual({ updated: 0, deleted: 0, memberships: 0 });
    expect({ pieces: await countAll(db, "portfolio_pieces"), profiles: (await db.execute(sql`select headline from workshop_profiles order by org_id`)).rows }).toEqual(before);
  });

  it("a workshop cannot move a shared request to another brand, nor write a timeline entry as the brand", async () => {
    const movedAway = await failure(() => withOrg(db, f.workshop.org.id, (tx) => tx.execute(sql`update sample_requests set brand_org_id = ${f.outsider.brand.org.id}, workshop_org_id = ${f.outsider.workshop.org.id}`)));
    expect(movedAway).toBe("42501");
    const asBrand = await failure(() =>
      withOrg(db, f.workshop.org.id, (tx) => tx.execute(sql`insert into sample_request_updates (sample_request_id, actor_org_id, status, message) select id, brand_org_id, 'requested', 'spoofed' from sample_requests`)),
    );
    expect(asBrand).toBe("42501");
  });

  it("a workshop's closures, own holidays and make-up days are its own; public holidays are read by all, written by none", async () => {
    const calendarRows = async (tx: Pick<Db, "execute">) => ({
      closures: await orgIdsIn(tx, "calendar_closures"),
      changes: await orgIdsIn(tx, "calendar_holiday_changes"),
      workingDays: await orgIdsIn(tx, "calendar_working_days"),
      calendars: await orgIdsIn(tx, "production_calendars"),
    });
    expect(await withOrg(db, f.workshop.org.id, calendarRows)).toEqual({
      closures: [f.workshop.org.id],
      changes: [f.workshop.org.id],
      workingDays: [f.workshop.org.id],
      calendars: [f.workshop.org.id],
    });
    // The brand sent the workshop a request for quote: it reads the workshop's calendar (reads only), to count
    // expected delivery dates in its business days. Another brand sees only a published workshop's weekdays.
    expect(await withOrg(db, f.brand.org.id, calendarRows)).toEqual({ closures: [f.workshop.org.id], changes: [f.workshop.org.id], workingDays: [f.workshop.org.id], calendars: [f.workshop.org.id] });
    expect(await withOrg(db, f.outsider.brand.org.id, calendarRows)).toEqual({ closures: [], changes: [], workingDays: [], calendars: [f.workshop.org.id] });
    expect(await failure(() => withOrg(db, f.brand.org.id, (tx) => tx.execute(sql`insert into calendar_closures (org_id, starts_on, ends_on, label) values (${f.workshop.org.id}, '2027-08-02', '2027-08-06', 'Spoofed')`)))).toBe("42501");
    expect(await withOrg(db, unpublished.org.id, calendarRows)).toEqual({
      closures: [unpublished.org.id],
      changes: [unpublished.org.id],
      workingDays: [unpublished.org.id],
      calendars: [f.workshop.org.id, unpublished.org.id].sort(),
    });
    const holidays = await withPublic(db, (tx) => countAll(tx, "public_holidays"));
    expect(holidays).toBeGreaterThan(1000);
    expect(await failure(() => withOrg(db, f.workshop.org.id, (tx) => tx.execute(sql`insert into public_holidays (country, date, label, source) values ('IT', '2027-03-19', 'Spoofed', 'x')`)))).toBe("42501");
    const touched = await withOrg(db, f.workshop.org.id, async (tx) => ({
      moved: (await tx.execute(sql`update calendar_closures set org_id = ${f.workshop.org.id} where org_id <> ${f.workshop.org.id}`)).rowCount,
      deleted: (await tx.execute(sql`delete from calendar_working_days where org_id <> ${f.workshop.org.id}`)).rowCount,
      relabelled: (await tx.execute(sql`update public_holidays set label = 'Spoofed'`)).rowCount,
    }));
    expect(touched).toEqual({ moved: 0, deleted: 0, relabelled: 0 });
  });

  it("an order's payments are seen by exactly its two parties; a payout account by its workshop and the brands that owe it; Stripe events by their workshop", async () => {
    const rowsOf = async (tx: Pick<Db, "execute">) => ({
      payments: await countAll(tx, "payments"),
      payouts: await orgIdsIn(tx, "payout_accounts"),
      events: await orgIdsIn(tx, "stripe_events"),
    });
    expect(await withOrg(db, f.brand.org.id, rowsOf)).toEqual({ payments: 2, payouts: [f.workshop.org.id], events: [] });
    expect(await withOrg(db, f.workshop.org.id, rowsOf)).toEqual({ payments: 2, payouts: [f.workshop.org.id], events: [f.workshop.org.id] });
    expect(await withOrg(db, f.outsider.brand.org.id, rowsOf)).toEqual({ payments: 0, payouts: [], events: [] });
    expect(await withOrg(db, unpublished.org.id, rowsOf)).toEqual({ payments: 0, payouts: [unpublished.org.id], events: [] });
    // Nobody outside changes them; a party cannot change what a payment is, nor make one for another pair.
    const outside = await withOrg(db, f.outsider.brand.org.id, async (tx) => ({
      payments: (await tx.execute(sql`update payments set status = 'paid'`)).rowCount,
      payouts: (await tx.execute(sql`update payout_accounts set bank_iban = 'XX'`)).rowCount,
      events: (await tx.execute(sql`delete from stripe_events`)).rowCount,
    }));
    expect(outside).toEqual({ payments: 0, payouts: 0, events: 0 });
    expect(await withOrg(db, f.brand.org.id, async (tx) => (await tx.execute(sql`update payout_accounts set bank_iban = 'XX'`)).rowCount)).toBe(0);
    expect(await failure(() => withOrg(db, f.brand.org.id, (tx) => tx.execute(sql`update payments set amount_minor = 1`)))).toBe("42501");
    expect(await failure(() => withOrg(db, f.workshop.org.id, (tx) => tx.execute(sql`update payments set brand_org_id = ${f.outsider.brand.org.id}`)))).toBe("42501");
    const [order] = (await db.execute<{ id: string }>(sql`select id from orders where brand_org_id = ${f.brand.org.id} limit 1`)).rows;
    expect(
      await failure(() =>
        withOrg(db, f.outsider.brand.org.id, (tx) =>
          tx.execute(sql`insert into payments (brand_org_id, workshop_org_id, order_id, kind, amount_minor, currency) values (${f.outsider.brand.org.id}, ${f.workshop.org.id}, ${order!.id}, 'sample_fee', 100, 'EUR')`),
        ),
      ),
    ).toBe("42501");
    // The workshop may move its order's status, and nothing else of the order; the brand only cancels (with
    // its reason and time) or closes; another organization reaches neither.
    expect(await failure(() => withOrg(db, f.workshop.org.id, (tx) => tx.execute(sql`update orders set total_minor = 1, pieces_total_minor = 1, fees_total_minor = 0, deposit_minor = 0, balance_minor = 1`)))).toBe("42501");
    expect(await failure(() => withOrg(db, f.brand.org.id, (tx) => tx.execute(sql`update orders set status = 'in_production'`)))).toBe("42501");
    expect(await failure(() => withOrg(db, f.brand.org.id, (tx) => tx.execute(sql`update orders set quote_notes = 'x'`)))).toBe("42501");
    expect(await failure(() => withOrg(db, f.brand.org.id, (tx) => tx.execute(sql`update orders set status = 'cancelled'`)))).toBe("23514");
    expect(await withOrg(db, f.outsider.brand.org.id, async (tx) => (await tx.execute(sql`update orders set status = 'cancelled', cancel_reason = 'x', cancelled_at = now()`)).rowCount)).toBe(0);
    // The owner (migrations, the demo seed placing orders on past days) may correct the rest.
    expect(await failure(() => db.execute(sql`update orders set created_at = created_at - interval '1 day' where id = ${order!.id}`))).toBeNull();
  });

  it("an order's plan, milestones, updates and photos are seen by exactly its two parties; a plan template only by its workshop", async () => {
    const rowsOf = async (tx: Pick<Db, "execute">) => ({
      plans: await countAll(tx, "order_plans"),
      milestones: await countAll(tx, "order_milestones"),
      updates: await countAll(tx, "order_milestone_updates"),
      photos: await orgIdsIn(tx, "order_milestone_photos"),
      photoFiles: (await tx.execute<{ n: number }>(sql`select count(*)::int as n from files where purpose = 'milestone_photo'`)).rows[0]!.n,
      templates: await orgIdsIn(tx, "plan_template_steps"),
    });
    const party = { plans: 1, milestones: 10, updates: 1, photos: [f.workshop.org.id], photoFiles: 1 };
    expect(await withOrg(db, f.brand.org.id, rowsOf)).toEqual({ ...party, templates: [] });
    expect(await withOrg(db, f.workshop.org.id, rowsOf)).toEqual({ ...party, templates: [] });
    expect(await withOrg(db, f.outsider.brand.org.id, rowsOf)).toEqual({ plans: 0, milestones: 0, updates: 0, photos: [], photoFiles: 0, templates: [] });
    expect(await withOrg(db, unpublished.org.id, rowsOf)).toEqual({ plans: 0, milestones: 0, updates: 0, photos: [], photoFiles: 0, templates: [unpublished.org.id] });
    // Nobody outside moves or deletes them; a party cannot hand a row to another pair, nor delete a milestone.
    const outside = await withOrg(db, f.outsider.brand.org.id, async (tx) => ({
      plans: (await tx.execute(sql`update order_plans set at_risk = true`)).rowCount,
      milestones: (await tx.execute(sql`update order_milestones set status = 'completed'`)).rowCount,
      templates: (await tx.execute(sql`delete from plan_template_steps`)).rowCount,
    }));
    expect(outside).toEqual({ plans: 0, milestones: 0, templates: 0 });
    expect(await withOrg(db, f.workshop.org.id, async (tx) => (await tx.execute(sql`delete from order_milestones`)).rowCount)).toBe(0);
    expect(await failure(() => withOrg(db, f.workshop.org.id, (tx) => tx.execute(sql`update order_milestones set brand_org_id = ${f.outsider.brand.org.id}`)))).toBe("42501");
    // A brand cannot write an update in the workshop's name.
    const [m] = (await db.execute<{ id: string; order_id: string }>(sql`select id, order_id from order_milestones order by position limit 1`)).rows;
    expect(
      await failure(() =>
        withOrg(db, f.brand.org.id, (tx) =>
          tx.execute(sql`insert into order_milestone_updates (milestone_id, order_id, brand_org_id, workshop_org_id, author_org_id, action, from_status, to_status, happened_on)
            values (${m!.id}, ${m!.order_id}, ${f.brand.org.id}, ${f.workshop.org.id}, ${f.workshop.org.id}, 'complete', 'pending', 'completed', current_date)`),
        ),
      ),
    ).toBe("42501");
  });

  it("a review is read by its two parties and, while published on a published profile, by everyone; only its workshop answers, once, and nobody rewrites it", async () => {
    const reviews = (tx: Pick<Db, "execute">) => countAll(tx, "order_reviews");
    expect({
      brand: await withOrg(db, f.brand.org.id, reviews),
      workshop: await withOrg(db, f.workshop.org.id, reviews),
      otherBrand: await withOrg(db, f.outsider.brand.org.id, reviews),
      public: await withPublic(db, reviews),
    }).toEqual({ brand: 1, workshop: 1, otherBrand: 1, public: 1 });
    // Held back (not published): its parties only.
    await db.execute(sql`update order_reviews set published_at = null`);
    expect({ brand: await withOrg(db, f.brand.org.id, reviews), otherBrand: await withOrg(db, f.outsider.brand.org.id, reviews), public: await withPublic(db, reviews) }).toEqual({
      brand: 1,
      otherBrand: 0,
      public: 0,
    });
    await db.execute(sql`update order_reviews set published_at = now()`);
    const [o] = (await db.execute<{ order_id: string }>(sql`select order_id from order_reviews`)).rows;
    // Another brand cannot review the order in its own name, nor in the brand's.
    for (const brandOrgId of [f.outsider.brand.org.id, f.brand.org.id]) {
      expect(
        await failure(() =>
          withOrg(db, f.outsider.brand.org.id, (tx) =>
            tx.execute(sql`insert into order_reviews (order_id, brand_org_id, workshop_org_id, brand_name, quality, communication, timeliness, body)
              values (${o!.order_id}, ${brandOrgId}, ${f.workshop.org.id}, 'Spoof', 1, 1, 1, 'Spoofed review text.')`),
          ),
        ),
      ).toBe("42501");
    }
    // The brand does not edit it after the fact; the workshop cannot change what the brand wrote.
    expect(await withOrg(db, f.brand.org.id, async (tx) => (await tx.execute(sql`update order_reviews set quality = 1`)).rowCount)).toBe(0);
    expect(await withOrg(db, f.outsider.workshop.org.id, async (tx) => (await tx.execute(sql`update order_reviews set answer = 'x', answered_at = now()`)).rowCount)).toBe(0);
    expect(await failure(() => withOrg(db, f.workshop.org.id, (tx) => tx.execute(sql`update order_reviews set quality = 5, communication = 5, timeliness = 5`)))).toBe("42501");
    expect(await withOrg(db, f.workshop.org.id, async (tx) => (await tx.execute(sql`update order_reviews set answer = 'Thank you', answered_at = now()`)).rowCount)).toBe(1);
    expect(await failure(() => withOrg(db, f.workshop.org.id, (tx) => tx.execute(sql`update order_reviews set answer = 'Changed my mind'`)))).toBe("42501");
    expect(await withOrg(db, f.workshop.org.id, async (tx) => (await tx.execute(sql`delete from order_reviews`)).rowCount)).toBe(0);
  });

  it("preorders: the brand sees its campaign and customers; the workshop the campaign and quantities, never customers; the public the published campaign; another brand nothing", async () => {
    const rowsOf = async (tx: Pick<Db, "execute">) => ({
      campaigns: (await tx.execute<{ id: string }>(sql`select id from preorder_campaigns order by id`)).rows.map((r) => r.id),
      sizes: await countAll(tx, "preorder_campaign_sizes"),
      images: await countAll(tx, "preorder_campaign_images"),
      reservations: await countAll(tx, "preorder_reservations"),
      views: await countAll(tx, "preorder_page_views"),
    });
    expect(await withOrg(db, f.brand.org.id, rowsOf)).toEqual({ campaigns: [campaign.id], sizes: 5, images: 1, reservations: 1, views: 1 });
    expect(await withOrg(db, f.workshop.org.id, rowsOf)).toEqual({ campaigns: [campaign.id], sizes: 5, images: 1, reservations: 0, views: 0 });
    expect(await withPublic(db, rowsOf)).toEqual({ campaigns: [campaign.id], sizes: 5, images: 1, reservations: 0, views: 0 });
    expect(await withOrg(db, f.outsider.brand.org.id, rowsOf)).toEqual({ campaigns: [draft.id], sizes: 5, images: 0, reservations: 0, views: 0 });
    expect(await withOrg(db, unpublished.org.id, rowsOf)).toEqual({ campaigns: [], sizes: 0, images: 0, reservations: 0, views: 0 });
    // Nobody but the brand writes a campaign or a reservation; the workshop changes its consent only.
    expect(await failure(() => withOrg(db, f.workshop.org.id, (tx) => tx.execute(sql`update preorder_campaigns set title = 'Hijacked'`)))).toBe(null);
    expect((await db.execute<{ title: string }>(sql`select title from preorder_campaigns where id = ${campaign.id}`)).rows[0]!.title).toBe(campaign.title);
    await db.execute(sql`update preorder_campaigns set artisans_consent = 'requested' where id = ${campaign.id}`);
    expect(await failure(() => withOrg(db, f.workshop.org.id, (tx) => tx.execute(sql`update preorder_campaigns set title = 'Hijacked'`)))).toBe("42501");
    expect(await withOrg(db, f.workshop.org.id, async (tx) => (await tx.execute(sql`update preorder_campaigns set artisans_consent = 'granted', artisans_consent_at = now()`)).rowCount)).toBe(1);
    const outside = await withOrg(db, f.outsider.brand.org.id, async (tx) => ({
      campaigns: (await tx.execute(sql`update preorder_campaigns set held_units = 0 where id = ${campaign.id}`)).rowCount,
      reservations: (await tx.execute(sql`delete from preorder_reservations`)).rowCount,
    }));
    expect(outside).toEqual({ campaigns: 0, reservations: 0 });
    expect(
      await failure(() =>
        withPublic(db, (tx) =>
          tx.execute(sql`insert into preorder_reservations (campaign_id, brand_org_id, reference, customer_name, customer_email, size, quantity, unit_price_minor, currency, total_minor, amount_due_minor, hold_expires_at, token_hash)
            values (${campaign.id}, ${f.brand.org.id}, 'R-SPOOF', 'x', 'x@example.test', '7', 1, 1, 'EUR', 1, 1, now(), 'spoof')`),
        ),
      ),
    ).toBe("42501");
    // The cap is a check no write can pass, the owner's included.
    expect(await failure(() => db.execute(sql`update preorder_campaigns set held_units = total_cap + 1 - paid_units where id = ${campaign.id}`))).toBe("23514");
    expect(await failure(() => db.execute(sql`update preorder_campaign_sizes set cap = 1 where campaign_id = ${campaign.id} and size = '7'`))).toBe("23514");
  });

  it("the directory and a published profile still serve signed out, through the app's connection", async () => {
    const anon = callerFor(db, null);
    const found = await anon.directory.search({ q: "", page: 1 });
    expect(found.items.map((i) => i.slug)).toEqual([f.workshop.org.slug]);
    const profile = await anon.workshopProfile.public({ slug: f.workshop.org.slug });
    expect(profile.portfolio.map((p) => p.title)).toEqual(["Signet ring"]);
    await expect(anon.workshopProfile.public({ slug: unpublished.org.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

const onPostgres = !!process.env.DATABASE_URL;

describe("migrations", () => {
  it.skipIf(!onPostgres)("[PostgreSQL only: needs a server with several databases] run again on a second database of the same cluster, roles and all", async () => {
    const url = process.env.DATABASE_URL!;
    const name = `bezel_second_${crypto.randomUUID().replace(/-/g, "").slice(0, 12)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    try {
      const second = await openScriptDb({ url: withDatabase(url, name) });
      try {
        await second.migrate();
        const { rows } = await second.db.execute<{ n: number }>(sql`select count(*)::int as n from pg_policies where schemaname = 'public'`);
        expect(rows[0]!.n).toBeGreaterThanOrEqual(25);
        const app = second.appDb();
        const { rows: who } = await app.execute<{ role: string }>(sql`select current_user as role`);
        expect(who[0]!.role).toBe("bezel_app");
      } finally {
        await second.close();
      }
    } finally {
      await admin.query(`drop database if exists ${name}`);
      await admin.end();
    }
  });
});
