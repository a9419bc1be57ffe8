import { and, eq, lt, or, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTableWithColumns } from "drizzle-orm/pg-core";

/** Where the next page of a newest-first list (created_at desc, id desc) starts. */
export type ListCursor = { createdAt: Date; id: string };

// Any table with id, org_id and created_at columns: events, notifications…
type KeyedTable = PgTableWithColumns<{
  name: string;
  schema: undefined;
  dialect: "pg";
  columns: { id: PgColumn; orgId: PgColumn; createdAt: PgColumn };
}>;

/**
 * The rows after the cursor, for a newest-first list of one organization. PostgreSQL keeps microseconds
 * but the cursor's Date holds milliseconds, so comparing with it would skip rows sharing its millisecond:
 * compare with the cursor row's stored time instead (the cursor's own time if that row is gone).
 */
export function afterCursor(table: KeyedTable, orgId: string, cursor: ListCursor | null | undefined): SQL | undefined {
  if (!cursor) return undefined;
  // The columns are named by convention (id, org_id, created_at) in every table this serves.
  const stored = sql`(select cursor_row.created_at from ${table} as cursor_row where cursor_row.id = ${cursor.id} and cursor_row.org_id = ${orgId})`;
  const at = sql`coalesce(${stored}, ${cursor.createdAt.toISOString()}::timestamptz)`;
  return or(lt(table.createdAt, at), and(eq(table.createdAt, at), lt(table.id, cursor.id)));
}

/** Splits the `limit + 1` rows a list query fetched into a page and the cursor of the next one. */
export function pageOf<T extends ListCursor>(rows: T[], limit: number): { items: T[]; nextCursor: ListCursor | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? { createdAt: last.createdAt, id: last.id } : null };
}
