import { createHash, randomBytes } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { stripeAmountOf } from "~/lib/money";
import { reserveInputSchema, type ReserveInput } from "~/lib/preorder-public-schemas";
import type { PreorderReservationStatus } from "~/lib/preorder-vocabulary";
import { platformFeeOf } from "~/lib/pricing";
import type { Db, Tx } from "../db/client";
import { organizations, payoutAccounts, preorderCampaigns, preorderReservations, type PreorderCampaign, type PreorderReservation } from "../db/schema";
import { readPublic, withOrg } from "../db/tenant";
import { AppError } from "../errors";
import { appUrl } from "./email";
import { recordEvent } from "./events";
import { emailCancelled, emailFromBrand, emailReservationConfirmation, type CampaignRef } from "./preorder-emails";
import { expireStaleHolds, isCapViolation, moveUnits, roomOf, shortageMessage, takeUnits } from "./preorder-units";
import { hitRateLimits } from "./rate-limit";
import { createPreorderCheckoutSession, createPreorderRefund, expireCheckoutSessionQuietly, platformFeeBasisPoints, stripeClient, type StripeClient } from "./stripe";

/**
 * A customer's reservation on a published preorder campaign (no account): a hold on units while its
 * Stripe Checkout is open, then paid, expired, cancelled or refunded.
 *
 * - **Never more than the cap.** Units are taken with conditional UPDATEs on the campaign's and the size's
 *   counters, and the table checks are the last guard (src/server/services/preorder-units.ts).
 * - **Who the brand is** comes from the published campaign found by its address, never from the client;
 *   everything after runs as that brand (`withOrg`), so row-level security keeps it to that brand's rows.
 * - **Reserving is two short transactions around Stripe**, not one long one: the first expires this
 *   campaign's stale holds, takes the units and inserts the hold; Stripe's Checkout Session is created
 *   after it commits; the second records the session and enqueues the confirmation. Holding the campaign's
 *   counter row locked across a Stripe call (hundreds of milliseconds) would make every customer of a
 *   popular drop queue behind every other's call. If Stripe fails, a compensating transaction deletes the
 *   hold and gives its units back before the error is shown, so nothing stays held; if the process dies in
 *   between, the hold simply runs out (`holdExpiresAt`) and `expireHolds` frees it.
 * - **The link**: a 32-byte random secret (base64url) in the customer's link; only its SHA-256 is stored.
 * - **Late payments** (the rule, also in README): a payment whose hold had already expired is honoured
 *   when the campaign is still published and has room (the units are taken again, straight into paid);
 *   otherwise it is refunded in full automatically. A payment for a reservation that was cancelled, or a
 *   second payment of one already paid, is refunded in full too. Never oversold: the same counters and
 *   checks decide. (src/server/services/preorder-webhooks.ts applies it.)
 * - **Customer cancellation**: a held reservation is cancelled and its units freed; a paid one may be
 *   cancelled within `cancelWithinDays` days of payment, while the campaign is not completed nor linked
 *   to an order, and is then refunded in full (everything paid, deposit and balance).
 */

export const GENERIC_REFUSAL = "We could not take this reservation. Please try again later.";
export const reservationNotFound = () => new AppError("NOT_FOUND", "That reservation was not found.");

// ─── Links and secrets ─────────────────────────────────────────────────────────────────────────────────

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export function newReservationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

export const reservationPath = (token: string, campaign: { brandSlug: string; slug: string }) => `/p/${encodeURIComponent(campaign.brandSlug)}/${encodeURIComponent(campaign.slug)}/r/${token}`;

/** The absolute URL of a customer's reservation page. */
export function reservationLink(token: string, campaign: { brandSlug: string; slug: string }): string {
  return appUrl(reservationPath(token, campaign));
}

const REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"; // no 0/O, 1/I
export function newReference(): string {
  const bytes = randomBytes(6);
  return `R-${[...bytes].map((b) => REFERENCE_ALPHABET[b % REFERENCE_ALPHABET.length]).join("")}`;
}

// ─── Amounts ───────────────────────────────────────────────────────────────────────────────────────────

