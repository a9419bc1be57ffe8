import "./load-env";
import { openConfiguredDb } from "./script-db";
import { demoLoginsText, seedDemo } from "./seed";

/**
 * Start-up for `npm run dev` (and the container): apply migrations, seed the demo once, print the logins.
 * Runs to completion and closes the database before the server opens it (PGlite allows one process).
 */
const noSeed = process.argv.includes("--no-seed");
const started = Date.now();
const handle = await openConfiguredDb();
try {
  await handle.migrate();
  const where = handle.driver === "pg" ? "PostgreSQL (DATABASE_URL)" : `embedded PostgreSQL in ${process.env.PGLITE_DIR || ".data/pglite"}`;
  console.log(`Database ready: ${where}, migrated in ${Date.now() - started} ms.`);
  if (!noSeed) {
    if (await seedDemo(handle.db)) console.log("Demo data created.");
    // The address is known only once the server listens (`next dev` moves to another port when 3000 is
    // busy): without NEXTAUTH_URL, the server prints it when it starts (src/instrumentation.ts).
    console.log(demoLoginsText(process.env.NEXTAUTH_URL));
  }
} finally {
  await handle.close();
}
