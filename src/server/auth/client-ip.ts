/**
 * The client's address. `TRUSTED_PROXY_HOPS` says how many proxies of our own stand in front of the app:
 * 0 uses the address of the connection itself (any X-Forwarded-For comes from the client and is ignored);
 * N uses the Nth entry of X-Forwarded-For counted from the right, the one our outermost proxy appended.
 * Entries further left were written by the client and can say anything.
 */

/** Written by `installSocketAddressHeader` from the connection, replacing whatever a client sent. */
export const SOCKET_ADDRESS_HEADER = "x-bezel-socket-address";

type HeaderBag = Record<string, string | string[] | undefined> | Headers;

function header(headers: HeaderBag, name: string): string | undefined {
  const raw = headers instanceof Headers ? headers.get(name) : headers[name];
  return (Array.isArray(raw) ? raw.join(",") : raw) ?? undefined;
}

export function trustedProxyHops(value = process.env.TRUSTED_PROXY_HOPS): number {
  const n = Number(value ?? 0);
  return Number.isInteger(n) && n >= 0 && n <= 10 ? n : 0;
}

export function clientIp(headers: HeaderBag, hops = trustedProxyHops()): string {
  const socket = header(headers, SOCKET_ADDRESS_HEADER)?.trim();
  if (hops === 0) return socket || "unknown";
  const chain = (header(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  // Fewer entries than proxies: the request did not come through all of them; the nearest one is the best we know.
  return chain.at(-hops) ?? chain[0] ?? (socket || "unknown");
}
