import { ExternalLink, Megaphone } from "lucide-react";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PageHeader } from "~/components/portal/portal-layout";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { Pager, pageParam } from "~/components/ui/pager";
import { can } from "~/lib/permissions";
import { loadPortal } from "~/server/portal";
import { api } from "~/trpc/server";
import { CampaignStatusBadge } from "./campaign-status";

/** The brand's preorder campaigns, newest first: status, window, what is reserved of the cap, the public page. */
export async function CampaignsListPage({ slug, page: pageRaw }: { slug: string; page: string | string[] | undefined }) {
  const { org, role } = await loadPortal("brand", slug);
  const page = pageParam(pageRaw);
  const data = await (await api()).preorder.list({ orgId: org.id, page });
  const base = `/brand/${org.slug}/preorders`;
  const href = (p: number) => (p > 1 ? `${base}?page=${p}` : base);
  if (data.items.length === 0 && page > 1) redirect(href(1));
  const manage = can(role, "preorders.manage");
  const date = (d: Date) => d.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: org.timeZone });
  const newButton = manage ? (
    <Button asChild>
      <Link href={`${base}/new`}>New campaign</Link>
    </Button>
  ) : undefined;

  return (
    <>
      <PageHeader title="Preorders" description="Sell an approved design ahead to your customers: deposits, a cap, the story and a live delivery date." action={data.total > 0 ? newButton : undefined} />
      <Card>
        {data.total === 0 ? (
          <EmptyState
            icon={<Megaphone />}
            title="No preorder campaigns yet"
            description="Create a campaign for an approved design revision: its story, price, sizes and cap, and the window customers can reserve in."
            action={newButton ?? <p className="text-sm text-ink-muted">An owner or admin of your brand can create one.</p>}
          />
        ) : (
          <>
            <p className="border-b border-line px-5 py-2 text-sm text-ink-muted">
              {data.total} {data.total === 1 ? "campaign" : "campaigns"}
            </p>
            <ul className="divide-y divide-line">
              {data.items.map((c) => (
                <li key={c.id} className="flex flex-col gap-2 px-5 py-4 sm:flex-row sm:items-center sm:justify-between">
                  <div className="min-w-0">
                    <p className="flex flex-wrap items-center gap-2">
                      <Link href={`${base}/${c.id}`} className="font-medium text-ink hover:underline">
                        {c.title}
                      </Link>
                      <CampaignStatusBadge status={c.status} opensAt={c.opensAt} closesAt={c.closesAt} />
                    </p>
                    <p className="mt-0.5 text-sm text-ink-muted">
                      {c.designName} · <span className="font-mono">{c.sku}</span> · {c.price}
                    </p>
                    <p className="mt-0.5 text-sm text-ink-muted">
                      {date(c.opensAt)} – {date(c.closesAt)}
                    </p>
                  </div>
                  <div className="flex flex-wrap items-center gap-3 text-sm sm:justify-end">
                    <span>
                      <span className="font-semibold text-ink">{c.reserved}</span> of {c.totalCap} reserved
                      {c.heldUnits > 0 && <span className="text-ink-muted"> ({c.paidUnits} paid)</span>}
                    </span>
                    {c.status !== "draft" && (
                      <a href={c.publicPath} target="_blank" rel="noreferrer" className="inline-flex items-center gap-1 text-brass-700 hover:underline">
                        Public page
                        <ExternalLink className="size-3.5" aria-hidden />
                        <span className="sr-only">(opens in a new tab)</span>
                      </a>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          </>
        )}
        <Pager page={data.page} pageSize={data.pageSize} total={data.total} href={href} />
      </Card>
    </>
  );
}
