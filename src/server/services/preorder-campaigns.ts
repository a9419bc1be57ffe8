import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Db, Queryable, Tx } from "../db/client";
import { withOrg } from "../db/tenant";
import { designRevisions, designs, organizations, payoutAccounts, preorderCampaignSizes, preorderCampaigns, type PreorderCampaign, type PreorderCampaignSize } from "../db/schema";
import { AppError } from "../errors";
import type { DesignSpec } from "~/lib/design-spec";
import { formatMoney } from "~/lib/money";
import type { CampaignFields, CreateCampaignInput, UpdateCampaignInput } from "~/lib/preorder-schemas";
import type { ArtisanConsentState } from "~/lib/preorder-vocabulary";
import { appUrl } from "./email";
import { recordEvent } from "./events";
import type { Actor } from "./members";
import { requestArtisansConsent } from "./preorder-consent";

/**
 * A brand's preorder campaigns: drafts made from an approved design revision, edited freely until
 * published; once published, only what does not change what customers reserved (the story, the return
 * policy, a later close, caps no lower than what is already held and paid). The database freezes the
 * price and payment terms of a published campaign as well (trigger `preorder_campaigns_fixed`).
 */

export const campaignNotFound = () => new AppError("NOT_FOUND", "That campaign was not found.");

export const brandCampaignHref = (brandSlug: string, campaignId: string) => `/brand/${brandSlug}/preorders/${campaignId}`;
export const workshopCampaignsHref = (workshopSlug: string) => `/workshop/${workshopSlug}/preorders`;
/** The customers' page. */
export const publicCampaignPath = (brandSlug: string, slug: string) => `/p/${brandSlug}/${slug}`;

/** The sizes a revision offers: its size run, or one size ("") for a piece without one. */
export function sizesOfSpec(spec: DesignSpec): string[] {
  return spec.sizeRun && spec.sizeRun.sizes.length > 0 ? spec.sizeRun.sizes : [""];
}

export const sizeLabel = (size: string) => (size === "" ? "One size" : size);

/** The campaign, locked for the change, if it is this brand's. */
export async function lockCampaign(tx: Tx, brandOrgId: string, campaignId: string): Promise<PreorderCampaign> {
  const [c] = await tx
    .select()
    .from(preorderCampaigns)
    .where(and(eq(preorderCampaigns.id, campaignId), eq(preorderCampaigns.brandOrgId, brandOrgId)))
    .for("update");
  if (!c) throw campaignNotFound();
  return c;
}

export async function sizesOf(tx: Queryable, brandOrgId: string, campaignId: string, opts: { lock?: boolean } = {}): Promise<PreorderCampaignSize[]> {
  const q = tx
    .select()
    .from(preorderCampaignSizes)
    .where(and(eq(preorderCampaignSizes.campaignId, campaignId), eq(preorderCampaignSizes.brandOrgId, brandOrgId)))
    .orderBy(asc(preorderCampaignSizes.position));
  return opts.lock ? q.for("update") : q;
}

/** An approved revision of one of the brand's designs, with what the campaign needs of it. */
export async function approvedRevision(tx: Queryable, brandOrgId: string, revisionId: string) {
  const [r] = await tx
    .select({ id: designRevisions.id, designId: designRevisions.designId, number: designRevisions.number, spec: designRevisions.spec, name: designs.name, sku: designs.sku })
    .from(designRevisions)
    .innerJoin(designs, and(eq(designs.id, designRevisions.designId), eq(designs.orgId, brandOrgId)))
    .where(and(eq(designRevisions.id, revisionId), eq(designRevisions.orgId, brandOrgId), eq(designRevisions.status, "approved")));
  if (!r) throw new AppError("NOT_FOUND", "Choose an approved revision of one of your designs.", "designRevisionId");
  return { ...r, sizes: sizesOfSpec(r.spec) };
}

/**
 * The workshops a campaign may name: those the brand has shortlisted, asked for a quote or ordered from.
 * Their names are readable to the brand through those relations.
 */
