import { BrandSamplePage } from "~/components/sample-requests/brand-sample-page";

export const metadata = { title: "Sample request" };

export default async function Page({ params }: { params: Promise<{ org: string; number: string }> }) {
  const { org, number } = await params;
  return <BrandSamplePage slug={org} numberParam={number} />;
}
