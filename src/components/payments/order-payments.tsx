"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useParams, useSearchParams } from "next/navigation";
import { useId, useState } from "react";
import { POST_ONLY } from "~/components/forms/post-only";
import { useFormMutation } from "~/components/forms/use-form-mutation";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { Field, FormError } from "~/components/ui/field";
import { Input } from "~/components/ui/input";
import { Skeleton } from "~/components/ui/skeleton";
import { toast } from "sonner";
import { parseMoney, toDecimalString } from "~/lib/money";
import { PAYMENT_KIND_LABELS, PAYMENT_METHOD_LABELS, PAYMENT_STATUS_LABELS } from "~/lib/payment-schemas";
import type { AppRouter } from "~/server/api/root";
import { useTRPC } from "~/trpc/react";
import { formatDay, money, PAYMENT_STATUS_TONE } from "./format";

type OrderView = inferRouterOutputs<AppRouter>["payment"]["brandOrder"];
type SampleView = inferRouterOutputs<AppRouter>["payment"]["brandSample"];
type View = OrderView | SampleView;
type PaymentView = View["payments"][number];
type Side = "brand" | "workshop";

/**
 * An order's payments for either party: the schedule, and per payment what this side may do — the brand
 * pays by card (off to Stripe Checkout) or marks a bank transfer sent; the workshop confirms a transfer
 * arrived. Back from Checkout the payment shows as processing until Stripe's webhook confirms it.
 */
export function OrderPayments({ orgId, orderId, side }: { orgId: string; orderId: string; side: Side }) {
  const trpc = useTRPC();
  const options = side === "brand" ? trpc.payment.brandOrder.queryOptions({ orgId, orderId }) : trpc.payment.workshopOrder.queryOptions({ orgId, orderId });
  const query = useQuery(options);
  return <PaymentsCard orgId={orgId} side={side} query={query} queryKey={options.queryKey} />;
}

/** A sample request's fee, paid the same way as an order's payments. Nothing shows while no fee is set. */
export function SamplePayments({ orgId, sampleRequestId, side }: { orgId: string; sampleRequestId: string; side: Side }) {
  const trpc = useTRPC();
  const options = side === "brand" ? trpc.payment.brandSample.queryOptions({ orgId, sampleRequestId }) : trpc.payment.workshopSample.queryOptions({ orgId, sampleRequestId });
  const query = useQuery(options);
  if (query.isSuccess && query.data.payments.length === 0) return null;
  return <PaymentsCard orgId={orgId} side={side} query={query} queryKey={options.queryKey} />;
}

function PaymentsCard({ orgId, side, query, queryKey }: { orgId: string; side: Side; query: { isPending: boolean; isError: boolean; error: { message: string } | null; data: View | undefined }; queryKey: readonly unknown[] }) {
  const params = useSearchParams();
  if (query.isPending) {
    return (
      <div role="status" aria-label="Loading the payments">
        <Skeleton className="h-40 w-full" />
      </div>
    );
  }
  if (query.isError || !query.data) return <FormError message={query.error?.message ?? "The payments could not be loaded."} />;
  const view = query.data;
  const returned = params.get("checkout") === "returned" ? params.get("payment") : null;
  const cancelled = params.get("checkout") === "cancelled";
  return (
    <Card>
      <CardHeader
        title="Payments"
        description={
          !("paymentTerms" in view)
            ? "The sample fee, paid to the workshop."
            : view.cancelled
              ? side === "brand"
                ? "This order is cancelled: nothing more is paid on it. The workshop refunds what you paid."
                : "This order is cancelled: nothing more is paid on it. Refund what the brand paid."
            : view.paymentTerms === "balance_before_shipping"
              ? "Deposit at order; the balance before shipping, which waits for it."
              : "Deposit at order; the balance at the milestone the terms name."
        }
      />
      {returned && (
        <p role="status" className="mx-4 mb-2 rounded-md bg-info-soft px-3 py-2 text-sm text-info">
          Your card payment is processing. It shows as paid as soon as Stripe confirms it.
        </p>
      )}
      {cancelled && <p className="mx-4 mb-2 rounded-md bg-sunken px-3 py-2 text-sm text-ink-muted">The card payment was cancelled. Nothing was charged.</p>}
      {view.payments.length === 0 ? (
        <CardBody>
          <p className="text-sm text-ink-muted">This order has nothing to pay.</p>
        </CardBody>
      ) : (
        <ul className="divide-y divide-line">
          {view.payments.map((p) => (
            <PaymentRow key={p.id} orgId={orgId} queryKey={queryKey} side={side} payment={p} justPaid={returned === p.id} cancelled={"cancelled" in view && view.cancelled} />
          ))}
        </ul>
      )}
      {side === "brand" && !("cancelled" in view && view.cancelled) && (
        <CardBody className="border-t border-line text-sm">
          <h3 className="font-medium">Bank transfer</h3>
          {view.bank ? (
            <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 break-all">
              <dt className="text-ink-muted">Account holder</dt>
              <dd>{view.bank.accountHolder}</dd>
              {view.bank.bankName && (
                <>
                  <dt className="text-ink-muted">Bank</dt>
                  <dd>{view.bank.bankName}</dd>
                </>
              )}
              {view.bank.iban && (
                <>
                  <dt className="text-ink-muted">IBAN</dt>
                  <dd className="font-mono">{view.bank.iban}</dd>
                </>
              )}
              {view.bank.bic && (
                <>
                  <dt className="text-ink-muted">BIC</dt>
                  <dd className="font-mono">{view.bank.bic}</dd>
                </>
              )}
              {view.bank.otherDetails && (
                <>
                  <dt className="text-ink-muted">Details</dt>
                  <dd className="whitespace-pre-wrap">{view.bank.otherDetails}</dd>
                </>
              )}
            </dl>
          ) : (
            <p className="mt-1 text-ink-muted">The workshop has not added its bank details yet. Ask it for them.</p>
          )}
          {!view.card.configured && <p className="mt-2 text-ink-muted">Card payment: not configured on this Bezel.</p>}
          {view.card.configured && !view.card.ready && <p className="mt-2 text-ink-muted">Card payment: this workshop has not finished setting up card payments.</p>}
        </CardBody>
      )}
    </Card>
  );
}

