"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Ban, Camera, Check, Play, X } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { toast } from "sonner";
import { Button } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { FormError } from "~/components/ui/field";
import { Textarea } from "~/components/ui/input";
import { UploadError } from "~/lib/files";
import { MILESTONE_NOTE_MAX } from "~/lib/milestone-schemas";
import { useTRPC } from "~/trpc/react";
import { splitErrors } from "./field-errors";
import type { MilestoneView } from "./order-timeline";
import { usePhotoQueue } from "./use-photo-queue";

type Action = "start" | "complete" | "block";
const FIELDS = ["note", "photoFileIds"] as const;

/**
 * The workshop's report on one milestone: a note and work-in-progress photos, then start, done or blocked.
 * Done cannot be taken back, so it asks first; blocked needs a note saying why. The note and the photos
 * stay in the form until a report is saved.
 */
export function MilestoneReport({ orgId, orderId, milestone }: { orgId: string; orderId: string; milestone: MilestoneView }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<{ fields: Record<string, string>; form: string | null }>({ fields: {}, form: null });
  const [busy, setBusy] = useState<Action | null>(null);
  const photos = usePhotoQueue(orgId);
  const input = useRef<HTMLInputElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  // Keyboard users land in the note when the panel opens, and back on its button when it closes.
  useEffect(() => {
    if (open) noteRef.current?.focus();
    else if (wasOpen.current) toggle.current?.focus();
    wasOpen.current = open;
  }, [open]);
  const start = useMutation(trpc.milestone.start.mutationOptions());
  const complete = useMutation(trpc.milestone.complete.mutationOptions());
  const block = useMutation(trpc.milestone.block.mutationOptions());
  const can = (a: Action) => milestone.actions.includes(a);

  const send = async (action: Action) => {
    if (action === "block" && !note.trim()) {
      setErrors({ fields: { note: "Say what is holding it up." }, form: null });
      return;
    }
    setErrors({ fields: {}, form: null });
    setBusy(action);
    try {
      let photoFileIds: string[];
      try {
        photoFileIds = await photos.upload();
      } catch (err) {
        const offline = (err instanceof UploadError && err.status === 0) || (typeof navigator !== "undefined" && !navigator.onLine);
        setErrors({ fields: { photoFileIds: offline ? "The connection dropped while uploading. Your note and photos are kept; try again." : err instanceof Error ? err.message : "The photo did not upload. Try again." }, form: null });
        return;
      }
      const vars = { orgId, milestoneId: milestone.id, note, photoFileIds };
      const result = await (action === "start" ? start : action === "complete" ? complete : block).mutateAsync(vars);
      toast.success(
        action === "start" ? `${milestone.name} started.` : action === "block" ? `${milestone.name} marked blocked.` : result.status === "awaiting_approval" ? `${milestone.name} sent to the brand for approval.` : `${milestone.name} done.`,
      );
      setNote("");
      photos.clear();
      setOpen(false);
      await queryClient.invalidateQueries({ queryKey: trpc.milestone.timeline.queryKey({ orgId, orderId }) });
      router.refresh();
    } catch (err) {
      setErrors(splitErrors(err, FIELDS));
    } finally {
      setBusy(null);
    }
  };

  if (!open) {
    return (
      <Button ref={toggle} type="button" variant="secondary" size="sm" className="self-start" onClick={() => setOpen(true)} aria-expanded={false}>
        Report on {milestone.name}
      </Button>
    );
  }
  return (
    <div id={`${id}-panel`} className="flex flex-col gap-3 rounded-md border border-line bg-sunken p-3">
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`${id}-note`} className="text-sm font-medium">
          Note on {milestone.name}
        </label>
        <Textarea
          ref={noteRef}
          id={`${id}-note`}
          rows={3}
          maxLength={MILESTONE_NOTE_MAX}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          aria-invalid={errors.fields.note ? true : undefined}
          aria-describedby={errors.fields.note ? `${id}-note-error` : undefined}
        />
        {errors.fields.note && (
          <p id={`${id}-note-error`} role="alert" className="text-sm text-danger">
            {errors.fields.note}
          </p>
        )}
      </div>
      <div className="flex flex-col gap-2">
        <input
          ref={input}
          id={`${id}-photos`}
          type="file"
          accept="image/jpeg,image/png,image/webp"
          capture="environment"
          multiple
          className="sr-only"
          aria-label={`Work-in-progress photos of ${milestone.name}`}
          onChange={(e) => {
            void photos.add(e.target.files);
            e.target.value = "";
          }}
        />
        <Button type="button" variant="secondary" size="sm" className="self-start" loading={photos.preparing} onClick={() => input.current?.click()}>
          <Camera aria-hidden /> Add photos
        </Button>
        {photos.photos.length > 0 && (
          <ul className="flex flex-wrap gap-2" aria-label="Photos to send">
            {photos.photos.map((p) => (
              <li key={p.key} className="relative">
                <img src={p.preview} alt="Photo to send" className="size-16 rounded object-cover" />
                <button type="button" className="absolute -top-2 -right-2 rounded-full bg-surface p-0.5 shadow" aria-label="Remove this photo" onClick={() => photos.remove(p.key)}>
                  <X aria-hidden className="size-3.5" />
                </button>
              </li>
            ))}
          </ul>
        )}
        {errors.fields.photoFileIds && (
          <p role="alert" className="text-sm text-danger">
            {errors.fields.photoFileIds}
          </p>
        )}
      </div>
      <FormError message={errors.form} />
      <div className="flex flex-wrap gap-2">
        {can("start") && (
          <Button type="button" variant="secondary" loading={busy === "start"} disabled={busy !== null} onClick={() => void send("start")}>
            <Play aria-hidden /> {milestone.status === "blocked" ? "Resume" : "Start"}
          </Button>
        )}
        {can("complete") && (
          <ConfirmDialog
            trigger={
              <Button type="button" loading={busy === "complete"} disabled={busy !== null}>
                <Check aria-hidden /> Mark done…
              </Button>
            }
            title={`Mark ${milestone.name} done?`}
            description={
              milestone.needsApproval
                ? `It goes to the brand for approval, with your note and ${photos.photos.length} photo${photos.photos.length === 1 ? "" : "s"}. This cannot be undone.`
                : `The forecast of the rest of the order moves from today. This cannot be undone.`
            }
            confirmLabel="Mark done"
            destructive={false}
            onConfirm={() => send("complete")}
          />
        )}
        {can("block") && (
          <Button type="button" variant="secondary" loading={busy === "block"} disabled={busy !== null} onClick={() => void send("block")}>
            <Ban aria-hidden /> Blocked
          </Button>
        )}
        <Button type="button" variant="ghost" disabled={busy !== null} onClick={() => setOpen(false)}>
          Close
        </Button>
      </div>
    </div>
  );
}
