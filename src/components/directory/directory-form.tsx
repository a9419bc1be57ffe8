"use client";

import { Loader2, Search, SlidersHorizontal } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { Button } from "~/components/ui/button";
import { cn } from "~/components/ui/cn";
import { Field } from "~/components/ui/field";
import { Input, Select } from "~/components/ui/input";
import {
  DIRECTORY_PARAM_NAMES as PARAM,
  DIRECTORY_SORTS,
  directorySearchSchema,
  directoryTotalText,
  FACET_KEYS,
  FACET_TITLE,
  SORT_LABELS,
  type DirectorySearchParams,
  type FacetKey,
} from "~/lib/directory-schemas";
import { FacetGroup } from "./facet-group";

/** The server's count cap (COUNT_CAP in the directory service), as the page says it. */
const COUNTED_MATCHES = "1,000";

/** One facet value as the page sends it; its label comes from the vocabularies in the client bundle. */
export type FacetOption = { value: string; count: number; checked: boolean };

type Props = {
  /** Changes with the search, so the controls start again from the URL after every navigation. */
  formKey: string;
  params: DirectorySearchParams;
  facets: Record<FacetKey, FacetOption[]>;
  total: number;
  /** More workshops match than were counted: the total reads "1,000+". */
  bounded?: boolean;
  /** The facet counts are over the first `total` matches only. */
  facetsSampled?: boolean;
  children: React.ReactNode;
};

type RangeErrors = Partial<Record<"moqMax" | "leadTimeMax", string>>;

/** Reads a number box the way the server will, so a value it would ignore is flagged next to the field. */
function checkRanges(form: HTMLFormElement): RangeErrors {
  const errors: RangeErrors = {};
  for (const key of ["moqMax", "leadTimeMax"] as const) {
    const raw = (form.elements.namedItem(PARAM[key]) as HTMLInputElement).value.trim();
    if (raw === "") continue;
    const parsed = directorySearchSchema.shape[key].safeParse(Number(raw));
    if (!parsed.success) errors[key] = parsed.error.issues[0]?.message;
  }
  return errors;
}

/**
 * The search box, filters and sort as one GET form: without JavaScript it submits to the same URL; with it,
 * ticking a box or choosing a sort navigates at once, and typed values apply on Enter or when leaving the box.
 */
