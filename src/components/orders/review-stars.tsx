import { Star } from "lucide-react";
import { cn } from "~/components/ui/cn";

/** A rating of 1–5 as five stars, with the number for screen readers (and for anyone who reads digits). */
export function ReviewStars({ value, label, className }: { value: number; label?: string; className?: string }) {
  const rounded = Math.round(value);
  return (
    <span className={cn("inline-flex items-center gap-0.5", className)} role="img" aria-label={`${label ? `${label}: ` : ""}${value} out of 5`}>
      {[1, 2, 3, 4, 5].map((n) => (
        <Star key={n} aria-hidden className={cn("size-4", n <= rounded ? "fill-brass-500 text-brass-500" : "text-line-strong")} />
      ))}
    </span>
  );
}