export async function workshopChoices(tx: Queryable, brandOrgId: string): Promise<{ id: string; name: string }[]> {
  const { rows } = await tx.execute<{ id: string; name: string }>(sql`
    select o.id, o.name from organizations o
    where o.kind = 'workshop' and (
      exists (select 1 from shortlist_entries s where s.brand_org_id = ${brandOrgId} and s.workshop_org_id = o.id)
      or exists (select 1 from rfq_invitations i where i.brand_org_id = ${brandOrgId} and i.workshop_org_id = o.id)
      or exists (select 1 from orders r where r.brand_org_id = ${brandOrgId} and r.workshop_org_id = o.id))
    order by o.name`);
  return rows.map((r) => ({ id: r.id, name: r.name }));
}

async function assertWorkshop(tx: Queryable, brandOrgId: string, workshopOrgId: string | null | undefined) {
  if (!workshopOrgId) return null;
  const found = (await workshopChoices(tx, brandOrgId)).find((w) => w.id === workshopOrgId);
  if (!found) throw new AppError("BAD_REQUEST", "Choose a workshop you have shortlisted, asked for a quote or ordered from.", "workshopOrgId");
  return found;
}

function assertSizes(offered: { size: string }[], run: string[]) {
  const bad = offered.find((s) => !run.includes(s.size));
  if (bad) {
    const list = run.length === 1 && run[0] === "" ? "one size only" : run.join(", ");
    throw new AppError("BAD_REQUEST", `Size ${bad.size || "“one size”"} is not in the revision's size run (${list}).`, "sizes");
  }
}

/** A unique-index violation on the brand's campaign addresses, from PostgreSQL or PGlite. */
function isSlugTaken(err: unknown): boolean {
  for (let e: unknown = err; e instanceof Error; e = (e as Error & { cause?: unknown }).cause) {
    const pgErr = e as Error & { code?: string; constraint?: string };
    if (pgErr.code === "23505" && (pgErr.constraint === "preorder_campaigns_brand_slug_key" || pgErr.message.includes("preorder_campaigns_brand_slug_key"))) return true;
  }
  return false;
}

const slugTaken = (slug: string) => new AppError("CONFLICT", `Another campaign of yours already uses the address “${slug}”. Choose another.`, "slug");

async function assertSlugFree(tx: Queryable, brandOrgId: string, slug: string, exceptId?: string) {
  const rows = await tx
    .select({ id: preorderCampaigns.id })
    .from(preorderCampaigns)
    .where(and(eq(preorderCampaigns.brandOrgId, brandOrgId), eq(preorderCampaigns.slug, slug)));
  if (rows.some((r) => r.id !== exceptId)) throw slugTaken(slug);
}

async function brandOf(tx: Queryable, brandOrgId: string) {
  const [b] = await tx.select({ name: organizations.name, slug: organizations.slug }).from(organizations).where(eq(organizations.id, brandOrgId));
  if (!b) throw new Error(`brand ${brandOrgId} not found`);
  return b;
}

/** Runs a change, turning the race of two campaigns taking the same address at once into the field's message. */
async function guardSlug<T>(slug: string | undefined, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (slug && isSlugTaken(err)) throw slugTaken(slug);
    throw err;
  }
}

