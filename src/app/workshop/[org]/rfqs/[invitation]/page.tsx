import { WorkshopRfqPage } from "~/components/rfqs/workshop-rfq-page";

export const metadata = { title: "Request for quote" };

export default async function Page({ params }: { params: Promise<{ org: string; invitation: string }> }) {
  const { org, invitation } = await params;
  return <WorkshopRfqPage slug={org} invitationId={invitation} />;
}
