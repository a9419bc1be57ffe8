"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { POST_ONLY } from "~/components/forms/post-only";
import { useFormMutation } from "~/components/forms/use-form-mutation";
import { useUnsavedChangesWarning } from "~/components/forms/use-unsaved-changes";
import { Button } from "~/components/ui/button";
import { FormError } from "~/components/ui/field";
import { ImageUpload } from "~/components/ui/image-upload";
import { MarkdownEditor } from "~/components/workshop-profile/markdown-editor";
import { STYLE_FILES_MAX, STYLE_GUIDE_MAX } from "~/lib/design-schemas";
import { useTRPC } from "~/trpc/react";

/** The style guide: Markdown with a live preview, and its files (mood images, hallmark rules, packaging, finishes). */
export function StyleGuideForm({ orgId, slug, collectionId, styleGuide, styleFileIds }: { orgId: string; slug: string; collectionId: string; styleGuide: string; styleFileIds: string[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [text, setText] = useState(styleGuide);
  const [fileIds, setFileIds] = useState(styleFileIds);
  const [errors, setErrors] = useState<{ styleGuide?: string; styleFileIds?: string }>({});
  const dirty = text !== styleGuide || fileIds.join() !== styleFileIds.join();
  useUnsavedChangesWarning(dirty);
  const save = useFormMutation(trpc.design.collections.updateStyleGuide.mutationOptions(), {
    success: "Style guide saved.",
    form: {
      setError: (name, e) => setErrors((prev) => ({ ...prev, [name]: e.message })),
      fields: ["styleGuide", "styleFileIds"],
    },
    refresh: false,
    onSuccess: () => router.push(`/brand/${slug}/collections/${collectionId}`),
  });

  return (
    <form
      {...POST_ONLY}
      noValidate
      className="flex flex-col gap-6"
      onSubmit={async (e) => {
        e.preventDefault();
        setErrors({});
        if (text.trim().length > STYLE_GUIDE_MAX) return setErrors({ styleGuide: `Keep the style guide to ${STYLE_GUIDE_MAX.toLocaleString("en")} characters.` });
        await save.run({ orgId, collectionId, styleGuide: text, styleFileIds: fileIds });
      }}
    >
      <FormError message={save.formError} />
      <MarkdownEditor
        label="Style guide"
        name="styleGuide"
        text={text}
        limit={STYLE_GUIDE_MAX}
        error={errors.styleGuide}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={"## Finish\nHigh polish outside, matte inside the band.\n\n## Hallmarks\nFineness and our mark inside the shank, 1 mm letters."}
      />
      <ImageUpload
        orgId={orgId}
        purpose="collection_style_file"
        multiple
        max={STYLE_FILES_MAX}
        label="Files"
        hint="Mood images, hallmark and stamp rules, packaging, finish references: JPEG, PNG, WebP or PDF."
        value={fileIds}
        onChange={setFileIds}
        error={errors.styleFileIds}
      />
      <div className="flex gap-2">
        <Button type="submit" loading={save.pending}>
          Save style guide
        </Button>
        <Button type="button" variant="ghost" onClick={() => router.push(`/brand/${slug}/collections/${collectionId}`)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
