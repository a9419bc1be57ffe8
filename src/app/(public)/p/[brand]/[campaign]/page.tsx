import type { Metadata } from "next";
import { CampaignPage } from "~/components/preorders/public/campaign-page";
import { loadPublicCampaign } from "~/components/preorders/public/data";

type Props = { params: Promise<{ brand: string; campaign: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { brand, campaign } = await params;
  const c = await loadPublicCampaign(brand, campaign);
  const description = `${c.brand.name} preorder: ${c.left} of ${c.totalCap} left. Delivery ${c.deliveryOn}.`;
  return { title: `${c.title} — ${c.brand.name}`, description, openGraph: { title: c.title, description, type: "website" }, twitter: { card: "summary_large_image", title: c.title, description } };
}

export default async function Page({ params }: Props) {
  const { brand, campaign } = await params;
  return <CampaignPage c={await loadPublicCampaign(brand, campaign)} />;
}
