import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { Db } from "../db/client";
import { readCapped } from "../http/body";
import { crossSiteRefusal, isSameOriginRequest } from "../http/origin";
import { appRouter } from "./root";

/** A batch runs every call in it; without a cap one request could carry hundreds of sign-ups. */
export const TRPC_MAX_BATCH_SIZE = 20;
/** No procedure takes more than a few kilobytes; uploads go to /api/uploads. */
export const TRPC_MAX_BODY_BYTES = 1024 * 1024;

const json = (status: number, message: string) =>
  Response.json({ error: { message, code: status === 413 ? "PAYLOAD_TOO_LARGE" : "FORBIDDEN" } }, { status, headers: { "Cache-Control": "no-store" } });

export type HandlerContext = { db: Db; userId: string | null; ip: string };

/**
 * /api/trpc: refuses cross-site mutations and oversized bodies before tRPC reads anything, caps batches,
 * and marks every answer to a signed-in caller as private and not to be stored.
 */
export async function handleTrpcRequest(req: Request, createContext: () => Promise<HandlerContext>): Promise<Response> {
  let request = req;
  if (req.method !== "GET" && req.method !== "HEAD") {
    if (!isSameOriginRequest(req)) return crossSiteRefusal();
    const body = await readCapped(req, TRPC_MAX_BODY_BYTES);
    if (body === "too_large") return json(413, "This request is too large.");
    request = new Request(req.url, { method: req.method, headers: req.headers, body: body as BodyInit });
  } else if (req.url.length > TRPC_MAX_BODY_BYTES) {
    return json(413, "This request is too large.");
  }
  let signedIn = false;
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    maxBatchSize: TRPC_MAX_BATCH_SIZE,
    createContext: async () => {
      const ctx = await createContext();
      signedIn = ctx.userId !== null;
      return ctx;
    },
    responseMeta() {
      return signedIn ? { headers: { "Cache-Control": "private, no-store" } } : {};
    },
  });
}