function PaymentRow({ orgId, queryKey, side, payment: p, justPaid, cancelled }: { orgId: string; queryKey: readonly unknown[]; side: Side; payment: PaymentView; justPaid: boolean; cancelled: boolean }) {
  const status = justPaid && p.status === "due" ? "processing" : p.status;
  // A cancelled order's unpaid payments are not due any more.
  const notDue = cancelled && (status === "due" || status === "failed");
  const held = p.status === "paid" || p.status === "partially_refunded";
  const due = p.dueOn ? `due ${formatDay(p.dueOn)}` : "";
  const at = p.kind === "balance" && p.dueMilestone ? `at ${p.dueMilestone}` : "";
  return (
    <li className="flex flex-col gap-2 px-4 py-3 text-sm" data-testid={`payment-${p.kind}`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="font-medium">
          {PAYMENT_KIND_LABELS[p.kind]} · {money(p.amountMinor, p.currency)}
        </span>
        {notDue ? <Badge tone="neutral">Not due</Badge> : p.refundPendingMinor > 0 ? <Badge tone="info">Refund processing</Badge> : <Badge tone={PAYMENT_STATUS_TONE[status]}>{PAYMENT_STATUS_LABELS[status]}</Badge>}
      </div>
      <p className="text-ink-muted">
        {[due, at].filter(Boolean).join(", ") || "Due when the terms say"}
        {p.method ? ` · ${PAYMENT_METHOD_LABELS[p.method]}` : ""}
        {p.transferReference ? ` · reference ${p.transferReference}` : ""}
        {p.paidOn ? ` · paid ${formatDay(p.paidOn)}` : ""}
        {p.refundedMinor > 0 ? ` · ${money(p.refundedMinor, p.currency)} refunded${p.refundedOn ? ` ${formatDay(p.refundedOn)}` : ""}` : ""}
        {p.refundReference ? ` · refund reference ${p.refundReference}` : ""}
        {side === "workshop" && p.platformFeeMinor > 0 ? ` · platform fee ${money(p.platformFeeMinor, p.currency)}` : ""}
      </p>
      {(p.status === "paid" || p.status === "partially_refunded" || p.status === "refunded") && <ReceiptLink side={side} paymentId={p.id} label={PAYMENT_KIND_LABELS[p.kind]} />}
      {p.status === "failed" && p.failureMessage && <p className="text-danger">{p.failureMessage}</p>}
      {p.status === "processing" && p.method === "transfer" && side === "workshop" && <p className="text-ink-muted">The brand says it sent this by bank transfer. Confirm it when it arrives.</p>}
      {p.refundPendingMinor > 0 && <p className="text-ink-muted">Stripe is refunding {money(p.refundPendingMinor, p.currency)} to the card. It shows as refunded when Stripe confirms it.</p>}
      {cancelled && held && p.refundPendingMinor === 0 && side === "brand" && <p className="text-ink-muted">The order is cancelled: the workshop refunds this payment.</p>}
      {cancelled && p.status === "processing" && p.method === "transfer" && side === "brand" && <p className="text-ink-muted">The order is cancelled: once the workshop confirms your transfer arrived, it refunds it.</p>}
      {p.actions.includes("refund") && p.refund && <RefundForm orgId={orgId} queryKey={queryKey} payment={p} rule={p.refund} />}
      {p.actions.some((a) => a !== "refund") && <PaymentActions orgId={orgId} queryKey={queryKey} side={side} payment={p} />}
    </li>
  );
}

/** The payment's receipt, once received: a PDF download from the portal's own address (its slug is in the URL). */
function ReceiptLink({ side, paymentId, label }: { side: Side; paymentId: string; label: string }) {
  const { org } = useParams<{ org: string }>();
  return (
    <a href={`/${side}/${org}/payments/${paymentId}/receipt`} download aria-label={`Receipt (PDF): ${label}`} className="self-start font-medium text-brass-700 hover:underline">
      Receipt (PDF)
    </a>
  );
}

function PaymentActions({ orgId, queryKey, side, payment: p }: { orgId: string; queryKey: readonly unknown[]; side: Side; payment: PaymentView }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [reference, setReference] = useState("");
  const [receivedOn, setReceivedOn] = useState(() => new Date().toISOString().slice(0, 10));
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const invalidate = () => queryClient.invalidateQueries({ queryKey });
  const card = useFormMutation(trpc.payment.startCardPayment.mutationOptions(), { refresh: false, onSuccess: (data) => window.location.assign(data.url) });
  const sent = useFormMutation(trpc.payment.markTransferSent.mutationOptions(), { success: "Marked as sent. The workshop confirms it when it arrives.", onSuccess: invalidate });
  const confirm = useFormMutation(trpc.payment.confirmTransfer.mutationOptions(), { success: "Payment confirmed.", onSuccess: invalidate });

  if (side === "workshop") {
    return (
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <Field label="Arrived on" error={fieldError ?? undefined}>
          <Input id={`${id}-on`} type="date" value={receivedOn} onChange={(e) => setReceivedOn(e.target.value)} className="sm:w-44" />
        </Field>
        <ConfirmDialog
          trigger={<Button variant="secondary">Confirm receipt</Button>}
          title={`Confirm the ${PAYMENT_KIND_LABELS[p.kind].toLowerCase()} arrived?`}
          description={`${money(p.amountMinor, p.currency)} on ${receivedOn ? formatDay(receivedOn) : "the day chosen"}. The payment is then paid${p.kind === "deposit" ? " and the order goes into production" : ""}; this cannot be undone here.`}
          confirmLabel="Confirm receipt"
          destructive={false}
          onConfirm={async () => {
            setFieldError(null);
            if (!/^\d{4}-\d{2}-\d{2}$/.test(receivedOn)) return setFieldError("Choose the day the transfer arrived.");
            await confirm.run({ orgId, paymentId: p.id, receivedOn });
          }}
        />
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        {p.actions.includes("pay_card") && (
          <Button onClick={() => void card.run({ orgId, paymentId: p.id })} loading={card.pending}>
            Pay {money(p.amountMinor, p.currency)} by card
          </Button>
        )}
        {p.actions.includes("mark_sent") && !sending && (
          <Button variant="secondary" onClick={() => setSending(true)}>
            I sent a bank transfer
          </Button>
        )}
      </div>
      {sending && (
        <form
          {...POST_ONLY}
          className="flex flex-col gap-2 sm:flex-row sm:items-end"
          onSubmit={(e) => {
            e.preventDefault();
            setFieldError(null);
            if (!reference.trim()) return setFieldError("Enter the reference of your transfer.");
            void sent.run({ orgId, paymentId: p.id, reference }).then((r) => r && setSending(false));
          }}
        >
          <Field label="Transfer reference" error={fieldError ?? undefined}>
            <Input id={`${id}-ref`} value={reference} maxLength={140} onChange={(e) => setReference(e.target.value)} placeholder="SEPA 2027-0042" autoFocus />
          </Field>
          <div className="flex gap-2">
            <Button type="submit" loading={sent.pending}>
              Mark as sent
            </Button>
            <Button type="button" variant="ghost" onClick={() => setSending(false)}>
              Cancel
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}

type ServerError = { message?: string; data?: { fieldErrors?: Record<string, string[] | undefined> | null } | null };

/**
 * The workshop refunds a cancelled order's payment, by the rule the server states (src/lib/refunds.ts):
 * the amount (the whole of it, or what the workshop decides after production started), and for a bank
 * transfer the reference of the transfer sent back. A dialog asks before anything is sent; errors stand
 * next to their fields.
 */
function RefundForm({ orgId, queryKey, payment: p, rule }: { orgId: string; queryKey: readonly unknown[]; payment: PaymentView; rule: NonNullable<PaymentView["refund"]> }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const card = p.method === "card";
  const [amount, setAmount] = useState(() => toDecimalString(rule.maxMinor, p.currency));
  const [reference, setReference] = useState("");
  const [errors, setErrors] = useState<{ amountMinor?: string; reference?: string; form?: string }>({});
  const refund = useMutation(trpc.payment.refund.mutationOptions());
  const parsed = parseMoney(amount, p.currency);
  const amountMinor = parsed.ok && parsed.money.currency === p.currency ? parsed.money.amountMinor : null;

  const check = () => {
    const next: typeof errors = {};
    if (!parsed.ok) next.amountMinor = parsed.error;
    else if (parsed.money.currency !== p.currency) next.amountMinor = `Refund in ${p.currency}, the payment's currency.`;
    else if (parsed.money.amountMinor > rule.maxMinor) next.amountMinor = `At most ${money(rule.maxMinor, p.currency)} can be refunded.`;
    else if (parsed.money.amountMinor < Math.max(1, rule.minMinor)) next.amountMinor = rule.mode === "full" ? `${rule.explanation} Refund ${money(rule.maxMinor, p.currency)}.` : "Enter an amount above zero.";
    if (!card && !reference.trim()) next.reference = "Enter the reference of the transfer you sent back.";
    setErrors(next);
    return Object.keys(next).length === 0;
  };

  return (
    <form {...POST_ONLY} className="flex flex-col gap-2 rounded-md border border-line p-3" aria-label={`Refund the ${PAYMENT_KIND_LABELS[p.kind].toLowerCase()}`} onSubmit={(e) => e.preventDefault()}>
      <p className="text-ink-muted">{rule.explanation}</p>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
        <Field label={`Amount to refund (${p.currency})`} error={errors.amountMinor}>
          <Input id={`${id}-amount`} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} readOnly={rule.mode === "full"} className="sm:w-44" />
        </Field>
        {!card && (
          <Field label="Reference of your transfer back" error={errors.reference}>
            <Input id={`${id}-ref`} value={reference} maxLength={140} onChange={(e) => setReference(e.target.value)} placeholder="SEPA 2027-0099" />
          </Field>
        )}
      </div>
      {errors.form && <FormError message={errors.form} />}
      <ConfirmDialog
        trigger={
          <Button variant="secondary" className="self-start" onClick={(e) => !check() && e.preventDefault()}>
            {card ? "Refund to the card" : "Record the refund"}
          </Button>
        }
        title={`Refund ${amountMinor !== null ? money(amountMinor, p.currency) : "this amount"} of the ${PAYMENT_KIND_LABELS[p.kind].toLowerCase()}?`}
        description={card ? "Stripe returns it to the brand's card and takes it back from your payouts. This cannot be undone." : "Record it only once you have sent the money back. The brand sees the payment as refunded; this cannot be undone."}
        confirmLabel={card ? "Refund" : "Record refund"}
        onConfirm={async () => {
          if (!check() || amountMinor === null) return;
          try {
            const r = await refund.mutateAsync({ orgId, paymentId: p.id, amountMinor, reference });
            if (r.refund === "failed") setErrors({ form: r.message });
            else toast.success(r.refund === "processing" ? r.message : "Refund recorded.");
            await queryClient.invalidateQueries({ queryKey });
          } catch (err) {
            const e = err as ServerError;
            const fields = e.data?.fieldErrors ?? {};
            const amountError = fields.amountMinor?.[0];
            const referenceError = fields.reference?.[0];
            setErrors(amountError || referenceError ? { amountMinor: amountError, reference: referenceError } : { form: e.message || "The refund could not be made. Try again." });
          }
        }}
      />
    </form>
  );
}
