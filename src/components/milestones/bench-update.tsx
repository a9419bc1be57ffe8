"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Camera, RotateCcw } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { toast } from "sonner";
import { POST_ONLY } from "~/components/forms/post-only";
import { errorMessage } from "~/components/forms/server-errors";
import { Button } from "~/components/ui/button";
import { Textarea } from "~/components/ui/input";
import { UploadError } from "~/lib/files";
import { MILESTONE_NOTE_MAX } from "~/lib/milestone-schemas";
import { useTRPC } from "~/trpc/react";
import { usePhotoQueue } from "./use-photo-queue";

/**
 * "Done, with photo" from the bench, on a phone: open the milestone (1), take the photo with the camera (2),
 * send (3). The photo is shrunk in the browser first. The note is kept in this browser until the report is
 * saved, and a photo already uploaded is not sent again, so a dropped connection loses nothing: the
 * message says so and one button tries again.
 */
export function BenchUpdate({ orgId, orderId, milestone }: { orgId: string; orderId: string; milestone: { id: string; name: string } }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const draftKey = `bench-note:${milestone.id}`;
  const [note, setNote] = useState("");
  const queue = usePhotoQueue(orgId);
  const photos = queue.photos;
  const [state, setState] = useState<{ kind: "idle" | "sending" } | { kind: "failed"; message: string; offline: boolean }>({ kind: "idle" });
  const input = useRef<HTMLInputElement>(null);
  const complete = useMutation(trpc.milestone.complete.mutationOptions());

  useEffect(() => {
    const saved = window.localStorage.getItem(draftKey);
    if (saved) setNote(saved);
  }, [draftKey]);

  const keepNote = (value: string) => {
    setNote(value);
    if (value) window.localStorage.setItem(draftKey, value);
    else window.localStorage.removeItem(draftKey);
  };

  const send = async () => {
    setState({ kind: "sending" });
    try {
      const photoFileIds = await queue.upload();
      const result = await complete.mutateAsync({ orgId, milestoneId: milestone.id, note, photoFileIds });
      window.localStorage.removeItem(draftKey);
      setNote("");
      queue.clear();
      setState({ kind: "idle" });
      toast.success(result.status === "awaiting_approval" ? `${milestone.name} reported done and sent to the brand for approval.` : `${milestone.name} reported done.`);
      await queryClient.invalidateQueries({ queryKey: trpc.milestone.timeline.queryKey({ orgId, orderId }) });
    } catch (err) {
      const offline = typeof navigator !== "undefined" && !navigator.onLine;
      const message = err instanceof UploadError ? err.message : errorMessage(err);
      setState({ kind: "failed", offline: offline || (err instanceof UploadError && err.status === 0), message });
    }
  };

  return (
    <form
      {...POST_ONLY}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
      className="flex flex-col gap-3"
      aria-labelledby={`${id}-title`}
    >
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {milestone.name}
      </h2>
      <input
        ref={input}
        id={`${id}-camera`}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        capture="environment"
        multiple
        className="sr-only"
        onChange={(e) => {
          void queue.add(e.target.files);
          e.target.value = "";
        }}
      />
      <Button type="button" variant="secondary" size="lg" className="w-full" loading={queue.preparing} onClick={() => input.current?.click()}>
        <Camera aria-hidden /> {photos.length === 0 ? "Take a photo" : "Add another photo"}
      </Button>
      {photos.length > 0 && (
        <ul className="flex flex-wrap gap-2" aria-label="Photos to send">
          {photos.map((p) => (
            <li key={p.key} className="relative">
              {/* A local preview of the shrunk photo, before it is uploaded. */}
              <img src={p.preview} alt="Photo to send" className="size-20 rounded object-cover" />
              <button
                type="button"
                className="absolute -top-2 -right-2 rounded-full bg-surface px-1.5 text-sm shadow"
                aria-label="Remove this photo"
                onClick={() => queue.remove(p.key)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={`${id}-note`} className="text-sm font-medium">
        Note (optional)
      </label>
      <Textarea id={`${id}-note`} rows={3} maxLength={MILESTONE_NOTE_MAX} value={note} onChange={(e) => keepNote(e.target.value)} />
      {state.kind === "failed" && (
        <div role="alert" className="flex flex-col gap-2 rounded-md border border-danger/30 bg-danger-soft p-3 text-sm text-danger">
          <p>{state.offline ? "The connection dropped. Your note and photos are kept here; try again when you are back online." : state.message}</p>
          <Button type="submit" variant="secondary" className="self-start">
            <RotateCcw aria-hidden /> Try again
          </Button>
        </div>
      )}
      {state.kind !== "failed" && (
        <Button type="submit" size="lg" className="w-full" loading={state.kind === "sending"}>
          {photos.length > 0 ? "Done, with photo" : "Done"}
        </Button>
      )}
    </form>
  );
}
