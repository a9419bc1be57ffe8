import type { Metadata } from "next";
import { loadPublicProfile } from "~/components/workshop-profile/public-data";
import { PublicWorkshopProfile } from "~/components/workshop-profile/public-profile";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const profile = await loadPublicProfile((await params).slug);
  return { title: profile.name, description: profile.headline || undefined };
}

export default async function Page({ params }: Props) {
  return <PublicWorkshopProfile slug={(await params).slug} />;
}
