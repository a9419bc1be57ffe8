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

/** Runs `fn` with the request's own origin as the base of links, in development only; elsewhere just runs it. */
export function withRequestOrigin<T>(req: Request, fn: () => T): T {
  if (!isDevelopment()) return fn();
  let origin: string;
  try {
    origin = new URL(req.url).origin;
  } catch {
    return fn();
  }
  return requestOrigins.run(origin, fn);
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
