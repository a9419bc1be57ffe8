"use client";

import { Plus, Trash2 } from "lucide-react";
import { useMemo } from "react";
import { useFieldArray, useForm, type FieldPath, type UseFormReturn } from "react-hook-form";
import { POST_ONLY } from "~/components/forms/post-only";
import { useFormMutation } from "~/components/forms/use-form-mutation";
import { useUnsavedChangesWarning } from "~/components/forms/use-unsaved-changes";
import { Button } from "~/components/ui/button";
import { Field, FormError } from "~/components/ui/field";
import { Input, Select, Textarea } from "~/components/ui/input";
import { completenessGaps, sizeRunFor, type CompletenessField } from "~/lib/design-completeness";
import {
  DESIGN_CATEGORIES,
  designSpecSchema,
  FINENESS_BY_METAL,
  FINISHES,
  GEMSTONE_CUTS,
  GEMSTONE_ORIGINS,
  GEMSTONE_TYPES,
  GEMSTONES_MAX,
  METAL_COLOURS,
  METAL_OPTIONS_MAX,
  PLATINGS,
  SETTING_STYLES,
  SIZE_SYSTEMS,
  SPEC_METALS,
  type AttachmentKind,
  type DesignCategory,
  type DesignSpec,
} from "~/lib/design-spec";
import { useTRPC } from "~/trpc/react";
import { newMetal, newStone, toSpec, toValues, type SpecValues } from "./spec-values";

type Vocab = { keys: readonly string[]; labels: Record<string, string> };
const options = (v: Vocab) =>
  v.keys.map((k) => (
    <option key={k} value={k}>
      {v.labels[k]}
    </option>
  ));

/** What the completeness rule still misses, said next to its section. */
function Gap({ gaps, field }: { gaps: Map<CompletenessField, string>; field: CompletenessField }) {
  const message = gaps.get(field);
  if (!message) return null;
  return (
    <p className="rounded-md bg-warning-soft px-3 py-2 text-sm text-warning" data-testid={`gap-${field}`}>
      Needed before approval: {message}
    </p>
  );
}

function Section({ title, description, children }: { title: string; description?: string; children: React.ReactNode }) {
  return (
    <fieldset className="flex flex-col gap-3 border-t border-line pt-5 first:border-t-0 first:pt-0">
      <legend className="contents">
        <span className="text-base font-semibold">{title}</span>
      </legend>
      {description && <p className="-mt-2 text-sm text-ink-muted">{description}</p>}
      {children}
    </fieldset>
  );
}

const SIZE_HINTS: Record<ReturnType<typeof sizeRunFor>, string> = {
  ring: "Rings are quoted per size: choose US, UK or EU / ISO and list every size you offer.",
  length: "Chains and bracelets are quoted per length: list the lengths in cm.",
  optional: "Only when the piece comes in sizes or lengths.",
};

/**
 * A draft revision's spec, one form whose sections follow the category: metal options, stones, the size
 * run, dimensions and weight, finish, engraving and the rest. What approval still needs shows next to each
 * section as it is typed; the schema's own messages show next to the field they are about.
 */
