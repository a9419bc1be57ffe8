import { CampaignHeader } from "~/components/preorders/brand/campaign-header";
import { loadCampaign } from "~/components/preorders/brand/loaders";

/** Checks the campaign exists before anything streams (an unknown or malformed id answers 404), then its header and tabs. */
export default async function Layout({ children, params }: { children: React.ReactNode; params: Promise<{ org: string; campaign: string }> }) {
  const { org, campaign } = await params;
  const loaded = await loadCampaign(org, campaign);
  return (
    <>
      <CampaignHeader orgSlug={loaded.org.slug} campaign={loaded.campaign} />
      {children}
    </>
  );
}
