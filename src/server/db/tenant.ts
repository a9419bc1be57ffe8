import { sql } from "drizzle-orm";
import { runsInRole, type Db, type Queryable, type Tx } from "./client";

/**
 * The role tenant work runs as. It does not own the tables, so PostgreSQL's row-level security applies to
 * it (owners and superusers bypass it); the policies in `drizzle/0004_tenancy_rls.sql` read the
 * organization and the user set below.
 */
export const APP_ROLE = "bezel_app";

/**
 * Runs tenant work in one transaction bound to an organization. Every query on tenant data goes through
 * here with the organization id it is scoped to. The same statement switches to the non-owner role and
 * sets `app.org_id`, so a query that forgets its organization filter still sees only this organization's
 * rows (and the rows it shares with a counterparty).
 */
export async function withOrg<T>(db: Db, orgId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.org_id', ${orgId}, true), set_config('app.user_id', '', true), set_config('role', ${APP_ROLE}, true)`);
    return fn(tx);
  });
}

/**
 * A person's own reads, before any organization is chosen: their memberships and the organizations they
 * belong to. Nothing else of any organization is visible here.
 */
export async function withUser<T>(db: Db, userId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.user_id', ${userId}, true), set_config('app.org_id', '', true), set_config('role', ${APP_ROLE}, true)`);
    return fn(tx);
  });
}

/**
 * What everyone may read, signed out too: published workshop profiles, their artisans, portfolio and the
 * photos they show. No organization is set, so policies answer with public rows only.
 */
export async function withPublic<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.org_id', '', true), set_config('app.user_id', '', true), set_config('role', ${APP_ROLE}, true)`);
    return fn(tx);
  });
}

/**
 * Public reads in as few round trips as the data needs: on the app's own handle, whose connections are in the
 * tenant role from their first statement and carry no organization outside a transaction (`withOrg` and
 * `withUser` set theirs transaction-locally), a statement on its own already reads as the public does, so no
 * transaction and no settings are needed, and independent reads may run side by side. On any other handle
 * (the owner's, in scripts) it is `withPublic`.
 */
export async function readPublic<T>(db: Db, fn: (q: Queryable) => Promise<T>): Promise<T> {
  if (runsInRole(db)) return fn(db);
  return withPublic(db, fn);
}

/**
 * Inside a tenant transaction, writes that belong to the other party of a shared record (its activity-log
 * row, its notification) as that party, then switches back. Only for rows the change itself creates for
 * the counterparty; reads stay with the caller's organization.
 */
export async function asCounterparty<T>(tx: Queryable, fromOrgId: string, toOrgId: string, fn: () => Promise<T>): Promise<T> {
  await tx.execute(sql`select set_config('app.org_id', ${toOrgId}, true)`);
  // No `finally`: a failure aborts the transaction, which then rolls back with its settings.
  const result = await fn();
  await tx.execute(sql`select set_config('app.org_id', ${fromOrgId}, true)`);
  return result;
}
