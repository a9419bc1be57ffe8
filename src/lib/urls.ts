// Any origin would do: only whether the parsed URL stays on it matters.
const PROBE_ORIGIN = "https://bezel.invalid";

/**
 * A redirect target from a query string, kept only when it is a path on this site. The value is parsed the
 * way a browser would (which drops tabs and newlines and reads `\` as `/`), so `/\t/evil.example` cannot
 * slip through as a path and land on `//evil.example`. What is returned is the parsed path, never the raw text.
 */
export function safeCallbackUrl(value: unknown, fallback = "/app"): string {
  if (typeof value !== "string" || !value.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PROBE_ORIGIN) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // A path that itself starts with two slashes would be read as another host when used as a link.
  if (path.startsWith("//") || path.startsWith("/\\")) return fallback;
  return path;
}
