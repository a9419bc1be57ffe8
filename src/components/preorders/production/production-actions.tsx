"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { POST_ONLY } from "~/components/forms/post-only";
import { useFormMutation } from "~/components/forms/use-form-mutation";
import { Button } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { Field, FormError } from "~/components/ui/field";
import { FormDialog } from "~/components/ui/form-dialog";
import { Input, Select, Textarea } from "~/components/ui/input";
import { useTRPC } from "~/trpc/react";

type Ids = { orgId: string; campaignId: string };
type Options = { quotes: { quoteVersionId: string; label: string; status: string }[]; orders: { orderId: string; label: string }[] };

/** Links the campaign to a live or accepted quote (progress), or to an order already placed (live date). */
export function LinkProduction({ orgId, campaignId, options }: Ids & { options: Options }) {
  const trpc = useTRPC();
  const form = useForm<{ target: string }>({ defaultValues: { target: "" } });
  const linkQuote = useFormMutation(trpc.preorderProduction.linkQuote.mutationOptions(), { form: { setError: form.setError, fields: ["quoteVersionId"] }, success: "The campaign is measured against this quote." });
  const linkOrder = useFormMutation(trpc.preorderProduction.linkOrder.mutationOptions(), { form: { setError: form.setError, fields: ["orderId"] }, success: "The campaign follows this order." });
  if (options.quotes.length === 0 && options.orders.length === 0) {
    return <p className="text-sm text-ink-muted">No quote or order of yours is on this design revision yet: create an RFQ from the totals once the window closes.</p>;
  }
  const error = form.formState.errors.target?.message ?? (form.formState.errors as Record<string, { message?: string } | undefined>).quoteVersionId?.message ?? (form.formState.errors as Record<string, { message?: string } | undefined>).orderId?.message;
  return (
    <form
      {...POST_ONLY}
      noValidate
      aria-label="Link to production"
      className="flex flex-col gap-2 sm:flex-row sm:items-end"
      onSubmit={form.handleSubmit(async ({ target }) => {
        const [kind, id] = target.split(":");
        if (!kind || !id) return form.setError("target", { message: "Choose a quote or an order." });
        if (kind === "quote") await linkQuote.run({ orgId, campaignId, quoteVersionId: id });
        else await linkOrder.run({ orgId, campaignId, orderId: id });
      })}
    >
      <Field label="Link to a quote or an order" error={error} className="min-w-0 flex-1">
        <Select {...form.register("target")}>
          <option value="">Choose…</option>
          {options.quotes.length > 0 && (
            <optgroup label="Quotes">
              {options.quotes.map((q) => (
                <option key={q.quoteVersionId} value={`quote:${q.quoteVersionId}`}>
                  {q.label} ({q.status})
                </option>
              ))}
            </optgroup>
          )}
          {options.orders.length > 0 && (
            <optgroup label="Orders">
              {options.orders.map((o) => (
                <option key={o.orderId} value={`order:${o.orderId}`}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          )}
        </Select>
      </Field>
      <FormError message={linkQuote.formError ?? linkOrder.formError} />
      <Button type="submit" variant="secondary" loading={form.formState.isSubmitting}>
        Link
      </Button>
    </form>
  );
}

/** "Create RFQ from totals" and "Place order on quote", each behind a confirmation that says what is sent. */
export function ToProduction({ orgId, campaignId, paidUnits, sizes, quoteLabel, canRfq, canOrder }: Ids & { paidUnits: number; sizes: string; quoteLabel: string | null; canRfq: boolean; canOrder: boolean }) {
  const trpc = useTRPC();
  const rfq = useFormMutation(trpc.preorderProduction.createRfq.mutationOptions(), { success: (d) => `${d.label} is drafted from the totals.` });
  const order = useFormMutation(trpc.preorderProduction.placeOrder.mutationOptions(), { success: (d) => `Order ${d.label} is placed.` });
  return (
    <>
      {canRfq && (
        <ConfirmDialog
          trigger={<Button variant="secondary">Create RFQ from totals…</Button>}
          title="Create a request for quote from the totals?"
          description={`A draft RFQ with one line for this design revision: ${paidUnits} pieces (${sizes}). You choose the workshops and send it from the RFQ's page.`}
          confirmLabel="Create the draft"
          destructive={false}
          onConfirm={() => rfq.run({ orgId, campaignId })}
        />
      )}
      {canOrder && quoteLabel && (
        <ConfirmDialog
          trigger={<Button>Place order on quote…</Button>}
          title="Place the order on the linked quote?"
          description={`This accepts ${quoteLabel} at ${paidUnits} pieces (${sizes}): the order is placed with the workshop, the other quotes of its RFQ are declined, and the campaign follows the order's delivery date.`}
          confirmLabel="Place the order"
          destructive={false}
          onConfirm={() => order.run({ orgId, campaignId })}
        />
      )}
    </>
  );
}

const localInput = (iso: string) => {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/** A later close of the window; what is reserved stays as it is. */
export function ExtendWindow({ orgId, campaignId, closesAt }: Ids & { closesAt: string }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const form = useForm<{ closesAt: string }>({ defaultValues: { closesAt: localInput(new Date(Math.max(Date.parse(closesAt), Date.now()) + 7 * 86_400_000).toISOString()) } });
  const extend = useFormMutation(trpc.preorderProduction.extendWindow.mutationOptions(), {
    form: { setError: form.setError, fields: ["closesAt"] },
    success: "The window is extended.",
    onSuccess: () => setOpen(false),
  });
  const busy = form.formState.isSubmitting;
  return (
    <FormDialog
      open={open}
      onOpenChange={setOpen}
      busy={busy}
      trigger={<Button variant="secondary">Extend the window…</Button>}
      label="Extend the window"
      title="Extend the window?"
      description="Customers can reserve until the new close. Every reservation so far stays as it is."
      formError={extend.formError}
      keepLabel="Keep it"
      submitLabel="Extend"
      onSubmit={form.handleSubmit(async (v) => {
        const when = new Date(v.closesAt);
        if (Number.isNaN(when.getTime())) return form.setError("closesAt", { message: "Choose when the window closes." });
        await extend.run({ orgId, campaignId, closesAt: when });
      })}
    >
      <Field label="Closes at" error={form.formState.errors.closesAt?.message}>
        <Input type="datetime-local" {...form.register("closesAt")} />
      </Field>
    </FormDialog>
  );
}

/** Cancels the campaign with a reason customers read; every payment is given back. */
export function CancelCampaign({ orgId, campaignId, title, paidUnits, heldUnits }: Ids & { title: string; paidUnits: number; heldUnits: number }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const form = useForm<{ reason: string }>({ defaultValues: { reason: "" } });
  const cancel = useFormMutation(trpc.preorderProduction.cancel.mutationOptions(), {
    form: { setError: form.setError, fields: ["reason"] },
    success: (d) => (d.left > 0 ? `The campaign is cancelled; ${d.left} refund${d.left === 1 ? "" : "s"} failed: retry them.` : "The campaign is cancelled and every payment is given back."),
    onSuccess: () => setOpen(false),
  });
  const busy = form.formState.isSubmitting;
  return (
    <FormDialog
      open={open}
      onOpenChange={setOpen}
      busy={busy}
      trigger={<Button variant="danger">Cancel campaign…</Button>}
      label={`Cancel ${title}`}
      title={`Cancel ${title}?`}
      description={
        <>
          The page takes no more reservations. {paidUnits} paid unit{paidUnits === 1 ? " is" : "s are"} refunded in full to the customers&apos; cards and {heldUnits} awaiting payment {heldUnits === 1 ? "is" : "are"} cancelled; every
          customer is emailed your reason. This cannot be undone.
        </>
      }
      formError={cancel.formError}
      keepLabel="Keep the campaign"
      submitLabel="Cancel and refund"
      destructive
      onSubmit={form.handleSubmit(async (v) => {
        if (!v.reason.trim()) return form.setError("reason", { message: "Say why the campaign is cancelled: customers read it." });
        await cancel.run({ orgId, campaignId, reason: v.reason });
      })}
    >
      <Field label="Reason" error={form.formState.errors.reason?.message} hint="Customers read it in their email.">
        <Textarea rows={3} maxLength={1000} autoFocus {...form.register("reason")} />
      </Field>
    </FormDialog>
  );
}

/** The refunds a cancelled campaign could not make (Stripe refused or was unreachable), tried again. */
export function RetryRefunds({ orgId, campaignId, left }: Ids & { left: number }) {
  const trpc = useTRPC();
  const retry = useFormMutation(trpc.preorderProduction.retryRefunds.mutationOptions(), {
    success: (d) => (d.left > 0 ? `${d.left} refund${d.left === 1 ? "" : "s"} still failed.` : "Every payment is given back."),
  });
  return (
    <Button variant="secondary" loading={retry.pending} onClick={() => void retry.run({ orgId, campaignId })}>
      Retry refunds ({left})
    </Button>
  );
}
