import { SettingsProfilePage } from "~/components/portal/settings-profile-page";

export const metadata = { title: "Settings" };

export default async function Page({ params }: { params: Promise<{ org: string }> }) {
  return <SettingsProfilePage kind="brand" slug={(await params).org} />;
}
