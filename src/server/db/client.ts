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

export function createPgDb(connectionString: string, max = 10): { db: Db; close: () => Promise<void> } {
  const pool = new Pool({ connectionString, max, connectionTimeoutMillis: 5_000, ...PG_SESSION_TIMEOUTS });
  // A connection that the server closes (a restart, a failover) emits an error. The pool reports it for
  // idle connections; a connection checked out by an open transaction, between two statements, emits it
  // itself. Without a listener either would be an uncaught exception. The query in flight fails on its own,
  // and the pool opens a new connection later.
  const lost = (err: Error) => console.error(`database connection lost: ${err.message}`);
  pool.on("error", lost);
  pool.on("connect", (client) => {
    client.on("error", lost);
  });
  return { db: drizzlePg(pool, DRIZZLE_OPTIONS), close: () => pool.end() };
}

export function createPgliteDb(client: PGlite): Db {
  return drizzlePglite(client, DRIZZLE_OPTIONS) as unknown as Db;
}

export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<PGlite> {
  const { PGlite } = await import("@electric-sql/pglite");
  if (dataDir) {
    const { mkdirSync } = await import("node:fs");
    mkdirSync(dataDir, { recursive: true });
  }
  return PGlite.create(dataDir, loadDataDir ? { loadDataDir } : {});
}
