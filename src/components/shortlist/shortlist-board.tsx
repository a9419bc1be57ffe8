"use client";

import { Columns3 } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { buttonVariants } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { cn } from "~/components/ui/cn";
import { COMPARE_MAX, COMPARE_MIN } from "~/lib/shortlist-schemas";
import type { ShortlistItem } from "~/trpc/types";
import { ShortlistEntry } from "./shortlist-entry";

/** The shortlist with selection for comparison; a bar at the bottom says what can be compared. */
export function ShortlistBoard({ orgId, compareHref, items, canEdit, footer }: { orgId: string; compareHref: string; items: ShortlistItem[]; canEdit: boolean; footer?: React.ReactNode }) {
  const [selected, setSelected] = useState<string[]>([]);
  const visible = selected.filter((id) => items.some((i) => i.id === id));
  const full = visible.length >= COMPARE_MAX;
  const ready = visible.length >= COMPARE_MIN;
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : s.length >= COMPARE_MAX ? s : [...s, id]));

  return (
    <>
      <Card>
        <ul className="divide-y divide-line">
          {items.map((item) => (
            <ShortlistEntry
              key={item.id}
              orgId={orgId}
              item={item}
              canEdit={canEdit}
              selected={visible.includes(item.id)}
              selectable={Boolean(item.profile) && (visible.includes(item.id) || !full)}
              onToggle={() => toggle(item.id)}
            />
          ))}
        </ul>
        {footer}
      </Card>
      <div className="sticky bottom-0 z-20 -mx-4 mt-4 border-t border-line bg-paper/95 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-lg sm:border" aria-live="polite">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm text-ink-muted">
            {visible.length === 0
              ? `Select ${COMPARE_MIN} to ${COMPARE_MAX} workshops to compare them.`
              : full
                ? `${visible.length} selected, the most that fit side by side.`
                : `${visible.length} selected${ready ? "" : `; select ${COMPARE_MIN - visible.length} more to compare`}.`}
          </p>
          <div className="flex gap-2">
            {visible.length > 0 && (
              <button type="button" className={buttonVariants({ variant: "ghost", size: "sm" })} onClick={() => setSelected([])}>
                Clear
              </button>
            )}
            {ready ? (
              <Link href={`${compareHref}?ids=${visible.join(",")}`} className={buttonVariants({ variant: "primary", size: "sm" })}>
                <Columns3 aria-hidden /> Compare {visible.length}
              </Link>
            ) : (
              <span className={cn(buttonVariants({ variant: "primary", size: "sm" }), "opacity-50")} aria-disabled>
                <Columns3 aria-hidden /> Compare
              </span>
            )}
          </div>
        </div>
      </div>
    </>
  );
}
