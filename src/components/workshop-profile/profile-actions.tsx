"use client";

import { useQueries, useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { can } from "~/lib/permissions";
import { useSessionUser } from "~/components/public/session-user";
import { useTRPC } from "~/trpc/react";
import { SignedOutActions } from "./signed-out-actions";

// Only signed-in brand members get these controls (and the sample request form with its validation), so
// visitors, who are most of a public profile's readers, do not download them.
const ProfileActionsClient = dynamic(() => import("./profile-actions-client").then((m) => m.ProfileActionsClient));

/**
 * "Save to shortlist" and "Request a sample" on a workshop's public profile, for a signed-in member of at
 * least one brand; nothing for other signed-in people. With several brands, the last one used is preselected and a
 * select switches between them. A visitor who is not signed in is offered to sign up or sign in.
 *
 * Loaded in the browser: the profile itself is the same page for everyone (and cacheable), so nothing of the
 * session is rendered on the server. The procedures are the ones the server used to call, with their checks.
 */
export function ProfileActions({ workshopOrgId, workshopSlug }: { workshopOrgId: string; workshopSlug: string }) {
  const trpc = useTRPC();
  const { user } = useSessionUser();
  const mine = useQuery({ ...trpc.organization.mine.queryOptions(), enabled: !!user, retry: false });
  const brands = (mine.data ?? []).filter((o) => o.kind === "brand" && can(o.role, "shortlist.view"));
  const current = brands.find((b) => b.id === user?.lastOrgId) ?? brands[0];
  const options = useQuery({
    ...trpc.sampleRequest.requestOptions.queryOptions({ orgId: current?.id ?? "", workshopOrgId }),
    enabled: !!current,
    retry: false,
  });
  const entries = useQueries({
    queries: brands.map((b) => ({ ...trpc.shortlist.entryFor.queryOptions({ orgId: b.id, workshopOrgId }), retry: false })),
  });

  if (!user) return <SignedOutActions workshopSlug={workshopSlug} />;
  if (!current || !options.data || entries.some((e) => e.isPending)) return null;
  // An unpublished workshop (NOT_FOUND) or one renamed meanwhile cannot be saved or asked for samples here.
  if (options.data.workshop.slug !== workshopSlug || entries.some((e) => e.isError)) return null;
  return (
    <ProfileActionsClient
      brands={brands.map((b, i) => ({
        id: b.id,
        name: b.name,
        slug: b.slug,
        entryId: entries[i]?.data?.id ?? null,
        canShortlist: can(b.role, "shortlist.edit"),
        canRequest: can(b.role, "samples.request"),
      }))}
      defaultBrandId={current.id}
      workshop={options.data.workshop}
      pieces={options.data.pieces}
    />
  );
}
