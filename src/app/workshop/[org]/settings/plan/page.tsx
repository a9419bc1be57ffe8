import { SettingsPlanPage } from "~/components/portal/settings-plan-page";

export const metadata = { title: "Plan template" };

export default async function Page({ params }: { params: Promise<{ org: string }> }) {
  return <SettingsPlanPage slug={(await params).org} />;
}
