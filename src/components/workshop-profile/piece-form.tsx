"use client";

import { useFormMutation } from "~/components/forms/use-form-mutation";
import { zodResolver } from "@hookform/resolvers/zod";
import { Controller, useForm } from "react-hook-form";
import { toast } from "sonner";
import { Button } from "~/components/ui/button";
import { Field, FormError } from "~/components/ui/field";
import { ImageUpload } from "~/components/ui/image-upload";
import { Input, Textarea } from "~/components/ui/input";
import { CAPABILITIES, METALS } from "~/lib/workshop-vocabulary";
import { PIECE_PHOTOS_MAX, portfolioPieceSchema, type PortfolioPieceInput } from "~/lib/workshop-profile-schemas";
import { useTRPC } from "~/trpc/react";
import { CheckboxGroup, optionsOf } from "./checkbox-group";
import { POST_ONLY } from "~/components/forms/post-only";

export type PieceRow = { id: string; title: string; description: string; metals: string[]; techniques: string[]; photoFileIds: string[] };

const FIELDS = ["title", "description", "metals", "techniques", "photoFileIds"];
const EMPTY: PortfolioPieceInput = { title: "", description: "", metals: [], techniques: [], photoFileIds: [] };

/** Adds a portfolio piece (no `piece`) or edits one. */
export function PieceForm({ orgId, piece, onDone }: { orgId: string; piece?: PieceRow; onDone: () => void }) {
  const trpc = useTRPC();
  const form = useForm<PortfolioPieceInput>({
    resolver: zodResolver(portfolioPieceSchema),
    defaultValues: piece
      ? {
          title: piece.title,
          description: piece.description,
          metals: piece.metals as PortfolioPieceInput["metals"],
          techniques: piece.techniques as PortfolioPieceInput["techniques"],
          photoFileIds: piece.photoFileIds,
        }
      : EMPTY,
  });
  const fieldErrors = { form: { setError: form.setError, fields: FIELDS } };
  const create = useFormMutation(trpc.workshopProfile.portfolio.create.mutationOptions(), fieldErrors);
  const update = useFormMutation(trpc.workshopProfile.portfolio.update.mutationOptions(), fieldErrors);
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const saved = piece ? await update.run({ orgId, pieceId: piece.id, ...values }) : await create.run({ orgId, ...values });
    if (saved === undefined) return;
    toast.success(piece ? `“${values.title}” saved.` : `“${values.title}” added to your portfolio.`);
    onDone();
  });

  return (
    <form {...POST_ONLY} onSubmit={onSubmit} noValidate className="flex flex-col gap-5" aria-label={piece ? `Edit ${piece.title}` : "Add a portfolio piece"}>
      <FormError message={create.formError ?? update.formError} />
      <Field label="Title" error={errors.title?.message}>
        <Input autoFocus placeholder="Pavé hoop earrings" {...form.register("title")} />
      </Field>
      <Controller
        control={form.control}
        name="photoFileIds"
        render={({ field }) => (
          <ImageUpload
            multiple
            max={PIECE_PHOTOS_MAX}
            orgId={orgId}
            purpose="portfolio_photo"
            subjectId={piece?.id}
            label="Photos"
            hint="The first photo is the cover. A piece needs a photo to count towards publishing."
            value={field.value}
            onChange={field.onChange}
            error={errors.photoFileIds?.message}
          />
        )}
      />
      <Field label="Description" error={errors.description?.message} hint="Optional. Batch size, finish, what was hard about it.">
        <Textarea rows={3} {...form.register("description")} />
      </Field>
      <Controller
        control={form.control}
        name="metals"
        render={({ field }) => <CheckboxGroup legend="Metals" options={optionsOf(METALS)} value={field.value} onChange={field.onChange} error={errors.metals?.message} />}
      />
      <Controller
        control={form.control}
        name="techniques"
        render={({ field }) => (
          <CheckboxGroup legend="Techniques" options={optionsOf(CAPABILITIES)} value={field.value} onChange={field.onChange} error={errors.techniques?.message} />
        )}
      />
      <div className="flex gap-2">
        <Button type="submit" loading={isSubmitting}>
          {piece ? "Save piece" : "Add piece"}
        </Button>
        <Button type="button" variant="ghost" onClick={onDone} disabled={isSubmitting}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
