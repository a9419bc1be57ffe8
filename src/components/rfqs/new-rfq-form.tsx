"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Plus, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { Controller, useFieldArray, useForm } from "react-hook-form";
import { POST_ONLY } from "~/components/forms/post-only";
import { useFormMutation } from "~/components/forms/use-form-mutation";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { Field, FormError } from "~/components/ui/field";
import { ImageUpload } from "~/components/ui/image-upload";
import { Input, Select, Textarea } from "~/components/ui/input";
import { RFQ_LIMITS, rfqFieldsSchema, type RfqFieldsInput } from "~/lib/rfq-schemas";
import { useTRPC } from "~/trpc/react";

type DesignOption = { designId: string; designName: string; sku: string; revisionId: string; revisionNumber: number; sizes: string[] };

/** A new draft request: its title and dates, and one line per approved design with pieces per size. */
export function NewRfqForm({ orgId, slug, options, currencies, defaultCurrency, today }: { orgId: string; slug: string; options: DesignOption[]; currencies: string[]; defaultCurrency: string; today: string }) {
  const router = useRouter();
  const trpc = useTRPC();
  const form = useForm<RfqFieldsInput>({
    resolver: zodResolver(rfqFieldsSchema),
    defaultValues: { title: "", currency: defaultCurrency, targetDate: "", deadline: "", notes: "", lines: [], attachmentFileIds: [] },
  });
  const lines = useFieldArray({ control: form.control, name: "lines" });
  const create = useFormMutation(trpc.rfq.create.mutationOptions(), {
    form: { setError: form.setError, fields: ["title", "currency", "targetDate", "deadline", "notes", "lines", "attachmentFileIds"] },
    success: (r) => `Draft RFQ-${r.number} saved. Invite workshops, then send it.`,
    refresh: false,
    onSuccess: (r) => router.push(`/brand/${slug}/rfqs/${r.number}`),
  });
  const { errors, isSubmitting } = form.formState;
  const chosen = new Set(form.watch("lines").map((l) => l.revisionId));
  const addLine = (revisionId: string) => {
    const option = options.find((o) => o.revisionId === revisionId);
    if (!option) return;
    lines.append({ revisionId, sizes: option.sizes.map((size) => ({ size, quantity: 0 })) });
  };

  const onSubmit = form.handleSubmit(async (values) => {
    await create.run({ orgId, ...values, lines: values.lines.map((l) => ({ ...l, sizes: l.sizes.filter((s) => s.quantity > 0) })) });
  });

  return (
    <form {...POST_ONLY} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormError message={create.formError} />
      <Card>
        <CardHeader title="The request" description="Workshops quote in its currency, by its deadline." />
        <CardBody className="grid gap-4 sm:grid-cols-2">
          <Field label="Title" error={errors.title?.message} className="sm:col-span-2">
            <Input placeholder="Spring capsule: rings and pendants" {...form.register("title")} />
          </Field>
          <Field label="Currency" error={errors.currency?.message}>
            <Select {...form.register("currency")}>
              {currencies.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Deadline for quotes" error={errors.deadline?.message} hint="The last day quotes are taken.">
            <Input type="date" min={today} {...form.register("deadline")} />
          </Field>
          <Field label="Target delivery date" error={errors.targetDate?.message}>
            <Input type="date" min={today} {...form.register("targetDate")} />
          </Field>
          <Field label="Notes for the workshops" error={errors.notes?.message} className="sm:col-span-2">
            <Textarea rows={3} placeholder="Recycled silver only; hallmark inside the band." {...form.register("notes")} />
          </Field>
          <Controller
            control={form.control}
            name="attachmentFileIds"
            render={({ field }) => (
              <ImageUpload
                multiple
                max={RFQ_LIMITS.files}
                orgId={orgId}
                purpose="rfq_attachment"
                label="Files for the workshops (optional)"
                hint="Packaging specs, a line sheet, reference photos: the invited workshops can open them once the request is sent."
                value={field.value}
                onChange={field.onChange}
                error={errors.attachmentFileIds?.message ?? errors.attachmentFileIds?.root?.message}
                disabled={isSubmitting}
                className="sm:col-span-2"
              />
            )}
          />
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Designs" description="Each design's approved revision, with the pieces you plan per size." />
        <CardBody className="flex flex-col gap-4">
          {options.length === 0 && <p className="text-sm text-ink-muted">Approve a revision of a design first: only approved revisions can be sent for quotes.</p>}
          {lines.fields.map((field, index) => {
            const option = options.find((o) => o.revisionId === form.getValues(`lines.${index}.revisionId`));
            const lineErrors = errors.lines?.[index];
            return (
              <fieldset key={field.id} className="rounded-md border border-line p-3">
                <legend className="px-1 text-sm font-medium">
                  {option ? `${option.designName} (${option.sku}) · revision ${option.revisionNumber}` : "Design"}
                </legend>
                <div className="flex flex-wrap gap-2">
                  {field.sizes.map((s, sizeIndex) => (
                    <Field key={s.size} label={option?.sizes.length === 1 ? s.size : `Size ${s.size}`} className="w-24" error={lineErrors?.sizes?.[sizeIndex]?.quantity?.message}>
                      <Input type="number" inputMode="numeric" min={0} {...form.register(`lines.${index}.sizes.${sizeIndex}.quantity`, { valueAsNumber: true })} />
                    </Field>
                  ))}
                </div>
                {(lineErrors?.sizes?.root?.message ?? lineErrors?.sizes?.message ?? lineErrors?.revisionId?.message) && (
                  <p role="alert" className="mt-2 text-sm text-danger">
                    {lineErrors?.sizes?.root?.message ?? lineErrors?.sizes?.message ?? lineErrors?.revisionId?.message}
                  </p>
                )}
                <Button type="button" variant="ghost" size="sm" className="mt-2" onClick={() => lines.remove(index)}>
                  <Trash2 aria-hidden /> Remove design
                </Button>
              </fieldset>
            );
          })}
          {errors.lines?.message && (
            <p role="alert" className="text-sm text-danger">
              {errors.lines.message}
            </p>
          )}
          {options.some((o) => !chosen.has(o.revisionId)) && (
            <Field label="Add a design">
              <Select
                value=""
                onChange={(e) => {
                  addLine(e.target.value);
                  e.target.value = "";
                }}
              >
                <option value="">Choose an approved design…</option>
                {options
                  .filter((o) => !chosen.has(o.revisionId))
                  .map((o) => (
                    <option key={o.revisionId} value={o.revisionId}>
                      {o.designName} ({o.sku}) · revision {o.revisionNumber}
                    </option>
                  ))}
              </Select>
            </Field>
          )}
        </CardBody>
      </Card>
      <div className="flex gap-2">
        <Button type="submit" loading={isSubmitting}>
          <Plus aria-hidden /> Save draft
        </Button>
      </div>
    </form>
  );
}
