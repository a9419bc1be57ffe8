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

/**
 * The caller of public pages (landing, directory, profiles): signed out whoever asks, and the session is never
 * read. Their render is the same for every visitor, so a shared cache may keep it (src/server/http/cache.ts);
 * what depends on the session loads in the browser.
 */
export const publicApi = cache(async () => createCaller({ db: await getDb(), userId: null, ip: clientIp(await headers()) }));
