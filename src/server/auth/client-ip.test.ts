import http from "node:http";
import { describe, expect, it } from "vitest";
import { clientIp, SOCKET_ADDRESS_HEADER, trustedProxyHops } from "./client-ip";
import { installSocketAddressHeader } from "./socket-address";

describe("clientIp", () => {
  it("with TRUSTED_PROXY_HOPS=0 uses the connection's address and ignores X-Forwarded-For", () => {
    const headers = { "x-forwarded-for": "203.0.113.77", [SOCKET_ADDRESS_HEADER]: "198.51.100.20" };
    expect(clientIp(headers, 0)).toBe("198.51.100.20");
    // A new forged entry each time changes nothing.
    expect(clientIp({ ...headers, "x-forwarded-for": "203.0.113.78, 203.0.113.79" }, 0)).toBe("198.51.100.20");
  });

  it("with N hops takes the Nth entry from the right, the one our outermost proxy wrote", () => {
    const forged = "6.6.6.6, 7.7.7.7";
    expect(clientIp(new Headers({ "x-forwarded-for": `${forged}, 198.51.100.4` }), 1)).toBe("198.51.100.4");
    expect(clientIp({ "x-forwarded-for": `${forged}, 198.51.100.4, 10.0.0.2` }, 2)).toBe("198.51.100.4");
    expect(clientIp({ "x-forwarded-for": ["1.1.1.1", "203.0.113.10"] }, 1)).toBe("203.0.113.10");
  });

  it("falls back to a placeholder without any address", () => {
    expect(clientIp(new Headers(), 0)).toBe("unknown");
    expect(clientIp(new Headers(), 1)).toBe("unknown");
  });

  it("reads TRUSTED_PROXY_HOPS as a small whole number, 0 when unset or invalid", () => {
    expect([trustedProxyHops(undefined), trustedProxyHops("0"), trustedProxyHops("2"), trustedProxyHops("-1"), trustedProxyHops("x"), trustedProxyHops("1.5")]).toEqual([0, 0, 2, 0, 0, 0]);
  });
});

describe("installSocketAddressHeader", () => {
  it("writes the connection's address over whatever the client sent in that header", async () => {
    installSocketAddressHeader();
    const server = http.createServer((req, res) => {
      res.end(JSON.stringify({ socket: req.headers[SOCKET_ADDRESS_HEADER], ip: clientIp(req.headers, 0) }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    try {
      const res = await fetch(`http://127.0.0.1:${port}/`, { headers: { [SOCKET_ADDRESS_HEADER]: "203.0.113.77", "x-forwarded-for": "203.0.113.77" } });
      expect(await res.json()).toEqual({ socket: "127.0.0.1", ip: "127.0.0.1" });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
