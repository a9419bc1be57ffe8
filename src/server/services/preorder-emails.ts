import { formatMoney } from "~/lib/money";
import type { Tx } from "../db/client";
import type { PreorderReservation } from "../db/schema";
import { appUrl, enqueueEmail } from "./email";

/**
 * The emails a preorder customer receives, through the outbox and the job queue in the caller's
 * transaction (a change that rolls back sends nothing). Only the confirmation carries the reservation
 * page's link: the secret in it is never stored (only its hash), so later emails point back to it.
 */

export type CampaignRef = { title: string; slug: string; brandSlug: string; brandName: string };

const money = (r: Pick<PreorderReservation, "currency">, amountMinor: number) => formatMoney({ amountMinor, currency: r.currency });
const what = (r: Pick<PreorderReservation, "quantity" | "size">, c: CampaignRef) => `${r.quantity} × ${c.title}${r.size ? `, size ${r.size}` : ""}`;
const signOff = (c: CampaignRef) => `\n\n${c.brandName}\n${appUrl(`/p/${c.brandSlug}/${c.slug}`)}`;
const linkLater = (r: Pick<PreorderReservation, "reference">) =>
  `Your reservation ${r.reference} is on its page, at the private link in your confirmation email.`;

export async function emailReservationConfirmation(tx: Tx, r: PreorderReservation, c: CampaignRef, link: string, checkoutUrl: string, holdMinutes: number) {
  await enqueueEmail(tx, {
    to: r.customerEmail,
    subject: `Your reservation ${r.reference}: ${c.title}`,
    text:
      `Hello ${r.customerName},\n\nYou reserved ${what(r, c)} from ${c.brandName}. ` +
      `${r.balanceMinor > 0 ? `The deposit is ${money(r, r.amountDueMinor)} (of ${money(r, r.totalMinor)}).` : `The price is ${money(r, r.totalMinor)}.`}\n\n` +
      `Your pieces are held for ${holdMinutes} minutes while you pay:\n${checkoutUrl}\n\n` +
      `Your reservation page (keep this link private; it is the only way to it):\n${link}` +
      signOff(c),
  });
}

export async function emailPaymentReceived(tx: Tx, r: PreorderReservation, c: CampaignRef, amountMinor: number, part: "deposit" | "balance") {
  const paid = part === "balance" ? "the balance" : r.balanceMinor > 0 ? "your deposit" : "your payment";
  await enqueueEmail(tx, {
    to: r.customerEmail,
    subject: `Payment received: ${c.title} (${r.reference})`,
    text: `Hello ${r.customerName},\n\nWe received ${paid} of ${money(r, amountMinor)} for ${what(r, c)}.\n\n${linkLater(r)}` + signOff(c),
  });
}

export async function emailCancelled(tx: Tx, r: PreorderReservation, c: CampaignRef, outcome: "cancelled" | "refunded" | "refund_pending", reason: string) {
  const refunded = r.paidMinor > 0 ? money(r, r.paidMinor) : "";
  const body =
    outcome === "cancelled"
      ? `Your reservation of ${what(r, c)} is cancelled. Nothing was charged.`
      : outcome === "refunded"
        ? `Your reservation of ${what(r, c)} is cancelled and ${refunded} was refunded to your card.`
        : `Your reservation of ${what(r, c)} is cancelled. The refund of ${refunded} is on its way to your card; banks take 5 to 10 days to show it.`;
  await enqueueEmail(tx, {
    to: r.customerEmail,
    subject: `${outcome === "cancelled" ? "Reservation cancelled" : "Reservation refunded"}: ${c.title} (${r.reference})`,
    text: `Hello ${r.customerName},\n\n${body}${reason ? `\n\nReason: ${reason}` : ""}\n\n${linkLater(r)}` + signOff(c),
  });
}

/** A payment that came when it could not be kept (the hold had run out and the preorder was full, or it was cancelled). */
export async function emailLatePaymentRefunded(tx: Tx, r: PreorderReservation, c: CampaignRef, amountMinor: number, why: string) {
  await enqueueEmail(tx, {
    to: r.customerEmail,
    subject: `Payment refunded: ${c.title} (${r.reference})`,
    text: `Hello ${r.customerName},\n\nYour payment of ${money(r, amountMinor)} for ${what(r, c)} arrived after ${why}, so it is refunded in full to your card.\n\n${linkLater(r)}` + signOff(c),
  });
}

/** The brand's message to its customers (the dashboard's "email all"), with the reservation's reference. */
export async function emailFromBrand(tx: Tx, r: Pick<PreorderReservation, "customerEmail" | "customerName" | "reference" | "quantity" | "size">, c: CampaignRef, subject: string, body: string) {
  await enqueueEmail(tx, {
    to: r.customerEmail,
    subject,
    text: `Hello ${r.customerName},\n\n${body.trim()}\n\n(${what(r, c)}, reservation ${r.reference}.) ${linkLater(r)}` + signOff(c),
  });
}
