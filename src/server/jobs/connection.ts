import type { PGlite } from "@electric-sql/pglite";
import { sql, type SQL } from "drizzle-orm";
import PgBoss from "pg-boss";
import type { Queryable } from "../db/client";
import { QUEUES, SCHEDULES } from "./definitions";

/**
 * pg-boss keeps its jobs in its own schema (`pgboss`) of the app's PostgreSQL, which it creates and
 * migrates as the database owner: it gets its own owner-level access (a connection string, or the raw
 * PGlite instance), never the app's Drizzle database.
 */
export type JobsConnection = { connectionString: string } | { pglite: PGlite };

type BossDb = { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };

/**
 * pg-boss on PGlite. pg-boss sends multi-statement scripts without parameters (its migrations), which
 * only `exec` runs; everything with parameters goes through `query`.
 */
export function pgliteBossDb(pglite: PGlite): BossDb {
  return {
    async executeSql(text, values) {
      if (!values || values.length === 0) {
        const results = await pglite.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      }
      const result = await pglite.query(text, values.map(toParam));
      return { rows: result.rows };
    },
  };
}

/**
 * Objects go to PostgreSQL as JSON text (pg-boss's job data and outputs are `::jsonb`), arrays as arrays
 * (its job ids are `::uuid[]`), undefined as null.
 */
function toParam(value: unknown): unknown {
  if (value === undefined) return null;
  if (value === null || typeof value !== "object" || Array.isArray(value) || value instanceof Date || Buffer.isBuffer(value)) return value;
  return JSON.stringify(value);
}

/** pg-boss's SQL (`$1`, `$2`…) as a Drizzle query, so it runs inside the caller's transaction. */
export function toDrizzleSql(text: string, values: unknown[] = []): SQL {
  const parts = text.split(/\$(\d+)/);
  const chunks: SQL[] = parts.map((part, i) => (i % 2 === 0 ? sql.raw(part) : sql`${toParam(values[Number(part) - 1])}`));
  return sql.join(chunks);
}

/** A pg-boss `db` that runs on an open Drizzle transaction. */
export function transactionBossDb(tx: Queryable): BossDb {
  return {
    async executeSql(text, values) {
      const result = (await tx.execute(toDrizzleSql(text, values))) as unknown as { rows: unknown[] };
      return { rows: result.rows };
    },
  };
}

export type BossOptions = { pollingIntervalSeconds?: number; schedule?: boolean; supervise?: boolean };

export function createBoss(connection: JobsConnection, opts: BossOptions = {}): PgBoss {
  const common = {
    // Workers poll this often; a job enqueued now starts within about this long.
    pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 0.5,
    schedule: opts.schedule ?? true,
    supervise: opts.supervise ?? true,
    migrate: true,
  };
  return "pglite" in connection ? new PgBoss({ ...common, db: pgliteBossDb(connection.pglite) }) : new PgBoss({ ...common, connectionString: connection.connectionString, max: 4 });
}

/**
 * The app's role (`bezel_app`, created by the row-level-security migration) enqueues jobs inside service
 * transactions, so it needs to reach pg-boss's tables. Does nothing while the role does not exist.
 */
const GRANT_APP_ROLE = `
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'bezel_app') THEN
    GRANT USAGE ON SCHEMA pgboss TO bezel_app;
    GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA pgboss TO bezel_app;
    ALTER DEFAULT PRIVILEGES IN SCHEMA pgboss GRANT SELECT, INSERT ON TABLES TO bezel_app;
  END IF;
END
$$`;

/**
 * Creates or migrates pg-boss's schema, its queues with their retry policies, the schedules, and the
 * app role's grants. Run at start-up (setup, the worker, the in-process worker) before any job is sent.
 */
export async function prepareJobs(boss: PgBoss): Promise<void> {
  for (const [name, policy] of Object.entries(QUEUES)) {
    await boss.createQueue(name, { name, ...policy });
    await boss.updateQueue(name, { name, ...policy });
  }
  for (const s of SCHEDULES) await boss.schedule(s.name, s.cron, {}, { tz: "UTC" });
  await boss.getDb().executeSql(GRANT_APP_ROLE, []);
}

/** Opens pg-boss just long enough to prepare its schema and queues (for setup scripts and tests). */
export async function prepareJobsSchema(connection: JobsConnection): Promise<void> {
  const boss = createBoss(connection, { schedule: false, supervise: false });
  boss.on("error", (err) => console.error("pg-boss", err));
  await boss.start();
  try {
    await prepareJobs(boss);
  } finally {
    await boss.stop({ graceful: false, close: "pglite" in connection ? false : true });
  }
}
