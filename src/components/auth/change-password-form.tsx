"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { POST_ONLY } from "~/components/forms/post-only";
import { applyServerErrors } from "~/components/forms/server-errors";
import { Button } from "~/components/ui/button";
import { Field, FormError } from "~/components/ui/field";
import { Input } from "~/components/ui/input";
import { changePasswordSchema } from "~/lib/schemas";
import { useTRPC } from "~/trpc/react";

type Values = z.input<typeof changePasswordSchema>;

/** A new password ends every session, this one too: the person signs in again with it. */
export function ChangePasswordForm({ email }: { email: string }) {
  const trpc = useTRPC();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({ resolver: zodResolver(changePasswordSchema), defaultValues: { currentPassword: "", newPassword: "" } });
  const change = useMutation(trpc.auth.changePassword.mutationOptions());
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await change.mutateAsync(values);
    } catch (err) {
      setFormError(applyServerErrors(err, form.setError, ["currentPassword", "newPassword"]));
      return;
    }
    await signOut({ callbackUrl: `/sign-in?reset=1&email=${encodeURIComponent(email)}` });
  });

  return (
    <form {...POST_ONLY} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormError message={formError} />
      <Field label="Current password" error={errors.currentPassword?.message}>
        <Input type="password" autoComplete="current-password" {...form.register("currentPassword")} />
      </Field>
      <Field label="New password" error={errors.newPassword?.message} hint="At least 10 characters. Every device signs out.">
        <Input type="password" autoComplete="new-password" {...form.register("newPassword")} />
      </Field>
      <Button type="submit" size="lg" loading={isSubmitting}>
        Change password
      </Button>
    </form>
  );
}
