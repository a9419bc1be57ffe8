import { MapPin } from "lucide-react";
import Link from "next/link";
import { fileUrl } from "~/lib/files";
import { countryName } from "~/lib/regions";
import { publicApi } from "~/trpc/server";

const SHOWN = 4;

/** Real photos from published workshops' portfolios: the first directory page's workshops that have one. */
export async function LandingShowcase() {
  const result = await (await publicApi()).directory.search({});
  const withPhotos = result.items.filter((w) => w.thumbFileId).slice(0, SHOWN);
  if (withPhotos.length === 0) return null;
  return (
    <ul className="grid grid-cols-2 gap-3" aria-label="Workshops on Bezel">
      {withPhotos.map((w) => (
        <li key={w.orgId} className="relative overflow-hidden rounded-lg border border-line bg-surface shadow-card">
          <img src={fileUrl(w.thumbFileId!, "thumb")} alt="" className="aspect-square w-full object-cover" loading="eager" />
          <div className="p-2.5">
            <Link href={`/workshops/${w.slug}`} className="line-clamp-1 text-sm font-medium after:absolute after:inset-0 hover:underline">
              {w.name}
            </Link>
            <p className="mt-0.5 flex items-center gap-1 text-xs text-ink-muted">
              <MapPin className="size-3 shrink-0" aria-hidden />
              <span className="truncate">{[w.city, countryName(w.country)].filter(Boolean).join(", ")}</span>
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
