import "../db/load-env";
import { openConfiguredDb } from "../db/script-db";
import { getStorage } from "../storage";
import { smtpTransport } from "../services/email";
import { startWorker } from "./worker";

/**
 * `npm run worker`: the job worker as its own process, for production on PostgreSQL. On PGlite the app
 * runs the worker itself (one process only may open PGlite), so this refuses to start without DATABASE_URL.
 */
if (!process.env.DATABASE_URL) {
  console.error("npm run worker needs DATABASE_URL. Without it the app runs its jobs in its own process.");
  process.exit(1);
}

const handle = await openConfiguredDb();
const worker = await startWorker(handle.jobs, { db: handle.db, transport: () => smtpTransport(), storage: getStorage });
console.log("Job worker started.");

const shutdown = async () => {
  await worker.stop();
  await handle.close();
  process.exit(0);
};
process.once("SIGTERM", () => void shutdown());
process.once("SIGINT", () => void shutdown());
