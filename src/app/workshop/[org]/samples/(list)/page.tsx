import { SamplesListPage } from "~/components/sample-requests/samples-list-page";

export const metadata = { title: "Sample requests" };

type Props = { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ params, searchParams }: Props) {
  return <SamplesListPage kind="workshop" slug={(await params).org} searchParams={await searchParams} />;
}