/** What a reservation of `quantity` costs, what it charges now (deposit or full) and the balance left. */
export function amountsOf(c: Pick<PreorderCampaign, "retailPriceMinor" | "paymentMode" | "depositPercent" | "currency">, quantity: number) {
  const total = c.retailPriceMinor * quantity;
  const step = stripeAmountOf({ amountMinor: 10, currency: c.currency })?.step === 10 ? 10 : 1;
  let due = total;
  if (c.paymentMode === "deposit" && c.depositPercent < 100) {
    // Half up to the currency's chargeable step, never nothing and never more than the price.
    due = Math.round((total * c.depositPercent) / 100 / step) * step;
    due = Math.min(total, Math.max(step, due));
  }
  return { totalMinor: total, amountDueMinor: due, balanceMinor: total - due };
}

// ─── Finding a campaign and a reservation ───────────────────────────────────────────────────────────────

type Published = { campaign: PreorderCampaign; brand: { id: string; slug: string; name: string }; sizes: string[] };

/** A campaign by its public address (not a draft), with its brand, as the public reads it; null if none. */
export async function campaignByAddress(db: Db, brandSlug: string, campaignSlug: string): Promise<Published | null> {
  return readPublic(db, async (q) => {
    const [row] = await q
      .select({ campaign: preorderCampaigns, brand: { id: organizations.id, slug: organizations.slug, name: organizations.name } })
      .from(preorderCampaigns)
      .innerJoin(organizations, eq(organizations.id, preorderCampaigns.brandOrgId))
      .where(and(eq(organizations.slug, brandSlug), eq(preorderCampaigns.slug, campaignSlug), sql`${preorderCampaigns.status} <> 'draft'`));
    if (!row) return null;
    const { rows } = await q.execute<{ size: string }>(sql`select size from preorder_campaign_sizes where campaign_id = ${row.campaign.id} order by position, size`);
    return { ...row, sizes: rows.map((r) => r.size) };
  });
}

/** The reservation a link's secret names, and its brand (ids only, through the security-definer lookup). */
export async function reservationByToken(db: Db, token: string): Promise<{ reservationId: string; brandOrgId: string } | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const { rows } = await db.execute<{ reservation_id: string; brand_org_id: string }>(sql`select * from preorder_reservation_by_token(${hashToken(token)})`);
  const r = rows[0];
  return r ? { reservationId: r.reservation_id, brandOrgId: r.brand_org_id } : null;
}

/** The campaign of a reservation with its brand's names, in the brand's transaction. */
export async function campaignRefOf(tx: Tx, campaignId: string): Promise<{ campaign: PreorderCampaign; ref: CampaignRef }> {
  const [row] = await tx
    .select({ campaign: preorderCampaigns, brandSlug: organizations.slug, brandName: organizations.name })
    .from(preorderCampaigns)
    .innerJoin(organizations, eq(organizations.id, preorderCampaigns.brandOrgId))
    .where(eq(preorderCampaigns.id, campaignId));
  if (!row) throw new AppError("NOT_FOUND", "That preorder was not found.");
  return { campaign: row.campaign, ref: { title: row.campaign.title, slug: row.campaign.slug, brandSlug: row.brandSlug, brandName: row.brandName } };
}

export async function lockReservation(tx: Tx, brandOrgId: string, reservationId: string): Promise<PreorderReservation> {
  const [r] = await tx
    .select()
    .from(preorderReservations)
    .where(and(eq(preorderReservations.id, reservationId), eq(preorderReservations.brandOrgId, brandOrgId)))
    .for("update");
  if (!r) throw reservationNotFound();
  return r;
}

/** The brand's connected account when it can take card payments, else null. */
export async function brandPayoutAccount(tx: Tx, brandOrgId: string): Promise<string | null> {
  const [a] = await tx.select({ id: payoutAccounts.stripeAccountId, status: payoutAccounts.onboardingStatus }).from(payoutAccounts).where(eq(payoutAccounts.orgId, brandOrgId));
  return a?.id && a.status === "ready" ? a.id : null;
}

export const notPayable = (brandName: string) => new AppError("CONFLICT", `${brandName} cannot take card payments yet, so reservations are not open for payment. Nothing was reserved.`);
const stripeMissing = () => new AppError("CONFLICT", "Card payments are not set up on this site yet, so reservations are not open for payment. Nothing was reserved.");

