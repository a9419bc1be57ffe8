"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { useFormMutation } from "~/components/forms/use-form-mutation";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { FormDialog } from "~/components/ui/form-dialog";
import { Textarea } from "~/components/ui/input";
import { refundReservationSchema } from "~/lib/preorder-schemas";
import { useTRPC } from "~/trpc/react";
import { money } from "./format";

type Reservation = { id: string; reference: string; customerName: string; status: string; paidMinor: number; refundedMinor: number; refundPendingMinor: number; currency: string };

/**
 * Refunds one reservation with a reason the customer reads: a paid one gets back everything paid (to the
 * card, through Stripe), one awaiting payment is cancelled and charged nothing. Its units are freed.
 */
export function RefundDialog({ orgId, campaignId, reservation: r }: { orgId: string; campaignId: string; reservation: Reservation }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const form = useForm<{ reason: string }>({ defaultValues: { reason: "" } });
  const refund = useFormMutation(trpc.preorderDashboard.refund.mutationOptions(), {
    form: { setError: form.setError, fields: ["reason"] },
    success: (d) =>
      d.status === "cancelled" ? `${r.reference} is cancelled; nothing was charged.` : d.status === "refund_pending" ? `${r.reference} is refunded; the card refund is on its way.` : `${r.reference} is refunded.`,
    onSuccess: () => {
      setOpen(false);
      form.reset();
    },
  });
  const busy = form.formState.isSubmitting;
  const held = r.status === "held";
  const owed = r.paidMinor - r.refundedMinor - r.refundPendingMinor;
  const action = held ? "Cancel" : "Refund";
  return (
    <FormDialog
      open={open}
      onOpenChange={setOpen}
      busy={busy}
      trigger={
        <Button variant="secondary" size="sm" aria-label={`${action} ${r.reference} (${r.customerName})`}>
          {action}…
        </Button>
      }
      label={`${action} ${r.reference}`}
      title={`${action} ${r.reference} of ${r.customerName}?`}
      description={
        <>
          {held
            ? "The reservation is cancelled and its checkout closed; nothing was charged. Its units go back on sale."
            : `${money(owed, r.currency)} is refunded in full to the customer's card and the units go back on sale.`}{" "}
          The customer is emailed your reason. This cannot be undone.
        </>
      }
      formError={refund.formError}
      keepLabel="Keep it"
      submitLabel={held ? "Cancel the reservation" : `Refund ${money(owed, r.currency)}`}
      destructive
      onSubmit={form.handleSubmit(async (v) => {
        const parsed = refundReservationSchema.shape.reason.safeParse(v.reason);
        if (!parsed.success) return form.setError("reason", { message: parsed.error.issues[0]?.message ?? "Say why." });
        await refund.run({ orgId, campaignId, reservationId: r.id, reason: parsed.data, confirm: true });
      })}
    >
      <Field label="Reason" error={form.formState.errors.reason?.message} hint="The customer reads it in their email.">
        <Textarea rows={3} maxLength={1000} autoFocus {...form.register("reason")} />
      </Field>
    </FormDialog>
  );
}
