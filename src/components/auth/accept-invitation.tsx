"use client";

import { useMutation } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorMessage } from "~/components/forms/server-errors";
import { Button } from "~/components/ui/button";
import { FormError } from "~/components/ui/field";
import { useTRPC } from "~/trpc/react";

export function AcceptInvitation({ token, signOutOnly, callbackUrl }: { token: string; signOutOnly?: boolean; callbackUrl?: string }) {
  const router = useRouter();
  const trpc = useTRPC();
  const [error, setError] = useState<string | null>(null);
  const accept = useMutation(trpc.invitation.accept.mutationOptions());

  if (signOutOnly) {
    return (
      <Button className="mt-4 w-full" variant="secondary" onClick={() => signOut({ callbackUrl })}>
        Sign out
      </Button>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      <FormError message={error} />
      <Button
        size="lg"
        loading={accept.isPending}
        onClick={async () => {
          setError(null);
          try {
            const org = await accept.mutateAsync({ token });
            router.replace(`/${org.kind}/${org.slug}`);
            router.refresh();
          } catch (err) {
            setError(errorMessage(err));
          }
        }}
      >
        Accept invitation
      </Button>
    </div>
  );
}
