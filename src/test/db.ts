import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, expect, inject } from "vitest";
import pg from "pg";
import { openScriptDb } from "~/server/db/script-db";
import type { Db } from "~/server/db/client";
import type { JobsConnection } from "~/server/jobs/connection";
import { withDatabase } from "./global-setup";

const appDbs = new WeakMap<Db, () => Db>();

/**
 * The app's view of a test database: the same data through the non-owner tenant role, as the app
 * connects in production. Procedure calls in tests go through it, so row-level security applies to them
 * exactly as it does to the app; fixtures and state checks use the owner's handle.
 */
export function appDbOf(db: Db): Db {
  const open = appDbs.get(db);
  if (!open) throw new Error("appDbOf: not a database from testDb()");
  return open();
}

/**
 * A fresh, migrated database for one test file, dropped when the file ends. Call at the top level of a
 * test file: `const db = await testDb();`. It is the owner's handle; `appDbOf(db)` is the app's.
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
  /** PostgreSQL only: the owner's URL of this file's database, for servers the test starts itself. */
  url: string | null;
};

export async function testDatabase(): Promise<TestDatabase> {
  // Its drop is an afterAll hook, which vitest never runs when registered inside a test.
  const inTest = expect.getState().currentTestName;
  if (inTest) throw new Error(`Open test databases at the top level of the file, not inside the test "${inTest}".`);
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
    appDbs.set(handle.db, handle.appDb);
    return { ...handle, beforeClose, url: null };
  }
  const name = `bezel_test_${cfg.run}_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: cfg.url });
  await admin.connect();
  await createFromTemplate(admin, name, cfg.template);
  const file = expect.getState().testPath;
  if (file) await admin.query(`comment on database ${name} is ${admin.escapeLiteral(path.relative(process.cwd(), file))}`);
  const url = withDatabase(cfg.url, name);
  const handle = await openScriptDb({ url });
  appDbs.set(handle.db, handle.appDb);
  afterAll(async () => {
    await runCleanups();
    await handle.close();
    await admin.query(`drop database if exists ${name}`);
    await admin.end();
  });
  return { ...handle, beforeClose, url };
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
