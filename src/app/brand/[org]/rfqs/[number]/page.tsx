import { BrandRfqPage } from "~/components/rfqs/brand-rfq-page";

export const metadata = { title: "Request for quote" };

type Props = { params: Promise<{ org: string; number: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ params, searchParams }: Props) {
  const { org, number } = await params;
  const thread = (await searchParams).thread;
  return <BrandRfqPage slug={org} numberParam={number} thread={typeof thread === "string" ? thread : undefined} />;
}
