import { loadOrder } from "~/components/rfqs/order-pages";

/** Checks that the order is this organization's before anything streams, so another answers 404. */
export default async function Layout({ children, params }: { children: React.ReactNode; params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  await loadOrder("workshop", org, id);
  return children;
}
