"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useFormMutation } from "~/components/forms/use-form-mutation";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { Button } from "~/components/ui/button";
import { Field, FormError } from "~/components/ui/field";
import { Input } from "~/components/ui/input";
import { updateOrganizationSchema } from "~/lib/schemas";
import { useTRPC } from "~/trpc/react";
import { OrganizationFields } from "./organization-fields";
import { POST_ONLY } from "~/components/forms/post-only";
import { useUnsavedChangesWarning } from "~/components/forms/use-unsaved-changes";

type Values = z.input<typeof updateOrganizationSchema>;

export function OrganizationSettingsForm({ org, canEdit }: { org: { id: string; kind: string } & Values; canEdit: boolean }) {
  const router = useRouter();
  const trpc = useTRPC();
  const form = useForm<Values>({
    resolver: zodResolver(updateOrganizationSchema),
    defaultValues: { name: org.name, slug: org.slug, country: org.country, timeZone: org.timeZone, currency: org.currency },
  });
  const update = useFormMutation(trpc.organization.update.mutationOptions(), { form: { setError: form.setError, fields: ["name", "slug", "country", "timeZone", "currency"] } });
  const { errors, isSubmitting, isDirty } = form.formState;
  useUnsavedChangesWarning(isDirty && !isSubmitting);

  const onSubmit = form.handleSubmit(async (values) => {
    const saved = await update.run({ orgId: org.id, ...values });
    if (saved === undefined) return;
    form.reset({ name: saved.name, slug: saved.slug, country: saved.country as Values["country"], timeZone: saved.timeZone, currency: saved.currency });
    toast.success("Organization saved.");
    if (saved.slug !== org.slug) router.replace(`/${org.kind}/${saved.slug}/settings`);
  });

  return (
    <form {...POST_ONLY} onSubmit={onSubmit} noValidate className="flex max-w-xl flex-col gap-5">
      <fieldset disabled={!canEdit} className="flex flex-col gap-5">
        <FormError message={update.formError} />
        <OrganizationFields register={form.register} errors={errors} setValue={form.setValue} />
        <Field label="Web address" error={errors.slug?.message} hint={`Your portal lives at /${org.kind}/${form.watch("slug") || "…"}`}>
          <Input autoCapitalize="none" spellCheck={false} {...form.register("slug")} />
        </Field>
      </fieldset>
      {canEdit ? (
        <div className="flex gap-2">
          <Button type="submit" loading={isSubmitting} disabled={!isDirty}>
            Save changes
          </Button>
          {isDirty && (
            <Button type="button" variant="ghost" onClick={() => form.reset()}>
              Discard
            </Button>
          )}
        </div>
      ) : (
        <p className="text-sm text-ink-muted">Only owners and admins can change these details.</p>
      )}
    </form>
  );
}
