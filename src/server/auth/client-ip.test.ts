import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

describe("clientIp", () => {
  it("takes the address appended by the nearest proxy, not the one the client claims", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6, 198.51.100.4" }))).toBe("198.51.100.4");
    expect(clientIp({ "x-forwarded-for": "203.0.113.9" })).toBe("203.0.113.9");
    expect(clientIp({ "x-forwarded-for": ["1.1.1.1", "203.0.113.10"] })).toBe("203.0.113.10");
  });

  it("falls back to a placeholder without the header", () => {
    expect(clientIp(new Headers())).toBe("unknown");
  });
});
