import { WorkshopSamplePage } from "~/components/sample-requests/workshop-sample-page";

export const metadata = { title: "Sample request" };

export default async function Page({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  return <WorkshopSamplePage slug={org} requestId={id} />;
}
