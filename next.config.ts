import type { NextConfig } from "next";
import "./src/env";
import { staticSecurityHeaders } from "./src/server/http/csp";

const config: NextConfig = {
  // PGlite ships WebAssembly and data files; argon2 is a native addon; pdfkit reads its data files by path.
  // All load at run time from node_modules.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "sharp", "pg-boss", "pdfkit", "fontkit"],
  poweredByHeader: false,
  // `next dev` serves its scripts and hot reload only to the origins it knows; the loopback addresses are all
  // the same machine, so the app works at http://127.0.0.1:<port> and http://[::1]:<port> as at localhost.
  allowedDevOrigins: ["localhost", "127.0.0.1", "[::1]", "::1"],
  headers() {
    return Promise.resolve([{ source: "/:path*", headers: staticSecurityHeaders(process.env.NODE_ENV === "production") }]);
  },
};

export default config;
