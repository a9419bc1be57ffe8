import { Inbox } from "lucide-react";
import Link from "next/link";
import { PageHeader } from "~/components/portal/portal-layout";
import { formatDay } from "~/components/sample-requests/format";
import { Badge } from "~/components/ui/badge";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { Pager, pageParam } from "~/components/ui/pager";
import { QUOTE_VERSION_STATUS_LABELS, RFQ_INVITATION_STATUS_LABELS, rfqNumberLabel } from "~/lib/rfq-schemas";
import { loadPortal } from "~/server/portal";
import { api } from "~/trpc/server";
import { INVITATION_TONE } from "./format";

/** The RFQs sent to this workshop, newest first. */
export async function WorkshopRfqInboxPage({ slug, searchParams }: { slug: string; searchParams: Record<string, string | string[] | undefined> }) {
  const { org } = await loadPortal("workshop", slug);
  const page = pageParam(searchParams.page);
  const data = await (await api()).quote.inbox({ orgId: org.id, page });
  const base = `/workshop/${org.slug}/rfqs`;
  return (
    <>
      <PageHeader title="Requests for quote" description="Brands asking for your prices on their designs. Quote with tiers and a MOQ, or decline with a reason." />
      <Card>
        {data.items.length === 0 ? (
          <EmptyState icon={<Inbox />} title="No requests for quote yet" description="Brands send requests to workshops they shortlist from the directory. A complete, published profile gets more of them." />
        ) : (
          <ul className="divide-y divide-line">
            {data.items.map((r) => (
              <li key={r.invitationId}>
                <Link href={`${base}/${r.invitationId}`} className="flex flex-col gap-1 px-4 py-3 hover:bg-sunken sm:flex-row sm:items-center sm:justify-between">
                  <span>
                    <span className="font-medium">
                      {r.brandName} {rfqNumberLabel(r.rfqNumber)} · {r.title}
                    </span>
                    <span className="block text-sm text-ink-muted">
                      Quotes by {formatDay(r.deadline)} · delivery by {formatDay(r.targetDate)}
                      {r.quoteStatus ? ` · your quote: ${QUOTE_VERSION_STATUS_LABELS[r.quoteStatus].toLowerCase()}` : ""}
                      {r.unread > 0 ? ` · ${r.unread} unread message${r.unread === 1 ? "" : "s"}` : ""}
                    </span>
                  </span>
                  <Badge tone={INVITATION_TONE[r.invitationStatus]}>{RFQ_INVITATION_STATUS_LABELS[r.invitationStatus]}</Badge>
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
