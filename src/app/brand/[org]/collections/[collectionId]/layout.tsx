import { loadCollection } from "~/components/designs/loaders";

/** Checks that the collection exists before anything streams, so an unknown id answers 404. */
export default async function Layout({ children, params }: { children: React.ReactNode; params: Promise<{ org: string; collectionId: string }> }) {
  const { org, collectionId } = await params;
  await loadCollection(org, collectionId);
  return children;
}
