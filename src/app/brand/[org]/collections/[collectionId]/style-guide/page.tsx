import { StyleGuidePage } from "~/components/designs/collection-page";

export const metadata = { title: "Style guide" };

export default async function Page({ params }: { params: Promise<{ org: string; collectionId: string }> }) {
  const { org, collectionId } = await params;
  return <StyleGuidePage slug={org} collectionId={collectionId} />;
}
