/**
 * Who may keep a page. Public pages (the landing page, the directory with every search and its RSC payloads,
 * workshop profiles) render the same for everyone who is signed out: their server render reads no session
 * (`publicApi` in src/trpc/server.ts) and what depends on it loads in the browser. So a shared cache (a CDN in
 * front of the app) may keep them for a minute and serve a stale copy for ten more while it fetches a new one.
 * A request that carries a session cookie keeps Next.js's `private, no-store` answer, as does everything else.
 *
 * The page's CSP nonce is cached with it. That is sound here: a nonce only has to be unknown to whoever
 * controls markup in the document *when that markup is rendered*. Each render makes a new nonce and the
 * cached copy freezes body and header together; text from the database is escaped by React and Markdown is
 * rendered without raw HTML, and no user-specific content is in a cached copy. What a cached copy gives away
 * (its nonce) can never be placed into another render. The policy stays the same strict one
 * (src/server/http/csp.ts): nonce + 'strict-dynamic', no 'unsafe-inline' scripts.
 *
 * A change (publish, unpublish, an edit) is visible at the origin at once (the directory's result cache is
 * keyed by the directory version, see src/server/services/directory.ts); through a shared cache once
 * s-maxage has passed.
 */
export const PUBLIC_CACHE_CONTROL = "public, s-maxage=60, stale-while-revalidate=600";

/**
 * A preorder campaign's page shows what is left: a shared copy is at most 60 s old (30 s fresh, 30 s more
 * while a new one is fetched). The reservation pages under it (`/r/<token>`) are private and never match.
 */
export const PREORDER_CACHE_CONTROL = "public, s-maxage=30, stale-while-revalidate=30";
const PREORDER_PAGE = /^\/p\/[^/]+\/[^/]+\/?$/;

/** The pages that may be shared: `/`, `/workshops`, `/workshops/<slug>` (any query string). */
const PUBLIC_PAGE = /^\/(workshops(\/[^/]+)?\/?)?$/;

/** next-auth's session cookie, plain or `__Secure-`, whole or in chunks (`.0`, `.1`…). */
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

export function hasSessionCookie(cookieNames: Iterable<string>): boolean {
  for (const name of cookieNames) if (SESSION_COOKIE.test(name)) return true;
  return false;
}

/** The Cache-Control a page response gets from the proxy, or null to leave Next.js's own. */
export function pageCacheControl(req: { method: string; pathname: string; cookieNames: Iterable<string> }): string | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  if (hasSessionCookie(req.cookieNames)) return null;
  if (PREORDER_PAGE.test(req.pathname)) return PREORDER_CACHE_CONTROL;
  if (!PUBLIC_PAGE.test(req.pathname)) return null;
  return PUBLIC_CACHE_CONTROL;
}
