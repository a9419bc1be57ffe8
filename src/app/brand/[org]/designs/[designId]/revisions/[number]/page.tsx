import { RevisionPage } from "~/components/designs/revision-page";

export const metadata = { title: "Design revision" };

export default async function Page({ params }: { params: Promise<{ org: string; designId: string; number: string }> }) {
  const { org, designId, number } = await params;
  return <RevisionPage slug={org} designId={designId} numberParam={number} />;
}
