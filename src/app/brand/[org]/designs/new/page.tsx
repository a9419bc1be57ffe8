import { NewDesignPage } from "~/components/designs/designs-list-page";

export const metadata = { title: "New design" };

type Props = { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ params, searchParams }: Props) {
  return <NewDesignPage slug={(await params).org} searchParams={await searchParams} />;
}
