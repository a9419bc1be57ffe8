import { loadBrandRfq } from "~/components/rfqs/brand-rfq-page";

/** Checks that the request exists before anything streams, so an unknown number answers 404. */
export default async function Layout({ children, params }: { children: React.ReactNode; params: Promise<{ org: string; number: string }> }) {
  const { org, number } = await params;
  await loadBrandRfq(org, number);
  return children;
}
