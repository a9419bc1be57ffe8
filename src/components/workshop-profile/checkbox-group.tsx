"use client";

import { useId } from "react";
import { cn } from "~/components/ui/cn";

type Option = { value: string; label: string };

/**
 * A group of checkboxes for one vocabulary: a fieldset whose legend names it, native checkboxes (Tab to
 * move, Space to toggle) and the group's error right below it.
 */
export function CheckboxGroup({
  legend,
  options,
  value,
  onChange,
  error,
  hint,
  disabled,
  columns = "sm:grid-cols-2 lg:grid-cols-3",
}: {
  legend: string;
  options: readonly Option[];
  value: readonly string[];
  onChange: (next: string[]) => void;
  error?: string;
  hint?: React.ReactNode;
  disabled?: boolean;
  columns?: string;
}) {
  const id = useId();
  const selected = new Set(value);
  const toggle = (v: string, on: boolean) => {
    // Keep the vocabulary's order, whatever order the boxes were ticked in.
    const next = new Set(selected);
    if (on) next.add(v);
    else next.delete(v);
    onChange(options.map((o) => o.value).filter((o) => next.has(o)));
  };
  const describedBy = [hint && !error ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className="flex min-w-0 flex-col gap-2" aria-describedby={describedBy} aria-invalid={error ? true : undefined} disabled={disabled}>
      <legend className="mb-2 text-sm font-medium text-ink">{legend}</legend>
      <div className={cn("grid grid-cols-1 gap-x-4 gap-y-1", columns)}>
        {options.map((o) => (
          <label key={o.value} className="flex min-h-9 cursor-pointer items-center gap-2.5 rounded-md px-1.5 text-sm hover:bg-sunken/70 has-[:disabled]:cursor-default has-[:disabled]:hover:bg-transparent">
            <input
              type="checkbox"
              className="size-4 shrink-0 accent-brass-600"
              checked={selected.has(o.value)}
              onChange={(e) => toggle(o.value, e.target.checked)}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {hint && !error && (
        <p id={`${id}-hint`} className="text-sm text-ink-subtle">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** A vocabulary from workshop-vocabulary.ts as checkbox options. */
export function optionsOf(vocab: { keys: readonly string[]; labels: Record<string, string> }): Option[] {
  return vocab.keys.map((k) => ({ value: k, label: vocab.labels[k] ?? k }));
}
