import { CollectionPage } from "~/components/designs/collection-page";

export const metadata = { title: "Collection" };

export default async function Page({ params }: { params: Promise<{ org: string; collectionId: string }> }) {
  const { org, collectionId } = await params;
  return <CollectionPage slug={org} collectionId={collectionId} />;
}
