"use client";

import { useQueries, useQuery } from "@tanstack/react-query";
import { can } from "~/lib/permissions";
import type { SessionUser } from "~/components/public/session-user";
import { TRPCReactProvider, useTRPC } from "~/trpc/react";
import { ProfileActionsClient } from "./profile-actions-client";

type Props = { user: SessionUser; workshopOrgId: string; workshopSlug: string };

/** With their own tRPC client: this is loaded only for signed-in people, who are the only ones to need it. */
export default function SignedInActions(props: Props) {
  return (
    <TRPCReactProvider>
      <BrandActions {...props} />
    </TRPCReactProvider>
  );
}

/**
 * For a signed-in member of at least one brand; nothing for other signed-in people. With several brands, the
 * last one used is preselected and a select switches between them. The procedures are the ones the server
 * used to call, with their checks.
 */
function BrandActions({ user, workshopOrgId, workshopSlug }: Props) {
  const trpc = useTRPC();
  const mine = useQuery({ ...trpc.organization.mine.queryOptions(), retry: false });
  const brands = (mine.data ?? []).filter((o) => o.kind === "brand" && can(o.role, "shortlist.view"));
  const current = brands.find((b) => b.id === user.lastOrgId) ?? brands[0];
  const options = useQuery({
    ...trpc.sampleRequest.requestOptions.queryOptions({ orgId: current?.id ?? "", workshopOrgId }),
    enabled: !!current,
    retry: false,
  });
  const entries = useQueries({
    queries: brands.map((b) => ({ ...trpc.shortlist.entryFor.queryOptions({ orgId: b.id, workshopOrgId }), retry: false })),
  });

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
