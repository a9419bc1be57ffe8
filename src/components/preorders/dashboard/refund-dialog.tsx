"use client";

import * as AlertDialog from "@radix-ui/react-alert-dialog";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { POST_ONLY } from "~/components/forms/post-only";
import { useFormMutation } from "~/components/forms/use-form-mutation";
import { Button } from "~/components/ui/button";
import { Field, FormError } from "~/components/ui/field";
import { Textarea } from "~/components/ui/input";
import { refundReservationSchema } from "~/lib/preorder-schemas";
import { useTRPC } from "~/trpc/react";
import { DIALOG } from "./dialog";
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
    <AlertDialog.Root open={open} onOpenChange={(o) => !busy && setOpen(o)}>
      <AlertDialog.Trigger asChild>
        <Button variant="secondary" size="sm" aria-label={`${action} ${r.reference} (${r.customerName})`}>
          {action}…
        </Button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-ink/40" />
        <AlertDialog.Content className={DIALOG}>
          <form
            {...POST_ONLY}
            noValidate
            aria-label={`${action} ${r.reference}`}
            onSubmit={form.handleSubmit(async (v) => {
              const parsed = refundReservationSchema.shape.reason.safeParse(v.reason);
              if (!parsed.success) return form.setError("reason", { message: parsed.error.issues[0]?.message ?? "Say why." });
              await refund.run({ orgId, campaignId, reservationId: r.id, reason: parsed.data, confirm: true });
            })}
          >
            <AlertDialog.Title className="text-lg font-semibold">
              {action} {r.reference} of {r.customerName}?
            </AlertDialog.Title>
            <AlertDialog.Description className="mt-2 text-sm text-ink-muted">
              {held
                ? "The reservation is cancelled and its checkout closed; nothing was charged. Its units go back on sale."
                : `${money(owed, r.currency)} is refunded in full to the customer's card and the units go back on sale.`}{" "}
              The customer is emailed your reason. This cannot be undone.
            </AlertDialog.Description>
            <div className="mt-4 flex flex-col gap-3">
              <FormError message={refund.formError} />
              <Field label="Reason" error={form.formState.errors.reason?.message} hint="The customer reads it in their email.">
                <Textarea rows={3} maxLength={1000} autoFocus {...form.register("reason")} />
              </Field>
            </div>
            <div className="mt-6 flex flex-wrap justify-end gap-2">
              <AlertDialog.Cancel asChild>
                <Button type="button" variant="secondary" disabled={busy}>
                  Keep it
                </Button>
              </AlertDialog.Cancel>
              <Button type="submit" variant="danger" loading={busy}>
                {held ? "Cancel the reservation" : `Refund ${money(owed, r.currency)}`}
              </Button>
            </div>
          </form>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
