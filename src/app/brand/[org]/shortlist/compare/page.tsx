import { ComparePage } from "~/components/shortlist/compare-page";

export const metadata = { title: "Compare workshops" };

type Props = { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ params, searchParams }: Props) {
  return <ComparePage slug={(await params).org} searchParams={await searchParams} />;
}
