"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useFormMutation } from "~/components/forms/use-form-mutation";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { Button } from "~/components/ui/button";
import { Field, FormError } from "~/components/ui/field";
import { Input, Textarea } from "~/components/ui/input";
import { SHORTLIST_NOTE_MAX, SHORTLIST_TAGS_MAX, shortlistNoteSchema, shortlistTagsSchema, splitTags } from "~/lib/shortlist-schemas";
import { useTRPC } from "~/trpc/react";
import { POST_ONLY } from "~/components/forms/post-only";

// Tags are typed as one comma-separated line and checked with the same schema the server uses.
const formSchema = z.object({
  note: shortlistNoteSchema,
  tags: z.string().superRefine((text, ctx) => {
    const parsed = shortlistTagsSchema.safeParse(splitTags(text));
    if (!parsed.success) ctx.addIssue({ code: "custom", message: parsed.error.issues[0]?.message ?? "Check the tags." });
  }),
});
type Values = z.infer<typeof formSchema>;

export function ShortlistNoteForm({ orgId, entryId, note, tags, onDone }: { orgId: string; entryId: string; note: string; tags: string[]; onDone: () => void }) {
  const trpc = useTRPC();
  const form = useForm<Values>({ resolver: zodResolver(formSchema), defaultValues: { note, tags: tags.join(", ") } });
  const update = useFormMutation(trpc.shortlist.update.mutationOptions(), { form: { setError: form.setError, fields: ["note", "tags"] } });
  const { errors, isSubmitting } = form.formState;
  const noteLength = form.watch("note").length;

  const onSubmit = form.handleSubmit(async (values) => {
    if ((await update.run({ orgId, entryId, note: values.note, tags: splitTags(values.tags) })) === undefined) return;
    toast.success("Saved.");
    onDone();
  });

  return (
    <form {...POST_ONLY} onSubmit={onSubmit} noValidate className="mt-3 flex flex-col gap-3">
      <FormError message={update.formError} />
      <Field label="Private note" error={errors.note?.message} hint={`Only your team sees this. ${noteLength} / ${SHORTLIST_NOTE_MAX}`}>
        <Textarea rows={3} autoFocus {...form.register("note")} />
      </Field>
      <Field label="Tags" error={errors.tags?.message} hint={`Separate with commas, up to ${SHORTLIST_TAGS_MAX}: gold, small batch, fast replies`}>
        <Input autoComplete="off" {...form.register("tags")} />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" size="sm" loading={isSubmitting}>
          Save
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={onDone} disabled={isSubmitting}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
