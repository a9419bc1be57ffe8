import { WorkshopRfqInboxPage } from "~/components/rfqs/workshop-rfq-inbox-page";

export const metadata = { title: "Requests for quote" };

type Props = { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ params, searchParams }: Props) {
  return <WorkshopRfqInboxPage slug={(await params).org} searchParams={await searchParams} />;
}
