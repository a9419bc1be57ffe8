import { loadWorkshopSample } from "~/components/sample-requests/workshop-sample-page";

/** Checks that the request exists before anything streams, so an unknown id answers 404 (see the loader). */
export default async function Layout({ children, params }: { children: React.ReactNode; params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  await loadWorkshopSample(org, id);
  return children;
}