// ─── Reserving ─────────────────────────────────────────────────────────────────────────────────────────

export type ReserveResult = { reference: string; reservationId: string; token: string; reservationPath: string; checkoutUrl: string };

/** Checkout's own lifetime: at least Stripe's minimum (30 minutes, with a minute's margin), at least the hold. */
export function checkoutExpiresAt(holdExpiresAt: Date, now: Date): number {
  return Math.floor(Math.max(holdExpiresAt.getTime(), now.getTime() + 31 * 60_000) / 1000);
}

/**
 * A customer reserves: checks, rate limits, the hold (transaction 1), the Checkout Session, its record and
 * the confirmation email (transaction 2). See the module's header for why Stripe sits between the two.
 */
export async function reserve(db: Db, raw: ReserveInput, ctx: { ip: string }, now = new Date(), stripe: StripeClient | null = stripeClient(), feeBasisPoints = platformFeeBasisPoints()): Promise<ReserveResult> {
  const input = reserveInputSchema.parse(raw);
  // A bot filled the field no person sees: the same words as any refusal, nothing counted or written.
  if (input.website.trim() !== "") throw new AppError("BAD_REQUEST", GENERIC_REFUSAL);
  await hitRateLimits(db, [["preorderReserve.ip", ctx.ip], ["preorderReserve.email", input.email]], now);

  const found = await campaignByAddress(db, input.brandSlug, input.campaignSlug);
  if (!found) throw new AppError("NOT_FOUND", "That preorder was not found.");
  const { campaign: c, brand } = found;
  if (c.status !== "published") throw new AppError("CONFLICT", "This preorder is no longer taking reservations.");
  if (now < c.opensAt) throw new AppError("CONFLICT", "This preorder is not open yet.");
  if (now >= c.closesAt) throw new AppError("CONFLICT", "This preorder has closed.");
  if (!found.sizes.includes(input.size)) throw new AppError("BAD_REQUEST", found.sizes.length > 1 ? "Choose one of the sizes offered." : "Choose the size offered.", "size");
  if (!stripe) throw stripeMissing();
  const amounts = amountsOf(c, input.quantity);
  const charge = stripeAmountOf({ amountMinor: amounts.amountDueMinor, currency: c.currency });
  if (!charge) throw new AppError("CONFLICT", "This amount cannot be charged by card.");

  const units = { campaignId: c.id, size: input.size, quantity: input.quantity };
  const { token, tokenHash } = newReservationToken();
  const holdExpiresAt = new Date(now.getTime() + c.holdMinutes * 60_000);
  let held: { r: PreorderReservation; destination: string };
  try {
    held = await withOrg(db, brand.id, async (tx) => {
      const destination = await brandPayoutAccount(tx, brand.id);
      if (!destination) throw notPayable(brand.name);
      await expireStaleHolds(tx, c.id, now);
      // The row first, the counters last: the campaign's row stays locked only from its update to the commit.
      let r: PreorderReservation | undefined;
      for (let i = 0; i < 5 && !r; i++) {
        [r] = await tx
          .insert(preorderReservations)
          .values({
            campaignId: c.id,
            brandOrgId: brand.id,
            reference: newReference(),
            customerName: input.name,
            customerEmail: input.email,
            size: input.size,
            quantity: input.quantity,
            unitPriceMinor: c.retailPriceMinor,
            currency: c.currency,
            ...amounts,
            balanceStatus: amounts.balanceMinor > 0 ? "not_due" : "none",
            status: "held",
            holdExpiresAt,
            tokenHash,
            createdAt: now,
            updatedAt: now,
          })
          .onConflictDoNothing({ target: [preorderReservations.campaignId, preorderReservations.reference] })
          .returning();
      }
      if (!r) throw new Error("no free reservation reference after 5 tries");
      await takeUnits(tx, units, "held", { open: true, now });
      return { r, destination };
    });
  } catch (err) {
    // The last guard fired (a race the conditional update did not see): the same words as a refusal.
    if (isCapViolation(err)) throw shortageMessage(units, await readPublic(db, (q) => roomOf(q, units, now)));
    throw err;
  }

  const r = held.r;
  const ref: CampaignRef = { title: c.title, slug: c.slug, brandSlug: brand.slug, brandName: brand.name };
  const page = reservationLink(token, ref);
  let session: { id: string; url: string | null };
  try {
    session = await createPreorderCheckoutSession(stripe, {
      reservationId: r.id,
      campaignId: c.id,
      part: "deposit",
      description: `${c.title}${r.size ? `, size ${r.size}` : ""} × ${r.quantity}${amounts.balanceMinor > 0 ? " (deposit)" : ""} — ${brand.name}`,
      amount: charge.amount,
      currency: c.currency,
      applicationFeeAmount: platformFeeOf(charge.amount, feeBasisPoints, charge.step),
      destination: held.destination,
      customerEmail: r.customerEmail,
      successUrl: `${page}?checkout=returned`,
      cancelUrl: `${page}?checkout=cancelled`,
      expiresAt: checkoutExpiresAt(holdExpiresAt, now),
      idempotencyKey: `preorder-${r.id}-1`,
    });
    if (!session.url) throw new AppError("CONFLICT", "Stripe did not return a payment page. Nothing is reserved; try again.");
  } catch (err) {
    await releaseFailedHold(db, r);
    throw err;
  }
  await withOrg(db, brand.id, async (tx) => {
    const [saved] = await tx
      .update(preorderReservations)
      .set({ stripeCheckoutSessionId: session.id, checkoutAttempt: 1, updatedAt: new Date() })
      .where(and(eq(preorderReservations.id, r.id), eq(preorderReservations.brandOrgId, brand.id)))
      .returning();
    await emailReservationConfirmation(tx, saved ?? r, ref, page, session.url!, c.holdMinutes);
  });
  return { reference: r.reference, reservationId: r.id, token, reservationPath: reservationPath(token, ref), checkoutUrl: session.url };
}

