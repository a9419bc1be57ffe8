"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useFormMutation } from "~/components/forms/use-form-mutation";
import { zodResolver } from "@hookform/resolvers/zod";
import { PackagePlus, X } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { Button } from "~/components/ui/button";
import { Field, FormError } from "~/components/ui/field";
import { ImageUpload } from "~/components/ui/image-upload";
import { Input, Select, Textarea } from "~/components/ui/input";
import { SAMPLE_ATTACHMENTS_MAX, SAMPLE_DESCRIPTION_MAX, SAMPLE_NOTE_MAX, SAMPLE_QUANTITY_MAX, sampleNumberLabel } from "~/lib/sample-request-schemas";
import { useTRPC } from "~/trpc/react";
import { POST_ONLY } from "~/components/forms/post-only";

type Props = { brand: { id: string; name: string; slug: string }; workshop: { id: string; name: string }; pieces: { id: string; title: string }[] };

// The same limits as the server's schema; which of piece or description is required depends on the choice.
const formSchema = z
  .object({
    mode: z.enum(["piece", "design"]),
    portfolioPieceId: z.string(),
    description: z.string().trim().max(SAMPLE_DESCRIPTION_MAX, `Keep the description to ${SAMPLE_DESCRIPTION_MAX} characters.`),
    quantity: z.coerce.number("Enter a quantity.").int("Enter a whole number of pieces.").min(1, "Ask for at least 1 piece.").max(SAMPLE_QUANTITY_MAX, `Ask for at most ${SAMPLE_QUANTITY_MAX} pieces.`),
    note: z.string().trim().max(SAMPLE_NOTE_MAX, `Keep the note to ${SAMPLE_NOTE_MAX} characters.`),
    attachmentFileIds: z.array(z.string()).max(SAMPLE_ATTACHMENTS_MAX),
  })
  .superRefine((v, ctx) => {
    if (v.mode === "piece" && !v.portfolioPieceId) ctx.addIssue({ code: "custom", path: ["portfolioPieceId"], message: "Choose a piece from the portfolio." });
    if (v.mode === "design" && v.description.length < 10) ctx.addIssue({ code: "custom", path: ["description"], message: "Describe the sample in at least 10 characters." });
  });
type Values = z.input<typeof formSchema>;

export function RequestSampleDialog({ brand, workshop, pieces }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <Button>
          <PackagePlus aria-hidden /> Request a sample
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-ink/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 flex max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 flex-col overflow-hidden rounded-lg border border-line bg-surface shadow-pop">
          <div className="flex items-start justify-between gap-3 border-b border-line px-5 py-4">
            <div>
              <Dialog.Title className="text-lg font-semibold">Request a sample from {workshop.name}</Dialog.Title>
              <Dialog.Description className="mt-0.5 text-sm text-ink-muted">
                For {brand.name}. {workshop.name} answers with a fee and a ship date, or declines.
              </Dialog.Description>
            </div>
            <Dialog.Close className="rounded-md p-1.5 text-ink-subtle hover:bg-sunken hover:text-ink" aria-label="Close">
              <X className="size-5" aria-hidden />
            </Dialog.Close>
          </div>
          <RequestSampleForm brand={brand} workshop={workshop} pieces={pieces} onCancel={() => setOpen(false)} />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function RequestSampleForm({ brand, workshop, pieces, onCancel }: Props & { onCancel: () => void }) {
  const router = useRouter();
  const trpc = useTRPC();
  const form = useForm<Values>({
    resolver: zodResolver(formSchema),
    defaultValues: { mode: pieces.length > 0 ? "piece" : "design", portfolioPieceId: "", description: "", quantity: 1, note: "", attachmentFileIds: [] },
  });
  // The new request's page comes next: no refresh of this one.
  const create = useFormMutation(trpc.sampleRequest.create.mutationOptions(), {
    refresh: false,
    form: { setError: form.setError, fields: ["portfolioPieceId", "description", "quantity", "note", "attachmentFileIds"] },
  });
  const { errors, isSubmitting } = form.formState;
  const mode = form.watch("mode");

  const onSubmit = form.handleSubmit(async (raw) => {
    const v = formSchema.parse(raw);
    const req = await create.run({
      orgId: brand.id,
      workshopOrgId: workshop.id,
      portfolioPieceId: v.mode === "piece" ? v.portfolioPieceId : null,
      description: v.description,
      quantity: v.quantity,
      note: v.note,
      attachmentFileIds: v.mode === "design" ? v.attachmentFileIds : [],
    });
    if (req === undefined) return;
    toast.success(`${sampleNumberLabel(req.number)} was sent to ${workshop.name}.`);
    router.push(`/brand/${brand.slug}/samples/${req.number}`);
  });

  return (
    <form {...POST_ONLY} onSubmit={onSubmit} noValidate className="flex min-h-0 flex-1 flex-col">
      <div className="flex flex-col gap-4 overflow-y-auto px-5 py-4">
        <FormError message={create.formError} />
        {pieces.length > 0 && (
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-medium">What should they make?</legend>
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" value="piece" className="size-4 accent-brass-600" {...form.register("mode")} /> A piece from their portfolio
            </label>
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" value="design" className="size-4 accent-brass-600" {...form.register("mode")} /> Our own design, described here
            </label>
          </fieldset>
        )}
        {mode === "piece" ? (
          <Field label="Portfolio piece" error={errors.portfolioPieceId?.message}>
            <Select {...form.register("portfolioPieceId")}>
              <option value="">Choose a piece…</option>
              {pieces.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
        <Field
          label={mode === "piece" ? "Changes (optional)" : "Describe the design"}
          error={errors.description?.message}
          hint={mode === "piece" ? "Metal, size or stone you want instead of the original." : "Category, metal, stones, size, finish: what the workshop needs to quote and make it."}
        >
          <Textarea rows={4} {...form.register("description")} />
        </Field>
        {mode === "design" && (
          <Controller
            control={form.control}
            name="attachmentFileIds"
            render={({ field }) => (
              <ImageUpload
                multiple
                max={SAMPLE_ATTACHMENTS_MAX}
                orgId={brand.id}
                purpose="sample_request_attachment"
                label="Sketches, CAD renders or photos (optional)"
                value={field.value}
                onChange={field.onChange}
                error={errors.attachmentFileIds?.message}
                disabled={isSubmitting}
              />
            )}
          />
        )}
        <Field label="Quantity" error={errors.quantity?.message} hint={`1 to ${SAMPLE_QUANTITY_MAX} pieces.`}>
          <Input type="number" inputMode="numeric" min={1} max={SAMPLE_QUANTITY_MAX} className="w-28" {...form.register("quantity")} />
        </Field>
        <Field label="Note to the workshop (optional)" error={errors.note?.message}>
          <Textarea rows={3} placeholder="Timing, where to ship, anything else they should know." {...form.register("note")} />
        </Field>
      </div>
      <div className="flex justify-end gap-2 border-t border-line px-5 py-3">
        <Button type="button" variant="ghost" onClick={onCancel} disabled={isSubmitting}>
          Cancel
        </Button>
        <Button type="submit" loading={isSubmitting}>
          Send request
        </Button>
      </div>
    </form>
  );
}
