"use client";

import { Star } from "lucide-react";
import { useId } from "react";
import { cn } from "~/components/ui/cn";

/** A 1–5 rating as a radio group: arrow keys move between stars, and each star is labelled for screen readers. */
export function ScoreInput({ label, hint, value, onChange, error }: { label: string; hint?: string; value: number | null; onChange: (v: number) => void; error?: string }) {
  const id = useId();
  return (
    <fieldset className="flex flex-col gap-1.5" aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}>
      <legend className="text-sm font-medium text-ink">{label}</legend>
      <div className="flex gap-1" role="radiogroup" aria-label={label}>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className="cursor-pointer rounded-md p-0.5 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brass-500">
            <input type="radio" name={id} value={n} checked={value === n} onChange={() => onChange(n)} className="sr-only" aria-label={`${n} out of 5`} />
            <Star className={cn("size-7", value !== null && n <= value ? "fill-brass-500 text-brass-500" : "text-line-strong")} aria-hidden />
          </label>
        ))}
        {value !== null && <span className="ml-2 self-center text-sm text-ink-muted">{value} / 5</span>}
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
