import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "~/server/api/root";

/**
 * What each procedure takes and returns, for components: they name data by the procedure that delivers
 * it, never by a service's own types (the procedure's output is what reaches them).
 */
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export type DirectoryResult = RouterOutputs["directory"]["search"];
export type DirectoryItem = DirectoryResult["items"][number];
export type ShortlistItem = RouterOutputs["shortlist"]["list"]["items"][number];
export type CompareItem = RouterOutputs["shortlist"]["compare"][number];
export type PublicWorkshopProfile = RouterOutputs["workshopProfile"]["public"];
export type WorkshopRecord = PublicWorkshopProfile["record"];
export type ProfileChecklistEntry = RouterOutputs["workshopProfile"]["get"]["checklist"][number];
