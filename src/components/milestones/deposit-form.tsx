"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { Field, FormError } from "~/components/ui/field";
import { Input } from "~/components/ui/input";
import { recordBankTransferSchema } from "~/lib/milestone-schemas";
import { useTRPC } from "~/trpc/react";
import { splitErrors } from "./field-errors";

const FIELDS = ["receivedOn", "reference"] as const;
/** Today in this browser, as the default day the transfer arrived (the server checks it against the workshop's day). */
const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};

/**
 * The workshop records by hand a bank transfer it received for the deposit: the day it arrived and the
 * bank's reference. It completes "Deposit received" for good, so it asks first.
 */
export function DepositForm({ orgId, orderId, depositLabel }: { orgId: string; orderId: string; depositLabel: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [receivedOn, setReceivedOn] = useState(localToday);
  const [reference, setReference] = useState("");
  const [errors, setErrors] = useState<{ fields: Record<string, string>; form: string | null }>({ fields: {}, form: null });
  const record = useMutation(trpc.milestone.recordBankTransfer.mutationOptions());

  const check = () => {
    const parsed = recordBankTransferSchema.safeParse({ orderId, receivedOn, reference });
    if (parsed.success) {
      setErrors({ fields: {}, form: null });
      return true;
    }
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[String(issue.path[0])] ??= issue.message;
    setErrors({ fields, form: null });
    return false;
  };

  const send = async () => {
    try {
      await record.mutateAsync({ orgId, orderId, receivedOn, reference });
      toast.success("Deposit recorded.");
      await queryClient.invalidateQueries({ queryKey: trpc.milestone.timeline.queryKey({ orgId, orderId }) });
      router.refresh();
    } catch (err) {
      setErrors(splitErrors(err, FIELDS));
    }
  };

  return (
    <div className="flex flex-col gap-3 rounded-md border border-line bg-sunken p-3">
      <p className="text-sm font-medium">Record the bank transfer of the deposit ({depositLabel})</p>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Received on" error={errors.fields.receivedOn}>
          <Input type="date" value={receivedOn} max={localToday()} onChange={(e) => setReceivedOn(e.target.value)} />
        </Field>
        <Field label="Bank reference (optional)" error={errors.fields.reference}>
          <Input value={reference} maxLength={120} onChange={(e) => setReference(e.target.value)} />
        </Field>
      </div>
      <FormError message={errors.form} />
      <ConfirmDialog
        trigger={
          <Button
            type="button"
            className="self-start"
            onClick={(e) => {
              if (!check()) e.preventDefault();
            }}
          >
            Record deposit…
          </Button>
        }
        title="Record the deposit as received?"
        description={`This completes "Deposit received" on ${receivedOn} and tells the brand. It cannot be undone.`}
        confirmLabel="Record deposit"
        destructive={false}
        onConfirm={send}
      />
    </div>
  );
}
