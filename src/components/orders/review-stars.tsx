import { Star } from "lucide-react";

/**
 * A rating of 1–5 as five stars, with the number for screen readers (and for anyone who reads digits). Plain
 * class names, no class merging: public profiles load this in the browser.
 */
export function ReviewStars({ value, label, className }: { value: number; label?: string; className?: string }) {
  const rounded = Math.round(value);
  return (
    <span className={`inline-flex items-center gap-0.5${className ? ` ${className}` : ""}`} role="img" aria-label={`${label ? `${label}: ` : ""}${value} out of 5`}>
      {[1, 2, 3, 4, 5].map((n) => (
        <Star key={n} aria-hidden className={n <= rounded ? "size-4 fill-brass-500 text-brass-500" : "size-4 text-line-strong"} />
      ))}
    </span>
  );
}
