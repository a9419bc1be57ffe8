import { notFound } from "next/navigation";
import { CampaignProduction } from "~/components/preorders/production/campaign-production";

export const metadata = { title: "Campaign production" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function Page({ params }: { params: Promise<{ org: string; campaign: string }> }) {
  const { org, campaign } = await params;
  if (!UUID.test(campaign)) notFound();
  // The campaign's layout gives the title and the tabs.
  return <CampaignProduction orgSlug={org} campaignId={campaign} />;
}
