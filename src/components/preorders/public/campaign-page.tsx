import { Markdown } from "~/components/workshop-profile/markdown";
import { formatMoney } from "~/lib/money";
import type { PublicCampaign } from "~/lib/preorder-public-schemas";
import { Countdown } from "./countdown";
import { ReserveForm } from "./reserve-form";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** A preorder's public page: what it is, what is left, until when, when it arrives, and the reserve form. */
export function CampaignPage({ c }: { c: PublicCampaign }) {
  const price = formatMoney({ amountMinor: c.retailPriceMinor, currency: c.currency });
  const due = formatMoney({ amountMinor: c.unitDueMinor, currency: c.currency });
  const open = c.status === "published" && c.window === "open";
  const maxQuantity = Math.max(0, ...c.sizes.map((s) => s.left));
  return (
    <article className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
      <p className="text-sm text-ink-muted">{c.brand.name} · Preorder</p>
      <h1 className="mt-1 text-3xl font-semibold break-words">{c.title}</h1>
      <div className="mt-6 grid gap-8 md:grid-cols-[3fr_2fr]">
        <div className="min-w-0">
          {c.images.length > 0 && (
            <ul className="grid grid-cols-2 gap-2" aria-label="Pictures">
              {c.images.map((img, i) => (
                <li key={img.fileId} className={i === 0 ? "col-span-2" : ""}>
                  <figure>
                    { }
                    <img
                      src={`/api/files/${img.fileId}`}
                      alt={img.caption || (img.kind === "sketch" ? "Sketch" : img.kind === "progress" ? "Work in progress" : c.title)}
                      width={img.width ?? undefined}
                      height={img.height ?? undefined}
                      loading={i === 0 ? "eager" : "lazy"}
                      className="h-auto w-full rounded-md bg-sunken object-cover"
                    />
                    {img.caption && <figcaption className="mt-1 text-xs text-ink-muted">{img.caption}</figcaption>}
                  </figure>
                </li>
              ))}
            </ul>
          )}
          {c.story && (
            <section className="mt-8" aria-labelledby="story">
              <h2 id="story" className="text-xl font-semibold">
                The story
              </h2>
              <Markdown className="mt-3">{c.story}</Markdown>
            </section>
          )}
          {c.artisans.length > 0 && (
            <section className="mt-8" aria-labelledby="artisans">
              <h2 id="artisans" className="text-xl font-semibold">
                Made by
              </h2>
              <ul className="mt-3 space-y-3">
                {c.artisans.map((a) => (
                  <li key={`${a.name}-${a.role}`}>
                    <p className="font-medium">
                      {a.name} <span className="font-normal text-ink-muted">· {a.role}, {a.workshopName}</span>
                    </p>
                    {a.bio && <p className="text-sm text-ink-muted">{a.bio}</p>}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
        <aside className="min-w-0 space-y-4 rounded-lg border border-line p-4 sm:p-6" aria-label="Reserve">
          <p className="text-2xl font-semibold">{price}</p>
          <p className="text-sm text-ink-muted">{c.paymentMode === "deposit" && c.depositPercent < 100 ? `Reserve with a ${c.depositPercent} % deposit: ${due} each, the balance before shipping.` : "Paid in full when you reserve."}</p>
          <p className="text-lg font-medium" aria-live="polite">
            {c.left > 0 ? `${c.left} of ${c.totalCap} left` : `Sold out (${c.totalCap} reserved)`}
          </p>
          {c.sizes.length > 1 && (
            <ul className="flex flex-wrap gap-2 text-sm" aria-label="Left by size">
              {c.sizes.map((s) => (
                <li key={s.size} className="rounded-sm border border-line px-2 py-1">
                  Size {s.size}: {s.left > 0 ? `${s.left} left` : "sold out"}
                </li>
              ))}
            </ul>
          )}
          {c.status === "published" && c.window === "upcoming" && <Countdown campaignId={c.id} to={c.opensAt.toISOString()} label="Opens" />}
          {open && <Countdown campaignId={c.id} to={c.closesAt.toISOString()} label="Closes" />}
          {c.window === "ended" || c.status !== "published" ? <p className="text-sm font-medium">{c.status === "cancelled" ? "This preorder was cancelled." : "This preorder is closed."}</p> : null}
          <p className="text-sm">
            {c.deliveryIsForecast ? "Expected delivery (live from production): " : "Expected delivery: "}
            <strong>{day(c.deliveryOn)}</strong>
          </p>
          {open && c.left > 0 && c.payable && <ReserveForm brandSlug={c.brand.slug} campaignSlug={c.slug} sizes={c.sizes} maxQuantity={maxQuantity} />}
          {open && c.left > 0 && !c.payable && <p className="text-sm font-medium">Reservations are not open for payment yet. Check back soon.</p>}
          <p className="text-xs text-ink-muted">Your units are held for {c.holdMinutes} minutes while you pay.{c.cancelWithinDays > 0 ? ` You can cancel for a full refund within ${c.cancelWithinDays} days of paying, until production starts.` : ""}</p>
          {c.returnPolicy && (
            <div>
              <h2 className="text-sm font-semibold">Returns</h2>
              <p className="text-sm whitespace-pre-line text-ink-muted">{c.returnPolicy}</p>
            </div>
          )}
        </aside>
      </div>
    </article>
  );
}
