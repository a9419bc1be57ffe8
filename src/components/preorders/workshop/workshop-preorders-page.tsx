import { Gem } from "lucide-react";
import { formatDay } from "~/components/payments/format";
import { PageHeader } from "~/components/portal/portal-layout";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { can } from "~/lib/permissions";
import { loadPortal } from "~/server/portal";
import { api } from "~/trpc/server";
import { WorkshopCampaignCard } from "./workshop-campaign-card";

/**
 * The preorder campaigns a workshop makes for brands: quantities by size and the consent each brand asks
 * for to show the workshop's artisans. Never a customer: the procedure's output has no field for one.
 */
export async function WorkshopPreordersPage({ slug }: { slug: string }) {
  const { org, role } = await loadPortal("workshop", slug);
  const header = <PageHeader title="Preorders" description="Brands sell pieces you make ahead to their customers. You see the quantities by size, never who reserved." />;
  if (!can(role, "preorders.consent")) {
    return (
      <>
        {header}
        <Card>
          <EmptyState icon={<Gem />} title="Owners and admins see preorders" description="Ask an owner or admin of your workshop to show you the brands' preorder campaigns or to answer their requests." />
        </Card>
      </>
    );
  }
  const campaigns = await (await api()).preorderWorkshop.list({ orgId: org.id });
  return (
    <>
      {header}
      {campaigns.length === 0 ? (
        <Card>
          <EmptyState
            icon={<Gem />}
            title="No preorder campaigns yet"
            description="When a brand opens a preorder for a design you make, or asks to show your artisans on its page, the campaign appears here."
          />
        </Card>
      ) : (
        <ul className="flex flex-col gap-4" aria-label="Preorder campaigns">
          {campaigns.map((c) => (
            <li key={c.id}>
              <WorkshopCampaignCard
                orgId={org.id}
                campaign={{
                  ...c,
                  window: `${formatWhen(c.opensAt)} – ${formatWhen(c.closesAt)}`,
                  windowState: windowState(c),
                  expected: formatDay(c.expectedDeliveryOn),
                  forecast: c.forecastDeliveryOn ? formatDay(c.forecastDeliveryOn) : null,
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

const whenFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const formatWhen = (d: Date) => whenFormat.format(d);

function windowState(c: { opensAt: Date; closesAt: Date }): "upcoming" | "open" | "ended" {
  const now = new Date();
  return now < c.opensAt ? "upcoming" : now >= c.closesAt ? "ended" : "open";
}
