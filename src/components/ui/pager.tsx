import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { buttonVariants } from "~/components/ui/button-variants";
import { cn } from "~/components/ui/cn";

/** Previous / next links for a paged list; the page lives in the URL so a page can be shared or reloaded. */
export function Pager({ page, pageSize, total, href }: { page: number; pageSize: number; total: number; href: (page: number) => string }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const from = (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const link = (target: number, content: React.ReactNode, enabled: boolean) =>
    enabled ? (
      <Link href={href(target)} className={buttonVariants({ variant: "secondary", size: "sm" })} rel={target < page ? "prev" : "next"}>
        {content}
      </Link>
    ) : (
      <span className={cn(buttonVariants({ variant: "secondary", size: "sm" }), "opacity-50")} aria-disabled>
        {content}
      </span>
    );
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-3 border-t border-line px-5 py-3">
      <p className="text-sm text-ink-muted">
        {from}–{to} of {total}
      </p>
      <div className="flex gap-2">
        {link(
          page - 1,
          <>
            <ChevronLeft aria-hidden /> Previous
          </>,
          page > 1,
        )}
        {link(
          page + 1,
          <>
            Next <ChevronRight aria-hidden />
          </>,
          page < pages,
        )}
      </div>
    </nav>
  );
}

/** A positive page number from a search parameter, 1 when missing or not a number. */
export function pageParam(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
}
