"use client";

import { FACET_LABEL, type FacetKey } from "~/lib/directory-query";
import type { FacetOption } from "./directory-form";

const SHOWN = 6;

/**
 * One facet as checkboxes with counts. An option with no workshops is disabled (it could only empty the
 * results) unless it is already ticked. Long lists show the first few, then the rest on request; whether a
 * list is open is kept by the form, so it stays open across filter changes. When the counts are over a
 * sample of the matches (`sampled`), a value with none in the sample may still have some: it stays enabled.
 */
export function FacetGroup({
  facet,
  name,
  title,
  options,
  anyOf,
  sampled = false,
  expanded,
  onExpandedChange,
}: {
  facet: FacetKey;
  name: string;
  title: string;
  options: FacetOption[];
  anyOf: boolean;
  sampled?: boolean;
  expanded: boolean;
  onExpandedChange: (expanded: boolean) => void;
}) {
  if (options.length === 0) return null;
  // Ticked options stay visible even when they sort below the fold.
  const visible = expanded ? options : options.filter((o, i) => i < SHOWN || o.checked);
  const hidden = options.length - visible.length;
  return (
    <fieldset className="min-w-0">
      <legend className="mb-2 text-sm font-semibold">
        {title}
        {anyOf && <span className="ml-1 font-normal text-ink-subtle">(any of)</span>}
      </legend>
      <ul className="flex flex-col gap-0.5">
        {visible.map((o) => {
          const disabled = o.count === 0 && !o.checked && !sampled;
          const label = FACET_LABEL[facet](o.value);
          return (
            <li key={o.value}>
              <label className={disabled ? "facet-option off" : "facet-option"}>
                <input type="checkbox" name={name} value={o.value} defaultChecked={o.checked} disabled={disabled} />
                <span title={label}>{label}</span>
                <span className="count">
                  {o.count.toLocaleString("en")}
                  <span className="sr-only">{o.count === 1 ? " workshop" : " workshops"}</span>
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      {(hidden > 0 || expanded) && options.length > SHOWN && (
        <button type="button" className="mt-1 px-1.5 text-sm font-medium text-brass-700 hover:underline" aria-expanded={expanded} onClick={() => onExpandedChange(!expanded)}>
          {expanded ? "Show fewer" : `Show ${hidden} more`}
        </button>
      )}
    </fieldset>
  );
}
