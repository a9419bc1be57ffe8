import "server-only";
import type { PGlite } from "@electric-sql/pglite";
import { env } from "~/env";
import { getDb } from "../db";
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
    const db = await getDb();
    const connection = env.DATABASE_URL ? { connectionString: env.DATABASE_URL } : { pglite: (db as unknown as { $client: PGlite }).$client };
    return startWorker(connection, { db, transport: () => smtpTransport(), storage: getStorage });
  })();
  return holder.__bezelWorker;
}
