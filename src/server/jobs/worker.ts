import type PgBoss from "pg-boss";
import { createBoss, prepareJobs, type BossOptions, type JobsConnection } from "./connection";
import { QUEUES, type JobName } from "./definitions";
import { HANDLERS, type JobDeps } from "./handlers";

export type Worker = { boss: PgBoss; stop: () => Promise<void> };

/**
 * Starts pg-boss with a worker for every queue: `npm run worker` in production, the app process itself
 * in development and on PGlite (which one process only may open).
 */
export async function startWorker(connection: JobsConnection, deps: JobDeps, opts: BossOptions = {}): Promise<Worker> {
  const boss = createBoss(connection, opts);
  boss.on("error", (err) => console.error("[jobs]", err));
  await boss.start();
  await prepareJobs(boss);
  for (const name of Object.keys(QUEUES) as JobName[]) {
    const handler = HANDLERS[name] as (job: PgBoss.JobWithMetadata<unknown>, deps: JobDeps) => Promise<unknown>;
    await boss.work(name, { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 0.5 }, async ([job]) => {
      if (job) return handler(job, deps);
    });
  }
  return {
    boss,
    stop: () => boss.stop({ graceful: true, timeout: 5_000, close: !("pglite" in connection) }),
  };
}
