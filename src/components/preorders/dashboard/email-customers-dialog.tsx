"use client";

import * as AlertDialog from "@radix-ui/react-alert-dialog";
import { Mail } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { POST_ONLY } from "~/components/forms/post-only";
import { useFormMutation } from "~/components/forms/use-form-mutation";
import { Button } from "~/components/ui/button";
import { DIALOG_CLASS } from "~/components/ui/form-dialog";
import { Field, FormError } from "~/components/ui/field";
import { Input, Textarea } from "~/components/ui/input";
import { EMAIL_SENDS_PER_HOUR, EMAIL_STATUS_CHOICES, emailCampaignCustomersSchema } from "~/lib/preorder-dashboard-schemas";
import { EMAIL_BODY_MAX, EMAIL_SUBJECT_MAX } from "~/lib/preorder-schemas";
import { PREORDER_RESERVATION_STATUS_LABELS, type PreorderReservationStatus } from "~/lib/preorder-vocabulary";
import { useTRPC } from "~/trpc/react";

type Values = { subject: string; body: string; statuses: PreorderReservationStatus[] };
const FIELDS = ["subject", "body", "statuses"] as const;

/**
 * "Email customers": a subject, a message and which reservations it goes to (paid ones by default), then a
 * confirmation that says how many emails leave. Each customer's email names their own reservation only.
 */
export function EmailCustomersDialog({ orgId, campaignId, byStatus }: { orgId: string; campaignId: string; byStatus: Record<PreorderReservationStatus, number> }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const [step, setStep] = useState<"compose" | "confirm">("compose");
  const form = useForm<Values>({ defaultValues: { subject: "", body: "", statuses: ["paid"] } });
  const send = useFormMutation(trpc.preorderDashboard.emailCustomers.mutationOptions(), {
    form: { setError: form.setError, fields: FIELDS },
    success: (d) => `${d.sent} email${d.sent === 1 ? "" : "s"} on their way.`,
    onSuccess: () => {
      setOpen(false);
      setStep("compose");
      form.reset();
    },
  });
  const busy = form.formState.isSubmitting;
  const chosen = form.watch("statuses");
  const count = (Array.isArray(chosen) ? chosen : []).reduce((n, s) => n + (byStatus[s] ?? 0), 0);
  const errors = form.formState.errors;

  const review = form.handleSubmit((v) => {
    const parsed = emailCampaignCustomersSchema.safeParse({ campaignId, ...v, statuses: v.statuses, confirm: true });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = FIELDS.find((f) => f === issue.path[0]);
        if (field) form.setError(field, { message: issue.message });
      }
      return;
    }
    if (count === 0) return form.setError("statuses", { message: "No reservation is in the statuses you chose." });
    setStep("confirm");
  });
  const confirm = form.handleSubmit(async (v) => {
    const out = await send.run({ orgId, campaignId, subject: v.subject, body: v.body, statuses: v.statuses, confirm: true });
    if (!out) setStep("compose");
  });

  return (
    <AlertDialog.Root
      open={open}
      onOpenChange={(o) => {
        if (busy) return;
        setOpen(o);
        if (!o) setStep("compose");
      }}
    >
      <AlertDialog.Trigger asChild>
        <Button variant="secondary">
          <Mail aria-hidden className="size-4" /> Email customers…
        </Button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-ink/40" />
        <AlertDialog.Content className={`${DIALOG_CLASS} sm:max-w-lg`}>
          <form {...POST_ONLY} noValidate aria-label="Email customers" onSubmit={step === "compose" ? review : confirm}>
            {step === "compose" ? (
              <>
                <AlertDialog.Title className="text-lg font-semibold">Email customers</AlertDialog.Title>
                <AlertDialog.Description className="mt-2 text-sm text-ink-muted">
                  Each customer receives one email per reservation, greeting them by name and naming their reservation. At most {EMAIL_SENDS_PER_HOUR} sends an hour for a campaign.
                </AlertDialog.Description>
                <div className="mt-4 flex flex-col gap-3">
                  <FormError message={send.formError} />
                  <Field label="Subject" error={errors.subject?.message}>
                    <Input maxLength={EMAIL_SUBJECT_MAX} autoFocus {...form.register("subject")} />
                  </Field>
                  <Field label="Message" error={errors.body?.message} hint="Plain text. Your brand's name and the campaign's page are added below it.">
                    <Textarea rows={6} maxLength={EMAIL_BODY_MAX} {...form.register("body")} />
                  </Field>
                  <fieldset aria-describedby={errors.statuses ? "email-statuses-error" : undefined}>
                    <legend className="text-sm font-medium">Send to reservations that are</legend>
                    <div className="mt-2 flex flex-col gap-1.5">
                      {EMAIL_STATUS_CHOICES.map((s) => (
                        <label key={s} className="flex items-center gap-2 text-sm">
                          <input type="checkbox" value={s} className="size-4 accent-ink" {...form.register("statuses")} />
                          {PREORDER_RESERVATION_STATUS_LABELS[s]} <span className="text-ink-subtle">({byStatus[s] ?? 0})</span>
                        </label>
                      ))}
                    </div>
                    {errors.statuses?.message && (
                      <p id="email-statuses-error" role="alert" className="mt-1.5 text-sm text-danger">
                        {errors.statuses.message}
                      </p>
                    )}
                  </fieldset>
                </div>
                <div className="mt-6 flex flex-wrap justify-end gap-2">
                  <AlertDialog.Cancel asChild>
                    <Button type="button" variant="secondary">
                      Cancel
                    </Button>
                  </AlertDialog.Cancel>
                  <Button type="submit">Review…</Button>
                </div>
              </>
            ) : (
              <>
                <AlertDialog.Title className="text-lg font-semibold">
                  Send to {count} customer{count === 1 ? "" : "s"}?
                </AlertDialog.Title>
                <AlertDialog.Description className="mt-2 text-sm text-ink-muted">
                  “{form.getValues("subject")}” goes to {count} reservation{count === 1 ? "" : "s"} ({form.getValues("statuses").map((s) => PREORDER_RESERVATION_STATUS_LABELS[s].toLowerCase()).join(", ")}). Emails cannot be called back once sent.
                </AlertDialog.Description>
                <div className="mt-6 flex flex-wrap justify-end gap-2">
                  <Button type="button" variant="secondary" disabled={busy} onClick={() => setStep("compose")}>
                    Back
                  </Button>
                  <Button type="submit" loading={busy}>
                    Send {count} email{count === 1 ? "" : "s"}
                  </Button>
                </div>
              </>
            )}
          </form>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
