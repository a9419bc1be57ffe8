import { notFound } from "next/navigation";
import { CampaignDashboard } from "~/components/preorders/dashboard/campaign-dashboard";

export const metadata = { title: "Campaign dashboard" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function Page({ params, searchParams }: { params: Promise<{ org: string; campaign: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { org, campaign } = await params;
  if (!UUID.test(campaign)) notFound();
  return <CampaignDashboard orgSlug={org} campaignId={campaign} searchParams={await searchParams} />;
}
