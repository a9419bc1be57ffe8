import Link from "next/link";
import { cn } from "./cn";

export function Logo({ href = "/", className }: { href?: string; className?: string }) {
  return (
    <Link href={href} className={cn("inline-flex items-center gap-2 font-semibold tracking-tight text-ink", className)} aria-label="Bezel home">
      <svg viewBox="0 0 24 24" className="size-6" aria-hidden>
        <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="2.2" />
        <circle cx="12" cy="12" r="4.2" className="fill-brass-500" />
      </svg>
      <span className="text-lg">Bezel</span>
    </Link>
  );
}
