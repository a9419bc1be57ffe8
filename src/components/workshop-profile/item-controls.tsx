"use client";

import { ArrowDown, ArrowUp, Pencil, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useOptimistic, useTransition } from "react";
import { toast } from "sonner";
import { errorMessage } from "~/components/forms/server-errors";
import { Button } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";

/** Move up / move down / edit / remove for one row of an ordered list; removing asks first. */
export function ItemControls({
  name,
  index,
  count,
  busy,
  onMove,
  onEdit,
  onRemove,
  removeTitle,
  removeDescription,
}: {
  name: string;
  index: number;
  count: number;
  busy: boolean;
  onMove: (from: number, to: number) => void;
  onEdit: () => void;
  onRemove: () => Promise<unknown>;
  removeTitle: string;
  removeDescription: string;
}) {
  return (
    <div className="ml-auto flex shrink-0 items-center gap-0.5">
      <Button type="button" variant="ghost" size="sm" className="px-2" aria-label={`Move ${name} up`} title="Move up" disabled={busy || index === 0} onClick={() => onMove(index, index - 1)}>
        <ArrowUp aria-hidden />
      </Button>
      <Button
        type="button"
        variant="ghost"
        size="sm"
        className="px-2"
        aria-label={`Move ${name} down`}
        title="Move down"
        disabled={busy || index === count - 1}
        onClick={() => onMove(index, index + 1)}
      >
        <ArrowDown aria-hidden />
      </Button>
      <Button type="button" variant="ghost" size="sm" className="px-2" aria-label={`Edit ${name}`} title="Edit" disabled={busy} onClick={onEdit}>
        <Pencil aria-hidden />
      </Button>
      <ConfirmDialog
        trigger={
          <Button type="button" variant="ghost" size="sm" className="px-2 hover:text-danger" aria-label={`Remove ${name}`} title="Remove" disabled={busy}>
            <Trash2 aria-hidden />
          </Button>
        }
        title={removeTitle}
        description={removeDescription}
        confirmLabel="Remove"
        onConfirm={onRemove}
      />
    </div>
  );
}

/** The ids of a list after moving one item, for a reorder call. */
export function moved<T extends { id: string }>(items: T[], from: number, to: number): string[] {
  const ids = items.map((i) => i.id);
  const [id] = ids.splice(from, 1);
  ids.splice(to, 0, id!);
  return ids;
}

/**
 * An ordered list whose new order shows at once and stays until the refreshed list arrives (or reverts
 * when saving fails). `save` receives the ids in their new order.
 */
export function useOptimisticOrder<T extends { id: string }>(items: T[], save: (ids: string[]) => Promise<unknown>) {
  const router = useRouter();
  const [shown, setShown] = useOptimistic(items);
  const [moving, startMoving] = useTransition();
  const move = (from: number, to: number) =>
    startMoving(async () => {
      const ids = moved(shown, from, to);
      setShown(ids.map((id) => shown.find((x) => x.id === id)!));
      try {
        await save(ids);
        router.refresh();
      } catch (err) {
        toast.error(errorMessage(err));
      }
    });
  return { shown, moving, move };
}
