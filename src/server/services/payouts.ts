import { eq } from "drizzle-orm";
import type { BankDetailsInput } from "~/lib/payment-schemas";
import type { Db, Tx } from "../db/client";
import { organizations, payoutAccounts, users } from "../db/schema";
import { withOrg } from "../db/tenant";
import { recordEvent } from "./events";
import { appUrl } from "./email";
import type { Actor } from "./members";
import { cardNotConfigured, createConnectedAccount, createOnboardingLink, stripeClient, type StripeClient } from "./stripe";

/**
 * An organization's payout settings: its Stripe connected account (created once, onboarded through account
 * links, its status kept current by account.updated webhooks) and, for a workshop, its bank details for
 * transfers. A workshop is paid by brands (orders, samples); a brand by the customers of its preorder
 * campaigns (destination charges to its account, src/server/services/preorder-reservations.ts).
 */

export type PayoutSettings = {
  cardConfigured: boolean;
  connected: boolean;
  status: "not_started" | "pending" | "restricted" | "ready";
  requirements: string[];
  bank: { accountHolder: string; bankName: string; iban: string; bic: string; otherDetails: string };
};

async function ensureRow(tx: Tx, orgId: string) {
  await tx.insert(payoutAccounts).values({ orgId }).onConflictDoNothing();
  const [row] = await tx.select().from(payoutAccounts).where(eq(payoutAccounts.orgId, orgId)).for("update");
  return row!;
}

export async function getPayoutSettings(db: Db, orgId: string, stripe: StripeClient | null = stripeClient()): Promise<PayoutSettings> {
  return withOrg(db, orgId, async (tx) => {
    const [row] = await tx.select().from(payoutAccounts).where(eq(payoutAccounts.orgId, orgId));
    return {
      cardConfigured: stripe !== null,
      connected: !!row?.stripeAccountId,
      status: row?.onboardingStatus ?? "not_started",
      requirements: row?.requirements ?? [],
      bank: { accountHolder: row?.bankAccountHolder ?? "", bankName: row?.bankName ?? "", iban: row?.bankIban ?? "", bic: row?.bankBic ?? "", otherDetails: row?.bankOtherDetails ?? "" },
    };
  });
}

/**
 * Connects a Stripe account (created on the first call, with an idempotency key of the organization so two
 * clicks make one account) and answers an onboarding link to continue on Stripe. Stripe is called inside the
 * transaction holding the row's lock: a Stripe error leaves nothing written.
 */
export async function startOnboarding(db: Db, actor: Actor, stripe: StripeClient | null = stripeClient(), now = new Date()): Promise<{ url: string }> {
  if (!stripe) throw cardNotConfigured();
  return withOrg(db, actor.orgId, async (tx) => {
    const row = await ensureRow(tx, actor.orgId);
    let accountId = row.stripeAccountId;
    if (!accountId) {
      const [org] = await tx.select({ name: organizations.name, country: organizations.country, slug: organizations.slug }).from(organizations).where(eq(organizations.id, actor.orgId));
      const [me] = await tx.select({ email: users.email }).from(users).where(eq(users.id, actor.userId));
      const account = await createConnectedAccount(stripe, { orgId: actor.orgId, name: org!.name, country: org!.country, email: me?.email ?? null });
      accountId = account.id;
      await tx.update(payoutAccounts).set({ stripeAccountId: accountId, onboardingStatus: "pending", updatedAt: now }).where(eq(payoutAccounts.orgId, actor.orgId));
      await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "payout.connected", subjectType: "organization", subjectId: actor.orgId });
    }
    const [org] = await tx.select({ slug: organizations.slug, kind: organizations.kind }).from(organizations).where(eq(organizations.id, actor.orgId));
    // Back to the payout settings of the portal the organization uses.
    const page = appUrl(`/${org!.kind}/${org!.slug}/settings/payouts`);
    // One link per minute at most is the same request: a double click reuses the key.
    const link = await createOnboardingLink(stripe, { accountId, returnUrl: `${page}?onboarding=returned`, refreshUrl: `${page}?onboarding=expired`, key: `account-link-${accountId}-${Math.floor(now.getTime() / 60_000)}` });
    return { url: link.url };
  });
}

export async function saveBankDetails(db: Db, actor: Actor, input: BankDetailsInput, now = new Date()) {
  return withOrg(db, actor.orgId, async (tx) => {
    await ensureRow(tx, actor.orgId);
    const [row] = await tx
      .update(payoutAccounts)
      .set({ bankAccountHolder: input.accountHolder, bankName: input.bankName, bankIban: input.iban, bankBic: input.bic, bankOtherDetails: input.otherDetails, updatedAt: now })
      .where(eq(payoutAccounts.orgId, actor.orgId))
      .returning();
    await recordEvent(tx, { orgId: actor.orgId, actorId: actor.userId, action: "payout.bank_details_updated", subjectType: "organization", subjectId: actor.orgId });
    return { accountHolder: row!.bankAccountHolder, bankName: row!.bankName, iban: row!.bankIban, bic: row!.bankBic, otherDetails: row!.bankOtherDetails };
  });
}
