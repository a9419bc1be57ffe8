"use client";

import Link from "next/link";
import { SpriteIcon } from "~/components/ui/sprite-icon";
import { fileUrl } from "~/lib/files";
import { countryName } from "~/lib/regions";
import { CAPABILITIES, CERTIFICATIONS, METALS } from "~/lib/workshop-vocabulary";
import type { DirectoryItem } from "~/trpc/types";

/**
 * What a card shows, and only that: the page sends these as data and the cards render here, instead of every
 * card's rendered tree with its class names crossing in the RSC payload.
 */
export type CardItem = Pick<DirectoryItem, "slug" | "name" | "headline" | "city" | "country" | "capabilities" | "metals" | "certifications" | "moqPerDesign" | "leadTimeMinDays" | "leadTimeMaxDays" | "thumbFileId">;

/**
 * A card as it crosses to the browser: its fields by position, so twenty cards do not repeat twelve key
 * names each in the payload (and again, escaped, in the page's inline script). The page builds it.
 */
export type CardRow = [
  slug: CardItem["slug"],
  name: CardItem["name"],
  headline: CardItem["headline"],
  city: CardItem["city"],
  country: CardItem["country"],
  capabilities: CardItem["capabilities"],
  metals: CardItem["metals"],
  certifications: CardItem["certifications"],
  moqPerDesign: CardItem["moqPerDesign"],
  leadTimeMinDays: CardItem["leadTimeMinDays"],
  leadTimeMaxDays: CardItem["leadTimeMaxDays"],
  thumbFileId: CardItem["thumbFileId"],
];

function fromRow([slug, name, headline, city, country, capabilities, metals, certifications, moqPerDesign, leadTimeMinDays, leadTimeMaxDays, thumbFileId]: CardRow): CardItem {
  return { slug, name, headline, city, country, capabilities, metals, certifications, moqPerDesign, leadTimeMinDays, leadTimeMaxDays, thumbFileId };
}

/** The results, one card each. */
export function WorkshopCards({ rows }: { rows: CardRow[] }) {
  return (
    <ul className="flex flex-col gap-3">
      {rows.map((row) => (
        <li key={row[0]}>
          <WorkshopCard workshop={fromRow(row)} />
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

/** One directory result; the whole card opens the workshop's profile. Styled by `.wcard` (globals.css). */
export function WorkshopCard({ workshop: w }: { workshop: CardItem }) {
  const lead = leadTime(w.leadTimeMinDays, w.leadTimeMaxDays);
  return (
    <article className="wcard">
      <div className="thumb">
        {w.thumbFileId ? (
          // A plain img: /api/files serves ready-made thumbnails and public portfolio photos need no session.
          <img src={fileUrl(w.thumbFileId, "thumb")} alt="" loading="lazy" />
        ) : (
          <SpriteIcon name="gem" />
        )}
      </div>
      <div>
        <h2>
          <Link href={`/workshops/${w.slug}`}>{w.name}</Link>
        </h2>
        <p className="place">{[w.city, countryName(w.country)].filter(Boolean).join(", ")}</p>
        {w.headline && <p className="headline">{w.headline}</p>}
        <dl>
          {w.moqPerDesign !== null && (
            <div>
              <dt className="moq">Minimum order</dt>
              <dd>{`MOQ ${w.moqPerDesign} per design`}</dd>
            </div>
          )}
          {lead && (
            <div>
              <dt className="lead">Typical lead time</dt>
              <dd>{lead}</dd>
            </div>
          )}
        </dl>
        {w.capabilities.length > 0 && (
          <ul className="tags caps" aria-label="Capabilities">
            {w.capabilities.slice(0, CAPABILITIES_SHOWN).map((c) => (
              <li key={c}>{CAPABILITIES.label(c)}</li>
            ))}
            {w.capabilities.length > CAPABILITIES_SHOWN && <li>+{w.capabilities.length - CAPABILITIES_SHOWN} more</li>}
          </ul>
        )}
        {w.metals.length > 0 && <p className="metals">{more(w.metals, METALS_SHOWN, METALS.label)}</p>}
        {w.certifications.length > 0 && (
          <ul className="tags certs" aria-label="Certifications">
            {w.certifications.map((c) => (
              <li key={c}>{CERTIFICATIONS.label(c).replace(/ \(.*\)$/, "")}</li>
            ))}
          </ul>
        )}
      </div>
    </article>
  );
}
