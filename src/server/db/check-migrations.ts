import "./load-env";
import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { MIGRATIONS_FOLDER, openConfiguredDb } from "./script-db";

// Fails when a migration in the journal has not been applied to the configured database.
const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as {
  entries: { tag: string; when: number }[];
};
const handle = await openConfiguredDb();
try {
  const applied = await handle.db.execute<{ created_at: string }>(
    sql`select created_at from drizzle.__drizzle_migrations order by created_at`,
  );
  const appliedAt = new Set(applied.rows.map((r) => Number(r.created_at)));
  const missing = journal.entries.filter((e) => !appliedAt.has(e.when));
  if (missing.length > 0) {
    console.error(`Not applied: ${missing.map((e) => e.tag).join(", ")}`);
    process.exitCode = 1;
  } else {
    console.log(`All ${journal.entries.length} migrations in the journal are applied.`);
  }
} finally {
  await handle.close();
}
