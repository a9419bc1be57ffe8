"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "~/components/ui/button";
import { Field, FormError } from "~/components/ui/field";
import { Input } from "~/components/ui/input";
import { signInSchema } from "~/lib/schemas";
import { POST_ONLY } from "~/components/forms/post-only";

type Values = z.input<typeof signInSchema>;

export function SignInForm({ callbackUrl, defaultEmail, notice }: { callbackUrl: string; defaultEmail?: string; notice?: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({ resolver: zodResolver(signInSchema), defaultValues: { email: defaultEmail ?? "", password: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const res = await signIn("credentials", { ...values, redirect: false });
    if (!res || res.error) {
      setFormError(!res || res.error === "CredentialsSignin" ? "Email or password is incorrect." : res.error);
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  });

  return (
    <form {...POST_ONLY} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {notice && <p className="rounded-md bg-success-soft px-3 py-2 text-sm text-success">{notice}</p>}
      <FormError message={formError} />
      <Field label="Email" error={errors.email?.message}>
        <Input type="email" autoComplete="email" autoFocus={!defaultEmail} {...form.register("email")} />
      </Field>
      <Field label="Password" error={errors.password?.message}>
        <Input type="password" autoComplete="current-password" autoFocus={!!defaultEmail} {...form.register("password")} />
      </Field>
      <div className="-mt-1 text-right text-sm">
        <Link href="/forgot-password" className="text-brass-700 hover:underline">
          Forgot your password?
        </Link>
      </div>
      <Button type="submit" size="lg" loading={isSubmitting}>
        Sign in
      </Button>
    </form>
  );
}
