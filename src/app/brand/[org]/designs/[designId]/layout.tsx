import { loadDesign } from "~/components/designs/loaders";

/** Checks that the design exists before anything streams, so an unknown id answers 404. */
export default async function Layout({ children, params }: { children: React.ReactNode; params: Promise<{ org: string; designId: string }> }) {
  const { org, designId } = await params;
  await loadDesign(org, designId);
  return children;
}
