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

/** The test database with owner-level access for pg-boss (`jobs`), for tests of background jobs. */
export async function testDatabase(): Promise<{ db: Db; jobs: JobsConnection; driver: "pg" | "pglite" }> {
  const cfg = inject("testDb");
  if (cfg.kind === "pglite") {
    const snapshot = new Blob([readFileSync(cfg.snapshot)]);
    const handle = await openScriptDb({ loadDataDir: snapshot });
    afterAll(() => handle.close());
    return handle;
  }
  const name = `bezel_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: cfg.url });
  await admin.connect();
  await createFromTemplate(admin, name, cfg.template);
  const handle = await openScriptDb({ url: withDatabase(cfg.url, name) });
  afterAll(async () => {
    await handle.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });
  return handle;
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
