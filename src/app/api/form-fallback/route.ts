import { safeCallbackUrl } from "~/lib/urls";

/**
 * Where a form lands when it was submitted before the page's script loaded (see POST_ONLY). The body is
 * never read; the browser goes back to the page it came from, to submit again once the page is ready.
 */
export function POST(req: Request): Response {
  const referer = req.headers.get("referer");
  let back = "/";
  if (referer) {
    try {
      const url = new URL(referer);
      if (url.origin === new URL(req.url).origin) back = safeCallbackUrl(`${url.pathname}${url.search}`, "/");
    } catch {
      // An unreadable Referer: back to the home page.
    }
  }
  return new Response(null, { status: 303, headers: { Location: back, "Cache-Control": "no-store" } });
}
