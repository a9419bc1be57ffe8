import { OrderPage } from "~/components/rfqs/order-pages";

export const metadata = { title: "Order" };

export default async function Page({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  return <OrderPage kind="brand" slug={org} orderId={id} />;
}
