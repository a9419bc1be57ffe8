import { handleTrpcRequest } from "~/server/api/http-handler";
import { clientIp, getSessionUserId } from "~/server/auth";
import { getDb } from "~/server/db";

const handler = (req: Request) =>
  handleTrpcRequest(req, async () => ({ db: await getDb(), userId: await getSessionUserId(), ip: clientIp(req.headers) }));

export { handler as GET, handler as POST };