export function SpecForm({
  orgId,
  revisionId,
  category,
  spec,
  attachments,
}: {
  orgId: string;
  revisionId: string;
  category: DesignCategory;
  spec: DesignSpec;
  attachments: { kind: AttachmentKind }[];
}) {
  const trpc = useTRPC();
  const initial = useMemo(() => toValues(spec), [spec]);
  const form = useForm<SpecValues>({ defaultValues: initial });
  const metals = useFieldArray({ control: form.control, name: "metals", keyName: "key" });
  const stones = useFieldArray({ control: form.control, name: "gemstones", keyName: "key" });
  const save = useFormMutation(trpc.design.saveDraft.mutationOptions(), { success: "Draft saved.", onSuccess: () => form.reset(form.getValues()) });
  useUnsavedChangesWarning(form.formState.isDirty);

  const values = form.watch();
  const parsedNow = designSpecSchema.safeParse(toSpec(values));
  const gaps = new Map(completenessGaps(category, parsedNow.success ? parsedNow.data : spec, attachments).map((g) => [g.field, g.message] as const));
  const run = sizeRunFor(category);
  const stoneSet = values.stoneSet;
  const err = (path: string) => errorAt(form, path);

  const onSubmit = form.handleSubmit(async (v) => {
    form.clearErrors();
    const parsed = designSpecSchema.safeParse(toSpec(v));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) form.setError(issue.path.join(".") as FieldPath<SpecValues>, { type: "schema", message: issue.message });
      return;
    }
    await save.run({ orgId, revisionId, spec: parsed.data });
  });

  return (
    <form {...POST_ONLY} onSubmit={onSubmit} noValidate className="flex flex-col gap-6" aria-label="Revision spec">
      <FormError message={save.formError ?? (Object.keys(form.formState.errors).length > 0 ? "Check the fields marked below." : null)} />

      <Section title="Metal options" description="Each option the workshop quotes: metal, fineness, colour and plating.">
        <Gap gaps={gaps} field="metals" />
        {metals.fields.map((m, i) => {
          const metal = values.metals[i]?.metal ?? m.metal;
          const finenesses = FINENESS_BY_METAL[metal];
          return (
            <div key={m.key} className="grid gap-3 rounded-md border border-line p-3 sm:grid-cols-2 lg:grid-cols-5" data-testid="metal-option">
              <Field label="Metal" error={err(`metals.${i}.metal`)}>
                <Select
                  {...form.register(`metals.${i}.metal`, {
                    onChange: (e: React.ChangeEvent<HTMLSelectElement>) => {
                      const list = FINENESS_BY_METAL[e.target.value as keyof typeof FINENESS_BY_METAL];
                      form.setValue(`metals.${i}.fineness`, list[0] ?? "");
                    },
                  })}
                >
                  {options(SPEC_METALS)}
                </Select>
              </Field>
              <Field label="Fineness" error={err(`metals.${i}.fineness`)}>
                <Select disabled={finenesses.length === 0} {...form.register(`metals.${i}.fineness`)}>
                  {finenesses.length === 0 && <option value="">None</option>}
                  {finenesses.map((f) => (
                    <option key={f} value={f}>
                      {f}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label="Colour" error={err(`metals.${i}.colour`)}>
                <Select {...form.register(`metals.${i}.colour`)}>
                  <option value="">Not stated</option>
                  {options(METAL_COLOURS)}
                </Select>
              </Field>
              <Field label="Plating" error={err(`metals.${i}.plating`)}>
                <Select {...form.register(`metals.${i}.plating`)}>{options(PLATINGS)}</Select>
              </Field>
              <Field label="Plating µm" error={err(`metals.${i}.platingMicrons`)}>
                <Input inputMode="decimal" disabled={values.metals[i]?.plating === "none"} {...form.register(`metals.${i}.platingMicrons`)} />
              </Field>
              <div className="sm:col-span-2 lg:col-span-5">
                <Button type="button" variant="ghost" size="sm" onClick={() => metals.remove(i)}>
                  <Trash2 aria-hidden /> Remove metal option {i + 1}
                </Button>
              </div>
            </div>
          );
        })}
        {metals.fields.length < METAL_OPTIONS_MAX && (
          <div>
            <Button type="button" variant="secondary" size="sm" onClick={() => metals.append(newMetal())}>
              <Plus aria-hidden /> Add a metal option
            </Button>
          </div>
        )}
      </Section>

      <Section title="Gemstones" description="Type, origin, cut, size of one stone (mm or carats), count, grades and setting.">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" className="size-4" {...form.register("stoneSet")} />
          This piece is set with stones
        </label>
        <Gap gaps={gaps} field="gemstones" />
        {(stoneSet || stones.fields.length > 0) &&
          stones.fields.map((g, i) => (
            <div key={g.key} className="grid gap-3 rounded-md border border-line p-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="gemstone">
              <Field label="Stone" error={err(`gemstones.${i}.type`)}>
                <Select {...form.register(`gemstones.${i}.type`)}>{options(GEMSTONE_TYPES)}</Select>
              </Field>
              <Field label="Variety or detail" error={err(`gemstones.${i}.typeDetail`)}>
                <Input autoComplete="off" {...form.register(`gemstones.${i}.typeDetail`)} />
              </Field>
              <Field label="Origin" error={err(`gemstones.${i}.origin`)}>
                <Select {...form.register(`gemstones.${i}.origin`)}>{options(GEMSTONE_ORIGINS)}</Select>
              </Field>
              <Field label="Cut" error={err(`gemstones.${i}.cut`)}>
                <Select {...form.register(`gemstones.${i}.cut`)}>{options(GEMSTONE_CUTS)}</Select>
              </Field>
              <Field label="Size (mm)" error={err(`gemstones.${i}.sizeMm`)}>
                <Input inputMode="decimal" {...form.register(`gemstones.${i}.sizeMm`)} />
              </Field>
              <Field label="Carats (each)" error={err(`gemstones.${i}.carats`)}>
                <Input inputMode="decimal" {...form.register(`gemstones.${i}.carats`)} />
              </Field>
              <Field label="Count" error={err(`gemstones.${i}.count`)}>
                <Input inputMode="numeric" {...form.register(`gemstones.${i}.count`)} />
              </Field>
              <Field label="Setting" error={err(`gemstones.${i}.setting`)}>
                <Select {...form.register(`gemstones.${i}.setting`)}>{options(SETTING_STYLES)}</Select>
              </Field>
              <Field label="Colour grade" error={err(`gemstones.${i}.colourGrade`)}>
                <Input autoComplete="off" placeholder="e.g. F, or vivid blue" {...form.register(`gemstones.${i}.colourGrade`)} />
              </Field>
              <Field label="Clarity grade" error={err(`gemstones.${i}.clarityGrade`)}>
                <Input autoComplete="off" placeholder="e.g. VS1" {...form.register(`gemstones.${i}.clarityGrade`)} />
              </Field>
              <div className="flex items-end sm:col-span-2">
                <Button type="button" variant="ghost" size="sm" onClick={() => stones.remove(i)}>
                  <Trash2 aria-hidden /> Remove stone {i + 1}
                </Button>
              </div>
            </div>
          ))}
        {stoneSet && stones.fields.length < GEMSTONES_MAX && (
          <div>
            <Button type="button" variant="secondary" size="sm" onClick={() => stones.append(newStone())}>
              <Plus aria-hidden /> Add a stone
            </Button>
          </div>
        )}
      </Section>

      <Section title={run === "length" ? "Lengths" : "Size run"} description={SIZE_HINTS[run]}>
        <Gap gaps={gaps} field="sizeRun" />
        <div className="grid gap-3 sm:grid-cols-[16rem_1fr]">
          <Field label="Size system" error={err("sizeRun.system")}>
            <Select {...form.register("sizeRun.system")}>
              {run !== "ring" && run !== "length" && <option value="">No sizes</option>}
              {(run === "ring" || run === "length") && <option value="">Choose…</option>}
              {SIZE_SYSTEMS.keys
                .filter((k) => (run === "ring" ? k.startsWith("ring_") : run === "length" ? k === "length_cm" : true))
                .map((k) => (
                  <option key={k} value={k}>
                    {SIZE_SYSTEMS.labels[k]}
                  </option>
                ))}
            </Select>
          </Field>
          <Field label="Sizes offered" error={err("sizeRun.sizes") ?? err("sizeRun")} hint="Separated by commas, e.g. 5, 6, 7, 8, 9">
            <Input autoComplete="off" disabled={!values.sizeRun.system} {...form.register("sizeRun.sizes")} />
          </Field>
        </div>
      </Section>

      <Section title="Dimensions and weight" description="In millimetres; the target metal weight of one piece, mid size of the run, in grams.">
        <Gap gaps={gaps} field="dimensions" />
        <Gap gaps={gaps} field="targetWeightGrams" />
        <div className="grid gap-3 sm:grid-cols-4">
          <Field label={category === "ring" ? "Band length (mm)" : "Length (mm)"} error={err("dimensions.lengthMm")}>
            <Input inputMode="decimal" {...form.register("dimensions.lengthMm")} />
          </Field>
          <Field label={category === "ring" ? "Band width (mm)" : "Width (mm)"} error={err("dimensions.widthMm")}>
            <Input inputMode="decimal" {...form.register("dimensions.widthMm")} />
          </Field>
          <Field label={category === "ring" ? "Band thickness (mm)" : "Height (mm)"} error={err("dimensions.heightMm")}>
            <Input inputMode="decimal" {...form.register("dimensions.heightMm")} />
          </Field>
          <Field label="Target metal weight (g)" error={err("targetWeightGrams")}>
            <Input inputMode="decimal" {...form.register("targetWeightGrams")} />
          </Field>
        </div>
      </Section>

      <Section title="Finish">
        <Gap gaps={gaps} field="finishes" />
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {FINISHES.keys.map((k) => (
            <label key={k} className="flex items-center gap-2 text-sm">
              <input type="checkbox" value={k} className="size-4" {...form.register("finishes")} />
              {FINISHES.labels[k]}
            </label>
          ))}
        </div>
        {err("finishes") && <p className="text-sm text-danger">{err("finishes")}</p>}
      </Section>

      <Section title="Engraving, hallmarks, packaging">
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Engraving options" error={err("engraving")}>
            <Textarea rows={2} {...form.register("engraving")} />
          </Field>
          <Field label="Personalisation options" error={err("personalisation")}>
            <Textarea rows={2} {...form.register("personalisation")} />
          </Field>
          <Field label="Hallmarking" error={err("hallmarking")} hint="Fineness mark, maker's mark, where and how large">
            <Textarea rows={2} {...form.register("hallmarking")} />
          </Field>
          <Field label="Packaging" error={err("packaging")}>
            <Textarea rows={2} {...form.register("packaging")} />
          </Field>
        </div>
        <Field label="Notes" error={err("notes")}>
          <Textarea rows={4} {...form.register("notes")} />
        </Field>
      </Section>

      <Section title="Files">
        <Gap gaps={gaps} field="attachments" />
        <p className="text-sm text-ink-muted">Add CAD, drawings, sketches and photos in the Files panel; they are saved with the revision as you add them.</p>
      </Section>

      <div className="sticky bottom-0 -mx-5 flex items-center gap-3 border-t border-line bg-surface/95 px-5 py-3 backdrop-blur">
        <Button type="submit" loading={save.pending}>
          Save draft
        </Button>
        <span className="text-sm text-ink-muted" aria-live="polite">
          {form.formState.isDirty ? "Unsaved changes" : "All changes saved"}
          {gaps.size > 0 ? ` · ${gaps.size} ${gaps.size === 1 ? "thing" : "things"} needed before approval` : ` · complete for a ${DESIGN_CATEGORIES.labels[category].toLowerCase()}`}
        </span>
      </div>
    </form>
  );
}

/** The message at a dotted path of the form's errors, if any. */
function errorAt(form: UseFormReturn<SpecValues>, path: string): string | undefined {
  let node: unknown = form.formState.errors;
  for (const part of path.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  const message = (node as { message?: unknown } | undefined)?.message;
  return typeof message === "string" ? message : undefined;
}
