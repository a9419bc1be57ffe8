import { loadWorkshopSample } from "~/components/sample-requests/workshop-sample-page";

/** Checks that the request exists before anything streams, so an unknown reference answers 404 (see the loader). */
export default async function Layout({ children, params }: { children: React.ReactNode; params: Promise<{ org: string; ref: string }> }) {
  const { org, ref } = await params;
  await loadWorkshopSample(org, ref);
  return children;
}