/** Stripe refused the Checkout: the hold goes, as if the reservation had never been made. */
async function releaseFailedHold(db: Db, r: PreorderReservation) {
  await withOrg(db, r.brandOrgId, async (tx) => {
    const [gone] = await tx
      .delete(preorderReservations)
      .where(and(eq(preorderReservations.id, r.id), eq(preorderReservations.status, "held"), sql`${preorderReservations.stripeCheckoutSessionId} is null`))
      .returning({ id: preorderReservations.id });
    if (gone) await moveUnits(tx, r, "held", null);
  });
}

/**
 * Pay again while held (the customer closed Checkout): a new Checkout Session for the same hold (it does
 * not extend it), the previous one closed so it cannot be paid twice.
 */
export async function payAgain(db: Db, token: string, now = new Date(), stripe: StripeClient | null = stripeClient(), feeBasisPoints = platformFeeBasisPoints()): Promise<{ checkoutUrl: string }> {
  const found = await reservationByToken(db, token);
  if (!found) throw reservationNotFound();
  if (!stripe) throw stripeMissing();
  const { url, previous } = await withOrg(db, found.brandOrgId, async (tx) => {
    const r = await lockReservation(tx, found.brandOrgId, found.reservationId);
    if (r.status !== "held") throw new AppError("CONFLICT", r.status === "paid" ? "This reservation is paid already." : "This reservation is no longer held. Reserve again on the preorder's page.");
    const { campaign: c, ref } = await campaignRefOf(tx, r.campaignId);
    if (r.holdExpiresAt <= now) throw new AppError("CONFLICT", "Your hold ran out. Reserve again on the preorder's page.");
    if (c.status !== "published") throw new AppError("CONFLICT", "This preorder is no longer taking reservations.");
    const destination = await brandPayoutAccount(tx, r.brandOrgId);
    if (!destination) throw notPayable(ref.brandName);
    const charge = stripeAmountOf({ amountMinor: r.amountDueMinor, currency: r.currency })!;
    const attempt = r.checkoutAttempt + 1;
    const page = reservationLink(token, ref);
    const session = await createPreorderCheckoutSession(stripe, {
      reservationId: r.id,
      campaignId: c.id,
      part: "deposit",
      description: `${c.title}${r.size ? `, size ${r.size}` : ""} × ${r.quantity}${r.balanceMinor > 0 ? " (deposit)" : ""} — ${ref.brandName}`,
      amount: charge.amount,
      currency: r.currency,
      applicationFeeAmount: platformFeeOf(charge.amount, feeBasisPoints, charge.step),
      destination,
      customerEmail: r.customerEmail,
      successUrl: `${page}?checkout=returned`,
      cancelUrl: `${page}?checkout=cancelled`,
      expiresAt: checkoutExpiresAt(r.holdExpiresAt, now),
      idempotencyKey: `preorder-${r.id}-${attempt}`,
    });
    if (!session.url) throw new AppError("CONFLICT", "Stripe did not return a payment page. Try again.");
    await tx.update(preorderReservations).set({ stripeCheckoutSessionId: session.id, checkoutAttempt: attempt, updatedAt: now }).where(eq(preorderReservations.id, r.id));
    return { url: session.url, previous: r.stripeCheckoutSessionId };
  });
  if (previous) await expireCheckoutSessionQuietly(stripe, previous);
  return { checkoutUrl: url };
}

