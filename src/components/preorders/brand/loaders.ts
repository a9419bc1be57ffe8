import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { loadPortal } from "~/server/portal";
import { api } from "~/trpc/server";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One campaign of the brand, as its editor shows it. The campaign layout calls this first, outside any
 * loading boundary, so a malformed id or another brand's campaign answers 404; the pages read the same
 * cached result.
 */
export const loadCampaign = cache(async (slug: string, campaignId: string) => {
  if (!UUID.test(campaignId)) notFound();
  const { org, role } = await loadPortal("brand", slug);
  const campaign = await (await api()).preorder.get({ orgId: org.id, campaignId }).catch((err: unknown) => {
    if (err instanceof TRPCError && (err.code === "NOT_FOUND" || err.code === "BAD_REQUEST")) notFound();
    throw err;
  });
  return { org, role, campaign };
});

export type LoadedCampaign = Awaited<ReturnType<typeof loadCampaign>>["campaign"];
