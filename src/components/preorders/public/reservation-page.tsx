import Link from "next/link";
import { formatMoney } from "~/lib/money";
import type { PublicReservation } from "~/lib/preorder-public-schemas";
import { PREORDER_RESERVATION_STATUS_LABELS } from "~/lib/preorder-vocabulary";
import { ReservationActions } from "./reservation-actions";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** A customer's own reservation: status, what, what was paid, the live delivery date, and what they can do. */
export function ReservationPage({ r, token, checkout }: { r: PublicReservation; token: string; checkout: string | null }) {
  const m = (n: number) => formatMoney({ amountMinor: n, currency: r.currency });
  return (
    <article className="mx-auto max-w-2xl px-4 py-8 sm:px-6">
      <p className="text-sm text-ink-muted">
        <Link href={`/p/${r.campaign.brandSlug}/${r.campaign.slug}`} className="underline underline-offset-2">
          {r.campaign.brandName} · {r.campaign.title}
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-semibold">Reservation {r.reference}</h1>
      {checkout === "returned" && r.status === "held" && <p role="status" className="mt-3 text-sm">Thank you. Your payment is being confirmed; this page shows it as paid within a minute.</p>}
      {checkout === "cancelled" && r.status === "held" && <p role="status" className="mt-3 text-sm">You left the payment page. Your units stay held until the time below.</p>}
      <dl className="mt-6 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
        <dt className="text-ink-muted">Status</dt>
        <dd className="font-medium">{PREORDER_RESERVATION_STATUS_LABELS[r.status]}{r.status === "refunded" && r.refundPendingMinor > 0 ? " (on its way to your card)" : ""}</dd>
        <dt className="text-ink-muted">Size</dt>
        <dd>{r.size || "One size"}</dd>
        <dt className="text-ink-muted">Quantity</dt>
        <dd>{r.quantity}</dd>
        <dt className="text-ink-muted">Price</dt>
        <dd>{m(r.totalMinor)}{r.balanceMinor > 0 ? ` (deposit ${m(r.amountDueMinor)}, balance ${m(r.balanceMinor)} before shipping)` : ""}</dd>
        <dt className="text-ink-muted">Paid</dt>
        <dd>{m(r.paidMinor)}{r.refundedMinor > 0 ? `, ${m(r.refundedMinor)} refunded` : ""}</dd>
        {r.status === "held" && (
          <>
            <dt className="text-ink-muted">Held until</dt>
            <dd>{r.holdExpiresAt.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC</dd>
          </>
        )}
        <dt className="text-ink-muted">Delivery</dt>
        <dd>
          {day(r.campaign.deliveryOn)}
          {r.campaign.deliveryIsForecast ? " (live from production)" : " (expected)"}
        </dd>
      </dl>
      {r.cancelRule && <p className="mt-4 text-sm text-ink-muted">{r.cancelRule}</p>}
      <div className="mt-6">
        <ReservationActions token={token} canPay={r.canPay} canPayBalance={r.canPayBalance} canCancel={r.canCancel} cancelText={r.status === "held" ? "Your units are released and nothing is charged." : `Everything you paid (${m(r.paidMinor - r.refundedMinor)}) is refunded to your card.`} />
      </div>
      {r.campaign.returnPolicy && (
        <section className="mt-8">
          <h2 className="text-sm font-semibold">Returns</h2>
          <p className="text-sm whitespace-pre-line text-ink-muted">{r.campaign.returnPolicy}</p>
        </section>
      )}
    </article>
  );
}