// ─── Holds that ran out ─────────────────────────────────────────────────────────────────────────────────

/**
 * The `preorder-holds-expire` job (every minute): every hold past `holdExpiresAt` becomes expired and its
 * units are freed, campaign by campaign as its brand. Their Checkout Sessions are closed afterwards (best
 * effort: a payment that still arrives follows the late-payment rule). `db` is the owner's handle (jobs).
 */
export async function expireHolds(db: Db, now = new Date(), stripe: StripeClient | null = stripeClient()): Promise<{ expired: number; units: number }> {
  const { rows: campaigns } = await db.execute<{ campaign_id: string; brand_org_id: string }>(
    sql`select distinct campaign_id, brand_org_id from preorder_reservations where status = 'held' and hold_expires_at <= ${now}`,
  );
  let expired = 0;
  let units = 0;
  for (const c of campaigns) {
    const gone = await withOrg(db, c.brand_org_id, async (tx) => {
      const rows = await expireStaleHolds(tx, c.campaign_id, now);
      if (rows.length === 0) return [];
      return tx
        .select({ session: preorderReservations.stripeCheckoutSessionId, quantity: preorderReservations.quantity })
        .from(preorderReservations)
        .where(inArray(preorderReservations.id, rows.map((r) => r.id)));
    });
    expired += gone.length;
    units += gone.reduce((n, r) => n + r.quantity, 0);
    if (stripe) for (const g of gone) if (g.session) await expireCheckoutSessionQuietly(stripe, g.session);
  }
  return { expired, units };
}

// ─── Cancelling and refunding ───────────────────────────────────────────────────────────────────────────

export type RefundStatus = "refunded" | "refund_pending" | "cancelled";

/** Whether a paid reservation's customer may cancel it now, and the rule in words either way. */
export function customerCancelRule(r: Pick<PreorderReservation, "status" | "paidAt">, c: Pick<PreorderCampaign, "cancelWithinDays" | "status" | "orderId">, now: Date): { allowed: boolean; rule: string } {
  if (r.status === "held") return { allowed: true, rule: "You can cancel while your payment is open; nothing is charged." };
  if (r.status !== "paid") return { allowed: false, rule: "" };
  if (c.status === "completed" || c.orderId) return { allowed: false, rule: "Your piece is in production, so this reservation can no longer be cancelled here. Contact the brand." };
  if (c.cancelWithinDays <= 0 || !r.paidAt) return { allowed: false, rule: "This preorder does not allow cancelling once paid. Contact the brand." };
  const until = new Date(r.paidAt.getTime() + c.cancelWithinDays * 86_400_000);
  const day = until.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  if (now > until) return { allowed: false, rule: `Paid reservations could be cancelled for ${c.cancelWithinDays} days after payment, until ${day}. Contact the brand.` };
  return { allowed: true, rule: `You can cancel until ${day} (${c.cancelWithinDays} days after payment) for a full refund.` };
}

/**
 * Counts a refund attempt of a paid reservation in a transaction of its own, committed before Stripe is
 * asked, and returns its number (null when the reservation is not paid). Each attempt's refunds carry
 * their own idempotency key: Stripe keeps its answer to a key, a refusal (400) included, so an attempt
 * counted inside the refund's transaction would roll back with the refusal and every retry would send the
 * same key and get the same refusal back. The SDK's own network retries of one request keep its key.
 */
