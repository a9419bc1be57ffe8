"use client";

import { useFormMutation } from "~/components/forms/use-form-mutation";
import { zodResolver } from "@hookform/resolvers/zod";
import { Controller, useForm } from "react-hook-form";
import { toast } from "sonner";
import { Button } from "~/components/ui/button";
import { Field, FormError } from "~/components/ui/field";
import { ImageUpload } from "~/components/ui/image-upload";
import { Input, Textarea } from "~/components/ui/input";
import { artisanSchema, BIO_MAX, type ArtisanInput } from "~/lib/workshop-profile-schemas";
import { useTRPC } from "~/trpc/react";
import { POST_ONLY } from "~/components/forms/post-only";

export type ArtisanRow = ArtisanInput & { id: string };

const FIELDS = ["name", "role", "bio", "photoFileId"];
const EMPTY: ArtisanInput = { name: "", role: "", bio: "", photoFileId: null };

/** Adds an artisan (no `artisan`) or edits one. */
export function ArtisanForm({ orgId, artisan, onDone }: { orgId: string; artisan?: ArtisanRow; onDone: () => void }) {
  const trpc = useTRPC();
  const form = useForm<ArtisanInput>({
    resolver: zodResolver(artisanSchema),
    defaultValues: artisan ? { name: artisan.name, role: artisan.role, bio: artisan.bio, photoFileId: artisan.photoFileId } : EMPTY,
  });
  const fieldErrors = { form: { setError: form.setError, fields: FIELDS } };
  const create = useFormMutation(trpc.workshopProfile.artisans.create.mutationOptions(), fieldErrors);
  const update = useFormMutation(trpc.workshopProfile.artisans.update.mutationOptions(), fieldErrors);
  const { errors, isSubmitting } = form.formState;
  const bio = form.watch("bio") ?? "";

  const onSubmit = form.handleSubmit(async (values) => {
    const saved = artisan ? await update.run({ orgId, artisanId: artisan.id, ...values }) : await create.run({ orgId, ...values });
    if (saved === undefined) return;
    toast.success(artisan ? `${values.name} saved.` : `${values.name} added.`);
    onDone();
  });

  return (
    <form {...POST_ONLY} onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={artisan ? `Edit ${artisan.name}` : "Add an artisan"}>
      <FormError message={create.formError ?? update.formError} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" error={errors.name?.message}>
          <Input autoFocus {...form.register("name")} />
        </Field>
        <Field label="Role" error={errors.role?.message} hint="For example Master setter, CAD designer.">
          <Input {...form.register("role")} />
        </Field>
      </div>
      <Field label="Short bio" error={errors.bio?.message} hint={`${bio.trim().length} / ${BIO_MAX}`}>
        <Textarea rows={3} {...form.register("bio")} />
      </Field>
      <Controller
        control={form.control}
        name="photoFileId"
        render={({ field }) => (
          <ImageUpload
            orgId={orgId}
            purpose="artisan_photo"
            subjectId={artisan?.id}
            label="Photo"
            hint="Optional. A portrait at the bench works best."
            value={field.value}
            onChange={field.onChange}
            error={errors.photoFileId?.message}
          />
        )}
      />
      <div className="flex gap-2">
        <Button type="submit" loading={isSubmitting}>
          {artisan ? "Save artisan" : "Add artisan"}
        </Button>
        <Button type="button" variant="ghost" onClick={onDone} disabled={isSubmitting}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
