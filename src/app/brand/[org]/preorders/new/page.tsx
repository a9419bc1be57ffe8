import { NewCampaignPage } from "~/components/preorders/brand/new-campaign-page";

export const metadata = { title: "New preorder campaign" };

export default async function Page({ params }: { params: Promise<{ org: string }> }) {
  return <NewCampaignPage orgSlug={(await params).org} />;
}
