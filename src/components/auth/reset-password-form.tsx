"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { applyServerErrors } from "~/components/forms/server-errors";
import { Button } from "~/components/ui/button";
import { Field, FormError } from "~/components/ui/field";
import { Input } from "~/components/ui/input";
import { passwordSchema } from "~/lib/schemas";
import { useTRPC } from "~/trpc/react";
import { POST_ONLY } from "~/components/forms/post-only";

const formSchema = z
  .object({ password: passwordSchema, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords differ." });
type Values = z.input<typeof formSchema>;

export function ResetPasswordForm({ token }: { token: string }) {
  const router = useRouter();
  const trpc = useTRPC();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({ resolver: zodResolver(formSchema), defaultValues: { password: "", confirm: "" } });
  const reset = useMutation(trpc.auth.resetPassword.mutationOptions());
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await reset.mutateAsync({ token, password: values.password });
      router.replace("/sign-in?reset=1");
    } catch (err) {
      setFormError(applyServerErrors(err, form.setError, ["password"]));
    }
  });

  return (
    <form {...POST_ONLY} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormError message={formError} />
      <Field label="New password" error={errors.password?.message} hint="At least 10 characters.">
        <Input type="password" autoComplete="new-password" autoFocus {...form.register("password")} />
      </Field>
      <Field label="Repeat the new password" error={errors.confirm?.message}>
        <Input type="password" autoComplete="new-password" {...form.register("confirm")} />
      </Field>
      <Button type="submit" size="lg" loading={isSubmitting}>
        Set new password
      </Button>
    </form>
  );
}
