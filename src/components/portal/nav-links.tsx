"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "~/components/ui/cn";
import type { NavItem } from "./nav";

export function NavLinks({ items, variant }: { items: NavItem[]; variant: "side" | "tabs" }) {
  const pathname = usePathname();
  return (
    // On a phone the side list wraps onto a second line rather than scrolling sideways, so every item
    // (Settings last) is in view without a hint to swipe.
    <ul className={cn(variant === "side" ? "flex flex-wrap gap-1 md:flex-col md:flex-nowrap" : "flex gap-1 overflow-x-auto border-b border-line")}>
      {items.map((item) => {
        const active = item.exact ? pathname === item.href : pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? "page" : undefined}
              className={cn(
                "block whitespace-nowrap text-sm font-medium transition-colors",
                variant === "side"
                  ? cn("rounded-md px-3 py-2", active ? "bg-surface text-ink shadow-card" : "text-ink-muted hover:bg-sunken hover:text-ink")
                  : cn("-mb-px border-b-2 px-3 py-2.5", active ? "border-brass-500 text-ink" : "border-transparent text-ink-muted hover:text-ink"),
              )}
            >
              {item.label}
              {item.count ? (
                <>
                  <span className="ml-2 inline-flex min-w-5 justify-center rounded-full bg-brass-500 px-1.5 text-xs font-semibold text-white" aria-hidden>
                    {item.count}
                  </span>
                  <span className="sr-only">, {item.count} to do</span>
                </>
              ) : null}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