async function countRefundAttempt(db: Db, brandOrgId: string, reservationId: string): Promise<number | null> {
  return withOrg(db, brandOrgId, async (tx) => {
    const [row] = await tx
      .update(preorderReservations)
      .set({ refundAttempt: sql`${preorderReservations.refundAttempt} + 1` })
      .where(and(eq(preorderReservations.id, reservationId), eq(preorderReservations.brandOrgId, brandOrgId), eq(preorderReservations.status, "paid")))
      .returning({ attempt: preorderReservations.refundAttempt });
    return row?.attempt ?? null;
  });
}

type GiveBack = { status: RefundStatus } | { status: null; failure: unknown };

/**
 * Gives back everything a locked reservation took: a held one is cancelled (units freed, its Checkout
 * closed after the transaction by the caller); a paid one is refunded through Stripe (deposit and balance,
 * each with the key of `attempt`, counted by `countRefundAttempt`), its units freed. When Stripe refuses a
 * part, the parts it refunded before are recorded (so a retry asks only for the rest) and the reservation
 * stays paid; the caller commits that and throws `failure`. Returns the outcome; the caller's transaction commits.
 */
async function giveBack(tx: Tx, r: PreorderReservation, c: CampaignRef, reason: string, now: Date, stripe: StripeClient | null, attempt: number | null): Promise<GiveBack> {
  if (r.status === "held") {
    await tx.update(preorderReservations).set({ status: "cancelled", cancelledAt: now, cancelReason: reason, updatedAt: now }).where(eq(preorderReservations.id, r.id));
    await moveUnits(tx, r, "held", null);
    await emailCancelled(tx, r, c, "cancelled", reason);
    return { status: "cancelled" };
  }
  if (r.status !== "paid") throw new AppError("CONFLICT", `This reservation is ${r.status} already.`);
  // Paid between the count and the lock (a webhook): no attempt was counted for it.
  if (attempt === null) throw new AppError("CONFLICT", "This reservation changed meanwhile. Nothing was refunded; try again.");
  let refunded = 0;
  let pending = 0;
  let refundId: string | null = null;
  // What earlier attempts refunded covers the parts in order (deposit, then balance): ask for the rest only.
  let covered = r.refundedMinor + r.refundPendingMinor;
  const parts = [
    { intent: r.stripePaymentIntentId, amount: r.balanceStatus === "paid" ? r.paidMinor - r.balanceMinor : r.paidMinor, key: `preorder-refund-${r.id}-${attempt}` },
    { intent: r.balancePaymentIntentId, amount: r.balanceStatus === "paid" ? r.balanceMinor : 0, key: `preorder-refund-${r.id}-${attempt}-balance` },
  ]
    .map((p) => {
      const done = Math.min(covered, p.amount);
      covered -= done;
      return { ...p, amount: p.amount - done };
    })
    .filter((p) => p.amount > 0);
  const owed = r.paidMinor - r.refundedMinor - r.refundPendingMinor;
  if (owed > 0) {
    if (!stripe) throw new AppError("CONFLICT", "Card payments are not configured on this site, so the refund cannot be made here.");
    for (const p of parts) {
      try {
        if (!p.intent) throw new AppError("CONFLICT", "This reservation has no Stripe payment on record to refund.");
        const refund = await createPreorderRefund(stripe, { reservationId: r.id, paymentIntentId: p.intent, amount: p.amount, idempotencyKey: p.key });
        if (refund.status === "failed" || refund.status === "canceled") throw new AppError("CONFLICT", "Stripe could not make the refund. Nothing was refunded; try again or contact Stripe support.");
        refundId = refund.id;
        if (refund.status === "succeeded") refunded += refund.amount;
        else pending += refund.amount;
      } catch (failure) {
        if (refunded + pending === 0) throw failure;
        await tx
          .update(preorderReservations)
          .set({ refundedMinor: r.refundedMinor + refunded, refundPendingMinor: r.refundPendingMinor + pending, ...(refundId ? { stripeRefundId: refundId } : {}), updatedAt: now })
          .where(eq(preorderReservations.id, r.id));
        return { status: null, failure };
      }
    }
  }
  const [row] = await tx
    .update(preorderReservations)
    .set({
      status: "refunded",
      refundedMinor: Math.min(r.paidMinor, r.refundedMinor + refunded),
      refundPendingMinor: Math.min(r.paidMinor - r.refundedMinor - refunded, r.refundPendingMinor + pending),
      ...(refundId ? { stripeRefundId: refundId } : {}),
      cancelledAt: now,
      cancelReason: reason,
      balanceStatus: r.balanceStatus === "paid" ? "paid" : r.balanceMinor > 0 ? "none" : r.balanceStatus,
      updatedAt: now,
    })
    .where(eq(preorderReservations.id, r.id))
    .returning();
  await moveUnits(tx, r, "paid", null);
  const outcome: RefundStatus = pending > 0 ? "refund_pending" : "refunded";
  await emailCancelled(tx, row!, c, outcome, reason);
  return { status: outcome };
}

