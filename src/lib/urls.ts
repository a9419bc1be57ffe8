/** A redirect target from a query string, kept only when it is a path on this site. */
export function safeCallbackUrl(value: unknown, fallback = "/app"): string {
  if (typeof value !== "string") return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
