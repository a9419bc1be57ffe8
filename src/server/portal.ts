import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getSessionUserId } from "./auth";
import { getDb } from "./db";
import type { OrganizationKind } from "./db/schema";
import { getMembership, listMyOrganizations, rememberLastOrganization } from "./services/organizations";
import { getUser } from "./services/users";

/** The signed-in user as the database knows them now, or null. Cached for the request. */
export const currentUser = cache(async () => {
  const id = await getSessionUserId();
  return id ? getUser(await getDb(), id) : null;
});

export async function requireUser(returnTo: string) {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/**
 * The portal of one organization for the signed-in user. Not a member, or an organization of the other
 * kind: 404, the same answer as for an organization that does not exist.
 */
export const loadPortal = cache(async (kind: OrganizationKind, slug: string) => {
  const user = await requireUser(`/${kind}/${slug}`);
  const db = await getDb();
  const found = await getMembership(db, user.id, { slug });
  if (!found || found.org.kind !== kind) notFound();
  await rememberLastOrganization(db, user.id, found.org.id);
  const organizations = await listMyOrganizations(db, user.id);
  return { user, org: found.org, role: found.membership.role, organizations };
});

export type Portal = Awaited<ReturnType<typeof loadPortal>>;
