import { PaymentsListPage } from "~/components/payments/payments-list-page";

export const metadata = { title: "Payments" };

export default async function Page({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <PaymentsListPage kind="brand" slug={(await params).org} searchParams={await searchParams} />;
}
