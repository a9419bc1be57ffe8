"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { toast } from "sonner";
import { applyServerErrors } from "~/components/forms/server-errors";
import { Button } from "~/components/ui/button";
import { Field, FormError } from "~/components/ui/field";
import { Input, Select } from "~/components/ui/input";
import { COUNTRY_OPTIONS } from "~/lib/regions";
import { CAPABILITIES, CERTIFICATIONS, GEMSTONE_WORK, LANGUAGES, METALS } from "~/lib/workshop-vocabulary";
import { HEADLINE_MAX, profileDetailsSchema, STORY_MAX, STORY_MIN_TO_PUBLISH, type ProfileDetailsInput } from "~/lib/workshop-profile-schemas";
import { useTRPC } from "~/trpc/react";
import { CheckboxGroup, optionsOf } from "./checkbox-group";
import { toDetails } from "./values";
import { MarkdownEditor } from "./markdown-editor";
import { POST_ONLY } from "~/components/forms/post-only";
import { useUnsavedChangesWarning } from "~/components/forms/use-unsaved-changes";

const FIELDS = Object.keys(profileDetailsSchema.shape);

/** An empty number box means "not set"; anything else goes to the schema as a number (NaN gets a message). */
const numberOptions = {
  setValueAs: (v: unknown) => (v === "" || v === null || v === undefined ? null : typeof v === "number" ? v : Number(v)),
} as const;

function Section({ title, description, children }: { title: string; description?: string; children: React.ReactNode }) {
  return (
    <section className="flex flex-col gap-5 border-b border-line px-5 py-6 last:border-b-0">
      <div>
        <h2 className="text-lg font-semibold">{title}</h2>
        {description && <p className="mt-0.5 text-sm text-ink-muted">{description}</p>}
      </div>
      {children}
    </section>
  );
}

export function DetailsForm({ orgId, initial, canEdit }: { orgId: string; initial: ProfileDetailsInput; canEdit: boolean }) {
  const router = useRouter();
  const trpc = useTRPC();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<ProfileDetailsInput>({ resolver: zodResolver(profileDetailsSchema), defaultValues: initial });
  const update = useMutation(trpc.workshopProfile.update.mutationOptions());
  const { errors, isSubmitting, isDirty } = form.formState;
  const headline = form.watch("headline") ?? "";
  // A tab switch, a reload or a link elsewhere would drop the edits without a word.
  useUnsavedChangesWarning(isDirty && !isSubmitting);

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const saved = await update.mutateAsync({ orgId, ...values });
      form.reset(toDetails(saved));
      toast.success("Profile saved.");
      router.refresh();
    } catch (err) {
      const message = applyServerErrors(err, form.setError, FIELDS);
      setFormError(message);
      // The save button sits at the bottom of a long form, far from the message at its top.
      if (message) toast.error(message);
    }
  });

  const group = (name: "capabilities" | "metals" | "gemstoneWork" | "certifications" | "languages", legend: string, vocab: Parameters<typeof optionsOf>[0], hint?: string, columns?: string) => (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <CheckboxGroup legend={legend} hint={hint} options={optionsOf(vocab)} value={field.value} onChange={field.onChange} error={errors[name]?.message} columns={columns} />
      )}
    />
  );

  return (
    <form {...POST_ONLY} onSubmit={onSubmit} noValidate>
      <fieldset disabled={!canEdit} className="min-w-0">
        {formError && (
          <div className="px-5 pt-5">
            <FormError message={formError} />
          </div>
        )}
        <Section title="Introduce your workshop" description="The first lines a brand reads in the directory and on your page.">
          <Field label="Headline" error={errors.headline?.message} hint={`${headline.length} / ${HEADLINE_MAX} — what you do best, in one line.`}>
            <Input maxLength={HEADLINE_MAX + 20} placeholder="Small-batch casting and stone setting in Vicenza" {...form.register("headline")} />
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="City" error={errors.city?.message}>
              <Input autoComplete="address-level2" {...form.register("city")} />
            </Field>
            <Field label="Country" error={errors.country?.message}>
              <Select {...form.register("country")}>
                {COUNTRY_OPTIONS.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
        </Section>

        <Section title="Your story" description="Who you are, how you work, the pieces you are proud of. Brands choose partners by the story as much as by the price.">
          <MarkdownEditor label="Story" text={form.watch("story") ?? ""} limit={STORY_MAX} recommendedMin={STORY_MIN_TO_PUBLISH} error={errors.story?.message} {...form.register("story")} />
        </Section>

        <Section title="What you make">
          {group("capabilities", "Capabilities", CAPABILITIES, "Techniques you do in house.")}
          {group("metals", "Metals", METALS)}
          {group("gemstoneWork", "Gemstone work", GEMSTONE_WORK, "Choose “No stones” if you only work metal.", "sm:grid-cols-3")}
          {group("certifications", "Certifications", CERTIFICATIONS, "Leave empty if you hold none; they show as badges on your page.", "sm:grid-cols-2")}
        </Section>

        <Section title="How you work" description="Lead times are counted in business days, on the days you work.">
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Minimum order per design (pieces)" error={errors.moqPerDesign?.message}>
              <Input type="number" inputMode="numeric" min={1} step={1} {...form.register("moqPerDesign", numberOptions)} />
            </Field>
            <Field label="Monthly capacity (pieces)" error={errors.monthlyCapacity?.message} hint="Optional. About how many pieces you can make in a month.">
              <Input type="number" inputMode="numeric" min={1} step={1} {...form.register("monthlyCapacity", numberOptions)} />
            </Field>
            <Field label="Shortest typical lead time (business days)" error={errors.leadTimeMinDays?.message}>
              <Input type="number" inputMode="numeric" min={1} max={365} step={1} {...form.register("leadTimeMinDays", numberOptions)} />
            </Field>
            <Field label="Longest typical lead time (business days)" error={errors.leadTimeMaxDays?.message}>
              <Input type="number" inputMode="numeric" min={1} max={365} step={1} {...form.register("leadTimeMaxDays", numberOptions)} />
            </Field>
          </div>
          <p className="text-sm text-muted">
            Working days, holidays and closures are in your production calendar (Settings → Production calendar); the profile shows your working days from there.
          </p>
          {group("languages", "Languages you work in", LANGUAGES)}
        </Section>
      </fieldset>

      <div className="sticky bottom-0 flex flex-wrap items-center gap-2 rounded-b-lg border-t border-line bg-surface/95 px-5 py-3 backdrop-blur">
        {canEdit ? (
          <>
            <Button type="submit" loading={isSubmitting} disabled={!isDirty}>
              Save changes
            </Button>
            {isDirty && (
              <Button type="button" variant="ghost" onClick={() => form.reset()}>
                Discard
              </Button>
            )}
            {!isDirty && <span className="text-sm text-ink-subtle">All changes saved.</span>}
          </>
        ) : (
          <p className="text-sm text-ink-muted">Only owners and admins can change the profile.</p>
        )}
      </div>
    </form>
  );
}
