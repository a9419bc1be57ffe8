import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, inject } from "vitest";
import pg from "pg";
import { openScriptDb } from "~/server/db/script-db";
import type { Db } from "~/server/db/client";
import type { JobsConnection } from "~/server/jobs/connection";
import { withDatabase } from "./global-setup";

/**
 * A fresh, migrated database for one test file, dropped when the file ends. Call at the top level of a
 * test file: `const db = await testDb();`.
 */
export async function testDb(): Promise<Db> {
  return (await testDatabase()).db;
}

export type TestDatabase = {
  db: Db;
  /** Owner-level access for pg-boss, for tests of background jobs. */
  jobs: JobsConnection;
  driver: "pg" | "pglite";
  /** Runs `fn` when the file ends, before the database closes (stop a worker that uses it). */
  beforeClose: (fn: () => Promise<void>) => void;
};

export async function testDatabase(): Promise<TestDatabase> {
  const cfg = inject("testDb");
  const cleanups: (() => Promise<void>)[] = [];
  const beforeClose = (fn: () => Promise<void>) => void cleanups.unshift(fn);
  const runCleanups = async () => {
    for (const fn of cleanups) await fn();
  };
  if (cfg.kind === "pglite") {
    const snapshot = new Blob([readFileSync(cfg.snapshot)]);
    const handle = await openScriptDb({ loadDataDir: snapshot });
    afterAll(async () => {
      await runCleanups();
      await handle.close();
    });
    return { ...handle, beforeClose };
  }
  const name = `bezel_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: cfg.url });
  await admin.connect();
  await createFromTemplate(admin, name, cfg.template);
  const handle = await openScriptDb({ url: withDatabase(cfg.url, name) });
  afterAll(async () => {
    await runCleanups();
    await handle.close();
    await admin.query(`drop database if exists ${name}`);
    await admin.end();
  });
  return { ...handle, beforeClose };
}

async function createFromTemplate(admin: pg.Client, name: string, template: string) {
  // Two files copying the template at the same instant can collide; a short retry settles it.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`create database ${name} template ${template}`);
      return;
    } catch (err) {
      if (attempt >= 10) throw err;
      await new Promise((r) => setTimeout(r, 100 + attempt * 100));
    }
  }
}
