import type { NextConfig } from "next";
import "./src/env";
import { staticSecurityHeaders } from "./src/server/http/csp";

const config: NextConfig = {
  // PGlite ships WebAssembly and data files; argon2 is a native addon. Both load at run time from node_modules.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "sharp", "pg-boss"],
  poweredByHeader: false,
  headers() {
    return Promise.resolve([{ source: "/:path*", headers: staticSecurityHeaders(process.env.NODE_ENV === "production") }]);
  },
};

export default config;