export async function createCampaign(db: Db, actor: Actor, input: CreateCampaignInput) {
  return guardSlug(input.slug, () =>
    withOrg(db, actor.orgId, async (tx) => {
      const revision = await approvedRevision(tx, actor.orgId, input.designRevisionId);
      assertSizes(input.sizes, revision.sizes);
      const workshop = await assertWorkshop(tx, actor.orgId, input.workshopOrgId);
      await assertSlugFree(tx, actor.orgId, input.slug);
      const [c] = await tx
        .insert(preorderCampaigns)
        .values({
          brandOrgId: actor.orgId,
          designId: revision.designId,
          designRevisionId: revision.id,
          workshopOrgId: workshop?.id ?? null,
          slug: input.slug,
          title: input.title,
          story: input.story,
          currency: input.retailPrice.currency,
          retailPriceMinor: input.retailPrice.amountMinor,
          paymentMode: input.paymentMode,
          depositPercent: input.paymentMode === "full" ? 100 : input.depositPercent,
          totalCap: input.totalCap,
          opensAt: input.opensAt,
          closesAt: input.closesAt,
          holdMinutes: input.holdMinutes,
          returnPolicy: input.returnPolicy,
          cancelWithinDays: input.cancelWithinDays,
          expectedDeliveryOn: input.expectedDeliveryOn,
          showArtisans: input.showArtisans,
          createdById: actor.userId,
        })
        .returning();
      if (!c) throw new Error("insert returned no row");
      await writeSizes(tx, c, input.sizes, revision.sizes);
      await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "preorder_campaign.created", subjectType: "preorder_campaign", subjectId: c.id, data: { title: c.title } });
      if (c.showArtisans && c.workshopOrgId) return requestArtisansConsent(tx, actor, c);
      return c;
    }),
  );
}

/** Sizes in the order of the revision's run. */
async function writeSizes(tx: Tx, c: PreorderCampaign, sizes: { size: string; cap: number | null }[], run: string[]) {
  await tx.delete(preorderCampaignSizes).where(and(eq(preorderCampaignSizes.campaignId, c.id), eq(preorderCampaignSizes.brandOrgId, c.brandOrgId)));
  const ordered = [...sizes].sort((a, b) => run.indexOf(a.size) - run.indexOf(b.size));
  await tx.insert(preorderCampaignSizes).values(ordered.map((s, position) => ({ campaignId: c.id, brandOrgId: c.brandOrgId, size: s.size, position, cap: s.cap })));
}

/** Fields a published campaign keeps as they were, with the words its refusal uses. */
export const FROZEN_WHEN_PUBLISHED = {
  title: "The title",
  slug: "The web address",
  retailPrice: "The price",
  paymentMode: "The payment",
  depositPercent: "The deposit",
  opensAt: "The opening of the window",
  holdMinutes: "The hold",
  expectedDeliveryOn: "The expected delivery",
  workshopOrgId: "The workshop",
} as const satisfies Partial<Record<keyof CampaignFields, string>>;

function sameValue(c: PreorderCampaign, field: keyof typeof FROZEN_WHEN_PUBLISHED, input: UpdateCampaignInput): boolean {
  switch (field) {
    case "retailPrice":
      return input.retailPrice!.amountMinor === c.retailPriceMinor && input.retailPrice!.currency === c.currency;
    case "depositPercent":
      return input.depositPercent === c.depositPercent || (c.paymentMode === "full" && input.paymentMode !== "deposit");
    case "opensAt":
      return input.opensAt!.getTime() === c.opensAt.getTime();
    default:
      return input[field] === c[field];
  }
}

/** What a published campaign's edit may change, checked field by field against what is sold. */
function checkPublishedEdit(c: PreorderCampaign, sizes: PreorderCampaignSize[], input: UpdateCampaignInput) {
  for (const field of Object.keys(FROZEN_WHEN_PUBLISHED) as (keyof typeof FROZEN_WHEN_PUBLISHED)[]) {
    if (input[field] !== undefined && !sameValue(c, field, input)) {
      throw new AppError("BAD_REQUEST", `${FROZEN_WHEN_PUBLISHED[field]} can't change once the campaign is published.`, field);
    }
  }
  if (input.closesAt && input.closesAt.getTime() < c.closesAt.getTime()) {
    throw new AppError("BAD_REQUEST", "Once published, the window can only be extended: choose a later close.", "closesAt");
  }
  if (input.cancelWithinDays !== undefined && input.cancelWithinDays < c.cancelWithinDays) {
    throw new AppError("BAD_REQUEST", `Customers reserved with ${c.cancelWithinDays} days to cancel; the period can only get longer.`, "cancelWithinDays");
  }
  if (input.sizes) {
    const before = sizes.map((s) => s.size).sort();
    const after = input.sizes.map((s) => s.size).sort();
    if (before.join("\u0000") !== after.join("\u0000")) throw new AppError("BAD_REQUEST", "The sizes offered can't change once the campaign is published; only their caps.", "sizes");
  }
}

