import { WorkshopSamplePage } from "~/components/sample-requests/workshop-sample-page";

export const metadata = { title: "Sample request" };

export default async function Page({ params }: { params: Promise<{ org: string; ref: string }> }) {
  const { org, ref } = await params;
  return <WorkshopSamplePage slug={org} refParam={ref} />;
}
