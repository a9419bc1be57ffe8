import { handleTrpcRequest } from "~/server/api/http-handler";
import { clientIp, getSessionUserId } from "~/server/auth";
import { getDb } from "~/server/db";
import { withRequestOrigin } from "~/server/http/public-url";

// In development, links written while serving the request (emails) use the address it was opened at.
const handler = (req: Request) =>
  withRequestOrigin(req, () => handleTrpcRequest(req, async () => ({ db: await getDb(), userId: await getSessionUserId(), ip: clientIp(req.headers) })));

export { handler as GET, handler as POST };
