/**
 * The client's address: the last entry of X-Forwarded-For, the one our own load balancer (or Next.js,
 * when there is none) appended. Earlier entries come from the client and can be forged.
 */
export function clientIp(headers: Record<string, string | string[] | undefined> | Headers): string {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const last = (Array.isArray(raw) ? raw.join(",") : raw)?.split(",").at(-1)?.trim();
  return last || "unknown";
}
