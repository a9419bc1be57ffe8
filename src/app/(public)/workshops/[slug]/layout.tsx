import { loadPublicProfile } from "~/components/workshop-profile/public-data";

/**
 * Checks that the profile is published before the loading skeleton streams (loading.tsx wraps only the
 * page), so an unknown or unpublished workshop answers with status 404, not 200 with the not-found text.
 */
export default async function Layout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  await loadPublicProfile((await params).slug);
  return children;
}
