"use client";

import { forwardRef, useDeferredValue, useId } from "react";
import { Textarea } from "~/components/ui/input";
import { cn } from "~/components/ui/cn";
import { Markdown } from "./markdown";

type Props = React.TextareaHTMLAttributes<HTMLTextAreaElement> & {
  label: string;
  /** The current text, for the preview and the counter (the textarea itself stays uncontrolled). */
  text: string;
  limit: number;
  /** Fewer characters than this is allowed while drafting, but said next to the counter. */
  recommendedMin?: number;
  error?: string;
};

/** A Markdown textarea with a character count and a live preview of what visitors will see. */
export const MarkdownEditor = forwardRef<HTMLTextAreaElement, Props>(function MarkdownEditor({ label, text, limit, recommendedMin, error, className, ...textarea }, ref) {
  const id = useId();
  // The preview re-renders on every keystroke; deferring it keeps typing smooth in a long story.
  const preview = useDeferredValue(text);
  const length = text.trim().length;
  const short = recommendedMin !== undefined && length < recommendedMin;
  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <label htmlFor={id} className="text-sm font-medium text-ink">
        {label}
      </label>
      <div className="grid gap-3 lg:grid-cols-2">
        <Textarea
          ref={ref}
          id={id}
          rows={14}
          className="min-h-64 font-mono text-sm leading-relaxed"
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-help ${error ? `${id}-error` : ""}`.trim()}
          {...textarea}
        />
        <section aria-label={`${label} preview`} className="min-h-40 overflow-auto rounded-md border border-line bg-paper px-4 py-3 lg:max-h-[28rem]">
          <p className="mb-2 text-xs font-medium tracking-wide text-ink-subtle uppercase">Preview</p>
          {preview.trim() ? <Markdown>{preview}</Markdown> : <p className="text-sm text-ink-subtle">Your story appears here as brands will read it.</p>}
        </section>
      </div>
      <div id={`${id}-help`} className="flex flex-wrap justify-between gap-x-4 gap-y-1 text-sm text-ink-subtle">
        <span>Markdown: **bold**, _italic_, # headings, - lists, [links](https://…). HTML is not shown.</span>
        <span className={cn(length > limit && "text-danger", short && "text-warning")} aria-live="polite">
          {length.toLocaleString("en")} / {limit.toLocaleString("en")}
          {short ? ` · at least ${recommendedMin} to publish` : ""}
        </span>
      </div>
      {error && (
        <p id={`${id}-error`} role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
    </div>
  );
});
