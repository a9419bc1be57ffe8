"use client";

import { Pencil } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useFormMutation } from "~/components/forms/use-form-mutation";
import { Button } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { useTRPC } from "~/trpc/react";
import { DesignForm } from "./design-form";

type DesignFormProps = React.ComponentProps<typeof DesignForm>;

/** The design's details with an "Edit" that opens the form in place. */
export function DesignDetails(props: Omit<DesignFormProps, "onDone"> & { canEdit: boolean; children: React.ReactNode }) {
  const [editing, setEditing] = useState(false);
  const { canEdit, children, ...form } = props;
  if (editing) return <DesignForm {...form} onDone={() => setEditing(false)} />;
  return (
    <div className="flex flex-col gap-3">
      {children}
      {canEdit && (
        <div>
          <Button variant="secondary" size="sm" onClick={() => setEditing(true)}>
            <Pencil aria-hidden /> Edit details
          </Button>
        </div>
      )}
    </div>
  );
}

/** "Edit" on a revision: opens the design's draft, starting it from this revision when there is none. */
export function StartDraftButton({ orgId, slug, designId, revisionId, label = "Edit" }: { orgId: string; slug: string; designId: string; revisionId: string; label?: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const start = useFormMutation(trpc.design.startDraft.mutationOptions(), {
    success: (d) => (d.existing ? `Revision ${d.number} is already the draft.` : `Revision ${d.number} started as a draft.`),
    refresh: false,
    onSuccess: (d) => router.push(`/brand/${slug}/designs/${designId}/revisions/${d.number}`),
  });
  return (
    <Button variant="secondary" loading={start.pending} onClick={() => void start.run({ orgId, revisionId })}>
      <Pencil aria-hidden /> {label}
    </Button>
  );
}

/** Approves a draft after saying what that means: frozen for good, ready to send for quotes. */
export function ApproveButton({ orgId, revisionId, number, sku, disabledReason }: { orgId: string; revisionId: string; number: number; sku: string; disabledReason: string | null }) {
  const trpc = useTRPC();
  const approve = useFormMutation(trpc.design.approve.mutationOptions(), { success: `Revision ${number} approved.` });
  if (disabledReason) {
    return (
      <div className="flex flex-col items-start gap-1">
        <Button disabled>Approve revision {number}</Button>
        <p className="text-sm text-ink-muted">{disabledReason}</p>
      </div>
    );
  }
  return (
    <ConfirmDialog
      trigger={<Button variant="accent">Approve revision {number}</Button>}
      title={`Approve revision ${number} of ${sku}?`}
      description="An approved revision is frozen for good: its spec and files can never change again, and workshops will quote exactly this. To change anything later, start a new revision from it."
      confirmLabel={`Approve revision ${number}`}
      destructive={false}
      onConfirm={() => approve.run({ orgId, revisionId })}
    />
  );
}
