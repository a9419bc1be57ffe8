import { ShortlistPage } from "~/components/shortlist/shortlist-page";

export const metadata = { title: "Shortlist" };

type Props = { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ params, searchParams }: Props) {
  return <ShortlistPage slug={(await params).org} searchParams={await searchParams} />;
}
