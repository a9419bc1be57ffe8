"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { POST_ONLY } from "~/components/forms/post-only";
import { useFormMutation } from "~/components/forms/use-form-mutation";
import { Button } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { Field, FormError } from "~/components/ui/field";
import { Textarea } from "~/components/ui/input";
import { useTRPC } from "~/trpc/react";

export function DeclineRfqForm({ orgId, invitationId, brandName }: { orgId: string; invitationId: string; brandName: string }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const form = useForm<{ reason: string }>({ defaultValues: { reason: "" } });
  const decline = useFormMutation(trpc.quote.decline.mutationOptions(), { form: { setError: form.setError, fields: ["reason"] }, success: `Declined. ${brandName} has been told why.` });
  if (!open) {
    return (
      <Button type="button" variant="ghost" onClick={() => setOpen(true)}>
        Decline to quote…
      </Button>
    );
  }
  return (
    <form
      {...POST_ONLY}
      noValidate
      onSubmit={form.handleSubmit(async (v) => {
        if (!v.reason.trim()) return form.setError("reason", { message: "Say why you decline, so the brand can plan." });
        await decline.run({ orgId, invitationId, reason: v.reason });
      })}
      className="flex flex-col gap-2"
    >
      <FormError message={decline.formError} />
      <Field label="Reason" error={form.formState.errors.reason?.message} hint={`${brandName} reads it. Declining cannot be undone.`}>
        <Textarea rows={3} autoFocus placeholder="Fully booked until June; we do not set pavé." {...form.register("reason")} />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" variant="danger" loading={form.formState.isSubmitting}>
          Decline
        </Button>
        <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

export function WithdrawQuoteButton({ orgId, quoteVersionId, number }: { orgId: string; quoteVersionId: string; number: number }) {
  const trpc = useTRPC();
  const withdraw = useFormMutation(trpc.quote.withdraw.mutationOptions(), { success: "Withdrawn. The brand has been told." });
  return (
    <ConfirmDialog
      trigger={
        <Button size="sm" variant="ghost">
          Withdraw version {number}…
        </Button>
      }
      title="Withdraw this quote?"
      description="The brand can no longer accept it. While the request is open you can send a new version."
      confirmLabel="Withdraw"
      onConfirm={() => withdraw.run({ orgId, quoteVersionId })}
    />
  );
}
