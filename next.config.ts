import type { NextConfig } from "next";
import "./src/env";

const config: NextConfig = {
  // PGlite ships WebAssembly and data files; argon2 is a native addon. Both load at run time from node_modules.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "sharp", "pg-boss"],
  poweredByHeader: false,
};

export default config;
