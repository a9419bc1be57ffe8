"use client";

import * as AlertDialog from "@radix-ui/react-alert-dialog";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useFormMutation } from "~/components/forms/use-form-mutation";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { DIALOG_CLASS, FormDialog } from "~/components/ui/form-dialog";
import { Textarea } from "~/components/ui/input";
import { cancelOrderSchema, type OrderStatusAction } from "~/lib/order-status";
import { useTRPC } from "~/trpc/react";

type Props = { orgId: string; orderId: string; orderLabel: string; otherName: string; actions: OrderStatusAction[] };

/**
 * "Cancel order…" and "Close order…" on an order's page, only those the member may use now (the server
 * says which: src/lib/order-status.ts). Cancelling asks for the reason in its confirmation; both say
 * what follows, and the other party is told.
 */
export function OrderStatusActions({ orgId, orderId, orderLabel, otherName, actions }: Props) {
  if (actions.length === 0) return null;
  return (
    <div className="flex flex-wrap gap-2">
      {actions.includes("close") && <CloseOrder orgId={orgId} orderId={orderId} orderLabel={orderLabel} otherName={otherName} />}
      {actions.includes("cancel") && <CancelOrder orgId={orgId} orderId={orderId} orderLabel={orderLabel} otherName={otherName} />}
    </div>
  );
}

type One = Omit<Props, "actions">;

function CancelOrder({ orgId, orderId, orderLabel, otherName }: One) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const form = useForm<{ reason: string }>({ defaultValues: { reason: "" } });
  const cancel = useFormMutation(trpc.order.cancel.mutationOptions(), {
    form: { setError: form.setError, fields: ["reason"] },
    success: `${orderLabel} is cancelled.`,
    onSuccess: () => setOpen(false),
  });
  const busy = form.formState.isSubmitting;
  return (
    <FormDialog
      open={open}
      onOpenChange={setOpen}
      busy={busy}
      trigger={<Button variant="danger">Cancel order…</Button>}
      label={`Cancel ${orderLabel}`}
      title={`Cancel ${orderLabel}?`}
      description={
        <>
          The order stops for good: its milestones are no longer reported on and it cannot be reopened. {otherName} is told, with your reason. The workshop then refunds what was paid:
          in full before production started; after it started, it decides how much of the deposit.
        </>
      }
      formError={cancel.formError}
      keepLabel="Keep the order"
      submitLabel="Cancel order"
      destructive
      onSubmit={form.handleSubmit(async (v) => {
        const parsed = cancelOrderSchema.safeParse({ orderId, reason: v.reason });
        if (!parsed.success) return form.setError("reason", { message: parsed.error.issues[0]?.message ?? "Say why the order is cancelled." });
        await cancel.run({ orgId, ...parsed.data });
      })}
    >
      <Field label="Reason" error={form.formState.errors.reason?.message} hint="Both sides see it on the order.">
        <Textarea rows={3} maxLength={1000} autoFocus {...form.register("reason")} />
      </Field>
    </FormDialog>
  );
}

function CloseOrder({ orgId, orderId, orderLabel, otherName }: One) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const close = useFormMutation(trpc.order.close.mutationOptions(), { success: `${orderLabel} is closed.`, onSuccess: () => setOpen(false) });
  return (
    <AlertDialog.Root open={open} onOpenChange={(o) => !close.pending && setOpen(o)}>
      <AlertDialog.Trigger asChild>
        <Button variant="secondary">Close order…</Button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-ink/40" />
        <AlertDialog.Content className={DIALOG_CLASS}>
          <AlertDialog.Title className="text-lg font-semibold">Close {orderLabel}?</AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-sm text-ink-muted">
            The order was delivered. Closing it marks it finished on both sides, and it cannot be reopened. {otherName} is told.
          </AlertDialog.Description>
          <div className="mt-6 flex flex-wrap justify-end gap-2">
            <AlertDialog.Cancel asChild>
              <Button variant="secondary" disabled={close.pending}>
                Keep it open
              </Button>
            </AlertDialog.Cancel>
            <Button loading={close.pending} onClick={() => void close.run({ orgId, orderId })}>
              Close order
            </Button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
