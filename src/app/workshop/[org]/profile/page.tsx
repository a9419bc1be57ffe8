import { ProfileDetailsPage } from "~/components/workshop-profile/editor-pages";

export const metadata = { title: "Workshop profile" };

export default async function Page({ params }: { params: Promise<{ org: string }> }) {
  return <ProfileDetailsPage slug={(await params).org} />;
}
