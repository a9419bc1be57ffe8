"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage } from "~/components/forms/server-errors";
import { useHydrated } from "~/components/forms/use-hydrated";
import { Button } from "~/components/ui/button";
import { FormError } from "~/components/ui/field";
import { useTRPC } from "~/trpc/react";

/** Says why an action waits for a verified email, and sends a new link on request. */
export function VerifyEmailNotice({ email, why }: { email: string; why: string }) {
  const trpc = useTRPC();
  const [error, setError] = useState<string | null>(null);
  const hydrated = useHydrated();
  const resend = useMutation(trpc.auth.resendVerification.mutationOptions());
  return (
    <div className="flex flex-col gap-3 rounded-md bg-warning-soft px-4 py-3 text-sm text-warning" role="status">
      <p>
        <strong>Verify your email first.</strong> {why} We sent a link to <strong>{email}</strong> when you signed up; open it, then come back here.
      </p>
      {resend.data ? (
        <p>{resend.data.sent ? `A new link is on its way to ${email}.` : "Your email is already verified. Reload the page."}</p>
      ) : (
        <Button
          variant="secondary"
          size="sm"
          className="self-start"
          loading={resend.isPending}
          disabled={!hydrated}
          onClick={async () => {
            setError(null);
            try {
              await resend.mutateAsync();
            } catch (err) {
              setError(errorMessage(err));
            }
          }}
        >
          Send a new link
        </Button>
      )}
      <FormError message={error} />
    </div>
  );
}
