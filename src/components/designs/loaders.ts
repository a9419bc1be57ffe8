import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { loadPortal } from "~/server/portal";
import { api } from "~/trpc/server";

/** A malformed id in the address, or another brand's row, is a page that does not exist. */
function missing(err: unknown): never {
  if (err instanceof TRPCError && (err.code === "NOT_FOUND" || err.code === "BAD_REQUEST")) notFound();
  throw err;
}

/**
 * The records of the design pages. Their segments' layouts call these first, outside any loading boundary,
 * so an unknown id answers with status 404; the pages read the same cached results.
 */
export const loadCollection = cache(async (slug: string, collectionId: string) => {
  const { org, role } = await loadPortal("brand", slug);
  const data = await (await api()).design.collections.get({ orgId: org.id, collectionId }).catch(missing);
  return { org, role, ...data };
});

export const loadDesign = cache(async (slug: string, designId: string) => {
  const { org, role } = await loadPortal("brand", slug);
  const data = await (await api()).design.get({ orgId: org.id, designId }).catch(missing);
  return { org, role, ...data };
});

export function parseRevisionNumber(param: string): number | null {
  const m = /^(\d{1,6})$/.exec(param);
  const n = m ? Number(m[1]) : 0;
  return n >= 1 ? n : null;
}

export const loadRevision = cache(async (slug: string, designId: string, numberParam: string) => {
  const { org, role } = await loadPortal("brand", slug);
  const number = parseRevisionNumber(numberParam);
  if (number === null) notFound();
  const data = await (await api()).design.revision({ orgId: org.id, designId, number }).catch(missing);
  return { org, role, ...data };
});
