import { CampaignEditorPage } from "~/components/preorders/brand/campaign-editor-page";

export const metadata = { title: "Preorder campaign" };

export default async function Page({ params }: { params: Promise<{ org: string; campaign: string }> }) {
  const { org, campaign } = await params;
  return <CampaignEditorPage orgSlug={org} campaignId={campaign} />;
}