export function DirectoryForm({ formKey, params, facets, total, bounded = false, facetsSampled = false, children }: Props) {
  const [totalNumber, ...totalWords] = directoryTotalText(total, bounded).split(" ");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [errors, setErrors] = useState<RangeErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const filtersId = useId();
  // The form starts again from the URL after each navigation (`key`), so what must outlive it lives here:
  // which long facet lists are open, and the control that changed, to give it focus back.
  const [expandedFacets, setExpandedFacets] = useState<ReadonlySet<string>>(new Set());
  const changedControl = useRef<{ name: string; value: string | null } | null>(null);

  useEffect(() => {
    const control = changedControl.current;
    const form = formRef.current;
    if (!control || !form) return;
    changedControl.current = null;
    const selector = control.value === null ? `[name="${CSS.escape(control.name)}"]` : `[name="${CSS.escape(control.name)}"][value="${CSS.escape(control.value)}"]`;
    const target = form.querySelector<HTMLInputElement | HTMLSelectElement>(selector);
    // A box whose count fell to zero is disabled; then the first box of its group that can take focus.
    const focusable = target && !target.disabled ? target : form.querySelector<HTMLInputElement>(`[name="${CSS.escape(control.name)}"]:not(:disabled)`);
    focusable?.focus({ preventScroll: true });
  }, [formKey]);
  const chosen = FACET_KEYS.reduce((n, k) => n + params[k].length, 0) + (params.moqMax !== undefined ? 1 : 0) + (params.leadTimeMax !== undefined ? 1 : 0);

  function navigate() {
    const form = formRef.current;
    if (!form) return;
    const found = checkRanges(form);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const query = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (typeof value !== "string" || value.trim() === "") continue;
      if (name === PARAM.sort && value === "relevance") continue;
      query.append(name, value.trim());
    }
    const qs = query.toString();
    startTransition(() => router.push(`/workshops${qs ? `?${qs}` : ""}`, { scroll: false }));
  }

  const rangeChanged = (key: "moqMax" | "leadTimeMax", value: string) => value.trim() !== (params[key] === undefined ? "" : String(params[key]));

  return (
    <form
      key={formKey}
      ref={formRef}
      action="/workshops"
      method="get"
      role="search"
      // Our own checks put the message next to the field; the browser's bubbles would not.
      noValidate
      className="mt-6"
      onSubmit={(e) => {
        e.preventDefault();
        navigate();
      }}
      onChange={(e) => {
        const target = e.target as EventTarget;
        if (target instanceof HTMLInputElement && target.type === "checkbox") {
          changedControl.current = { name: target.name, value: target.value };
          navigate();
        } else if (target instanceof HTMLSelectElement) {
          changedControl.current = { name: target.name, value: null };
          navigate();
        }
      }}
    >
      <div className="flex gap-2">
        <label htmlFor="directory-q" className="sr-only">
          Search workshops
        </label>
        <div className="relative flex-1">
          <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-ink-subtle" aria-hidden />
          <Input id="directory-q" name={PARAM.q} type="search" defaultValue={params.q} maxLength={200} placeholder="Enamel, filigree, lab-grown diamonds, Vicenza…" className="pl-9" />
        </div>
        <Button type="submit">Search</Button>
      </div>

      <div className="mt-6 grid gap-6 lg:grid-cols-[15rem_minmax(0,1fr)] lg:gap-8">
        <div>
          <Button type="button" variant="secondary" className="w-full lg:hidden" aria-expanded={filtersOpen} aria-controls={filtersId} onClick={() => setFiltersOpen((o) => !o)}>
            <SlidersHorizontal aria-hidden />
            {filtersOpen ? "Hide filters" : "Show filters"}
            {chosen > 0 && ` (${chosen})`}
          </Button>
          <div id={filtersId} className={cn("mt-4 flex-col gap-5 lg:mt-0 lg:flex", filtersOpen ? "flex" : "hidden")}>
            <div className="grid grid-cols-2 gap-3 lg:grid-cols-1">
              <Field label="MOQ at most" hint="Pieces per design" error={errors.moqMax}>
                <Input
                  name={PARAM.moqMax}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  step={1}
                  defaultValue={params.moqMax ?? ""}
                  onBlur={(e) => rangeChanged("moqMax", e.currentTarget.value) && navigate()}
                />
              </Field>
              <Field label="Lead time at most" hint="Business days" error={errors.leadTimeMax}>
                <Input
                  name={PARAM.leadTimeMax}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  step={1}
                  defaultValue={params.leadTimeMax ?? ""}
                  onBlur={(e) => rangeChanged("leadTimeMax", e.currentTarget.value) && navigate()}
                />
              </Field>
            </div>
            {facetsSampled && (
              <p className="text-xs text-ink-muted" data-testid="facet-sample-note">
                Counts over the first {COUNTED_MATCHES} matches; narrow the search for exact counts.
              </p>
            )}
            {FACET_KEYS.map((key) => (
              <FacetGroup
                key={key}
                facet={key}
                name={PARAM[key]}
                title={FACET_TITLE[key]}
                options={facets[key]}
                anyOf={key === "gemstoneWork" || key === "countries"}
                sampled={facetsSampled}
                expanded={expandedFacets.has(key)}
                onExpandedChange={(open) =>
                  setExpandedFacets((current) => {
                    const next = new Set(current);
                    if (open) next.add(key);
                    else next.delete(key);
                    return next;
                  })
                }
              />
            ))}
            <Button type="submit" variant="secondary" className="lg:hidden" onClick={() => setFiltersOpen(false)}>
              Show {directoryTotalText(total, bounded)}
            </Button>
          </div>
        </div>

        <div className="min-w-0">
          <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
            <p className="flex items-center gap-2 text-sm text-ink-muted" aria-live="polite">
              <span>
                <strong className="font-semibold text-ink">{totalNumber}</strong> {totalWords.join(" ")}
                {bounded && <span className="sr-only"> or more</span>}
              </span>
              {pending && (
                <span className="inline-flex items-center gap-1">
                  <Loader2 className="size-3.5 animate-spin" aria-hidden /> Updating…
                </span>
              )}
            </p>
            <label className="flex items-center gap-2 text-sm text-ink-muted">
              Sort by
              <Select name={PARAM.sort} defaultValue={params.sort} className="h-9 w-auto text-sm">
                {DIRECTORY_SORTS.map((s) => (
                  <option key={s} value={s}>
                    {SORT_LABELS[s]}
                  </option>
                ))}
              </Select>
            </label>
          </div>
          <div aria-busy={pending || undefined} className={cn("transition-opacity", pending && "opacity-60")}>
            {children}
          </div>
        </div>
      </div>
    </form>
  );
}
