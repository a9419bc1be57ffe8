import { loadWorkshopRfq } from "~/components/rfqs/workshop-rfq-page";

/** Checks that the invitation is this workshop's before anything streams, so another answers 404. */
export default async function Layout({ children, params }: { children: React.ReactNode; params: Promise<{ org: string; invitation: string }> }) {
  const { org, invitation } = await params;
  await loadWorkshopRfq(org, invitation);
  return children;
}
