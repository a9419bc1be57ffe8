import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { createCaller } from "~/server/api/root";
import { clientIp, getSessionUserId } from "~/server/auth";
import { getDb } from "~/server/db";

/** Server components call procedures in-process through this caller, one context per request. */
export const api = cache(async () =>
  createCaller({ db: await getDb(), userId: await getSessionUserId(), ip: clientIp(await headers()) }),
);
