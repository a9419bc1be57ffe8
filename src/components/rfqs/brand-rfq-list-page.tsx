import { FileQuestion } from "lucide-react";
import Link from "next/link";
import { PageHeader } from "~/components/portal/portal-layout";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { Pager, pageParam } from "~/components/ui/pager";
import { formatDay } from "~/components/sample-requests/format";
import { can } from "~/lib/permissions";
import { RFQ_STATUS_LABELS, rfqNumberLabel } from "~/lib/rfq-schemas";
import { loadPortal } from "~/server/portal";
import { api } from "~/trpc/server";
import { RFQ_STATUS_TONE } from "./format";

/** The brand's requests for quote, newest first, a page at a time. */
export async function BrandRfqListPage({ slug, searchParams }: { slug: string; searchParams: Record<string, string | string[] | undefined> }) {
  const { org, role } = await loadPortal("brand", slug);
  const page = pageParam(searchParams.page);
  const data = await (await api()).rfq.list({ orgId: org.id, page });
  const base = `/brand/${org.slug}/rfqs`;
  const canManage = can(role, "rfqs.manage");
  return (
    <>
      <PageHeader
        title="Requests for quote"
        description="Send approved designs to workshops, compare their quotes at the quantities you plan, and award one."
        action={
          canManage ? (
            <Button asChild>
              <Link href={`${base}/new`}>New request</Link>
            </Button>
          ) : undefined
        }
      />
      <Card>
        {data.items.length === 0 ? (
          <EmptyState
            icon={<FileQuestion />}
            title="No requests for quote yet"
            description="Approve a design revision, then ask your shortlisted workshops for tiered prices on it."
            action={
              canManage ? (
                <Button asChild>
                  <Link href={`${base}/new`}>New request</Link>
                </Button>
              ) : undefined
            }
          />
        ) : (
          <ul className="divide-y divide-line">
            {data.items.map((r) => (
              <li key={r.id}>
                <Link href={`${base}/${r.number}`} className="flex flex-col gap-1 px-4 py-3 hover:bg-sunken sm:flex-row sm:items-center sm:justify-between">
                  <span>
                    <span className="font-medium">
                      {rfqNumberLabel(r.number)} · {r.title}
                    </span>
                    <span className="block text-sm text-ink-muted">
                      {r.lines} design{r.lines === 1 ? "" : "s"} · {r.invited} workshop{r.invited === 1 ? "" : "s"} invited · {r.quoted} quote{r.quoted === 1 ? "" : "s"} · quotes by {formatDay(r.deadline)}
                    </span>
                  </span>
                  <Badge tone={RFQ_STATUS_TONE[r.status]}>{RFQ_STATUS_LABELS[r.status]}</Badge>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Pager page={data.page} pageSize={data.pageSize} total={data.total} href={(p) => (p > 1 ? `${base}?page=${p}` : base)} />
    </>
  );
}
