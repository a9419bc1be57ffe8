import { Inbox, PackageSearch } from "lucide-react";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PageHeader } from "~/components/portal/portal-layout";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { cn } from "~/components/ui/cn";
import { EmptyState } from "~/components/ui/empty-state";
import { SAMPLE_STATUS_LABELS, SAMPLE_STATUSES, sampleNumberLabel, workshopSampleLabel, type SampleStatus } from "~/lib/sample-request-schemas";
import type { OrganizationKind } from "~/server/db/schema";
import { loadPortal } from "~/server/portal";
import { api } from "~/trpc/server";
import { formatDate, formatFee } from "./format";
import { Pager, pageParam } from "~/components/ui/pager";
import { SampleStatusBadge } from "./sample-status";

type SearchParams = Record<string, string | string[] | undefined>;

const isStatus = (v: unknown): v is SampleStatus => typeof v === "string" && (SAMPLE_STATUSES as readonly string[]).includes(v);

/** The brand's requests, or the workshop's inbox: filtered by status, a page at a time. */
export async function SamplesListPage({ kind, slug, searchParams }: { kind: OrganizationKind; slug: string; searchParams: SearchParams }) {
  const { org } = await loadPortal(kind, slug);
  const status = isStatus(searchParams.status) ? searchParams.status : null;
  const page = pageParam(searchParams.page);
  const caller = await api();
  const input = { orgId: org.id, status, page };
  const data = kind === "brand" ? await caller.sampleRequest.list(input) : await caller.sampleRequest.inbox(input);
  const base = `/${kind}/${org.slug}/samples`;
  const href = (p: { status?: SampleStatus | null; page?: number }) => {
    const q = new URLSearchParams();
    if (p.status) q.set("status", p.status);
    if (p.page && p.page > 1) q.set("page", String(p.page));
    const s = q.toString();
    return s ? `${base}?${s}` : base;
  };
  if (data.items.length === 0 && page > 1) redirect(href({ status }));
  const brand = kind === "brand";

  return (
    <>
      <PageHeader
        title={brand ? "Samples" : "Sample requests"}
        description={brand ? "Samples you asked workshops for, and where each one stands." : "Brands asking for a sample. Answer quickly: your median response time is on your public record."}
        action={
          brand ? (
            <Button asChild variant="secondary">
              <Link href={`/brand/${org.slug}/shortlist`}>Shortlist</Link>
            </Button>
          ) : undefined
        }
      />
      {data.all > 0 && (
        <nav aria-label="Filter by status" className="mb-4 flex gap-1 overflow-x-auto border-b border-line">
          <StatusTab href={href({})} active={!status} label="All" count={data.all} />
          {SAMPLE_STATUSES.filter((s) => (data.counts[s] ?? 0) > 0 || s === status).map((s) => (
            <StatusTab key={s} href={href({ status: s })} active={s === status} label={SAMPLE_STATUS_LABELS[s]} count={data.counts[s] ?? 0} />
          ))}
        </nav>
      )}
      <Card>
        {data.items.length === 0 ? (
          status ? (
            <EmptyState
              icon={<PackageSearch />}
              title={`No requests are ${SAMPLE_STATUS_LABELS[status].toLowerCase()}`}
              action={
                <Button asChild variant="secondary">
                  <Link href={href({})}>Show all requests</Link>
                </Button>
              }
            />
          ) : brand ? (
            <EmptyState
              icon={<PackageSearch />}
              title="No sample requests yet"
              description="Open a workshop's profile and press “Request a sample” to judge its work on a real piece."
              action={
                <Button asChild>
                  <Link href="/workshops">Browse workshops</Link>
                </Button>
              }
            />
          ) : (
            <EmptyState
              icon={<Inbox />}
              title="No sample requests yet"
              description="Brands request samples from your public profile. A complete profile with a rich portfolio gets more requests."
              action={
                <Button asChild variant="secondary">
                  <Link href={`/workshop/${org.slug}/profile`}>Edit your profile</Link>
                </Button>
              }
            />
          )
        ) : (
          <ul className="divide-y divide-line">
            {data.items.map((r) => {
              const fee = formatFee(r.feeMinor, r.feeCurrency);
              return (
                <li key={r.id}>
                  <Link href={brand ? `${base}/${r.number}` : `${base}/${r.workshopNumber}`} className="flex flex-col gap-1 px-5 py-4 hover:bg-sunken/60 sm:flex-row sm:items-center sm:gap-4">
                    {/* Numbers count per brand: a workshop's list names the brand with each, so two "SR-2" never look alike. */}
                    <span className={brand ? "w-16 shrink-0 font-mono text-sm text-ink-muted" : "shrink-0 truncate font-mono text-sm text-ink-muted sm:w-44"}>
                      {brand ? sampleNumberLabel(r.number) : workshopSampleLabel(r)}
                    </span>
                    <span className="min-w-0 flex-1">
                      <span className="block truncate font-medium">{r.pieceTitle ?? r.description}</span>
                      <span className="block truncate text-sm text-ink-muted">
                        {brand ? r.workshopName : r.brandName} · {r.quantity} {r.quantity === 1 ? "piece" : "pieces"} · requested {formatDate(r.createdAt)}
                        {fee && ` · ${fee}`}
                      </span>
                    </span>
                    <span className="shrink-0">
                      <SampleStatusBadge status={r.status} />
                    </span>
                  </Link>
                </li>
              );
            })}
          </ul>
        )}
        <Pager page={data.page} pageSize={data.pageSize} total={data.total} href={(p) => href({ status, page: p })} />
      </Card>
    </>
  );
}

function StatusTab({ href, active, label, count }: { href: string; active: boolean; label: string; count: number }) {
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={cn(
        "-mb-px flex items-center gap-1.5 border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap transition-colors",
        active ? "border-brass-500 text-ink" : "border-transparent text-ink-muted hover:text-ink",
      )}
    >
      {label}
      <span className="rounded-full bg-sunken px-1.5 text-xs text-ink-muted">{count}</span>
    </Link>
  );
}
