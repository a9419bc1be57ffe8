import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { OrganizationKind } from "~/lib/organizations";
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
    if (isCode(err, "NOT_FOUND") || isCode(err, "BAD_REQUEST")) notFound();
    throw err;
  }
});

export type Portal = Awaited<ReturnType<typeof loadPortal>>;