/**
 * The brand gives a reservation back (the dashboard's refund, a cancelled campaign): everything paid is
 * refunded, a held one cancelled, the customer emailed, in one transaction with the row locked (the
 * attempt counted before it). Another brand's reservation answers NOT_FOUND. The permission
 * (`preorders.refund`) is the caller's to check.
 */
export async function refundReservation(
  db: Db,
  input: { brandOrgId: string; userId: string | null; reservationId: string; reason: string },
  now = new Date(),
  stripe: StripeClient | null = stripeClient(),
): Promise<{ status: RefundStatus }> {
  const attempt = await countRefundAttempt(db, input.brandOrgId, input.reservationId);
  const { out, session } = await withOrg(db, input.brandOrgId, async (tx) => {
    const r = await lockReservation(tx, input.brandOrgId, input.reservationId);
    const { ref } = await campaignRefOf(tx, r.campaignId);
    const out = await giveBack(tx, r, ref, input.reason.trim() || "Refunded by the brand", now, stripe, attempt);
    if (out.status !== null) {
      await recordEvent(tx, {
        orgId: input.brandOrgId,
        actorId: input.userId,
        action: "preorder_reservation.refunded",
        subjectType: "preorder_campaign",
        subjectId: r.campaignId,
        data: { title: ref.title, reference: r.reference, outcome: out.status },
      });
    }
    return { out, session: out.status === "cancelled" ? r.stripeCheckoutSessionId : null };
  });
  if (out.status === null) throw out.failure;
  if (session && stripe) await expireCheckoutSessionQuietly(stripe, session);
  return { status: out.status };
}

/** The customer cancels from their reservation page, by the campaign's policy (see the module header). */
export async function cancelByCustomer(db: Db, token: string, now = new Date(), stripe: StripeClient | null = stripeClient()): Promise<{ status: RefundStatus }> {
  const found = await reservationByToken(db, token);
  if (!found) throw reservationNotFound();
  // Counted even when the policy then refuses: the counter only keeps Stripe's keys apart.
  const attempt = await countRefundAttempt(db, found.brandOrgId, found.reservationId);
  const { out, session } = await withOrg(db, found.brandOrgId, async (tx) => {
    const r = await lockReservation(tx, found.brandOrgId, found.reservationId);
    const { campaign, ref } = await campaignRefOf(tx, r.campaignId);
    const policy = customerCancelRule(r, campaign, now);
    if (!policy.allowed) throw new AppError("CONFLICT", policy.rule || `This reservation is ${r.status} already.`);
    const out = await giveBack(tx, r, ref, "Cancelled by the customer", now, stripe, attempt);
    return { out, session: out.status === "cancelled" ? r.stripeCheckoutSessionId : null };
  });
  if (out.status === null) throw out.failure;
  if (session && stripe) await expireCheckoutSessionQuietly(stripe, session);
  return { status: out.status };
}

// ─── The brand's messages ───────────────────────────────────────────────────────────────────────────────

/**
 * One email per reservation of a campaign (default: the paid ones) through the outbox and the job queue,
 * in the caller's transaction as the brand. Returns how many were enqueued.
 */
