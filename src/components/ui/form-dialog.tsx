"use client";

import * as AlertDialog from "@radix-ui/react-alert-dialog";
import { POST_ONLY } from "~/components/forms/post-only";
import { Button } from "./button";
import { FormError } from "./field";

/** A dialog centred on the screen that scrolls inside on a short phone screen. */
export const DIALOG_CLASS =
  "fixed top-1/2 left-1/2 z-50 max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg border border-line bg-surface p-6 shadow-pop";

type FormDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** While the form is submitting, Escape, the overlay and the keep button do nothing. */
  busy: boolean;
  trigger: React.ReactNode;
  /** The form's accessible name. */
  label: string;
  title: React.ReactNode;
  description: React.ReactNode;
  formError?: string | null;
  /** The fields, below the form's own error. */
  children: React.ReactNode;
  keepLabel: string;
  submitLabel: React.ReactNode;
  destructive?: boolean;
  onSubmit: React.FormEventHandler<HTMLFormElement>;
};

/**
 * A confirmation that asks for something before the action (a reason customers read, a new date): what
 * follows in the description, the fields, a button that keeps things as they are and one that acts.
 */
export function FormDialog({ open, onOpenChange, busy, trigger, label, title, description, formError, children, keepLabel, submitLabel, destructive = false, onSubmit }: FormDialogProps) {
  return (
    <AlertDialog.Root open={open} onOpenChange={(o) => !busy && onOpenChange(o)}>
      <AlertDialog.Trigger asChild>{trigger}</AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-ink/40" />
        <AlertDialog.Content className={DIALOG_CLASS}>
          <form {...POST_ONLY} noValidate aria-label={label} onSubmit={onSubmit}>
            <AlertDialog.Title className="text-lg font-semibold">{title}</AlertDialog.Title>
            <AlertDialog.Description className="mt-2 text-sm text-ink-muted">{description}</AlertDialog.Description>
            <div className="mt-4 flex flex-col gap-3">
              <FormError message={formError} />
              {children}
            </div>
            <div className="mt-6 flex flex-wrap justify-end gap-2">
              <AlertDialog.Cancel asChild>
                <Button type="button" variant="secondary" disabled={busy}>
                  {keepLabel}
                </Button>
              </AlertDialog.Cancel>
              <Button type="submit" variant={destructive ? "danger" : "primary"} loading={busy}>
                {submitLabel}
              </Button>
            </div>
          </form>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
