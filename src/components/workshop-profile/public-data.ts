import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound, permanentRedirect } from "next/navigation";
import { cache } from "react";
import { publicApi } from "~/trpc/server";

/**
 * A published workshop's public profile, or the 404 page: an unknown address, an unpublished profile and
 * a brand's address all look the same to a visitor.
 */
export const loadPublicProfile = cache(async (slug: string) => {
  try {
    return await (await publicApi()).workshopProfile.public({ slug });
  } catch (err) {
    if (err instanceof TRPCError && (err.code === "NOT_FOUND" || err.code === "BAD_REQUEST")) {
      // An address the workshop had before it changed its slug: a permanent redirect to the current one.
      const renamed = await (await publicApi()).workshopProfile.renamedPublic({ slug }).catch((e: unknown) => {
        if (e instanceof TRPCError && e.code === "BAD_REQUEST") return null;
        throw e;
      });
      if (renamed) permanentRedirect(`/workshops/${renamed.slug}`);
      notFound();
    }
    throw err;
  }
});

export type PublicProfile = Awaited<ReturnType<typeof loadPublicProfile>>;
