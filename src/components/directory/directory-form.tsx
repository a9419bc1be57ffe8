"use client";

import { useRouter } from "next/navigation";
import { Suspense, useEffect, useId, useRef, useState, useTransition } from "react";
import { SpriteIcon } from "~/components/ui/sprite-icon";
import {
  DIRECTORY_PARAM_NAMES as PARAM,
  DIRECTORY_SORTS,
  directoryRangeError,
  directoryTotalText,
  FACET_KEYS,
  FACET_TITLE,
  SORT_LABELS,
  type DirectorySearchParams,
  type FacetKey,
} from "~/lib/directory-query";
import { FacetGroup } from "./facet-group";

/** The server's count cap (COUNT_CAP in the directory service), as the page says it. */
const COUNTED_MATCHES = "1,000";

/** One facet value as the page sends it: value and count (its label comes from the vocabularies in the client bundle). */
export type FacetCount = [value: string, count: number];
/** One facet value as its group shows it. */
export type FacetOption = { value: string; count: number; checked: boolean };

type Props = {
  /** Changes with the search, so the controls start again from the URL after every navigation. */
  formKey: string;
  params: DirectorySearchParams;
  facets: Record<FacetKey, FacetCount[]>;
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
    const error = directoryRangeError(key, Number(raw));
    if (error) errors[key] = error;
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
          <SpriteIcon name="search" className="pointer-events-none absolute top-1/2 left-3 -translate-y-1/2 text-ink-subtle" />
          <input id="directory-q" name={PARAM.q} type="search" defaultValue={params.q} maxLength={200} placeholder="Enamel, filigree, lab-grown diamonds, Vicenza…" className="field pl-9" />
        </div>
        {/* A plain GET form: a click before hydration submits it natively, to the same URL. */}
        <button type="submit" className="btn btn-primary">
          Search
        </button>
      </div>

      <div className="mt-6 grid gap-6 lg:grid-cols-[15rem_minmax(0,1fr)] lg:gap-8">
        <div>
          <button type="button" className="btn btn-secondary w-full lg:hidden" aria-expanded={filtersOpen} aria-controls={filtersId} onClick={() => setFiltersOpen((o) => !o)}>
            <SpriteIcon name="sliders-horizontal" />
            {filtersOpen ? "Hide filters" : "Show filters"}
            {chosen > 0 && ` (${chosen})`}
          </button>
          <div id={filtersId} className={`mt-4 flex-col gap-5 lg:mt-0 lg:flex ${filtersOpen ? "flex" : "hidden"}`}>
            <div className="grid grid-cols-2 gap-3 lg:grid-cols-1">
              <RangeField label="MOQ at most" hint="Pieces per design" error={errors.moqMax} name={PARAM.moqMax} defaultValue={params.moqMax} onBlur={(value) => rangeChanged("moqMax", value) && navigate()} />
              <RangeField label="Lead time at most" hint="Business days" error={errors.leadTimeMax} name={PARAM.leadTimeMax} defaultValue={params.leadTimeMax} onBlur={(value) => rangeChanged("leadTimeMax", value) && navigate()} />
            </div>
            {facetsSampled && (
              <p className="text-xs text-ink-muted" data-testid="facet-sample-note">
                Counts over the first {COUNTED_MATCHES} matches; narrow the search for exact counts.
              </p>
            )}
            <Suspense>
              {FACET_KEYS.map((key) => (
                <FacetGroup
                  key={key}
                  facet={key}
                  name={PARAM[key]}
                  title={FACET_TITLE[key]}
                  options={facets[key].map(([value, count]) => ({ value, count, checked: (params[key] as string[]).includes(value) }))}
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
            </Suspense>
            <button type="submit" className="btn btn-secondary lg:hidden" onClick={() => setFiltersOpen(false)}>
              Show {directoryTotalText(total, bounded)}
            </button>
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
                  <SpriteIcon name="loader-circle" className="size-3.5 animate-spin" /> Updating…
                </span>
              )}
            </p>
            <label className="flex items-center gap-2 text-sm text-ink-muted">
              Sort by
              <select name={PARAM.sort} defaultValue={params.sort} className="field h-9 w-auto pr-8 text-sm">
                {DIRECTORY_SORTS.map((s) => (
                  <option key={s} value={s}>
                    {SORT_LABELS[s]}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <div aria-busy={pending || undefined} className={pending ? "opacity-60 transition-opacity" : "transition-opacity"}>
            {/* Nothing here suspends: the boundary lets React hydrate the results in a task of their own. */}
            <Suspense>{children}</Suspense>
          </div>
        </div>
      </div>
    </form>
  );
}

/** A number box with its label, hint and error, wired for assistive technology (as ui/field's Field does). */
function RangeField({ label, hint, error, name, defaultValue, onBlur }: { label: string; hint: string; error?: string; name: string; defaultValue?: number; onBlur: (value: string) => void }) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium text-ink">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type="number"
        inputMode="numeric"
        min={1}
        step={1}
        defaultValue={defaultValue ?? ""}
        className="field"
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-${error ? "error" : "hint"}`}
        onBlur={(e) => onBlur(e.currentTarget.value)}
      />
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : (
        <p id={`${id}-hint`} className="text-sm text-ink-subtle">
          {hint}
        </p>
      )}
    </div>
  );
}
