import "server-only";
import { TRPCError } from "@trpc/server";
import { headers } from "next/headers";
import { notFound, permanentRedirect, redirect } from "next/navigation";
import { cache } from "react";
import type { OrganizationKind } from "~/lib/organizations";
import { PATH_HEADER, renamedPath } from "~/server/http/renamed";
import { api } from "~/trpc/server";

/**
 * What layouts and pages know about the signed-in user and the portal they are in. Everything comes
 * through the in-process tRPC caller, so the procedures' checks guard every read; nothing here writes.
 */

const isCode = (err: unknown, code: TRPCError["code"]) => err instanceof TRPCError && err.code === code;

/** The signed-in user as the database knows them now, or null. Cached for the request. */
export const currentUser = cache(async () => {
  try {
    return await (await api()).auth.me();
  } catch (err) {
    if (isCode(err, "UNAUTHORIZED")) return null;
    throw err;
  }
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
  try {
    const portal = await (await api()).organization.portal({ kind, slug });
    return { user, ...portal };
  } catch (err) {
    if (isCode(err, "NOT_FOUND") || isCode(err, "BAD_REQUEST")) {
      await redirectIfRenamed(kind, slug);
      notFound();
    }
    throw err;
  }
});

/**
 * An old address of one of the user's organizations (from before a slug change) redirects permanently to the
 * same page under the current one. Layouts render before any loading boundary streams, so this is a real 308.
 */
async function redirectIfRenamed(kind: OrganizationKind, slug: string) {
  const renamed = await (await api()).organization.renamedPortal({ kind, slug }).catch((err: unknown) => {
    if (isCode(err, "BAD_REQUEST")) return null;
    throw err;
  });
  if (!renamed) return;
  const path = (await headers()).get(PATH_HEADER);
  permanentRedirect(renamedPath(path, `/${kind}/${encodeURIComponent(slug)}`, `/${kind}/${renamed.slug}`));
}

export type Portal = Awaited<ReturnType<typeof loadPortal>>;
