"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { POST_ONLY } from "~/components/forms/post-only";
import { useFormMutation } from "~/components/forms/use-form-mutation";
import { Button } from "~/components/ui/button";
import { Field, FormError } from "~/components/ui/field";
import { Input, Textarea } from "~/components/ui/input";
import { COLLECTION_TEXT_MAX, collectionFieldsSchema } from "~/lib/design-schemas";
import { useTRPC } from "~/trpc/react";
import type { z } from "zod";

type Values = z.input<typeof collectionFieldsSchema>;
const FIELDS = ["name", "season", "description", "priceMin", "priceMax", "currency"] as const;

/** Creates a collection (then opens it), or edits one's details. */
export function CollectionForm({ orgId, slug, collectionId, initial, onDone }: { orgId: string; slug: string; collectionId?: string; initial: Values; onDone?: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const form = useForm<Values, unknown, Values>({ resolver: zodResolver(collectionFieldsSchema, undefined, { raw: true }), defaultValues: initial });
  const behaviour = { form: { setError: form.setError, fields: FIELDS } };
  const create = useFormMutation(trpc.design.collections.create.mutationOptions(), {
    ...behaviour,
    success: "Collection created.",
    refresh: false,
    onSuccess: (c) => router.push(`/brand/${slug}/collections/${c.id}`),
  });
  const update = useFormMutation(trpc.design.collections.update.mutationOptions(), { ...behaviour, success: "Collection saved.", onSuccess: () => onDone?.() });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    if (collectionId) await update.run({ orgId, collectionId, fields: values });
    else await create.run({ orgId, fields: values });
  });

  return (
    <form {...POST_ONLY} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormError message={create.formError ?? update.formError} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" error={errors.name?.message}>
          <Input autoComplete="off" placeholder="Lune capsule" {...form.register("name")} />
        </Field>
        <Field label="Season" error={errors.season?.message} hint="Optional, e.g. SS27 or Holiday 2026">
          <Input autoComplete="off" {...form.register("season")} />
        </Field>
      </div>
      <Field label="Description" error={errors.description?.message} hint={`What the capsule is, for your team and the workshops. Up to ${COLLECTION_TEXT_MAX.toLocaleString("en")} characters.`}>
        <Textarea rows={3} {...form.register("description")} />
      </Field>
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-medium">Target retail price range (optional)</legend>
        <Field label="From" error={errors.priceMin?.message}>
          <Input inputMode="decimal" autoComplete="off" placeholder="120.00" {...form.register("priceMin")} />
        </Field>
        <Field label="To" error={errors.priceMax?.message}>
          <Input inputMode="decimal" autoComplete="off" placeholder="380.00" {...form.register("priceMax")} />
        </Field>
        <Field label="Currency" error={errors.currency?.message} hint="ISO code, e.g. EUR">
          <Input autoComplete="off" maxLength={3} className="uppercase" {...form.register("currency")} />
        </Field>
      </fieldset>
      <div className="flex gap-2">
        <Button type="submit" loading={isSubmitting}>
          {collectionId ? "Save collection" : "Create collection"}
        </Button>
        {onDone && (
          <Button type="button" variant="ghost" onClick={onDone} disabled={isSubmitting}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
