"use client";

import Link from "next/link";
import { Badge } from "~/components/ui/badge";
import { SpriteIcon } from "~/components/ui/sprite-icon";
import { fileUrl } from "~/lib/files";
import { countryName } from "~/lib/regions";
import { CAPABILITIES, CERTIFICATIONS, METALS } from "~/lib/workshop-vocabulary";
import type { DirectoryItem } from "~/trpc/types";

/**
 * What a card shows, and only that: the page sends these as data (a few hundred bytes a card) and the cards
 * render here, instead of every card's rendered tree with its class names crossing in the RSC payload.
 */
export type CardItem = Pick<DirectoryItem, "slug" | "name" | "headline" | "city" | "country" | "capabilities" | "metals" | "certifications" | "moqPerDesign" | "leadTimeMinDays" | "leadTimeMaxDays" | "thumbFileId">;

/** The results, one card each. */
export function WorkshopCards({ items }: { items: CardItem[] }) {
  return (
    <ul className="flex flex-col gap-3">
      {items.map((w) => (
        <li key={w.slug}>
          <WorkshopCard workshop={w} />
        </li>
      ))}
    </ul>
  );
}

const CAPABILITIES_SHOWN = 4;
const METALS_SHOWN = 3;

function leadTime(min: number | null, max: number | null): string | null {
  if (min === null || max === null) return null;
  return min === max ? `${min} business days` : `${min}–${max} business days`;
}

function more(items: string[], shown: number, label: (k: string) => string): string {
  const head = items.slice(0, shown).map(label).join(", ");
  return items.length > shown ? `${head} +${items.length - shown}` : head;
}

/** One directory result; the whole card opens the workshop's profile. */
export function WorkshopCard({ workshop: w }: { workshop: CardItem }) {
  const lead = leadTime(w.leadTimeMinDays, w.leadTimeMaxDays);
  return (
    <article className="relative flex gap-4 rounded-lg border border-line bg-surface p-3 shadow-card transition-colors focus-within:border-brass-500 hover:border-line-strong sm:p-4">
      <div className="size-20 shrink-0 overflow-hidden rounded-md bg-sunken sm:size-32">
        {w.thumbFileId ? (
          // A plain img: /api/files serves ready-made thumbnails and public portfolio photos need no session.
          <img src={fileUrl(w.thumbFileId, "thumb")} alt="" loading="lazy" className="size-full object-cover" />
        ) : (
          <div className="flex size-full items-center justify-center text-line-strong">
            <SpriteIcon name="gem" className="size-8" />
          </div>
        )}
      </div>
      <div className="min-w-0 flex-1">
        <h2 className="text-lg leading-snug font-semibold">
          <Link href={`/workshops/${w.slug}`} className="after:absolute after:inset-0 after:rounded-lg hover:underline focus-visible:outline-none">
            {w.name}
          </Link>
        </h2>
        <p className="mt-0.5 flex items-center gap-1 text-sm text-ink-muted">
          <SpriteIcon name="map-pin" className="size-3.5" />
          {[w.city, countryName(w.country)].filter(Boolean).join(", ")}
        </p>
        {w.headline && <p className="mt-1.5 line-clamp-2 text-sm">{w.headline}</p>}
        <dl className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {w.moqPerDesign !== null && (
            <div className="flex items-center gap-1">
              <dt>
                <SpriteIcon name="package" className="size-3.5 text-ink-subtle" label="Minimum order" />
              </dt>
              <dd>MOQ {w.moqPerDesign} per design</dd>
            </div>
          )}
          {lead && (
            <div className="flex items-center gap-1">
              <dt>
                <SpriteIcon name="clock" className="size-3.5 text-ink-subtle" label="Typical lead time" />
              </dt>
              <dd>{lead}</dd>
            </div>
          )}
        </dl>
        {w.capabilities.length > 0 && (
          <ul className="mt-2 hidden flex-wrap gap-1.5 sm:flex" aria-label="Capabilities">
            {w.capabilities.slice(0, CAPABILITIES_SHOWN).map((c) => (
              <li key={c}>
                <Badge>{CAPABILITIES.label(c)}</Badge>
              </li>
            ))}
            {w.capabilities.length > CAPABILITIES_SHOWN && (
              <li>
                <Badge>+{w.capabilities.length - CAPABILITIES_SHOWN} more</Badge>
              </li>
            )}
          </ul>
        )}
        {w.metals.length > 0 && <p className="mt-1.5 hidden text-sm text-ink-muted sm:block">{more(w.metals, METALS_SHOWN, METALS.label)}</p>}
        {w.certifications.length > 0 && (
          <ul className="mt-2 flex flex-wrap gap-1.5" aria-label="Certifications">
            {w.certifications.map((c) => (
              <li key={c}>
                <Badge tone="brass">{CERTIFICATIONS.label(c).replace(/ \(.*\)$/, "")}</Badge>
              </li>
            ))}
          </ul>
        )}
      </div>
    </article>
  );
}
