import { SettingsLayout } from "~/components/portal/settings-layout";

export default async function Layout({ children, params }: { children: React.ReactNode; params: Promise<{ org: string }> }) {
  return (
    <SettingsLayout kind="brand" slug={(await params).org}>
      {children}
    </SettingsLayout>
  );
}
