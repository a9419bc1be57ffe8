import { randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import pg from "pg";
import type { Person } from "./fixtures";

/**
 * Seeding by SQL for specs that start from a state the app takes many steps to reach (an accepted quote's
 * order, a published campaign): each call writes rows of its own, under unique names.
 */

const url = () => {
  const u = process.env.DATABASE_URL;
  if (!u) throw new Error("Seeding by SQL needs DATABASE_URL.");
  return u;
};

/** An Italian organization (EUR, Europe/Rome) with `owner` as its verified owner, who can sign in at once. */
export async function insertOrgWithOwner(client: pg.Client, kind: "brand" | "workshop", name: string, owner: Person): Promise<{ id: string; slug: string; userId: string }> {
  const slug = `${kind}-${randomUUID().slice(0, 8)}`;
  const o = await client.query<{ id: string }>(`insert into organizations (kind, name, slug, country, time_zone, currency) values ($1, $2, $3, 'IT', 'Europe/Rome', 'EUR') returning id`, [kind, name, slug]);
  const id = o.rows[0]!.id;
  const u = await client.query<{ id: string }>(`insert into users (name, email, password_hash, email_verified_at, last_org_id) values ($1, $2, $3, now(), $4) returning id`, [owner.name, owner.email, await hash(owner.password), id]);
  await client.query(`insert into memberships (org_id, user_id, role) values ($1, $2, 'owner')`, [id, u.rows[0]!.id]);
  return { id, slug, userId: u.rows[0]!.id };
}

/** One statement on a connection of its own, its rows. */
export async function dbQuery<T extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: url() });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
