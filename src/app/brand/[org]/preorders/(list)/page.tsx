import { CampaignsListPage } from "~/components/preorders/brand/campaigns-list-page";

export const metadata = { title: "Preorders" };

type Props = { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ params, searchParams }: Props) {
  return <CampaignsListPage slug={(await params).org} page={(await searchParams).page} />;
}
