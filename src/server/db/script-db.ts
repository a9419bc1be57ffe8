import path from "node:path";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { prepareJobsSchema, type JobsConnection } from "../jobs/connection";
import { createPgDb, createPgliteDb, openPglite, type Db } from "./client";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle");

export type ScriptDb = {
  db: Db;
  driver: "pg" | "pglite";
  /** Owner-level access for pg-boss, which keeps its own schema. */
  jobs: JobsConnection;
  /** Applies the migrations, then creates or migrates pg-boss's schema and queues. */
  migrate: () => Promise<void>;
  close: () => Promise<void>;
  /** PGlite only: the data directory as a tarball, to start other instances from. */
  dump?: () => Promise<Blob>;
};

/** A database handle for scripts and tests: real PostgreSQL when a URL is given, else PGlite. */
export async function openScriptDb(opts: { url?: string; pgliteDir?: string; loadDataDir?: Blob }): Promise<ScriptDb> {
  if (opts.url) {
    const { db, close } = createPgDb(opts.url, 4);
    const jobs = { connectionString: opts.url };
    return {
      db,
      driver: "pg",
      jobs,
      migrate: async () => {
        await migratePg(db, { migrationsFolder: MIGRATIONS_FOLDER });
        await prepareJobsSchema(jobs);
      },
      close,
    };
  }
  const client = await openPglite(opts.pgliteDir, opts.loadDataDir);
  const db = createPgliteDb(client);
  const jobs = { pglite: client };
  return {
    db,
    driver: "pglite",
    jobs,
    migrate: async () => {
      await migratePglite(db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_FOLDER });
      await prepareJobsSchema(jobs);
    },
    close: () => client.close(),
    dump: () => client.dumpDataDir("gzip"),
  };
}

/** The app's own database, as configured by the environment. */
export function openConfiguredDb(): Promise<ScriptDb> {
  return openScriptDb({
    url: process.env.DATABASE_URL || undefined,
    pgliteDir: process.env.PGLITE_DIR || ".data/pglite",
  });
}
