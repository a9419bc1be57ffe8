import "server-only";
import { env } from "~/env";
import { createPgDb, createPgliteDb, openPglite, type Db } from "./client";
import { APP_ROLE } from "./tenant";

export type { Db, Tx, Queryable } from "./client";

type Holder = { db?: Promise<Db> };
// One connection pool (or one PGlite instance) per process, surviving hot reloads in development.
const holder = globalThis as unknown as { __bezelDb?: Holder };
holder.__bezelDb ??= {};

/**
 * The app's database, opened on first use at request time, connected as the tenant role. PGlite allows one process per data directory,
 * so nothing may open it while the app builds.
 */
export function getDb(): Promise<Db> {
  const h = holder.__bezelDb!;
  // As the non-owner tenant role: whatever runs outside `withOrg` sees public rows only.
  h.db ??= env.DATABASE_URL
    ? Promise.resolve(createPgDb(env.DATABASE_URL, 10, { role: APP_ROLE }).db)
    : openPglite(env.PGLITE_DIR).then((client) => createPgliteDb(client, { role: APP_ROLE }));
  return h.db;
}
