"use client";

import { ArrowDown, ArrowUp, Copy, Trash2 } from "lucide-react";
import { useForm } from "react-hook-form";
import { POST_ONLY } from "~/components/forms/post-only";
import { useFormMutation } from "~/components/forms/use-form-mutation";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { ImageUpload } from "~/components/ui/image-upload";
import { Input } from "~/components/ui/input";
import { CAMPAIGN_IMAGES_MAX, IMAGE_CAPTION_MAX } from "~/lib/preorder-schemas";
import { useTRPC } from "~/trpc/react";

export type CampaignImage = { fileId: string; kind: "image" | "sketch" | "progress"; caption: string; name: string; thumbUrl: string };
export type Sketch = { fileId: string; kind: string; name: string; thumbUrl: string };

const KIND_LABELS = { image: "Image", sketch: "Sketch", progress: "Work in progress" } as const;

type Props = {
  orgId: string;
  campaignId: string;
  images: CampaignImage[];
  sketches: Sketch[];
  /** Why the images can't change (a member, a cancelled campaign), or null. */
  readOnly: string | null;
};

/**
 * The pictures of the campaign page, in order: uploads, sketches copied from the design, and the progress
 * photos published from production. Each has a caption; up and down buttons reorder them from the keyboard;
 * removing one asks first.
 */
export function CampaignImages({ orgId, campaignId, images, sketches, readOnly }: Props) {
  const trpc = useTRPC();
  const add = useFormMutation(trpc.preorder.addImage.mutationOptions(), { success: "Image added." });
  const copy = useFormMutation(trpc.preorder.copySketch.mutationOptions(), { success: "Sketch added to the page." });
  const reorder = useFormMutation(trpc.preorder.reorderImages.mutationOptions(), { success: "Order saved." });
  const remove = useFormMutation(trpc.preorder.removeImage.mutationOptions(), { success: "Image removed." });
  const full = images.length >= CAMPAIGN_IMAGES_MAX;
  const busy = add.pending || copy.pending || reorder.pending || remove.pending;

  const move = (from: number, to: number) => {
    const ids = images.map((i) => i.fileId);
    const [id] = ids.splice(from, 1);
    ids.splice(to, 0, id!);
    void reorder.run({ orgId, campaignId, fileIds: ids });
  };

  return (
    <div className="flex flex-col gap-5">
      {images.length === 0 ? (
        <p className="text-sm text-ink-muted">No images yet. The page shows the first one large and in previews when shared.</p>
      ) : (
        <ol className="flex flex-col gap-3" aria-label="Images on the page, in order">
          {images.map((img, i) => (
            <li key={img.fileId} className="flex flex-wrap items-start gap-3 rounded-md border border-line p-3 sm:flex-nowrap">
              {/* A plain img: a draft's images need the session cookie, which the image optimizer would not send. */}
              <img src={img.thumbUrl} alt={img.caption || img.name} className="size-20 shrink-0 rounded-sm bg-sunken object-cover sm:size-28" loading="lazy" />
              <div className="flex min-w-48 flex-1 flex-col gap-2">
                <p className="flex flex-wrap items-center gap-2 text-sm">
                  <span className="font-medium">{i + 1}.</span>
                  <span className="truncate text-ink-muted">{img.name}</span>
                  <Badge tone={img.kind === "image" ? "neutral" : "brass"}>{KIND_LABELS[img.kind]}</Badge>
                  {i === 0 && <Badge tone="info">Cover</Badge>}
                </p>
                <CaptionForm orgId={orgId} campaignId={campaignId} image={img} position={i + 1} disabled={!!readOnly} />
              </div>
              {!readOnly && (
                <div className="flex gap-1 sm:flex-col">
                  <Button type="button" variant="ghost" size="sm" aria-label={`Move image ${i + 1} up`} disabled={i === 0 || busy} onClick={() => move(i, i - 1)}>
                    <ArrowUp aria-hidden />
                  </Button>
                  <Button type="button" variant="ghost" size="sm" aria-label={`Move image ${i + 1} down`} disabled={i === images.length - 1 || busy} onClick={() => move(i, i + 1)}>
                    <ArrowDown aria-hidden />
                  </Button>
                  <ConfirmDialog
                    trigger={
                      <Button type="button" variant="ghost" size="sm" aria-label={`Remove image ${i + 1}`} disabled={busy}>
                        <Trash2 aria-hidden />
                      </Button>
                    }
                    title="Remove this image?"
                    description={`“${img.caption || img.name}” leaves the page and its file is deleted.${img.kind === "sketch" ? " The design keeps its own sketch." : ""}`}
                    confirmLabel="Remove image"
                    onConfirm={() => remove.run({ orgId, campaignId, fileId: img.fileId, confirm: true })}
                  />
                </div>
              )}
            </li>
          ))}
        </ol>
      )}

      {readOnly ? (
        <p className="text-sm text-ink-muted">{readOnly}</p>
      ) : full ? (
        <p className="text-sm text-ink-muted">A campaign shows at most {CAMPAIGN_IMAGES_MAX} images; remove one to add another.</p>
      ) : (
        <>
          <ImageUpload
            orgId={orgId}
            purpose="preorder_image"
            subjectId={campaignId}
            label="Upload an image"
            hint={`Work in progress, the finished piece, the workshop. ${images.length} of ${CAMPAIGN_IMAGES_MAX} used.`}
            value={null}
            disabled={busy}
            onChange={(fileId) => {
              if (fileId) void add.run({ orgId, campaignId, fileId, caption: "" });
            }}
          />
          <section aria-labelledby="sketches-title" className="flex flex-col gap-2">
            <h3 id="sketches-title" className="text-sm font-medium text-ink">
              Sketches and photos of the design
            </h3>
            {sketches.length === 0 ? (
              <p className="text-sm text-ink-muted">The design revision has no sketches or photos to copy.</p>
            ) : (
              <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4">
                {sketches.map((s) => (
                  <li key={s.fileId} className="flex flex-col overflow-hidden rounded-md border border-line">
                    <img src={s.thumbUrl} alt={s.name} className="aspect-square w-full bg-sunken object-cover" loading="lazy" />
                    <div className="flex flex-col gap-1 p-2">
                      <span className="truncate text-xs text-ink-muted">{s.name}</span>
                      <Button type="button" variant="secondary" size="sm" disabled={busy} onClick={() => void copy.run({ orgId, campaignId, sourceFileId: s.fileId })} aria-label={`Add ${s.name} to the page`}>
                        <Copy aria-hidden />
                        Add to page
                      </Button>
                    </div>
                  </li>
                ))}
              </ul>
            )}
            <p className="text-sm text-ink-subtle">A copy goes on the page; the design&apos;s own files stay private.</p>
          </section>
        </>
      )}
    </div>
  );
}

