import { ProfilePortfolioPage } from "~/components/workshop-profile/editor-pages";

export const metadata = { title: "Portfolio · Workshop profile" };

export default async function Page({ params }: { params: Promise<{ org: string }> }) {
  return <ProfilePortfolioPage slug={(await params).org} />;
}
