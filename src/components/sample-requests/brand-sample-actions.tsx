"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useFormMutation } from "~/components/forms/use-form-mutation";
import { PackageCheck, XCircle } from "lucide-react";
import { Controller, useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { Button } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { Field, FormError } from "~/components/ui/field";
import { Textarea } from "~/components/ui/input";
import { evaluateSampleSchema } from "~/lib/sample-request-schemas";
import { useTRPC } from "~/trpc/react";
import { ScoreInput } from "./score-input";
import { POST_ONLY } from "~/components/forms/post-only";

export function CancelRequestButton({ orgId, requestId, workshopName }: { orgId: string; requestId: string; workshopName: string }) {
  const trpc = useTRPC();
  const cancel = useFormMutation(trpc.sampleRequest.cancel.mutationOptions(), { success: "Request cancelled." });
  return (
    <ConfirmDialog
      trigger={
        <Button variant="secondary" className="w-full sm:w-auto">
          <XCircle aria-hidden /> Cancel request
        </Button>
      }
      title="Cancel this sample request?"
      description={`${workshopName} is told at once. You can send a new request later.`}
      confirmLabel="Cancel request"
      onConfirm={() => cancel.run({ orgId, requestId })}
    />
  );
}

export function MarkReceivedButton({ orgId, requestId, label }: { orgId: string; requestId: string; label: string }) {
  const trpc = useTRPC();
  const receive = useFormMutation(trpc.sampleRequest.markReceived.mutationOptions(), { success: "Marked as received. How was it?" });
  return (
    <ConfirmDialog
      trigger={
        <Button className="w-full sm:w-auto">
          <PackageCheck aria-hidden /> Mark as received
        </Button>
      }
      title={`Did ${label} arrive?`}
      description="The workshop is told it arrived, and you can then write your private evaluation."
      confirmLabel="Yes, it arrived"
      destructive={false}
      onConfirm={() => receive.run({ orgId, requestId })}
    />
  );
}

const formSchema = evaluateSampleSchema.omit({ requestId: true });
type Values = z.input<typeof formSchema>;
type Evaluation = { quality: number; finish: number; communication: number; notes: string } | null;

const FIELDS = [
  { name: "quality", label: "Quality", hint: "Casting, setting, overall workmanship" },
  { name: "finish", label: "Finish", hint: "Polish, plating, details" },
  { name: "communication", label: "Communication", hint: "Answers, updates, flexibility" },
] as const;

export function EvaluationForm({ orgId, requestId, evaluation }: { orgId: string; requestId: string; evaluation: Evaluation }) {
  const trpc = useTRPC();
  const form = useForm<Values>({
    resolver: zodResolver(formSchema),
    defaultValues: evaluation ?? { quality: undefined, finish: undefined, communication: undefined, notes: "" },
  });
  const evaluate = useFormMutation(trpc.sampleRequest.evaluate.mutationOptions(), { form: { setError: form.setError, fields: ["quality", "finish", "communication", "notes"] } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    if ((await evaluate.run({ orgId, requestId, ...formSchema.parse(values) })) === undefined) return;
    toast.success("Evaluation saved.");
  });

  return (
    <form {...POST_ONLY} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormError message={evaluate.formError} />
      {FIELDS.map((f) => (
        <Controller
          key={f.name}
          control={form.control}
          name={f.name}
          render={({ field }) => <ScoreInput label={f.label} hint={f.hint} value={typeof field.value === "number" ? field.value : null} onChange={field.onChange} error={errors[f.name]?.message} />}
        />
      ))}
      <Field label="Notes" error={errors.notes?.message}>
        <Textarea rows={4} placeholder="What stood out, what to ask for in production…" {...form.register("notes")} />
      </Field>
      <Button type="submit" loading={isSubmitting} className="self-start">
        {evaluation ? "Update evaluation" : "Save evaluation"}
      </Button>
    </form>
  );
}
