"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { applyServerErrors } from "~/components/forms/server-errors";
import { Button } from "~/components/ui/button";
import { Field, FormError } from "~/components/ui/field";
import { Input } from "~/components/ui/input";
import { requestPasswordResetSchema } from "~/lib/schemas";
import { useTRPC } from "~/trpc/react";
import { POST_ONLY } from "~/components/forms/post-only";

type Values = z.input<typeof requestPasswordResetSchema>;

export function ForgotPasswordForm() {
  const trpc = useTRPC();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({ resolver: zodResolver(requestPasswordResetSchema), defaultValues: { email: "" } });
  const request = useMutation(trpc.auth.requestPasswordReset.mutationOptions());

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await request.mutateAsync(values);
      setSentTo(values.email);
    } catch (err) {
      setFormError(applyServerErrors(err, form.setError, ["email"]));
    }
  });

  if (sentTo) {
    return (
      <div role="status" className="rounded-md bg-success-soft px-4 py-3 text-sm text-success">
        If an account exists for <strong>{sentTo}</strong>, we sent it a link to choose a new password. The link expires in one hour.
      </div>
    );
  }
  return (
    <form {...POST_ONLY} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormError message={formError} />
      <Field label="Email" error={form.formState.errors.email?.message}>
        <Input type="email" autoComplete="email" autoFocus {...form.register("email")} />
      </Field>
      <Button type="submit" size="lg" loading={form.formState.isSubmitting}>
        Email me a reset link
      </Button>
    </form>
  );
}
