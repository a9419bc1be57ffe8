import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "~/env";
import { pageCacheControl } from "~/server/http/cache";
import { contentSecurityPolicy } from "~/server/http/csp";
import { PATH_HEADER } from "~/server/http/renamed";

const PORTAL = /^\/(brand|workshop)(\/|$)|^\/(onboarding|app|account)$/;

/**
 * Every page: a fresh nonce and the CSP that allows only scripts carrying it. Portal pages also get an early
 * redirect to sign-in without a session cookie; layouts still check the session and membership in the database.
 * Public pages asked for without a session cookie may be kept by a shared cache (src/server/http/cache.ts says
 * why that is sound with the nonce).
 */
export default async function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  if (PORTAL.test(pathname)) {
    const token = await getToken({ req, secret: env.NEXTAUTH_SECRET });
    if (!token) {
      const url = new URL("/sign-in", req.url);
      url.searchParams.set("callbackUrl", `${pathname}${search}`);
      return NextResponse.redirect(url);
    }
  }
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce);
  const headers = new Headers(req.headers);
  // Next.js reads the nonce from the request's CSP header and puts it on every script it renders.
  headers.set("content-security-policy", csp);
  headers.set("x-nonce", nonce);
  // The page's own path, for the redirect of an old organization address (layouts are not told the path).
  headers.set(PATH_HEADER, `${pathname}${search}`);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("Content-Security-Policy", csp);
  const cacheControl = pageCacheControl({ method: req.method, pathname, cookieNames: req.cookies.getAll().map((c) => c.name) });
  if (cacheControl) res.headers.set("Cache-Control", cacheControl);
  return res;
}

export const config = {
  // Pages only: not the API, not Next.js's static files, not the icon.
  matcher: [{ source: "/((?!api/|_next/static|_next/image|icon.svg|icons.svg|favicon.ico).*)", missing: [{ type: "header", key: "next-router-prefetch" }] }],
};
