import Link from "next/link";
import { SpriteIcon } from "~/components/ui/sprite-icon";

/** Page numbers around the current one, with the first and last always reachable. */
export function pageWindow(page: number, pageCount: number): (number | "gap")[] {
  const pages = new Set([1, pageCount, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pageCount));
  const sorted = [...pages].sort((a, b) => a - b);
  const out: (number | "gap")[] = [];
  for (const p of sorted) {
    const prev = out.at(-1);
    if (typeof prev === "number" && p - prev === 2) out.push(prev + 1);
    else if (typeof prev === "number" && p - prev > 2) out.push("gap");
    out.push(p);
  }
  return out;
}

/** Styled by `.page-link` (globals.css): one short class per link in the HTML and the RSC payload. */
export function Pagination({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pages of results" className="mt-6 flex items-center justify-between gap-2">
      {page > 1 ? (
        <Link href={href(page - 1)} className="page-link step" rel="prev">
          <SpriteIcon name="chevron-left" /> Previous
        </Link>
      ) : (
        <span className="page-link step" aria-disabled="true">
          <SpriteIcon name="chevron-left" /> Previous
        </span>
      )}
      <p className="text-sm text-ink-muted sm:hidden">
        Page {page} of {pageCount}
      </p>
      <ul className="hidden items-center gap-1 sm:flex">
        {pageWindow(page, pageCount).map((p, i) =>
          p === "gap" ? (
            <li key={`gap-${i}`} className="px-1 text-ink-subtle" aria-hidden>
              …
            </li>
          ) : (
            <li key={p}>
              <Link
                href={href(p)}
                aria-label={`Page ${p}`}
                aria-current={p === page ? "page" : undefined}
                className="page-link"
              >
                {p}
              </Link>
            </li>
          ),
        )}
      </ul>
      {page < pageCount ? (
        <Link href={href(page + 1)} className="page-link step" rel="next">
          Next <SpriteIcon name="chevron-right" />
        </Link>
      ) : (
        <span className="page-link step" aria-disabled="true">
          Next <SpriteIcon name="chevron-right" />
        </span>
      )}
    </nav>
  );
}
