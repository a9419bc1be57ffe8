"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useFormMutation } from "~/components/forms/use-form-mutation";
import { Gem, Hammer } from "lucide-react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "~/components/ui/button";
import { cn } from "~/components/ui/cn";
import { FormError } from "~/components/ui/field";
import { createOrganizationSchema } from "~/lib/schemas";
import { useTRPC } from "~/trpc/react";
import { OrganizationFields } from "./organization-fields";
import { POST_ONLY } from "~/components/forms/post-only";

type Values = z.input<typeof createOrganizationSchema>;

const KINDS = [
  { value: "brand", title: "Brand", text: "You design jewelry and need workshops to make it.", icon: Gem },
  { value: "workshop", title: "Workshop", text: "You make jewelry to order for brands.", icon: Hammer },
] as const;

export function CreateOrganizationForm() {
  const router = useRouter();
  const trpc = useTRPC();
  const form = useForm<Values>({
    resolver: zodResolver(createOrganizationSchema),
    defaultValues: { kind: undefined, name: "", country: undefined, timeZone: "", currency: undefined } as unknown as Values,
  });
  const create = useFormMutation(trpc.organization.create.mutationOptions(), { form: { setError: form.setError, fields: ["kind", "name", "country", "timeZone", "currency"] } });
  const kind = form.watch("kind");
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const org = await create.run(values);
    if (org === undefined) return;
    router.replace(`/${org.kind}/${org.slug}`);
  });

  return (
    <form {...POST_ONLY} onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      <FormError message={create.formError} />
      <fieldset>
        <legend className="mb-2 text-sm font-medium">What kind of organization is it?</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          {KINDS.map((k) => (
            <label
              key={k.value}
              className={cn(
                "flex cursor-pointer gap-3 rounded-lg border bg-surface p-4 transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brass-500",
                kind === k.value ? "border-brass-500 bg-brass-50" : "border-line-strong hover:bg-sunken",
              )}
            >
              <input type="radio" value={k.value} className="sr-only" {...form.register("kind")} />
              <k.icon className="mt-0.5 size-5 shrink-0 text-brass-600" aria-hidden />
              <span>
                <span className="block font-medium">{k.title}</span>
                <span className="block text-sm text-ink-muted">{k.text}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.kind && (
          <p role="alert" className="mt-1.5 text-sm text-danger">
            {errors.kind.message}
          </p>
        )}
      </fieldset>
      <OrganizationFields register={form.register} errors={errors} setValue={form.setValue} />
      <Button type="submit" size="lg" loading={isSubmitting}>
        Create organization
      </Button>
    </form>
  );
}
