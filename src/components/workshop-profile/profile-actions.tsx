"use client";

import dynamic from "next/dynamic";
import { useSessionUser } from "~/components/public/session-user";
import { SignedOutActions } from "./signed-out-actions";

// The brand actions, their queries and the sample request form are downloaded only once someone is signed
// in: visitors, most of a public profile's readers, load none of it.
const SignedInActions = dynamic(() => import("./signed-in-actions"));

/**
 * "Save to shortlist" and "Request a sample" on a workshop's public profile for signed-in brand members; a
 * visitor who is not signed in is offered to sign up or sign in.
 *
 * Loaded in the browser: the profile itself is the same page for everyone (and cacheable), so nothing of the
 * session is rendered on the server.
 */
export function ProfileActions({ workshopOrgId, workshopSlug }: { workshopOrgId: string; workshopSlug: string }) {
  const { user } = useSessionUser();
  if (!user) return <SignedOutActions workshopSlug={workshopSlug} />;
  return <SignedInActions user={user} workshopOrgId={workshopOrgId} workshopSlug={workshopSlug} />;
}
