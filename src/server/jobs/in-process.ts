import "server-only";
import { env } from "~/env";
import { getSystemDb } from "../db";
import { getStorage } from "../storage";
import { smtpTransport } from "../services/email";
import { startWorker, type Worker } from "./worker";

/**
 * Where jobs run: in the app's own process in development and on PGlite (which one process only may
 * open), in `npm run worker` in production on PostgreSQL. JOBS_WORKER overrides the choice.
 */
export function jobsRunInProcess(): boolean {
  if (env.JOBS_WORKER) return env.JOBS_WORKER === "in-process";
  return !env.DATABASE_URL || env.NODE_ENV !== "production";
}

const holder = globalThis as unknown as { __bezelWorker?: Promise<Worker> };

/** Starts the in-process worker once per process (hot reloads keep the first). */
export function startInProcessWorker(): Promise<Worker> | null {
  if (!jobsRunInProcess()) return null;
  holder.__bezelWorker ??= (async () => {
    // Job handlers cross organizations on purpose (the sweep of unattached uploads): the owner's handle.
    // Tenant work inside a handler still goes through withOrg.
    const { db, pglite } = await getSystemDb();
    const connection = pglite ? { pglite } : { connectionString: env.DATABASE_URL! };
    return startWorker(connection, { db, transport: () => smtpTransport(), storage: getStorage });
  })();
  return holder.__bezelWorker;
}
