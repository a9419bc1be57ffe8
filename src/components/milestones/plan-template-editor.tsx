"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowDown, ArrowUp, Plus, Trash2 } from "lucide-react";
import { useFieldArray, useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { POST_ONLY } from "~/components/forms/post-only";
import { useFormMutation } from "~/components/forms/use-form-mutation";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { FormError } from "~/components/ui/field";
import { Input } from "~/components/ui/input";
import { Skeleton } from "~/components/ui/skeleton";
import { plannedEndDays } from "~/lib/milestone-shares";
import { PLAN_STEPS_MAX, savePlanTemplateSchema } from "~/lib/plan-template-schemas";
import { useTRPC } from "~/trpc/react";

type Values = z.input<typeof savePlanTemplateSchema>;

/** The lead time the preview counts in: a typical made-to-order production. */
const PREVIEW_LEAD_TIME = 30;

/** The workshop's plan template: the steps, their shares of the lead time and which the brand approves. */
export function PlanTemplateEditor({ orgId, canEdit }: { orgId: string; canEdit: boolean }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.planTemplate.get.queryOptions({ orgId }));
  if (query.isPending) {
    return (
      <div role="status" aria-label="Loading the plan template">
        <Skeleton className="h-96 w-full" />
      </div>
    );
  }
  if (query.isError) return <FormError message={query.error.message} />;
  return <TemplateForm orgId={orgId} canEdit={canEdit} steps={query.data.steps} isDefault={query.data.isDefault} />;
}