/** Caps are never below what is already held and paid, before and after publishing. */
function checkCaps(c: PreorderCampaign, sizes: PreorderCampaignSize[], input: UpdateCampaignInput) {
  const taken = c.heldUnits + c.paidUnits;
  if (input.totalCap !== undefined && input.totalCap < taken) {
    throw new AppError("BAD_REQUEST", `${taken} ${taken === 1 ? "unit is" : "units are"} already held or paid; the total cap can't be lower.`, "totalCap");
  }
  const totalCap = input.totalCap ?? c.totalCap;
  for (const s of input.sizes ?? sizes.map((x) => ({ size: x.size, cap: x.cap }))) {
    const row = sizes.find((x) => x.size === s.size);
    const sold = row ? row.heldUnits + row.paidUnits : 0;
    if (s.cap !== null && s.cap < sold) {
      throw new AppError("BAD_REQUEST", `${sold} ${sold === 1 ? "unit" : "units"} of size ${sizeLabel(s.size)} ${sold === 1 ? "is" : "are"} already held or paid; its cap can't be lower.`, "sizes");
    }
    if (s.cap !== null && s.cap > totalCap) throw new AppError("BAD_REQUEST", `The cap of size ${sizeLabel(s.size)} is above the total cap.`, "sizes");
  }
}

const CHANGE_LABELS: Record<string, string> = { retailPrice: "price", opensAt: "window", closesAt: "window", totalCap: "caps", sizes: "sizes", workshopOrgId: "workshop", showArtisans: "artisans", returnPolicy: "return policy", cancelWithinDays: "return policy", expectedDeliveryOn: "delivery", depositPercent: "payment", paymentMode: "payment", holdMinutes: "hold" };

