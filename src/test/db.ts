import { readFileSync } from "node:fs";
import { afterAll, inject } from "vitest";
import pg from "pg";
import { openScriptDb } from "~/server/db/script-db";
import type { Db } from "~/server/db/client";
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
  const cfg = inject("testDb");
  if (cfg.kind === "pglite") {
    const snapshot = new Blob([readFileSync(cfg.snapshot)]);
    const handle = await openScriptDb({ loadDataDir: snapshot });
    afterAll(() => handle.close());
    appDbs.set(handle.db, handle.appDb);
    return handle.db;
  }
  const name = `bezel_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: cfg.url });
  await admin.connect();
  await createFromTemplate(admin, name, cfg.template);
  const handle = await openScriptDb({ url: withDatabase(cfg.url, name) });
  appDbs.set(handle.db, handle.appDb);
  afterAll(async () => {
    await handle.close();
    await admin.query(`drop database if exists ${name}`);
    await admin.end();
  });
  return handle.db;
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
