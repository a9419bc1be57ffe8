import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type { PGlite } from "@electric-sql/pglite";
import { Pool } from "pg";
import * as schema from "./schema";

/**
 * One database type for both drivers. node-postgres and PGlite expose the same Drizzle query builder;
 * only their raw result types differ, and the app never reads raw results.
 */
export type Db = NodePgDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Anything that runs queries: the database or an open transaction. */
export type Queryable = Db | Tx;

export const DRIZZLE_OPTIONS = { schema, casing: "snake_case" } as const;

/**
 * Set on every connection: a runaway query, or a transaction left open by a request that died, must not
 * hold locks and connections for ever.
 */
export const PG_SESSION_TIMEOUTS = { statement_timeout: 15_000, idle_in_transaction_session_timeout: 30_000 } as const;

/**
 * `role`: the role every connection is in from its first statement. The app's own connections use the
 * non-owner tenant role, so a query outside `withOrg` sees only public rows; migrations and the seed
 * connect without it, as the owner.
 */
export function createPgDb(connectionString: string, max = 10, opts: { role?: string } = {}): { db: Db; close: () => Promise<void> } {
  // A startup option, so no statement of the connection runs in another role.
  const options = opts.role ? `-c role=${opts.role}` : undefined;
  const pool = new Pool({ connectionString, max, options, connectionTimeoutMillis: 5_000, ...PG_SESSION_TIMEOUTS });
  // A connection that the server closes (a restart, a failover) emits an error. The pool reports it for
  // idle connections; a connection checked out by an open transaction, between two statements, emits it
  // itself. Without a listener either would be an uncaught exception. The query in flight fails on its own,
  // and the pool opens a new connection later.
  const lost = (err: Error) => console.error(`database connection lost: ${err.message}`);
  pool.on("error", lost);
  pool.on("connect", (client) => {
    client.on("error", lost);
  });
  const db = drizzlePg(pool, DRIZZLE_OPTIONS);
  if (opts.role) IN_ROLE.add(db);
  return { db, close: () => pool.end() };
}

/** Handles whose every statement runs in a non-owner role (`createPgDb`/`createPgliteDb` with `role`). */
const IN_ROLE = new WeakSet<object>();

/** Whether every statement on `db` runs in its non-owner role, with no organization set outside a transaction. */
export function runsInRole(db: Queryable): boolean {
  return IN_ROLE.has(db);
}

/**
 * `role`: as for `createPgDb`. PGlite has one session, shared with the owner's work in the same process
 * (tests, jobs), so instead of switching the session the role is set locally in each transaction; a
 * query outside a transaction runs in one of its own. PGlite runs one transaction at a time, so nothing
 * else can interleave.
 */
export function createPgliteDb(client: PGlite, opts: { role?: string } = {}): Db {
  const target = opts.role ? withLocalRole(client, opts.role) : client;
  const db = drizzlePglite(target, DRIZZLE_OPTIONS) as unknown as Db;
  if (opts.role) IN_ROLE.add(db);
  return db;
}

function withLocalRole(client: PGlite, role: string): PGlite {
  const setRole = `set local role ${quoteIdent(role)}`;
  const proxy = {
    query: (query: string, params?: unknown[], options?: object) =>
      client.transaction(async (tx) => {
        await tx.exec(setRole);
        return tx.query(query, params, options);
      }),
    transaction: <T>(fn: (tx: Parameters<Parameters<PGlite["transaction"]>[0]>[0]) => Promise<T>) =>
      client.transaction(async (tx) => {
        await tx.exec(setRole);
        return fn(tx);
      }),
  };
  return proxy as unknown as PGlite;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<PGlite> {
  const { PGlite } = await import("@electric-sql/pglite");
  if (dataDir) {
    const { mkdirSync } = await import("node:fs");
    mkdirSync(dataDir, { recursive: true });
  }
  // The same extensions as on a PostgreSQL server: the directory's search uses them.
  const { unaccent } = await import("@electric-sql/pglite/contrib/unaccent");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const extensions = { unaccent, pg_trgm };
  return PGlite.create(dataDir, loadDataDir ? { loadDataDir, extensions } : { extensions });
}
