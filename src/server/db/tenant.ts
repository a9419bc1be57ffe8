import { sql } from "drizzle-orm";
import type { Db, Tx } from "./client";

/**
 * Runs tenant work in one transaction bound to an organization. Every query on tenant data goes through
 * here with the organization id it is scoped to; the id is also set as `app.org_id` for the transaction
 * so row-level security policies can rely on it.
 */
export async function withOrg<T>(db: Db, orgId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.org_id', ${orgId}, true)`);
    return fn(tx);
  });
}
