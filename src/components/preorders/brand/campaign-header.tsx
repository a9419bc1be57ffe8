import { ArrowLeft, ExternalLink } from "lucide-react";
import Link from "next/link";
import { NavLinks } from "~/components/portal/nav-links";
import { CampaignStatusBadge } from "./campaign-status";
import type { LoadedCampaign } from "./loaders";

/** The campaign's title, status and public link, and its tabs: details, dashboard, production. */
export function CampaignHeader({ orgSlug, campaign }: { orgSlug: string; campaign: LoadedCampaign }) {
  const base = `/brand/${orgSlug}/preorders`;
  const here = `${base}/${campaign.id}`;
  return (
    <div className="mb-6 flex flex-col gap-4">
      <Link href={base} className="inline-flex items-center gap-1 self-start text-sm text-ink-muted hover:text-ink">
        <ArrowLeft className="size-4" aria-hidden />
        All campaigns
      </Link>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0">
          <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold">
            <span className="break-words">{campaign.title}</span>
            <CampaignStatusBadge status={campaign.status} opensAt={campaign.opensAt} closesAt={campaign.closesAt} />
          </h1>
          <p className="mt-1 text-ink-muted">
            {campaign.design.name} · <span className="font-mono">{campaign.design.sku}</span> · {campaign.paidUnits + campaign.heldUnits} of {campaign.totalCap} reserved
          </p>
        </div>
        {campaign.status === "draft" ? (
          <p className="text-sm text-ink-muted">
            Public at <span className="font-mono">{campaign.publicPath}</span> once published
          </p>
        ) : (
          <a href={campaign.publicPath} target="_blank" rel="noreferrer" className="inline-flex items-center gap-1 text-sm font-medium text-brass-700 hover:underline">
            Public page
            <ExternalLink className="size-3.5" aria-hidden />
            <span className="sr-only">(opens in a new tab)</span>
          </a>
        )}
      </div>
      <nav aria-label="Campaign">
        <NavLinks
          variant="tabs"
          items={[
            { href: here, label: "Details", exact: true },
            { href: `${here}/dashboard`, label: "Dashboard" },
            { href: `${here}/production`, label: "Production" },
          ]}
        />
      </nav>
    </div>
  );
}
