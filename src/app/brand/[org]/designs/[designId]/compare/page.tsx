import { ComparePage } from "~/components/designs/compare-page";

export const metadata = { title: "Compare revisions" };

type Props = { params: Promise<{ org: string; designId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ params, searchParams }: Props) {
  const { org, designId } = await params;
  return <ComparePage slug={org} designId={designId} searchParams={await searchParams} />;
}