export async function emailReservationCustomers(tx: Tx, input: { campaignId: string; subject: string; body: string; statuses?: PreorderReservationStatus[] }): Promise<number> {
  const statuses = input.statuses?.length ? input.statuses : (["paid"] as PreorderReservationStatus[]);
  const { ref } = await campaignRefOf(tx, input.campaignId);
  const rows = await tx
    .select({ customerEmail: preorderReservations.customerEmail, customerName: preorderReservations.customerName, reference: preorderReservations.reference, quantity: preorderReservations.quantity, size: preorderReservations.size })
    .from(preorderReservations)
    .where(and(eq(preorderReservations.campaignId, input.campaignId), inArray(preorderReservations.status, statuses)))
    .orderBy(preorderReservations.createdAt);
  for (const r of rows) await emailFromBrand(tx, r, ref, input.subject, input.body);
  return rows.length;
}

// ─── The balance ────────────────────────────────────────────────────────────────────────────────────────

/**
 * A Checkout Session for the balance of a paid deposit reservation (collected before shipping), valid for
 * Stripe's longest (24 hours); its metadata says `preorder_balance=1`, so the webhook pays the balance. The
 * balance becomes due. Returns the payment page's URL, for the email or the reservation page; without a
 * `returnUrl` Stripe brings the customer back to the campaign's page.
 */
export async function createBalanceCheckout(
  db: Db,
  reservationId: string,
  opts: { returnUrl?: string } = {},
  now = new Date(),
  stripe: StripeClient | null = stripeClient(),
  feeBasisPoints = platformFeeBasisPoints(),
): Promise<{ url: string }> {
  const { rows } = await db.execute<{ org: string | null }>(sql`select preorder_stripe_brand(${reservationId}::uuid, null, null) as org`);
  const brandOrgId = rows[0]?.org;
  if (!brandOrgId) throw reservationNotFound();
  if (!stripe) throw new AppError("CONFLICT", "Card payments are not configured on this site, so the balance cannot be collected by card here.");
  const { url, previous } = await withOrg(db, brandOrgId, async (tx) => {
    const r = await lockReservation(tx, brandOrgId, reservationId);
    if (r.status !== "paid") throw new AppError("CONFLICT", "Only a paid reservation has a balance to collect.");
    if (r.balanceMinor <= 0 || r.balanceStatus === "none") throw new AppError("CONFLICT", "This reservation was paid in full: there is no balance.");
    if (r.balanceStatus === "paid") throw new AppError("CONFLICT", "The balance of this reservation is paid already.");
    const { campaign: c, ref } = await campaignRefOf(tx, r.campaignId);
    const destination = await brandPayoutAccount(tx, brandOrgId);
    if (!destination) throw new AppError("CONFLICT", `${ref.brandName} cannot take card payments yet.`);
    const charge = stripeAmountOf({ amountMinor: r.balanceMinor, currency: r.currency });
    if (!charge) throw new AppError("CONFLICT", "This balance cannot be charged by card.");
    const attempt = r.balanceCheckoutAttempt + 1;
    const back = opts.returnUrl ?? appUrl(`/p/${encodeURIComponent(ref.brandSlug)}/${encodeURIComponent(ref.slug)}`);
    const session = await createPreorderCheckoutSession(stripe, {
      reservationId: r.id,
      campaignId: c.id,
      part: "balance",
      description: `${c.title}${r.size ? `, size ${r.size}` : ""} × ${r.quantity} (balance) — ${ref.brandName}`,
      amount: charge.amount,
      currency: r.currency,
      applicationFeeAmount: platformFeeOf(charge.amount, feeBasisPoints, charge.step),
      destination,
      customerEmail: r.customerEmail,
      successUrl: `${back}${back.includes("?") ? "&" : "?"}balance=returned`,
      cancelUrl: `${back}${back.includes("?") ? "&" : "?"}balance=cancelled`,
      expiresAt: Math.floor(now.getTime() / 1000) + 24 * 3600 - 60,
      idempotencyKey: `preorder-balance-${r.id}-${attempt}`,
    });
    if (!session.url) throw new AppError("CONFLICT", "Stripe did not return a payment page. Try again.");
    await tx
      .update(preorderReservations)
      .set({ balanceStatus: "due", balanceCheckoutSessionId: session.id, balanceCheckoutAttempt: attempt, updatedAt: now })
      .where(eq(preorderReservations.id, r.id));
    return { url: session.url, previous: r.balanceCheckoutSessionId };
  });
  if (previous) await expireCheckoutSessionQuietly(stripe, previous);
  return { url };
}
