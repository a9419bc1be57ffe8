import { loadPublicProfile } from "~/components/workshop-profile/public-data";

/**
 * Checks that the profile is published before anything of the page is sent, so an unknown or unpublished
 * workshop answers with status 404, not 200 with the not-found text.
 *
 * No loading.tsx here (nor on the directory): the page is in the first bytes of the response, readable before
 * any script runs. A loading boundary streamed a skeleton first and the page after it, which the browser
 * could only swap in by running an inline script: the profile's text painted 0.4–1.2 s later on a slow phone.
 */
export default async function Layout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  await loadPublicProfile((await params).slug);
  return children;
}
