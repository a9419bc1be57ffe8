import { ProfileArtisansPage } from "~/components/workshop-profile/editor-pages";

export const metadata = { title: "Artisans · Workshop profile" };

export default async function Page({ params }: { params: Promise<{ org: string }> }) {
  return <ProfileArtisansPage slug={(await params).org} />;
}
