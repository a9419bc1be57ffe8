import { devRequestOrigin } from "./public-url";

/**
 * Cross-site request forgery: a state-changing request must come from a page of this app. Browsers say
 * where a request comes from in `Origin` and `Sec-Fetch-Site`, and a page on another site cannot change
 * either. A request with neither is refused too (every browser sends `Origin` on a POST).
 */
export function isSameOriginRequest(req: Request, publicUrl = process.env.NEXTAUTH_URL): boolean {
  const site = req.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin") return false;
  const origin = req.headers.get("origin");
  if (origin === null) return site === "same-origin";
  const allowed = new Set([new URL(req.url).origin]);
  // In development only: the loopback address and port the page was opened at (next dev's req.url always
  // says localhost). Production compares with the request URL and NEXTAUTH_URL alone.
  const opened = devRequestOrigin(req);
  if (opened) allowed.add(opened);
  if (publicUrl) {
    try {
      allowed.add(new URL(publicUrl).origin);
    } catch {
      // A malformed NEXTAUTH_URL is refused by env validation at start-up.
    }
  }
  return allowed.has(origin);
}

export const CROSS_SITE_MESSAGE = "This request came from another site and was refused.";

export function crossSiteRefusal(): Response {
  return Response.json({ error: CROSS_SITE_MESSAGE }, { status: 403, headers: { "Cache-Control": "no-store" } });
}
