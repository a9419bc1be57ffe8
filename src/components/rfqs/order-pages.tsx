import { TRPCError } from "@trpc/server";
import { ClipboardList, FileDown } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { OrderTimeline } from "~/components/milestones/order-timeline";
import { OrderReviewPanel } from "~/components/orders/review-panel";
import { OrderActivity } from "~/components/orders/order-activity";
import { OrderMessages } from "~/components/orders/order-messages";
import { OrderStatusActions } from "~/components/orders/order-status-actions";
import { OrderPayments } from "~/components/payments/order-payments";
import { PageHeader } from "~/components/portal/portal-layout";
import { formatDate, formatDay } from "~/components/sample-requests/format";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { Badge } from "~/components/ui/badge";
import { EmptyState } from "~/components/ui/empty-state";
import { Pager, pageParam } from "~/components/ui/pager";
import { ORDER_STAGE_LABELS, ORDER_STAGE_TONE } from "~/lib/order-list-schemas";
import { PAYMENT_TERMS_LABELS, rfqNumberLabel } from "~/lib/rfq-schemas";
import type { OrganizationKind } from "~/server/db/schema";
import { loadPortal } from "~/server/portal";
import { api } from "~/trpc/server";
import { money, orderLabel } from "./format";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const loadOrder = cache(async (kind: OrganizationKind, slug: string, orderId: string) => {
  const { org } = await loadPortal(kind, slug);
  if (!UUID.test(orderId)) notFound();
  const order = await (await api()).order.get({ orgId: org.id, orderId }).catch((err: unknown) => {
    if (err instanceof TRPCError && (err.code === "NOT_FOUND" || err.code === "BAD_REQUEST")) notFound();
    throw err;
  });
  return { org, order };
});

