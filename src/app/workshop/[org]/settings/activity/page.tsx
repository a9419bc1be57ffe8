import { SettingsActivityPage } from "~/components/portal/settings-activity-page";

export const metadata = { title: "Activity" };

export default async function Page({ params }: { params: Promise<{ org: string }> }) {
  return <SettingsActivityPage kind="workshop" slug={(await params).org} />;
}
