"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { POST_ONLY } from "~/components/forms/post-only";
import { applyServerErrors } from "~/components/forms/server-errors";
import { Button } from "~/components/ui/button";
import { Field, FormError } from "~/components/ui/field";
import { Input, Select } from "~/components/ui/input";
import { MAX_UNITS_PER_RESERVATION, reserveInputSchema } from "~/lib/preorder-public-schemas";
import { useTRPC } from "~/trpc/react";

type Values = z.input<typeof reserveInputSchema>;

/** Name, email, size and quantity; the honeypot field is hidden from sight and from screen readers. */
export function ReserveForm({ brandSlug, campaignSlug, sizes, maxQuantity }: { brandSlug: string; campaignSlug: string; sizes: { size: string; left: number }[]; maxQuantity: number }) {
  const trpc = useTRPC();
  const [formError, setFormError] = useState<string | null>(null);
  const available = sizes.filter((s) => s.left > 0);
  const form = useForm<Values>({
    resolver: zodResolver(reserveInputSchema),
    defaultValues: { brandSlug, campaignSlug, name: "", email: "", size: available.length === 1 ? available[0]!.size : (sizes.length === 1 ? sizes[0]!.size : ""), quantity: 1, website: "" },
  });
  const reserve = useMutation(trpc.preorderPublic.reserve.mutationOptions());
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const { checkoutUrl } = await reserve.mutateAsync(values);
      window.location.assign(checkoutUrl);
    } catch (err) {
      setFormError(applyServerErrors(err, form.setError, ["name", "email", "size", "quantity"]));
    }
  });
  const most = Math.max(1, Math.min(maxQuantity, MAX_UNITS_PER_RESERVATION));
  return (
    <form {...POST_ONLY} onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label="Reserve">
      <FormError message={formError} />
      <Field label="Your name" error={errors.name?.message}>
        <Input autoComplete="name" {...form.register("name")} />
      </Field>
      <Field label="Email" error={errors.email?.message} hint="Your reservation's private link is sent here.">
        <Input type="email" autoComplete="email" inputMode="email" {...form.register("email")} />
      </Field>
      <div className="grid grid-cols-2 gap-3">
        {sizes.length > 1 || sizes[0]?.size ? (
          <Field label="Size" error={errors.size?.message}>
            <Select {...form.register("size")}>
              <option value="">Choose…</option>
              {sizes.map((s) => (
                <option key={s.size} value={s.size} disabled={s.left <= 0}>
                  {s.size}
                  {s.left <= 0 ? " (sold out)" : ""}
                </option>
              ))}
            </Select>
          </Field>
        ) : (
          <input type="hidden" {...form.register("size")} />
        )}
        <Field label="Quantity" error={errors.quantity?.message}>
          <Select {...form.register("quantity")}>
            {Array.from({ length: most }, (_, i) => (
              <option key={i + 1} value={i + 1}>
                {i + 1}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {/* The honeypot: people never see it, screen readers skip it, browsers do not fill it. */}
      <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
        <label>
          Website
          <input type="text" tabIndex={-1} autoComplete="off" {...form.register("website")} />
        </label>
      </div>
      <Button type="submit" size="lg" loading={isSubmitting}>
        Reserve and pay
      </Button>
    </form>
  );
}
