import { WorkshopPreordersPage } from "~/components/preorders/workshop/workshop-preorders-page";

export const metadata = { title: "Preorders" };

export default async function Page({ params }: { params: Promise<{ org: string }> }) {
  return <WorkshopPreordersPage slug={(await params).org} />;
}
