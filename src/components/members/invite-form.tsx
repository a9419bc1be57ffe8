"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useFormMutation } from "~/components/forms/use-form-mutation";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { Button } from "~/components/ui/button";
import { Field, FormError } from "~/components/ui/field";
import { Input, Select } from "~/components/ui/input";
import { ROLE_LABELS, type Role } from "~/lib/permissions";
import { inviteSchema } from "~/lib/schemas";
import { useTRPC } from "~/trpc/react";
import { POST_ONLY } from "~/components/forms/post-only";

type Values = z.input<typeof inviteSchema>;

export function InviteForm({ orgId, grantableRoles }: { orgId: string; grantableRoles: Role[] }) {
  const trpc = useTRPC();
  const form = useForm<Values>({ resolver: zodResolver(inviteSchema), defaultValues: { email: "", role: "member" } });
  const invite = useFormMutation(trpc.member.invite.mutationOptions(), { form: { setError: form.setError, fields: ["email", "role"] } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const inv = await invite.run({ orgId, ...values });
    if (inv === undefined) return;
    toast.success(`Invitation sent to ${inv.email}.`);
    form.reset({ email: "", role: values.role });
  });

  return (
    <form {...POST_ONLY} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormError message={invite.formError} />
      <div className="grid gap-4 sm:grid-cols-[1fr_10rem_auto] sm:items-start">
        <Field label="Email address" error={errors.email?.message}>
          <Input type="email" autoComplete="off" placeholder="name@company.com" {...form.register("email")} />
        </Field>
        <Field label="Role" error={errors.role?.message}>
          <Select {...form.register("role")}>
            {grantableRoles.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" loading={isSubmitting} className="sm:mt-[1.6rem]">
          Send invitation
        </Button>
      </div>
    </form>
  );
}
