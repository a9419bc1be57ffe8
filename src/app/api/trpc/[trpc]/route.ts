import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "~/server/api/root";
import { clientIp, getSessionUserId } from "~/server/auth";
import { getDb } from "~/server/db";

const handler = (req: Request) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => ({ db: await getDb(), userId: await getSessionUserId(), ip: clientIp(req.headers) }),
  });

export { handler as GET, handler as POST };
