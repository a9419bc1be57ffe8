import { SettingsMembersPage } from "~/components/portal/settings-members-page";

export const metadata = { title: "Members" };

export default async function Page({ params }: { params: Promise<{ org: string }> }) {
  return <SettingsMembersPage kind="workshop" slug={(await params).org} />;
}