/** An order, for both parties: its lines pinned to revisions and sizes, the snapshot of the quote's terms and prices. */
export async function OrderPage({ kind, slug, orderId }: { kind: OrganizationKind; slug: string; orderId: string }) {
  const { org, order } = await loadOrder(kind, slug, orderId);
  const other = kind === "brand" ? order.workshop.name : order.brand.name;
  const rfqHref = kind === "brand" ? `/brand/${org.slug}/rfqs/${order.rfq.number}` : order.rfq.invitationId ? `/workshop/${org.slug}/rfqs/${order.rfq.invitationId}` : null;
  const c = order.currency;
  const base = `/${kind}/${org.slug}/orders/${order.id}`;
  return (
    <>
      <PageHeader
        title={`Order ${orderLabel(order)}`}
        action={
          // A plain link: the file downloads, no script needed.
          <a href={`${base}/purchase-order`} download className="inline-flex h-10 items-center gap-2 rounded-md border border-line-strong bg-surface px-4 text-sm font-medium hover:bg-sunken">
            <FileDown aria-hidden className="size-4" /> Purchase order (PDF)
          </a>
        }
        description={
          <>
            {kind === "brand" ? "To" : "From"} {other} · placed {formatDate(order.createdAt)} · from quote version {order.quoteVersionNumber} on{" "}
            {rfqHref ? (
              <Link href={rfqHref} className="underline">
                {rfqNumberLabel(order.rfq.number)} {order.rfq.title}
              </Link>
            ) : (
              `${rfqNumberLabel(order.rfq.number)} ${order.rfq.title}`
            )}
          </>
        }
      />
      <section aria-labelledby="order-status-heading" className="mb-4 flex flex-col gap-3 rounded-lg border border-line bg-surface p-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="flex min-w-0 flex-col gap-1 text-sm">
          <h2 id="order-status-heading" className="flex flex-wrap items-center gap-2 font-medium">
            Status <Badge tone={ORDER_STAGE_TONE[order.stage]}>{ORDER_STAGE_LABELS[order.stage]}</Badge>
          </h2>
          {order.stage === "cancelled" && (
            <p className="break-words text-ink-muted">
              Cancelled{order.cancelledAt ? ` on ${formatDate(order.cancelledAt)}` : ""}
              {order.cancelReason ? (
                <>
                  : <span className="whitespace-pre-wrap text-ink">{order.cancelReason}</span>
                </>
              ) : (
                "."
              )}
            </p>
          )}
          {order.stage === "closed" && <p className="text-ink-muted">Closed{order.closedAt ? ` on ${formatDate(order.closedAt)}` : ""} after delivery. Nothing more changes on it.</p>}
          {order.stage === "delivered" && kind === "brand" && order.statusActions.length === 0 && <p className="text-ink-muted">An owner or admin of {org.name} closes the order.</p>}
        </div>
        <OrderStatusActions orgId={org.id} orderId={order.id} orderLabel={orderLabel(order)} otherName={other} actions={order.statusActions} />
      </section>
      <div className="mb-4">
        <OrderTimeline orgId={org.id} orderId={order.id} side={kind} benchHref={kind === "workshop" ? `${base}/bench` : undefined} depositLabel={money(order.depositMinor, c)} />
      </div>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Card>
          <CardHeader title="Lines" />
          <ul className="divide-y divide-line text-sm">
            {order.lines.map((l) => (
              <li key={l.id} className="flex flex-col gap-1 px-4 py-3">
                <span className="flex justify-between gap-2 font-medium">
                  <span>
                    {l.designName} ({l.sku}) · revision {l.revisionNumber}
                  </span>
                  <span>{money(l.lineTotalMinor, c)}</span>
                </span>
                <span className="text-ink-muted">
                  {l.quantity} pieces at {money(l.tierUnitPriceMinor, c)}: {l.sizes.map((s) => `${s.size} × ${s.quantity}${s.surchargeMinor ? ` (+${money(s.surchargeMinor, c)})` : ""}`).join(", ")}
                </span>
                {l.fees.length > 0 && <span className="text-ink-muted">{l.fees.map((f) => `${f.label} ${money(f.amountMinor, c)}`).join(" · ")}</span>}
              </li>
            ))}
          </ul>
        </Card>
        <Card>
          <CardHeader title="Totals and terms" />
          <CardBody>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="text-ink-muted">Pieces</dt>
              <dd>{money(order.piecesTotalMinor, c)}</dd>
              <dt className="text-ink-muted">One-time fees</dt>
              <dd>{money(order.feesTotalMinor, c)}</dd>
              <dt className="font-medium">Total</dt>
              <dd className="font-medium">{money(order.totalMinor, c)}</dd>
              <dt className="text-ink-muted">Deposit ({order.depositPercent}%)</dt>
              <dd>{money(order.depositMinor, c)}</dd>
              <dt className="text-ink-muted">Balance</dt>
              <dd>{money(order.balanceMinor, c)}</dd>
              <dt className="text-ink-muted">Payment</dt>
              <dd>
                {PAYMENT_TERMS_LABELS[order.paymentTerms]}
                {order.balanceMilestone ? `: ${order.balanceMilestone}` : ""}
              </dd>
              <dt className="text-ink-muted">Lead time</dt>
              <dd>{order.leadTimeDays} business days</dd>
              <dt className="text-ink-muted">Quoted delivery</dt>
              <dd>{formatDay(order.expectedDeliveryDate)}</dd>
            </dl>
            {order.quoteNotes && <p className="mt-3 whitespace-pre-wrap text-sm text-ink-muted">{order.quoteNotes}</p>}
          </CardBody>
        </Card>
      </div>
      <OrderReviewPanel kind={kind} slug={slug} orderId={orderId} />
      <OrderMessages orgId={org.id} invitationId={order.rfq.invitationId} otherName={other} />
      <OrderActivity orgId={org.id} orderId={order.id} />
      <div className="mt-4"><OrderPayments orgId={org.id} orderId={order.id} side={kind} /></div>
    </>
  );
}

export async function OrdersListPage({ kind, slug, searchParams }: { kind: OrganizationKind; slug: string; searchParams: Record<string, string | string[] | undefined> }) {
  const { org } = await loadPortal(kind, slug);
  const page = pageParam(searchParams.page);
  const data = await (await api()).order.list({ orgId: org.id, page });
  const base = `/${kind}/${org.slug}/orders`;
  return (
    <>
      <PageHeader title="Orders" description={kind === "brand" ? "Quotes you accepted, with their terms and prices as accepted." : "Orders from brands that accepted your quotes."} />
      <Card>
        {data.items.length === 0 ? (
          <EmptyState icon={<ClipboardList />} title="No orders yet" description={kind === "brand" ? "Accept a quote on the comparison page of a request for quote." : "An order appears here when a brand accepts one of your quotes."} />
        ) : (
          <ul className="divide-y divide-line">
            {data.items.map((o) => (
              <li key={o.id}>
                <Link href={`${base}/${o.id}`} className="flex flex-col gap-1 px-4 py-3 hover:bg-sunken sm:flex-row sm:justify-between">
                  <span className="font-medium">
                    {orderLabel(o)} · {o.counterparty.name}
                  </span>
                  <span className="text-sm text-ink-muted">
                    {money(o.totalMinor, o.currency)} · expected {formatDay(o.expectedDeliveryDate)}
                  </span>
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
