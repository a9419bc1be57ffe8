import "./load-env";
import { openConfiguredDb } from "./script-db";

const handle = await openConfiguredDb();
try {
  await handle.migrate();
  console.log(`Migrations applied (${handle.driver}).`);
} finally {
  await handle.close();
}
