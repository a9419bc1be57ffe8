import { DashboardPage } from "~/components/portal/dashboard-page";

export const metadata = { title: "Dashboard" };

export default async function Page({ params }: { params: Promise<{ org: string }> }) {
  return <DashboardPage kind="workshop" slug={(await params).org} />;
}
