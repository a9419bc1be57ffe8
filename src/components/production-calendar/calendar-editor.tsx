"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { CalendarDays } from "lucide-react";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import type { z } from "zod";
import { POST_ONLY } from "~/components/forms/post-only";
import { useFormMutation } from "~/components/forms/use-form-mutation";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { EmptyState } from "~/components/ui/empty-state";
import { Field, FormError } from "~/components/ui/field";
import { Input, Select } from "~/components/ui/input";
import { Skeleton } from "~/components/ui/skeleton";
import { CheckboxGroup, optionsOf } from "~/components/workshop-profile/checkbox-group";
import { addClosureSchema, updateCalendarSchema } from "~/lib/production-calendar-schemas";
import { COUNTRY_OPTIONS } from "~/lib/regions";
import { WEEKDAYS } from "~/lib/workshop-vocabulary";
import { useTRPC } from "~/trpc/react";
import { CalendarGrid, CalendarLegend } from "./calendar-grid";
import { DayPanel } from "./day-panel";
import { formatDay, useCalendar, type CalendarView } from "./use-calendar";

/** The workshop's production calendar: its settings, the next 12 months, its closures and own days. */
export function CalendarEditor({ orgId, canEdit }: { orgId: string; canEdit: boolean }) {
  const { query, reload } = useCalendar(orgId);
  const [selected, setSelected] = useState<string | null>(null);
  if (query.isPending) {
    return (
      <div className="flex flex-col gap-4" role="status" aria-label="Loading the calendar">
        <Skeleton className="h-40 w-full" />
        <Skeleton className="h-96 w-full" />
      </div>
    );
  }
  if (query.isError) return <FormError message={query.error.message} />;
  const view = query.data;
  const day = selected ?? view.today;
  return (
    <div className="flex flex-col gap-6">
      <SettingsCard orgId={orgId} view={view} canEdit={canEdit} reload={reload} />
      <Card>
        <CardHeader
          title="The next 12 months"
          description={`Choose a day to see why it is or is not a working day${canEdit ? " and to change it" : ""}. Arrow keys move between days.`}
        />
        <CardBody className="flex flex-col gap-6 lg:flex-row">
          <div className="min-w-0 flex-1">
            <CalendarLegend />
            <div className="mt-4">
              <CalendarGrid days={view.days} selected={day} today={view.today} onSelect={setSelected} />
            </div>
          </div>
          <aside className="lg:sticky lg:top-4 lg:w-80 lg:self-start" aria-label="The chosen day">
            <DayPanel orgId={orgId} view={view} date={day} canEdit={canEdit} reload={reload} />
          </aside>
        </CardBody>
      </Card>
      <ClosuresCard orgId={orgId} view={view} canEdit={canEdit} reload={reload} />
    </div>
  );
}

type CardProps = { orgId: string; view: CalendarView; canEdit: boolean; reload: () => Promise<void> };

