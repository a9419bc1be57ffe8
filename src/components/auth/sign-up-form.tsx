"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { POST_ONLY } from "~/components/forms/post-only";
import { applyServerErrors } from "~/components/forms/server-errors";
import { Button } from "~/components/ui/button";
import { Field, FormError } from "~/components/ui/field";
import { Input } from "~/components/ui/input";
import { signUpSchema } from "~/lib/schemas";
import { useTRPC } from "~/trpc/react";

type Values = z.input<typeof signUpSchema>;

/**
 * After sign-up the page always says "check your email", whether the address was new or already had an
 * account (its owner then gets a note instead of a link): the form never tells who has an account.
 */
export function SignUpForm({ callbackUrl, defaultEmail }: { callbackUrl: string; defaultEmail?: string }) {
  const trpc = useTRPC();
  const [formError, setFormError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm<Values>({ resolver: zodResolver(signUpSchema), defaultValues: { name: "", email: defaultEmail ?? "", password: "" } });
  const signUp = useMutation(trpc.auth.signUp.mutationOptions());
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const { email } = await signUp.mutateAsync({ ...values, callbackUrl });
      setSentTo(email);
    } catch (err) {
      setFormError(applyServerErrors(err, form.setError, ["name", "email", "password"]));
    }
  });

  if (sentTo) {
    return (
      <div className="flex flex-col gap-4" role="status">
        <h2 className="text-lg font-semibold">Check your email</h2>
        <p className="text-sm text-ink-muted">
          We sent a link to <strong>{sentTo}</strong>. Open it to verify your address, then sign in. The link works once and expires in 24 hours.
        </p>
        <Button asChild size="lg" variant="secondary">
          <Link href={`/sign-in?email=${encodeURIComponent(sentTo)}&callbackUrl=${encodeURIComponent(callbackUrl)}`}>Sign in</Link>
        </Button>
      </div>
    );
  }

  return (
    <form {...POST_ONLY} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormError message={formError} />
      <Field label="Your name" error={errors.name?.message}>
        <Input autoComplete="name" autoFocus {...form.register("name")} />
      </Field>
      <Field label="Work email" error={errors.email?.message}>
        <Input type="email" autoComplete="email" {...form.register("email")} />
      </Field>
      <Field label="Password" error={errors.password?.message} hint="At least 10 characters.">
        <Input type="password" autoComplete="new-password" {...form.register("password")} />
      </Field>
      <Button type="submit" size="lg" loading={isSubmitting}>
        Create account
      </Button>
    </form>
  );
}