function TemplateForm({ orgId, canEdit, steps, isDefault }: { orgId: string; canEdit: boolean; steps: Values["steps"]; isDefault: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const reload = () => queryClient.invalidateQueries({ queryKey: trpc.planTemplate.get.queryKey({ orgId }) });
  const form = useForm<Values>({ resolver: zodResolver(savePlanTemplateSchema), values: { steps } });
  const { fields, append, remove, move } = useFieldArray({ control: form.control, name: "steps" });
  const watched = useWatch({ control: form.control, name: "steps" });
  const save = useFormMutation(trpc.planTemplate.save.mutationOptions(), {
    form: { setError: form.setError, fields: ["steps"] },
    success: "Plan template saved. New orders follow it; orders placed before keep their plan.",
    onSuccess: reload,
  });
  const reset = useFormMutation(trpc.planTemplate.reset.mutationOptions(), { success: "Plan template reset to the default steps.", onSuccess: reload });
  const { errors, isSubmitting, isDirty } = form.formState;
  const shares = (watched ?? []).map((s) => Number(s?.sharePercent));
  const total = shares.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
  const preview = total === 100 && shares.every((s) => Number.isInteger(s) && s >= 0) ? plannedEndDays(shares, PREVIEW_LEAD_TIME) : null;
  const stepsError = errors.steps?.root?.message ?? errors.steps?.message;

  return (
    <Card>
      <CardHeader
        title="Plan template"
        description="The steps every new order's milestone plan starts from. Each step takes a share of the quote's lead time, counted in your working days; steps marked for approval wait for the brand."
        action={isDefault ? <Badge>Default steps</Badge> : <Badge tone="success">Your steps</Badge>}
      />
      <CardBody>
        <form {...POST_ONLY} noValidate onSubmit={form.handleSubmit((v) => save.run({ orgId, ...v }))} className="flex flex-col gap-5">
          <FormError message={save.formError} />
          <fieldset disabled={!canEdit} className="flex flex-col gap-3">
            <legend className="sr-only">Steps</legend>
            <ol className="flex flex-col gap-3" aria-label="Steps, in order">
              {fields.map((field, i) => {
                const name = watched?.[i]?.name?.trim() || `step ${i + 1}`;
                const rowErrors = errors.steps?.[i];
                const day = preview?.[i];
                return (
                  <li key={field.id} className="rounded-md border border-line p-3">
                    <div className="grid gap-3 sm:grid-cols-[2rem_1fr_8rem_auto_auto] sm:items-start">
                      <span className="pt-2 text-sm font-medium text-ink-muted" aria-hidden>
                        {i + 1}.
                      </span>
                      <div className="flex flex-col gap-1">
                        <label htmlFor={`step-${field.id}-name`} className="text-sm font-medium sm:sr-only">
                          Name of step {i + 1}
                        </label>
                        <Input
                          id={`step-${field.id}-name`}
                          aria-label={`Name of step ${i + 1}`}
                          aria-invalid={rowErrors?.name ? true : undefined}
                          aria-describedby={rowErrors?.name ? `step-${field.id}-name-error` : undefined}
                          {...form.register(`steps.${i}.name`)}
                        />
                        {rowErrors?.name?.message && (
                          <p id={`step-${field.id}-name-error`} role="alert" className="text-sm text-danger">
                            {rowErrors.name.message}
                          </p>
                        )}
                      </div>
                      <div className="flex flex-col gap-1">
                        <label htmlFor={`step-${field.id}-share`} className="text-sm font-medium sm:sr-only">
                          Share of the lead time of step {i + 1}, percent
                        </label>
                        <div className="flex items-center gap-2">
                          <Input
                            id={`step-${field.id}-share`}
                            type="number"
                            inputMode="numeric"
                            min={0}
                            max={100}
                            step={1}
                            aria-label={`Share of step ${i + 1}, percent`}
                            aria-invalid={rowErrors?.sharePercent ? true : undefined}
                            aria-describedby={`step-${field.id}-share-hint${rowErrors?.sharePercent ? ` step-${field.id}-share-error` : ""}`}
                            {...form.register(`steps.${i}.sharePercent`, { valueAsNumber: true })}
                          />
                          <span aria-hidden>%</span>
                        </div>
                        <p id={`step-${field.id}-share-hint`} className="text-xs text-ink-subtle">
                          {day !== undefined ? `Ends on day ${day} of ${PREVIEW_LEAD_TIME}` : " "}
                        </p>
                        {rowErrors?.sharePercent?.message && (
                          <p id={`step-${field.id}-share-error`} role="alert" className="text-sm text-danger">
                            {rowErrors.sharePercent.message}
                          </p>
                        )}
                      </div>
                      <label className="flex min-h-10 items-center gap-2 text-sm">
                        <input type="checkbox" className="size-5" {...form.register(`steps.${i}.needsApproval`)} />
                        Brand approves
                      </label>
                      {canEdit && (
                        <div className="flex items-center gap-0.5">
                          <Button type="button" variant="ghost" size="sm" className="px-2" aria-label={`Move ${name} up`} title="Move up" disabled={i === 0} onClick={() => move(i, i - 1)}>
                            <ArrowUp aria-hidden />
                          </Button>
                          <Button type="button" variant="ghost" size="sm" className="px-2" aria-label={`Move ${name} down`} title="Move down" disabled={i === fields.length - 1} onClick={() => move(i, i + 1)}>
                            <ArrowDown aria-hidden />
                          </Button>
                          <ConfirmDialog
                            trigger={
                              <Button type="button" variant="ghost" size="sm" className="px-2 hover:text-danger" aria-label={`Remove ${name}`} title="Remove" disabled={fields.length === 1}>
                                <Trash2 aria-hidden />
                              </Button>
                            }
                            title={`Remove the step "${name}"?`}
                            description={
                              field.key === "deposit_received"
                                ? "Without it, a recorded deposit completes no milestone. Give its share to another step so the shares still make 100 %. Nothing is saved until you save the template."
                                : "Give its share to another step so the shares still make 100 %. Nothing is saved until you save the template."
                            }
                            confirmLabel="Remove step"
                            onConfirm={() => Promise.resolve(remove(i))}
                          />
                        </div>
                      )}
                    </div>
                  </li>
                );
              })}
            </ol>
            <p className={`text-sm ${total === 100 ? "text-ink-muted" : "font-medium text-danger"}`} aria-live="polite">
              Shares: {total} % of 100 %{total < 100 ? ` — ${100 - total} % left to give` : total > 100 ? ` — ${total - 100} % too many` : ""}
            </p>
            {stepsError && (
              <p role="alert" className="text-sm text-danger">
                {stepsError}
              </p>
            )}
          </fieldset>
          {canEdit ? (
            <div className="flex flex-wrap gap-2">
              <Button
                type="button"
                variant="secondary"
                disabled={fields.length >= PLAN_STEPS_MAX}
                onClick={() => append({ key: null, name: "", sharePercent: 0, needsApproval: false }, { shouldFocus: true })}
              >
                <Plus aria-hidden /> Add a step
              </Button>
              <Button type="submit" loading={isSubmitting} disabled={!isDirty}>
                Save template
              </Button>
              {!isDefault && (
                <ConfirmDialog
                  trigger={
                    <Button type="button" variant="ghost">
                      Reset to the default steps
                    </Button>
                  }
                  title="Reset the plan template?"
                  description="Your steps are replaced by the ten default steps for new orders. Orders placed before keep their plan."
                  confirmLabel="Reset template"
                  onConfirm={() => reset.run({ orgId })}
                />
              )}
            </div>
          ) : (
            <p className="text-sm text-ink-muted">Only owners and admins can change the plan template.</p>
          )}
        </form>
      </CardBody>
    </Card>
  );
}
