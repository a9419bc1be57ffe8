import "server-only";
import type { PGlite } from "@electric-sql/pglite";
import { env } from "~/env";
import { createPgDb, createPgliteDb, openPglite, type Db } from "./client";
import { APP_ROLE } from "./tenant";

export type { Db, Tx, Queryable } from "./client";

type Handles = {
  /** As the non-owner tenant role: whatever runs outside `withOrg` sees public rows only. */
  app: Db;
  /** As the owner, for work that crosses organizations on purpose (background jobs such as the upload sweep). */
  owner: Db;
  /** The embedded database itself, when there is no DATABASE_URL (pg-boss runs its SQL on it). */
  pglite: PGlite | null;
};
type Holder = { handles?: Promise<Handles> };
// One connection pool (or one PGlite instance) per process, surviving hot reloads in development.
const holder = globalThis as unknown as { __bezelDb?: Holder };
holder.__bezelDb ??= {};

/**
 * The database, opened on first use at request time. PGlite allows one process per data directory, so
 * nothing may open it while the app builds.
 */
function handles(): Promise<Handles> {
  const h = holder.__bezelDb!;
  h.handles ??= env.DATABASE_URL
    ? Promise.resolve({ app: createPgDb(env.DATABASE_URL, 10, { role: APP_ROLE }).db, owner: createPgDb(env.DATABASE_URL, 2).db, pglite: null })
    : openPglite(env.PGLITE_DIR).then((client) => ({ app: createPgliteDb(client, { role: APP_ROLE }), owner: createPgliteDb(client), pglite: client }));
  return h.handles;
}

/** The app's database, as the tenant role. Requests, procedures and services use this one. */
export async function getDb(): Promise<Db> {
  return (await handles()).app;
}

/** The owner's handle and, on PGlite, the instance itself: for the in-process job worker only. */
export async function getSystemDb(): Promise<{ db: Db; pglite: PGlite | null }> {
  const { owner, pglite } = await handles();
  return { db: owner, pglite };
}