function SettingsCard({ orgId, view, canEdit, reload }: CardProps) {
  const trpc = useTRPC();
  type Values = z.input<typeof updateCalendarSchema>;
  const defaults = { workingWeekdays: [...view.settings.workingWeekdays], holidayCountry: view.settings.holidayCountry as Values["holidayCountry"] };
  const form = useForm<Values>({ resolver: zodResolver(updateCalendarSchema), values: defaults });
  const update = useFormMutation(trpc.productionCalendar.update.mutationOptions(), {
    form: { setError: form.setError, fields: ["workingWeekdays", "holidayCountry"] },
    success: "Calendar saved.",
    onSuccess: reload,
  });
  const review = useFormMutation(trpc.productionCalendar.markReviewed.mutationOptions(), { success: "Holidays marked as reviewed.", onSuccess: reload });
  const { errors, isSubmitting, isDirty } = form.formState;
  const reviewed = view.settings.holidaysReviewedAt;
  return (
    <Card>
      <CardHeader
        title="Production calendar"
        description={`Delivery dates are counted in your working days, in your time zone (${view.settings.timeZone.replaceAll("_", " ")}; change it in Settings → Profile).`}
        action={reviewed ? <Badge tone="success">Holidays reviewed</Badge> : <Badge tone="warning">Holidays not reviewed</Badge>}
      />
      <CardBody className="flex flex-col gap-5">
        {!reviewed && (
          <div className="flex flex-col gap-3 rounded-md border border-line bg-sunken p-4 text-sm sm:flex-row sm:items-center sm:justify-between">
            <p>
              Your country&apos;s public holidays come from a public table that is wrong in places. Check the holidays in the months below, change what
              differs for you, then confirm.
            </p>
            {canEdit && (
              <Button variant="secondary" onClick={() => void review.run({ orgId })} loading={review.pending}>
                They are right
              </Button>
            )}
          </div>
        )}
        <form {...POST_ONLY} noValidate onSubmit={form.handleSubmit((v) => update.run({ orgId, ...v }))} className="flex max-w-xl flex-col gap-5">
          <fieldset disabled={!canEdit} className="flex flex-col gap-5">
            <FormError message={update.formError} />
            <Controller
              control={form.control}
              name="workingWeekdays"
              render={({ field }) => (
                <CheckboxGroup
                  legend="Working days"
                  options={optionsOf(WEEKDAYS)}
                  value={field.value.map(String)}
                  onChange={(next) => field.onChange(next.map(Number))}
                  error={errors.workingWeekdays?.message}
                  columns="grid-cols-4 sm:grid-cols-7"
                />
              )}
            />
            <Field label="Public holidays of" error={errors.holidayCountry?.message} hint={view.holidaysKnownThrough ? `Known through ${formatDay(view.holidaysKnownThrough)}.` : "No public holidays are known for this country yet."}>
              <Select {...form.register("holidayCountry")}>
                {COUNTRY_OPTIONS.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </Select>
            </Field>
          </fieldset>
          {canEdit ? (
            <Button type="submit" loading={isSubmitting} disabled={!isDirty} className="self-start">
              Save calendar
            </Button>
          ) : (
            <p className="text-sm text-ink-muted">Only owners and admins can change the calendar.</p>
          )}
        </form>
        <p className="text-xs text-ink-muted">
          Public holidays from the date-holidays project (data CC-BY-3.0), with corrections; each shows its source when you choose its day.
        </p>
      </CardBody>
    </Card>
  );
}

function ClosuresCard({ orgId, view, canEdit, reload }: CardProps) {
  const trpc = useTRPC();
  type Values = z.input<typeof addClosureSchema>;
  const form = useForm<Values>({ resolver: zodResolver(addClosureSchema), defaultValues: { startsOn: "", endsOn: "", label: "" } });
  const add = useFormMutation(trpc.productionCalendar.addClosure.mutationOptions(), {
    form: { setError: form.setError, fields: ["startsOn", "endsOn", "label"] },
    success: "Closure added.",
    onSuccess: async () => {
      form.reset();
      await reload();
    },
  });
  const remove = useFormMutation(trpc.productionCalendar.removeClosure.mutationOptions(), { success: "Closure removed.", onSuccess: reload });
  const { errors, isSubmitting } = form.formState;
  return (
    <Card>
      <CardHeader title="Closures" description="Dates the workshop is shut, both days included: a Lunar New Year shutdown, an August closure." />
      <CardBody className="flex flex-col gap-5">
        {view.closures.length === 0 ? (
          <EmptyState icon={<CalendarDays />} title="No closures in the next 12 months" description={canEdit ? "Add one below; delivery dates will skip it." : undefined} />
        ) : (
          <ul className="divide-y divide-line">
            {view.closures.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <div>
                  <p className="font-medium">{c.label}</p>
                  <p className="text-sm text-ink-muted">
                    {formatDay(c.startsOn)} – {formatDay(c.endsOn)}
                  </p>
                </div>
                {canEdit && (
                  <ConfirmDialog
                    trigger={<Button variant="ghost" size="sm">Remove</Button>}
                    title={`Remove the closure "${c.label}"?`}
                    description="Its days count as working days again in every delivery date from now on."
                    confirmLabel="Remove closure"
                    onConfirm={() => remove.run({ orgId, closureId: c.id })}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
        {canEdit && (
          <form {...POST_ONLY} noValidate onSubmit={form.handleSubmit((v) => add.run({ orgId, ...v }))} className="grid gap-4 sm:grid-cols-[1fr_1fr_2fr_auto] sm:items-end">
            <FormError message={add.formError} />
            <Field label="First day" error={errors.startsOn?.message}>
              <Input type="date" {...form.register("startsOn")} />
            </Field>
            <Field label="Last day" error={errors.endsOn?.message}>
              <Input type="date" {...form.register("endsOn")} />
            </Field>
            <Field label="Name" error={errors.label?.message}>
              <Input placeholder="e.g. Lunar New Year shutdown" {...form.register("label")} />
            </Field>
            <Button type="submit" loading={isSubmitting}>
              Add closure
            </Button>
          </form>
        )}
      </CardBody>
    </Card>
  );
}
