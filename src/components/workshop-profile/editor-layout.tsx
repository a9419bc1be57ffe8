import { ExternalLink } from "lucide-react";
import Link from "next/link";
import { NavLinks } from "~/components/portal/nav-links";
import { PageHeader } from "~/components/portal/portal-layout";
import { Badge } from "~/components/ui/badge";
import { loadProfileEditor } from "./editor-data";
import { PublishPanel } from "./publish-panel";

/** The workshop profile editor's frame: status, tabs (details, artisans, portfolio) and the publishing panel. */
export async function ProfileEditorLayout({ slug, children }: { slug: string; children: React.ReactNode }) {
  const { org, profile, checklist, artisans, portfolio, canPublish, hrefs, publicHref } = await loadProfileEditor(slug);
  const tabs = [
    { label: "Details", href: hrefs.details, exact: true },
    { label: `Artisans (${artisans.length})`, href: hrefs.artisans },
    { label: `Portfolio (${portfolio.length})`, href: hrefs.portfolio },
  ];
  return (
    <>
      <PageHeader
        title="Workshop profile"
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            How brands see {org.name}.
            {profile.publishedAt ? <Badge tone="success">Published</Badge> : <Badge>Draft</Badge>}
          </span>
        }
        action={
          profile.publishedAt && (
            <Link href={publicHref} target="_blank" className="inline-flex items-center gap-1.5 text-sm font-medium text-brass-700 hover:underline">
              View public page <ExternalLink className="size-4" aria-hidden />
            </Link>
          )
        }
      />
      <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0">
          <nav aria-label="Profile sections" className="mb-4">
            <NavLinks items={tabs} variant="tabs" />
          </nav>
          {children}
        </div>
        <aside className="xl:sticky xl:top-20">
          <PublishPanel
            orgId={org.id}
            checklist={checklist}
            publishedAt={profile.publishedAt}
            publicHref={publicHref}
            sectionHref={{ details: hrefs.details, portfolio: hrefs.portfolio }}
            canPublish={canPublish}
          />
        </aside>
      </div>
    </>
  );
}
