/**
 * Plain divs with the `.skeleton` class: this markup streams ahead of every directory page it stands in for.
 * As tall as a page of results, so the footer stays below the fold on a phone when the results replace it
 * (with three cards it was in view and jumped: a layout shift Lighthouse counts).
 */
export default function Loading() {
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-10" role="status" aria-label="Loading workshops">
      <div aria-hidden className="skeleton h-9 w-64" />
      <div aria-hidden className="skeleton mt-3 h-4 w-96 max-w-full" />
      <div aria-hidden className="skeleton mt-6 h-10 w-full" />
      <div className="mt-6 grid gap-6 lg:grid-cols-[15rem_minmax(0,1fr)] lg:gap-8">
        <div className="hidden flex-col gap-3 lg:flex">
          {Array.from({ length: 8 }, (_, i) => (
            <div key={i} aria-hidden className="skeleton h-5 w-full" />
          ))}
        </div>
        <div className="flex flex-col gap-3">
          {Array.from({ length: 5 }, (_, i) => (
            <div key={i} aria-hidden className="skeleton h-36 w-full" />
          ))}
        </div>
      </div>
    </div>
  );
}
