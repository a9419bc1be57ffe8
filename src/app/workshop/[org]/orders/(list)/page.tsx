import { OrdersListPage } from "~/components/orders/orders-list-page";

export const metadata = { title: "Orders" };

type Props = { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ params, searchParams }: Props) {
  return <OrdersListPage kind="workshop" slug={(await params).org} searchParams={await searchParams} />;
}
