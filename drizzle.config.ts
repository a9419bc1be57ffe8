import { defineConfig } from "drizzle-kit";

// Generation only reads the schema; it never connects.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/server/db/schema/index.ts",
  out: "./drizzle",
  casing: "snake_case",
});
