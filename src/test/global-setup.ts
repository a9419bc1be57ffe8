import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import pg from "pg";
import { openScriptDb } from "~/server/db/script-db";

/**
 * Migrates once, then every test file starts from a copy: on PostgreSQL a database created from a
 * migrated template, on PGlite a data-directory snapshot loaded into memory.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    // A random name: two runs on one shared server (even with the same pid) never meet.
    const run = randomBytes(6).toString("hex");
    const template = `bezel_test_template_${run}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${template}`);
    const handle = await openScriptDb({ url: withDatabase(url, template) });
    await handle.migrate();
    await handle.close();
    project.provide("testDb", { kind: "pg", url, template, run });
    return async () => {
      // Each file drops its own database when it ends; any a file left behind (a worker that died, a
      // connection still open at its drop) goes here, named so the file can be found.
      const { rows } = await admin.query<{ datname: string; file: string | null }>(
        `select datname, shobj_description(oid, 'pg_database') as file from pg_database where datname like $1`,
        [`bezel_test_${run}_%`],
      );
      for (const r of rows) {
        console.warn(`test database ${r.datname} was left behind by ${r.file ?? "a test file"}; dropping it`);
        await admin.query(`drop database if exists ${r.datname} with (force)`);
      }
      await admin.query(`drop database if exists ${template}`);
      await admin.end();
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "bezel-test-"));
  const handle = await openScriptDb({});
  await handle.migrate();
  const snapshot = await handle.dump!();
  const file = path.join(dir, "snapshot.tar.gz");
  writeFileSync(file, Buffer.from(await snapshot.arrayBuffer()));
  await handle.close();
  project.provide("testDb", { kind: "pglite", snapshot: file });
  return () => rmSync(dir, { recursive: true, force: true });
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

declare module "vitest" {
  export interface ProvidedContext {
    testDb: { kind: "pg"; url: string; template: string; run: string } | { kind: "pglite"; snapshot: string };
  }
}
