"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { POST_ONLY } from "~/components/forms/post-only";
import { useFormMutation } from "~/components/forms/use-form-mutation";
import { Button } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { Field, FormError } from "~/components/ui/field";
import { Input } from "~/components/ui/input";
import { addWorkingDaySchema, setHolidaySchema } from "~/lib/production-calendar-schemas";
import { useTRPC } from "~/trpc/react";
import { formatDay, statusText, type CalendarView } from "./use-calendar";

type Props = { orgId: string; view: CalendarView; date: string; canEdit: boolean; reload: () => Promise<void> };

/** What the selected day is, and what the workshop can change about it. */
export function DayPanel({ orgId, view, date, canEdit, reload }: Props) {
  const trpc = useTRPC();
  const day = view.days.find((d) => d.date === date);
  const publicDay = view.publicDays.find((p) => p.date === date);
  const own = view.ownHolidays.find((h) => h.date === date);
  const workingDay = view.workingDays.find((w) => w.date === date);
  const removeHoliday = useFormMutation(trpc.productionCalendar.removeHoliday.mutationOptions(), { success: "The day is no longer a holiday.", onSuccess: reload });
  const restoreHoliday = useFormMutation(trpc.productionCalendar.restoreHoliday.mutationOptions(), { success: "Back to the public holidays.", onSuccess: reload });
  const removeWorkingDay = useFormMutation(trpc.productionCalendar.removeWorkingDay.mutationOptions(), { success: "Working day removed.", onSuccess: reload });
  if (!day) return null;
  const isHoliday = day.status.reason === "holiday" || (own !== undefined && day.status.reason !== "closure");

  return (
    <div className="flex flex-col gap-4" aria-live="polite">
      <div>
        <h3 className="text-base font-semibold">{formatDay(date)}</h3>
        <p className="text-sm text-ink-muted">{statusText(day.status)}</p>
        {publicDay && (
          <p className="mt-1 text-xs text-ink-muted">
            Public {publicDay.kind === "holiday" ? "holiday" : "make-up working day"}: {publicDay.label}
            {publicDay.change === "removed" && " — you do not keep it"}
            {publicDay.change === "added" && " — you renamed it"} ({publicDay.source})
          </p>
        )}
      </div>
      {canEdit && (
        <div className="flex flex-col gap-4">
          {(isHoliday || publicDay?.kind === "working_day") && publicDay?.change !== "removed" && (
            <ConfirmDialog
              trigger={<Button variant="secondary">{isHoliday ? "Work on this day" : "Do not keep this make-up day"}</Button>}
              title={isHoliday ? "Work on this holiday?" : "Drop this make-up working day?"}
              description={`${formatDay(date)} will count as ${isHoliday ? "a normal day (your working weekdays decide)" : "a normal day"} in every delivery date from now on.`}
              confirmLabel={isHoliday ? "Work on it" : "Drop it"}
              onConfirm={() => removeHoliday.run({ orgId, date })}
            />
          )}
          {publicDay && publicDay.change !== null && (
            <Button variant="ghost" onClick={() => void restoreHoliday.run({ orgId, date })} loading={restoreHoliday.pending}>
              Use the public holidays&apos; word again
            </Button>
          )}
          {day.status.reason !== "closure" && <HolidayForm key={`h-${date}`} orgId={orgId} date={date} label={own?.label ?? (isHoliday ? publicDay?.label : undefined)} reload={reload} />}
          {workingDay ? (
            <ConfirmDialog
              trigger={<Button variant="secondary">Remove this working day</Button>}
              title="Remove this working day?"
              description={`${formatDay(date)} (${workingDay.label}) goes back to a day off.`}
              confirmLabel="Remove"
              onConfirm={() => removeWorkingDay.run({ orgId, workingDayId: workingDay.id })}
            />
          ) : (
            !day.status.working && day.status.reason !== "closure" && <WorkingDayForm key={`w-${date}`} orgId={orgId} date={date} reload={reload} />
          )}
        </div>
      )}
    </div>
  );
}

function HolidayForm({ orgId, date, label, reload }: { orgId: string; date: string; label?: string; reload: () => Promise<void> }) {
  const trpc = useTRPC();
  type Values = z.input<typeof setHolidaySchema>;
  const form = useForm<Values>({ resolver: zodResolver(setHolidaySchema), defaultValues: { date, label: label ?? "" } });
  const save = useFormMutation(trpc.productionCalendar.setHoliday.mutationOptions(), {
    form: { setError: form.setError, fields: ["date", "label"] },
    success: "Holiday saved.",
    onSuccess: reload,
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form {...POST_ONLY} noValidate onSubmit={form.handleSubmit((v) => save.run({ orgId, ...v }))} className="flex flex-col gap-2">
      <FormError message={save.formError} />
      <Field label={label ? "Holiday name" : "Make it a holiday of yours"} error={errors.label?.message ?? errors.date?.message}>
        <Input placeholder="e.g. Patron saint's day" {...form.register("label")} />
      </Field>
      <Button type="submit" variant="secondary" loading={isSubmitting} className="self-start">
        {label ? "Save the name" : "Add holiday"}
      </Button>
    </form>
  );
}

function WorkingDayForm({ orgId, date, reload }: { orgId: string; date: string; reload: () => Promise<void> }) {
  const trpc = useTRPC();
  type Values = z.input<typeof addWorkingDaySchema>;
  const form = useForm<Values>({ resolver: zodResolver(addWorkingDaySchema), defaultValues: { date, label: "Make-up working day" } });
  const save = useFormMutation(trpc.productionCalendar.addWorkingDay.mutationOptions(), {
    form: { setError: form.setError, fields: ["date", "label"] },
    success: "Working day added.",
    onSuccess: reload,
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form {...POST_ONLY} noValidate onSubmit={form.handleSubmit((v) => save.run({ orgId, ...v }))} className="flex flex-col gap-2">
      <FormError message={save.formError} />
      <Field label="Work on this day anyway" error={errors.label?.message ?? errors.date?.message} hint="A make-up Saturday, say.">
        <Input {...form.register("label")} />
      </Field>
      <Button type="submit" variant="secondary" loading={isSubmitting} className="self-start">
        Add working day
      </Button>
    </form>
  );
}
