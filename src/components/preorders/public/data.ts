import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { publicApi } from "~/trpc/server";

/** A campaign's public data, or the 404 page (an unknown address and a draft look the same). */
export const loadPublicCampaign = cache(async (brandSlug: string, campaignSlug: string) => {
  try {
    return await (await publicApi()).preorderPublic.campaign({ brandSlug, campaignSlug });
  } catch (err) {
    if (err instanceof TRPCError && (err.code === "NOT_FOUND" || err.code === "BAD_REQUEST")) notFound();
    throw err;
  }
});

/** A reservation by its link's secret, or the 404 page. */
export const loadReservation = cache(async (token: string) => {
  try {
    return await (await publicApi()).preorderPublic.reservation({ token });
  } catch (err) {
    if (err instanceof TRPCError && (err.code === "NOT_FOUND" || err.code === "BAD_REQUEST")) notFound();
    throw err;
  }
});