function CaptionForm({ orgId, campaignId, image, position, disabled }: { orgId: string; campaignId: string; image: CampaignImage; position: number; disabled: boolean }) {
  const trpc = useTRPC();
  const form = useForm<{ caption: string }>({ values: { caption: image.caption } });
  const caption = useFormMutation(trpc.preorder.captionImage.mutationOptions(), { form: { setError: form.setError, fields: ["caption"] }, success: "Caption saved." });
  const error = form.formState.errors.caption?.message ?? caption.formError;
  return (
    <form
      {...POST_ONLY}
      noValidate
      className="flex flex-col gap-1"
      onSubmit={form.handleSubmit(async (v) => {
        if (v.caption.trim().length > IMAGE_CAPTION_MAX) return form.setError("caption", { message: `Keep the caption to ${IMAGE_CAPTION_MAX} characters.` });
        await caption.run({ orgId, campaignId, fileId: image.fileId, caption: v.caption });
      })}
    >
      <div className="flex gap-2">
        <Input
          aria-label={`Caption of image ${position}`}
          placeholder="Caption (optional)"
          maxLength={IMAGE_CAPTION_MAX}
          readOnly={disabled}
          aria-invalid={error ? true : undefined}
          className="h-9"
          {...form.register("caption")}
        />
        {!disabled && form.formState.isDirty && (
          <Button type="submit" size="sm" variant="secondary" loading={form.formState.isSubmitting}>
            Save
          </Button>
        )}
      </div>
      {error && (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
    </form>
  );
}
