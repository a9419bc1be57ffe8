"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { errorMessage } from "~/components/forms/server-errors";
import { useHydrated } from "~/components/forms/use-hydrated";
import { Button } from "~/components/ui/button";
import { FormError } from "~/components/ui/field";
import { useTRPC } from "~/trpc/react";

/**
 * Verifying takes a click rather than happening when the page opens, so a mail scanner that fetches every
 * link cannot use the single-use link up before its owner does.
 */
export function VerifyEmail({ token, next, signedIn }: { token: string; next: string; signedIn: boolean }) {
  const trpc = useTRPC();
  const [error, setError] = useState<string | null>(null);
  const hydrated = useHydrated();
  const verify = useMutation(trpc.auth.verifyEmail.mutationOptions());

  if (verify.data) {
    const email = verify.data.email;
    const href = signedIn ? next : `/sign-in?email=${encodeURIComponent(email)}&callbackUrl=${encodeURIComponent(next)}`;
    return (
      <div className="flex flex-col gap-4" role="status">
        <p className="rounded-md bg-success-soft px-3 py-2 text-sm text-success">Your email {email} is verified.</p>
        <Button asChild size="lg">
          <Link href={href}>{signedIn ? "Continue" : "Sign in to continue"}</Link>
        </Button>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      <FormError message={error} />
      <Button
        size="lg"
        loading={verify.isPending}
        disabled={!hydrated}
        onClick={async () => {
          setError(null);
          try {
            await verify.mutateAsync({ token });
          } catch (err) {
            setError(errorMessage(err));
          }
        }}
      >
        Confirm my email
      </Button>
    </div>
  );
}
