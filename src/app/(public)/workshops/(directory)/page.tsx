import type { Metadata } from "next";
import { DirectoryPage } from "~/components/directory/directory-page";

export const metadata: Metadata = {
  title: "Find workshops",
  description: "Search made-to-order jewelry workshops by capability, metal, gemstone work, minimum order and lead time.",
};

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <DirectoryPage searchParams={await searchParams} />;
}
