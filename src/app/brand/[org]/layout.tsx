import { PortalLayout } from "~/components/portal/portal-layout";

export default async function Layout({ children, params }: { children: React.ReactNode; params: Promise<{ org: string }> }) {
  return (
    <PortalLayout kind="brand" slug={(await params).org}>
      {children}
    </PortalLayout>
  );
}
