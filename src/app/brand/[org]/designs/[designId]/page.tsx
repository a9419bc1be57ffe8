import { DesignPage } from "~/components/designs/design-page";

export const metadata = { title: "Design" };

export default async function Page({ params }: { params: Promise<{ org: string; designId: string }> }) {
  const { org, designId } = await params;
  return <DesignPage slug={org} designId={designId} />;
}
