import { TRPCError } from "@trpc/server";
import { BarChart3 } from "lucide-react";
import { notFound } from "next/navigation";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { can } from "~/lib/permissions";
import { PREORDER_CAMPAIGN_STATUS_LABELS } from "~/lib/preorder-vocabulary";
import { loadPortal } from "~/server/portal";
import { api } from "~/trpc/server";
import { EmailCustomersDialog } from "./email-customers-dialog";
import { ExportReservationsButton } from "./export-reservations-button";
import { FigureCards } from "./figure-cards";
import { filtersOf } from "./filters";
import { ReservationsList } from "./reservations-list";
import { SizeTable } from "./size-table";
import { UnitsChart } from "./units-chart";

/** Another brand's campaign, or one that is gone, is a page that does not exist. */
function missing(err: unknown): never {
  if (err instanceof TRPCError && (err.code === "NOT_FOUND" || err.code === "BAD_REQUEST")) notFound();
  throw err;
}

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * A preorder campaign's dashboard, the brand's alone: figures, the units over time and by size, and the
 * customers' reservations to search, export, refund and email. Names and emails appear nowhere else.
 */
export async function CampaignDashboard({ orgSlug, campaignId, searchParams }: { orgSlug: string; campaignId: string; searchParams: SearchParams }) {
  const { org, role } = await loadPortal("brand", orgSlug);
  const filters = filtersOf(searchParams);
  const caller = await api();
  const [data, list] = await Promise.all([
    caller.preorderDashboard.get({ orgId: org.id, campaignId }),
    caller.preorderDashboard.reservations({ orgId: org.id, campaignId, status: filters.status, size: filters.size, q: filters.q, page: filters.page }),
  ]).catch(missing);
  const base = `/brand/${org.slug}/preorders/${campaignId}/dashboard`;
  const { campaign } = data;
  const date = (d: Date) => d.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: org.timeZone });
  const csvFilters = { status: filters.status, size: filters.size, q: filters.q };

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-col gap-1">
        <h2 className="text-lg font-semibold">
          Dashboard <span className="sr-only">of {campaign.title}</span>
        </h2>
        <p className="text-sm text-ink-muted">
          {campaign.title} · {PREORDER_CAMPAIGN_STATUS_LABELS[campaign.status]} · window {date(campaign.opensAt)} to {date(campaign.closesAt)}
        </p>
      </div>

      <FigureCards data={data} />

      {data.reservations === 0 ? (
        <Card>
          <EmptyState
            icon={<BarChart3 />}
            title="No reservations yet"
            description={
              campaign.status === "draft"
                ? "Publish the campaign: reservations, payments and the page's views show here as they come."
                : "Share the campaign's page: reservations, payments and views show here as they come."
            }
          />
        </Card>
      ) : (
        <>
          <div className="grid gap-5 lg:grid-cols-5">
            <Card className="lg:col-span-3">
              <CardHeader title="Over time" description="Units reserved and paid, running totals by day (UTC)." />
              <CardBody>
                <UnitsChart days={data.days} />
              </CardBody>
            </Card>
            <Card className="lg:col-span-2">
              <CardHeader title="By size" description="Paid and awaiting payment, against each size's cap." />
              <CardBody>
                <SizeTable sizes={data.sizes} totalCap={campaign.totalCap} />
              </CardBody>
            </Card>
          </div>

          <Card>
            <CardHeader
              title="Reservations"
              description={`${list.total.toLocaleString("en-GB")} ${list.total === 1 ? "reservation" : "reservations"}${filters.status || filters.size !== null || filters.q ? " match" : " in all"}. Customers' names and emails are yours alone: the workshop sees quantities only.`}
              action={
                <div className="flex flex-wrap gap-2">
                  {can(role, "preorders.manage") && <EmailCustomersDialog orgId={org.id} campaignId={campaign.id} byStatus={data.byStatus} />}
                  {list.total > 0 && <ExportReservationsButton orgId={org.id} campaignId={campaign.id} filters={csvFilters} />}
                </div>
              }
            />
            <ReservationsList
              orgId={org.id}
              campaignId={campaign.id}
              base={base}
              filters={filters}
              sizes={data.sizes}
              data={list}
              canRefund={can(role, "preorders.refund")}
              timeZone={org.timeZone}
            />
          </Card>
        </>
      )}
    </div>
  );
}
