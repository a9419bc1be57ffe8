import { loadRevision } from "~/components/designs/loaders";

/** Checks that the revision exists before anything streams, so an unknown number answers 404. */
export default async function Layout({ children, params }: { children: React.ReactNode; params: Promise<{ org: string; designId: string; number: string }> }) {
  const { org, designId, number } = await params;
  await loadRevision(org, designId, number);
  return children;
}
