"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorMessage } from "~/components/forms/server-errors";
import { Button } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { FormError } from "~/components/ui/field";
import { useTRPC } from "~/trpc/react";

/** Pay again while held, pay the balance, cancel (behind a confirmation) when the policy allows. */
export function ReservationActions({ token, canPay, canPayBalance, canCancel, cancelText }: { token: string; canPay: boolean; canPayBalance: boolean; canCancel: boolean; cancelText: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const pay = useMutation(trpc.preorderPublic.payAgain.mutationOptions());
  const balance = useMutation(trpc.preorderPublic.payBalance.mutationOptions());
  const cancel = useMutation(trpc.preorderPublic.cancel.mutationOptions());
  const go = async (run: () => Promise<{ checkoutUrl: string }>) => {
    setError(null);
    try {
      window.location.assign((await run()).checkoutUrl);
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <div className="space-y-3">
      <FormError message={error} />
      <div className="flex flex-wrap gap-2">
        {canPay && (
          <Button loading={pay.isPending} onClick={() => go(() => pay.mutateAsync({ token }))}>
            Pay now
          </Button>
        )}
        {canPayBalance && (
          <Button loading={balance.isPending} onClick={() => go(() => balance.mutateAsync({ token }))}>
            Pay the balance
          </Button>
        )}
        {canCancel && (
          <ConfirmDialog
            trigger={<Button variant="secondary">Cancel reservation…</Button>}
            title="Cancel this reservation?"
            description={cancelText}
            confirmLabel="Cancel reservation"
            onConfirm={async () => {
              setError(null);
              try {
                await cancel.mutateAsync({ token });
                router.refresh();
              } catch (err) {
                setError(errorMessage(err));
              }
            }}
          />
        )}
      </div>
    </div>
  );
}