export async function updateCampaign(db: Db, actor: Actor, input: UpdateCampaignInput, now = new Date()) {
  return guardSlug(input.slug, () =>
    withOrg(db, actor.orgId, async (tx) => {
      const c = await lockCampaign(tx, actor.orgId, input.campaignId);
      if (c.status === "cancelled" || c.status === "completed") throw new AppError("BAD_REQUEST", `A ${c.status} campaign can't be edited.`);
      const sizes = await sizesOf(tx, actor.orgId, c.id, { lock: true });
      const published = c.status !== "draft";
      if (published) checkPublishedEdit(c, sizes, input);
      checkCaps(c, sizes, input);
      const run = (await approvedRevision(tx, actor.orgId, c.designRevisionId)).sizes;
      if (input.sizes) assertSizes(input.sizes, run);
      // The rules between fields, with the stored values where the edit leaves one out.
      const opensAt = input.opensAt ?? c.opensAt;
      const closesAt = input.closesAt ?? c.closesAt;
      if (closesAt.getTime() <= opensAt.getTime()) throw new AppError("BAD_REQUEST", "The window closes after it opens.", "closesAt");
      const expected = input.expectedDeliveryOn ?? c.expectedDeliveryOn;
      if (expected <= closesAt.toISOString().slice(0, 10)) throw new AppError("BAD_REQUEST", "The expected delivery comes after the window closes.", "expectedDeliveryOn");
      const paymentMode = input.paymentMode ?? c.paymentMode;
      const depositPercent = paymentMode === "full" ? 100 : (input.depositPercent ?? c.depositPercent);
      if (paymentMode === "deposit" && depositPercent === 100) throw new AppError("BAD_REQUEST", "A deposit is less than 100 %; choose full payment instead.", "depositPercent");
      const workshopChanged = input.workshopOrgId !== undefined && input.workshopOrgId !== c.workshopOrgId;
      if (workshopChanged) await assertWorkshop(tx, actor.orgId, input.workshopOrgId);
      if (input.slug !== undefined && input.slug !== c.slug) await assertSlugFree(tx, actor.orgId, input.slug, c.id);

      const showArtisans = input.showArtisans ?? c.showArtisans;
      const workshopOrgId = input.workshopOrgId === undefined ? c.workshopOrgId : input.workshopOrgId;
      // Another workshop is asked afresh; the same one keeps its answer unless showing is switched back on after a refusal.
      let consent: ArtisanConsentState = workshopChanged ? "not_requested" : c.artisansConsent;
      const askAgain = showArtisans && workshopOrgId !== null && (consent === "not_requested" || (consent === "declined" && !c.showArtisans));
      if (askAgain) consent = "not_requested";

      const [updated] = await tx
        .update(preorderCampaigns)
        .set({
          title: input.title,
          slug: input.slug,
          story: input.story,
          currency: input.retailPrice?.currency,
          retailPriceMinor: input.retailPrice?.amountMinor,
          paymentMode: input.paymentMode,
          depositPercent: published ? undefined : depositPercent,
          totalCap: input.totalCap,
          opensAt: input.opensAt,
          closesAt: input.closesAt,
          holdMinutes: input.holdMinutes,
          returnPolicy: input.returnPolicy,
          cancelWithinDays: input.cancelWithinDays,
          expectedDeliveryOn: input.expectedDeliveryOn,
          workshopOrgId: input.workshopOrgId,
          showArtisans: input.showArtisans,
          artisansConsent: consent,
          artisansConsentAt: consent === c.artisansConsent ? undefined : null,
          updatedAt: now,
        })
        .where(and(eq(preorderCampaigns.id, c.id), eq(preorderCampaigns.brandOrgId, actor.orgId)))
        .returning();
      if (!updated) throw campaignNotFound();
      if (input.sizes) {
        if (published) {
          for (const s of input.sizes) {
            await tx
              .update(preorderCampaignSizes)
              .set({ cap: s.cap })
              .where(and(eq(preorderCampaignSizes.campaignId, c.id), eq(preorderCampaignSizes.brandOrgId, actor.orgId), eq(preorderCampaignSizes.size, s.size)));
          }
        } else await writeSizes(tx, updated, input.sizes, run);
      }
      const changed = [...new Set(Object.keys(input).filter((k) => k !== "campaignId").map((k) => CHANGE_LABELS[k] ?? k))];
      await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "preorder_campaign.updated", subjectType: "preorder_campaign", subjectId: c.id, data: { title: updated.title, changed } });
      if (askAgain) return requestArtisansConsent(tx, actor, updated);
      return updated;
    }),
  );
}

/** Whether the brand's Stripe account takes card payments (customers pay by card only). */
async function payoutsReady(tx: Queryable, brandOrgId: string): Promise<boolean> {
  const [row] = await tx.select({ status: payoutAccounts.onboardingStatus, account: payoutAccounts.stripeAccountId }).from(payoutAccounts).where(eq(payoutAccounts.orgId, brandOrgId));
  return row?.status === "ready" && !!row.account;
}

export const PAYOUTS_NOT_READY = "Customers pay by card, to your own Stripe account: connect it in Settings → Payouts before publishing.";

/**
 * Publishes a draft: its window still to come or open, its caps sound, and the brand's Stripe account ready
 * for card payments (the message points to the payout settings, field `payouts`).
 */
export async function publishCampaign(db: Db, actor: Actor, input: { campaignId: string }, now = new Date()) {
  return withOrg(db, actor.orgId, async (tx) => {
    const c = await lockCampaign(tx, actor.orgId, input.campaignId);
    if (c.status !== "draft") throw new AppError("CONFLICT", "This campaign is already published.");
    if (c.closesAt.getTime() <= now.getTime()) throw new AppError("BAD_REQUEST", "The window has already closed: choose a later close, then publish.", "closesAt");
    const sizes = await sizesOf(tx, actor.orgId, c.id);
    if (sizes.length === 0) throw new AppError("BAD_REQUEST", "Offer at least one size.", "sizes");
    const over = sizes.find((s) => s.cap !== null && s.cap > c.totalCap);
    if (over) throw new AppError("BAD_REQUEST", `The cap of size ${sizeLabel(over.size)} is above the total cap.`, "sizes");
    if (!(await payoutsReady(tx, actor.orgId))) throw new AppError("BAD_REQUEST", PAYOUTS_NOT_READY, "payouts");
    const [published] = await tx
      .update(preorderCampaigns)
      .set({ status: "published", publishedAt: now, updatedAt: now })
      .where(and(eq(preorderCampaigns.id, c.id), eq(preorderCampaigns.brandOrgId, actor.orgId)))
      .returning();
    await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "preorder_campaign.published", subjectType: "preorder_campaign", subjectId: c.id, data: { title: c.title } });
    const brand = await brandOf(tx, actor.orgId);
    return { ...published!, publicUrl: appUrl(publicCampaignPath(brand.slug, c.slug)) };
  });
}

