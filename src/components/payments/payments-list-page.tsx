import { Wallet } from "lucide-react";
import Link from "next/link";
import { PageHeader } from "~/components/portal/portal-layout";
import { Badge } from "~/components/ui/badge";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { Pager, pageParam } from "~/components/ui/pager";
import { PAYMENT_KIND_LABELS, PAYMENT_METHOD_LABELS, PAYMENT_STATUS_LABELS } from "~/lib/payment-schemas";
import type { OrganizationKind } from "~/server/db/schema";
import { loadPortal } from "~/server/portal";
import { api } from "~/trpc/server";
import { ExportCsvButton } from "./export-csv-button";
import { formatDay, money, PAYMENT_STATUS_TONE } from "./format";

/** One organization's payments, newest first, with the CSV of them all. */
export async function PaymentsListPage({ kind, slug, searchParams }: { kind: OrganizationKind; slug: string; searchParams: Record<string, string | string[] | undefined> }) {
  const { org } = await loadPortal(kind, slug);
  const page = pageParam(searchParams.page);
  const caller = await api();
  const data = kind === "brand" ? await caller.payment.brandList({ orgId: org.id, page }) : await caller.payment.workshopList({ orgId: org.id, page });
  const base = `/${kind}/${org.slug}`;
  return (
    <>
      <PageHeader
        title="Payments"
        description={kind === "brand" ? "Deposits, balances and sample fees you pay to workshops." : "Deposits, balances and sample fees brands pay you."}
        action={data.total > 0 ? <ExportCsvButton orgId={org.id} side={kind} /> : undefined}
      />
      <Card>
        {data.items.length === 0 ? (
          <EmptyState icon={<Wallet />} title="No payments yet" description="An order's deposit and balance appear here when a quote is accepted." />
        ) : (
          <ul className="divide-y divide-line">
            {data.items.map((p) => (
              <li key={p.id} className="flex flex-col sm:flex-row sm:items-center">
                <Link href={p.orderId ? `${base}/orders/${p.orderId}` : `${base}/samples`} className="flex flex-1 flex-col gap-1 px-4 py-3 text-sm hover:bg-sunken sm:flex-row sm:items-center sm:justify-between">
                  <span className="flex flex-col">
                    <span className="font-medium">
                      {PAYMENT_KIND_LABELS[p.kind]} · {p.subject} · {p.counterparty}
                    </span>
                    <span className="text-ink-muted">
                      {p.paidOn ? `Paid ${formatDay(p.paidOn)}` : p.dueOn ? `Due ${formatDay(p.dueOn)}` : "Due when the terms say"}
                      {p.method ? ` · ${PAYMENT_METHOD_LABELS[p.method]}` : ""}
                      {p.refundedMinor > 0 ? ` · ${money(p.refundedMinor, p.currency)} refunded` : ""}
                    </span>
                  </span>
                  <span className="flex items-center gap-2">
                    <span className="font-medium">{money(p.amountMinor, p.currency)}</span>
                    <Badge tone={PAYMENT_STATUS_TONE[p.status]}>{PAYMENT_STATUS_LABELS[p.status]}</Badge>
                  </span>
                </Link>
                {(p.status === "paid" || p.status === "partially_refunded" || p.status === "refunded") && (
                  <a href={`${base}/payments/${p.id}/receipt`} download aria-label={`Receipt (PDF): ${PAYMENT_KIND_LABELS[p.kind]} · ${p.subject}`} className="px-4 pb-3 text-sm font-medium text-brass-700 hover:underline sm:py-3">
                    Receipt (PDF)
                  </a>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Pager page={data.page} pageSize={data.pageSize} total={data.total} href={(n) => `${base}/payments?page=${n}`} />
    </>
  );
}
