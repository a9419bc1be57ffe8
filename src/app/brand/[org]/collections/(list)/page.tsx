import { CollectionsPage } from "~/components/designs/collections-page";

export const metadata = { title: "Collections" };

type Props = { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ params, searchParams }: Props) {
  return <CollectionsPage slug={(await params).org} searchParams={await searchParams} />;
}