/** Deletes a draft (its sizes and images go with it; the image files are swept as attached to nothing). */
export async function deleteCampaign(db: Db, actor: Actor, input: { campaignId: string }) {
  return withOrg(db, actor.orgId, async (tx) => {
    const c = await lockCampaign(tx, actor.orgId, input.campaignId);
    if (c.status !== "draft") throw new AppError("BAD_REQUEST", "Only a draft can be deleted; a published campaign is cancelled instead.");
    await tx.delete(preorderCampaigns).where(and(eq(preorderCampaigns.id, c.id), eq(preorderCampaigns.brandOrgId, actor.orgId)));
    await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "preorder_campaign.deleted", subjectType: "preorder_campaign", subjectId: c.id, data: { title: c.title } });
    return { id: c.id };
  });
}

/** The brand's campaigns, newest first, with "x of y reserved". */
export async function listCampaigns(db: Db, brandOrgId: string) {
  return withOrg(db, brandOrgId, async (tx) => {
    const rows = await tx
      .select({
        id: preorderCampaigns.id,
        title: preorderCampaigns.title,
        slug: preorderCampaigns.slug,
        status: preorderCampaigns.status,
        opensAt: preorderCampaigns.opensAt,
        closesAt: preorderCampaigns.closesAt,
        totalCap: preorderCampaigns.totalCap,
        heldUnits: preorderCampaigns.heldUnits,
        paidUnits: preorderCampaigns.paidUnits,
        retailPriceMinor: preorderCampaigns.retailPriceMinor,
        currency: preorderCampaigns.currency,
        designName: designs.name,
        sku: designs.sku,
      })
      .from(preorderCampaigns)
      .innerJoin(designs, and(eq(designs.id, preorderCampaigns.designId), eq(designs.orgId, brandOrgId)))
      .where(eq(preorderCampaigns.brandOrgId, brandOrgId))
      .orderBy(desc(preorderCampaigns.createdAt));
    return rows.map((r) => ({ ...r, reserved: r.heldUnits + r.paidUnits, price: formatMoney({ amountMinor: r.retailPriceMinor, currency: r.currency }) }));
  });
}

/** What the new-campaign form offers: approved revisions (latest first) with their sizes, and the workshops the brand knows. */
export async function campaignFormOptions(db: Db, brandOrgId: string) {
  return withOrg(db, brandOrgId, async (tx) => {
    const rows = await tx
      .select({ id: designRevisions.id, number: designRevisions.number, spec: designRevisions.spec, designName: designs.name, sku: designs.sku, approvedAt: designRevisions.approvedAt })
      .from(designRevisions)
      .innerJoin(designs, and(eq(designs.id, designRevisions.designId), eq(designs.orgId, brandOrgId)))
      .where(and(eq(designRevisions.orgId, brandOrgId), eq(designRevisions.status, "approved")))
      .orderBy(asc(designs.name), desc(designRevisions.number));
    const [org] = await tx.select({ currency: organizations.currency }).from(organizations).where(eq(organizations.id, brandOrgId));
    return {
      revisions: rows.map((r) => ({ id: r.id, number: r.number, designName: r.designName, sku: r.sku, sizes: sizesOfSpec(r.spec) })),
      workshops: await workshopChoices(tx, brandOrgId),
      currency: org?.currency ?? "EUR",
      payoutsReady: await payoutsReady(tx, brandOrgId),
    };
  });
}
