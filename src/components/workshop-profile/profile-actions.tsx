import { TRPCError } from "@trpc/server";
import { can } from "~/lib/permissions";
import { currentUser } from "~/server/portal";
import { api } from "~/trpc/server";
import { ProfileActionsClient } from "./profile-actions-client";
import { SignedOutActions } from "./signed-out-actions";

/**
 * "Save to shortlist" and "Request a sample" on a workshop's public profile, for a signed-in member of at
 * least one brand; nothing for other signed-in people. With several brands, the last one used is preselected and a
 * select switches between them. A visitor who is not signed in is offered to sign up or sign in.
 */
export async function ProfileActions({ workshopOrgId, workshopSlug }: { workshopOrgId: string; workshopSlug: string }) {
  const user = await currentUser();
  if (!user) return <SignedOutActions workshopSlug={workshopSlug} />;
  const caller = await api();
  const brands = (await caller.organization.mine()).filter((o) => o.kind === "brand" && can(o.role, "shortlist.view"));
  if (brands.length === 0) return null;
  const current = brands.find((b) => b.id === user.lastOrgId) ?? brands[0]!;

  const options = await caller.sampleRequest.requestOptions({ orgId: current.id, workshopOrgId }).catch((err: unknown) => {
    // An unpublished workshop cannot be saved or asked for samples.
    if (err instanceof TRPCError && err.code === "NOT_FOUND") return null;
    throw err;
  });
  if (!options || options.workshop.slug !== workshopSlug) return null;

  const entries = await Promise.all(brands.map((b) => caller.shortlist.entryFor({ orgId: b.id, workshopOrgId })));
  return (
    <ProfileActionsClient
      brands={brands.map((b, i) => ({
        id: b.id,
        name: b.name,
        slug: b.slug,
        entryId: entries[i]?.id ?? null,
        canShortlist: can(b.role, "shortlist.edit"),
        canRequest: can(b.role, "samples.request"),
      }))}
      defaultBrandId={current.id}
      workshop={options.workshop}
      pieces={options.pieces}
    />
  );
}
