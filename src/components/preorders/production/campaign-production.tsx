import Link from "next/link";
import { Badge } from "~/components/ui/badge";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { formatMoney } from "~/lib/money";
import { can } from "~/lib/permissions";
import { PREORDER_CAMPAIGN_STATUS_LABELS } from "~/lib/preorder-vocabulary";
import { loadPortal } from "~/server/portal";
import { api } from "~/trpc/server";
import { CancelCampaign, ExtendWindow, LinkProduction, RetryRefunds, ToProduction } from "./production-actions";
import { ProgressPhotos } from "./progress-photos";

/**
 * The production panel of a brand's preorder campaign: paid units by size, progress toward the workshop's
 * minimum and next price tier, the quote or order it is linked to, the step that turns the totals into an
 * RFQ or an order, extending or cancelling when the minimum is not reached, and the progress photos shown
 * on the public page. Quantities only: customers are on the dashboard, never here.
 */
export async function CampaignProduction({ campaignId, orgSlug }: { campaignId: string; orgSlug: string }) {
  const { org, role } = await loadPortal("brand", orgSlug);
  const caller = await api();
  const data = await caller.preorderProduction.get({ orgId: org.id, campaignId });
  const manage = can(role, "preorders.manage");
  const [options, photos] = await Promise.all([
    manage && data.actions.link ? caller.preorderProduction.linkOptions({ orgId: org.id, campaignId }) : Promise.resolve(null),
    data.actions.photos ? caller.preorderProduction.photos({ orgId: org.id, campaignId }) : Promise.resolve([]),
  ]);
  const { campaign, quote, order, rfq } = data;
  const progress = quote?.progress ?? null;
  const base = `/brand/${org.slug}`;
  const date = (d: Date) => d.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: org.timeZone });

  return (
    <section aria-labelledby="production-title" className="flex flex-col gap-4">
      <Card>
        <CardHeader
          title={<span id="production-title">Production</span>}
          description={`${campaign.design} · ${PREORDER_CAMPAIGN_STATUS_LABELS[campaign.status]} · window ${campaign.windowClosed ? "closed" : "closes"} ${date(campaign.closesAt)}`}
        />
        <CardBody className="flex flex-col gap-5">
          <div>
            <p className="text-sm text-ink-muted">
              <span className="text-2xl font-semibold text-ink">{campaign.paidUnits}</span> paid of {campaign.totalCap}
              {campaign.heldUnits > 0 && <> · {campaign.heldUnits} awaiting payment</>}
            </p>
            {progress ? (
              <div className="mt-3 flex flex-col gap-1.5">
                <div
                  role="progressbar"
                  aria-label={progress.moqMet ? "Progress to the next price tier" : "Progress to the workshop's minimum"}
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={progress.percent}
                  className="h-2.5 w-full overflow-hidden rounded-full bg-sunken"
                >
                  <div className={progress.moqMet ? "h-full bg-success" : "h-full bg-brass-500"} style={{ width: `${progress.percent}%` }} />
                </div>
                <p className="flex flex-wrap items-center gap-2 text-sm">
                  <Badge tone={progress.moqMet ? "success" : "warning"}>{progress.moqLabel}</Badge>
                  <span className="text-ink-muted">
                    {progress.tierLabel}
                    {progress.currentTier && <> · now {formatMoney({ amountMinor: progress.currentTier.unitPriceMinor, currency: quote!.currency })} a piece</>}
                  </span>
                </p>
              </div>
            ) : (
              <p className="mt-2 text-sm text-ink-muted">Link a quote or an order to see the progress toward the workshop&apos;s minimum and price tiers.</p>
            )}
          </div>

          <div className="overflow-x-auto">
            <table className="w-full min-w-0 text-sm">
              <caption className="sr-only">Units by size</caption>
              <thead>
                <tr className="text-left text-ink-muted">
                  <th scope="col" className="py-1 pr-4 font-medium">Size</th>
                  <th scope="col" className="py-1 pr-4 text-right font-medium">Paid</th>
                  <th scope="col" className="py-1 text-right font-medium">Awaiting payment</th>
                </tr>
              </thead>
              <tbody>
                {data.sizes.map((s) => (
                  <tr key={s.size} className="border-t border-line">
                    <th scope="row" className="py-1.5 pr-4 font-normal">{s.label}</th>
                    <td className="py-1.5 pr-4 text-right tabular-nums">{s.paidUnits}</td>
                    <td className="py-1.5 text-right tabular-nums">{s.heldUnits}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-ink-muted">Quote</dt>
              <dd>{quote ? `${quote.label} (${quote.status})` : "None linked"}</dd>
            </div>
            <div>
              <dt className="text-ink-muted">Order</dt>
              <dd>{order ? <Link className="underline" href={`${base}/orders/${order.orderId}`}>{order.label}</Link> : "None yet"}</dd>
            </div>
            {rfq && (
              <div>
                <dt className="text-ink-muted">Request for quote</dt>
                <dd>
                  <Link className="underline" href={`${base}/rfqs/${rfq.number}`}>{rfq.label}</Link> ({rfq.status})
                </dd>
              </div>
            )}
            <div>
              <dt className="text-ink-muted">Delivery</dt>
              <dd>
                {campaign.forecastDeliveryOn ? `Forecast ${campaign.forecastDeliveryOn}` : `Expected ${campaign.expectedDeliveryOn}`}
                {campaign.announcedDeliveryOn && campaign.announcedDeliveryOn !== campaign.forecastDeliveryOn && <> · customers told {campaign.announcedDeliveryOn}</>}
                <span className="block text-ink-subtle">Customers are emailed when it moves by more than {campaign.notifyAfterBusinessDays} business days.</span>
              </dd>
            </div>
          </dl>

          {campaign.status === "cancelled" && (
            <p role="status" className="rounded-md bg-danger-soft px-3 py-2 text-sm text-danger">
              Cancelled: {campaign.cancelReason}
              {data.refundsLeft > 0 && <> · {data.refundsLeft} reservation{data.refundsLeft === 1 ? "" : "s"} still to refund</>}
            </p>
          )}

          {manage && (
            <div className="flex flex-col gap-4">
              {options && <LinkProduction orgId={org.id} campaignId={campaignId} options={options} />}
              <div className="flex flex-wrap gap-2">
                {(data.actions.createRfq || data.actions.placeOrder) && (
                  <ToProduction orgId={org.id} campaignId={campaignId} paidUnits={campaign.paidUnits} sizes={data.sizes.filter((s) => s.paidUnits > 0).map((s) => `${s.label}: ${s.paidUnits}`).join(", ")} quoteLabel={quote?.label ?? null} canRfq={data.actions.createRfq} canOrder={data.actions.placeOrder} />
                )}
                {data.actions.extend && <ExtendWindow orgId={org.id} campaignId={campaignId} closesAt={campaign.closesAt.toISOString()} />}
                {data.actions.cancel && <CancelCampaign orgId={org.id} campaignId={campaignId} title={campaign.title} paidUnits={campaign.paidUnits} heldUnits={campaign.heldUnits} />}
                {data.actions.retryRefunds && <RetryRefunds orgId={org.id} campaignId={campaignId} left={data.refundsLeft} />}
              </div>
              {!campaign.windowClosed && campaign.status === "published" && (
                <p className="text-sm text-ink-subtle">The totals go to production once the window closes, on {date(campaign.closesAt)}.</p>
              )}
            </div>
          )}
        </CardBody>
      </Card>
      {data.actions.photos && <ProgressPhotos orgId={org.id} campaignId={campaignId} photos={photos} canManage={manage} />}
    </section>
  );
}
