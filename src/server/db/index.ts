import "server-only";
import { env } from "~/env";
import { createPgDb, createPgliteDb, openPglite, type Db } from "./client";

export type { Db, Tx, Queryable } from "./client";

type Holder = { db?: Promise<Db> };
// One connection pool (or one PGlite instance) per process, surviving hot reloads in development.
const holder = globalThis as unknown as { __bezelDb?: Holder };
holder.__bezelDb ??= {};

/**
 * The app's database, opened on first use at request time. PGlite allows one process per data directory,
 * so nothing may open it while the app builds.
 */
export function getDb(): Promise<Db> {
  const h = holder.__bezelDb!;
  h.db ??= env.DATABASE_URL
    ? Promise.resolve(createPgDb(env.DATABASE_URL).db)
    : openPglite(env.PGLITE_DIR).then(createPgliteDb);
  return h.db;
}
