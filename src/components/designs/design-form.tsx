"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { POST_ONLY } from "~/components/forms/post-only";
import { useFormMutation } from "~/components/forms/use-form-mutation";
import { Button } from "~/components/ui/button";
import { Field, FormError } from "~/components/ui/field";
import { Input, Select } from "~/components/ui/input";
import { designFieldsSchema } from "~/lib/design-schemas";
import { DESIGN_CATEGORIES } from "~/lib/design-spec";
import { useTRPC } from "~/trpc/react";

type Values = { sku: string; name: string; category: z.infer<typeof designFieldsSchema>["category"]; collectionId: string };
const FIELDS = ["sku", "name", "category", "collectionId"] as const;

// The select holds "" for no collection; the schema wants null.
const formSchema = designFieldsSchema.extend({ collectionId: z.union([z.literal(""), z.uuid("Choose a collection from the list.")]) });

/** A new design (then its first revision opens), or a design's SKU, name, category and collection. */
export function DesignForm({
  orgId,
  slug,
  designId,
  initial,
  collections,
  categoryLocked,
  onDone,
}: {
  orgId: string;
  slug: string;
  designId?: string;
  initial: Values;
  collections: { id: string; name: string; season: string }[];
  categoryLocked?: boolean;
  onDone?: () => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const form = useForm<Values, unknown, Values>({ resolver: zodResolver(formSchema, undefined, { raw: true }), defaultValues: initial });
  const behaviour = { form: { setError: form.setError, fields: FIELDS } };
  const create = useFormMutation(trpc.design.create.mutationOptions(), {
    ...behaviour,
    success: "Design created. Fill in its spec.",
    refresh: false,
    onSuccess: (d) => router.push(`/brand/${slug}/designs/${d.id}/revisions/1`),
  });
  const update = useFormMutation(trpc.design.update.mutationOptions(), { ...behaviour, success: "Design saved.", onSuccess: () => onDone?.() });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const fields = { ...values, collectionId: values.collectionId || null };
    if (designId) await update.run({ orgId, designId, fields });
    else await create.run({ orgId, fields });
  });

  return (
    <form {...POST_ONLY} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormError message={create.formError ?? update.formError} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="SKU" error={errors.sku?.message} hint="Unique within your brand, e.g. ML-RG-014">
          <Input autoComplete="off" className="font-mono" {...form.register("sku")} />
        </Field>
        <Field label="Name" error={errors.name?.message}>
          <Input autoComplete="off" placeholder="Crescent signet" {...form.register("name")} />
        </Field>
        <Field label="Category" error={errors.category?.message} hint={categoryLocked ? "Fixed: a revision of this design is approved for this category." : "The spec form follows the category."}>
          {categoryLocked ? (
            <Input readOnly value={DESIGN_CATEGORIES.labels[initial.category]} />
          ) : (
            <Select {...form.register("category")}>
              {DESIGN_CATEGORIES.keys.map((k) => (
                <option key={k} value={k}>
                  {DESIGN_CATEGORIES.labels[k]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Collection" error={errors.collectionId?.message}>
          <Select {...form.register("collectionId")}>
            <option value="">No collection</option>
            {collections.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
                {c.season ? ` (${c.season})` : ""}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {categoryLocked && <input type="hidden" {...form.register("category")} />}
      <div className="flex gap-2">
        <Button type="submit" loading={isSubmitting}>
          {designId ? "Save design" : "Create design"}
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
