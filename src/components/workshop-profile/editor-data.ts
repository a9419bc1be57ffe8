import "server-only";
import { cache } from "react";
import { can } from "~/lib/permissions";
import { loadPortal } from "~/server/portal";
import { api } from "~/trpc/server";

/** The editor's data for one request, shared by the profile layout and its pages. */
export const loadProfileEditor = cache(async (slug: string) => {
  const portal = await loadPortal("workshop", slug);
  const data = await (await api()).workshopProfile.get({ orgId: portal.org.id });
  const base = `/workshop/${portal.org.slug}/profile`;
  return {
    ...portal,
    ...data,
    canEdit: can(portal.role, "workshopProfile.edit"),
    canPublish: can(portal.role, "workshopProfile.publish"),
    hrefs: { details: base, artisans: `${base}/artisans`, portfolio: `${base}/portfolio` },
    publicHref: `/workshops/${portal.org.slug}`,
  };
});
