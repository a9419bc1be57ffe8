import path from "node:path";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { prepareJobsSchema, type JobsConnection } from "../jobs/connection";
import { createPgDb, createPgliteDb, openPglite, type Db } from "./client";
import { APP_ROLE } from "./tenant";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle");

export type ScriptDb = {
  /** As the owner: migrations, the seed, test fixtures. Row-level security does not apply. */
  db: Db;
  /** The same database as the app's tenant role, opened on first use (tests call the app through it). */
  appDb: () => Db;
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
    const url = opts.url;
    const { db, close } = createPgDb(url, 4);
    const jobs = { connectionString: url };
    let app: ReturnType<typeof createPgDb> | undefined;
    return {
      db,
      appDb: () => (app ??= createPgDb(url, 4, { role: APP_ROLE })).db,
      driver: "pg",
      jobs,
      migrate: async () => {
        await migratePg(db, { migrationsFolder: MIGRATIONS_FOLDER });
        await prepareJobsSchema(jobs);
      },
      close: async () => {
        await app?.close();
        await close();
      },
    };
  }
  const client = await openPglite(opts.pgliteDir, opts.loadDataDir);
  const db = createPgliteDb(client);
  let app: Db | undefined;
  const jobs = { pglite: client };
  return {
    db,
    appDb: () => (app ??= createPgliteDb(client, { role: APP_ROLE })),
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
