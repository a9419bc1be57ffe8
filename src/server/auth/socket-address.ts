import http, { type IncomingMessage } from "node:http";
import { SOCKET_ADDRESS_HEADER } from "./client-ip";

type Patched = typeof http.Server.prototype & { __bezelSocketAddress?: true };

/**
 * Route handlers never see the connection, only headers. Before Next.js reads a request, this writes the
 * connection's own address into a header of ours, replacing any copy the client sent, so that
 * `clientIp` can use it when no proxy of ours is in front (TRUSTED_PROXY_HOPS=0).
 */
export function installSocketAddressHeader(): void {
  const proto = http.Server.prototype as Patched;
  if (proto.__bezelSocketAddress) return;
  // The original emit, called with the server as `this` below.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const emit = proto.emit;
  proto.emit = function patchedEmit(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as IncomingMessage;
      req.headers[SOCKET_ADDRESS_HEADER] = req.socket?.remoteAddress ?? "";
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof proto.emit;
  proto.__bezelSocketAddress = true;
}
