import "./load-env";
import { openConfiguredDb } from "./script-db";
import { demoLoginsText, seedDemo } from "./seed";

const handle = await openConfiguredDb();
try {
  const seeded = await seedDemo(handle.db);
  console.log(seeded ? "Demo data created." : "The database already has users; demo data left as it is.");
  console.log(demoLoginsText(process.env.NEXTAUTH_URL ?? "http://localhost:3000"));
} finally {
  await handle.close();
}
