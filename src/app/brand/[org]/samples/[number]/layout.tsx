import { loadBrandSample } from "~/components/sample-requests/brand-sample-page";

/** Checks that the request exists before anything streams, so an unknown number answers 404 (see the loader). */
export default async function Layout({ children, params }: { children: React.ReactNode; params: Promise<{ org: string; number: string }> }) {
  const { org, number } = await params;
  await loadBrandSample(org, number);
  return children;
}
