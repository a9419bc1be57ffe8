"use client";

import { AlertTriangle } from "lucide-react";
import { useEffect } from "react";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";

/**
 * A page of a portal that failed to render. Shown inside the portal's layout, so the header and the
 * navigation stay and the person can go elsewhere or try again.
 */
export function PortalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <Card>
      <EmptyState
        icon={<AlertTriangle aria-hidden />}
        title="This page could not be loaded"
        description={
          <>
            Nothing you entered was lost. Try again, or use the navigation to go elsewhere.
            {error.digest && <span className="mt-2 block text-xs text-ink-subtle">Reference: {error.digest}</span>}
          </>
        }
        action={<Button onClick={reset}>Try again</Button>}
      />
    </Card>
  );
}
