import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The address the app is reached at, for absolute links (emails, next-auth's redirects).
 *
 * - `NEXTAUTH_URL` when it is set: always in production, where links must never follow a request's `Host`
 *   header (anyone can write one).
 * - In development with no `NEXTAUTH_URL`: the origin of the request being served, so `next dev` works on
 *   whatever host and port it was opened at (127.0.0.1, another port, a port `next dev` moved to).
 * - Otherwise `http://localhost:$PORT`.
 */
const requestOrigins = new AsyncLocalStorage<string>();

export const isDevelopment = () => process.env.NODE_ENV === "development";

/** The loopback host names `next dev` is opened at; the same list is in next.config.ts (allowedDevOrigins). */
export const LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "[::1]"];

/**
 * In development, the origin the browser opened: its `Host` header when that names a loopback address (next
 * dev's own `req.url` says localhost whatever the browser used), else the request URL's origin. Null outside
 * development. Loopback only, so a page of another site resolved to this machine (DNS rebinding) gains nothing.
 */
export function devRequestOrigin(req: Request): string | null {
  if (!isDevelopment()) return null;
  let fallback: URL;
  try {
    fallback = new URL(req.url);
  } catch {
    return null;
  }
  const host = req.headers.get("host");
  if (host) {
    try {
      const opened = new URL(`${fallback.protocol}//${host}`);
      if (LOOPBACK_HOSTS.includes(opened.hostname) && opened.host === host) return opened.origin;
    } catch {
      // A Host header that is not a host: use the URL's origin.
    }
  }
  return fallback.origin;
}

/** Runs `fn` with the request's own origin as the base of links, in development only; elsewhere just runs it. */
export function withRequestOrigin<T>(req: Request, fn: () => T): T {
  const origin = devRequestOrigin(req);
  return origin ? requestOrigins.run(origin, fn) : fn();
}

export function publicBaseUrl(): string {
  const configured = process.env.NEXTAUTH_URL;
  if (configured) return configured;
  if (isDevelopment()) {
    const origin = requestOrigins.getStore();
    if (origin) return origin;
  }
  return `http://localhost:${process.env.PORT || 3000}`;
}

/**
 * The line `npm run dev` ends its start-up with: the address the server really listens on (next dev records
 * it once listening, after moving to a free port if 3000 was busy), or NEXTAUTH_URL when set. Only in development.
 */
export function startBanner(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.NODE_ENV !== "development") return null;
  const url = env.NEXTAUTH_URL || env.__NEXT_PRIVATE_ORIGIN || (env.PORT ? `http://localhost:${env.PORT}` : null);
  return url ? `  Bezel is running: open ${url}` : null;
}
