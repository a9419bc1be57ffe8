import { createRequire } from "node:module";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { publicBaseUrl, startBanner, withRequestOrigin } from "./public-url";

const at = (url: string) => new Request(url);

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("the address in links (emails, redirects)", () => {
  it("in development with no NEXTAUTH_URL: the origin the request was made to, any host and port", () => {
    vi.stubEnv("NODE_ENV", "development");
    vi.stubEnv("NEXTAUTH_URL", "");
    vi.stubEnv("PORT", "3000");
    expect(withRequestOrigin(at("http://127.0.0.1:3001/api/trpc/auth.requestPasswordReset"), publicBaseUrl)).toBe("http://127.0.0.1:3001");
    expect(withRequestOrigin(at("http://localhost:4123/api/trpc/x"), publicBaseUrl)).toBe("http://localhost:4123");
    expect(withRequestOrigin(at("http://[::1]:3002/api/trpc/x"), publicBaseUrl)).toBe("http://[::1]:3002");
    // Outside a request: the port the server listens on.
    expect(publicBaseUrl()).toBe("http://localhost:3000");
  });

  it("emailed links written while serving a development request point to that request's address", async () => {
    vi.stubEnv("NODE_ENV", "development");
    vi.stubEnv("NEXTAUTH_URL", "");
    const { appUrl } = await import("../services/email");
    const { withRequestOrigin } = await import("./public-url");
    expect(withRequestOrigin(at("http://127.0.0.1:3005/api/trpc/member.invite"), () => appUrl("/invitations/abc"))).toBe("http://127.0.0.1:3005/invitations/abc");
  });

  it("a configured NEXTAUTH_URL wins, in development too", () => {
    vi.stubEnv("NODE_ENV", "development");
    vi.stubEnv("NEXTAUTH_URL", "https://bezel.example.com");
    expect(withRequestOrigin(at("http://127.0.0.1:3001/x"), publicBaseUrl)).toBe("https://bezel.example.com");
  });

  it("in production a request never chooses the address: NEXTAUTH_URL, else localhost and PORT", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("NEXTAUTH_URL", "");
    vi.stubEnv("PORT", "8080");
    expect(withRequestOrigin(at("http://evil.example:3001/x"), publicBaseUrl)).toBe("http://localhost:8080");
    vi.stubEnv("NEXTAUTH_URL", "https://bezel.example.com");
    expect(withRequestOrigin(at("http://evil.example:3001/x"), publicBaseUrl)).toBe("https://bezel.example.com");
  });
});

describe("the development start banner", () => {
  it("prints the address the server really listens on, not a fixed 3000", () => {
    expect(startBanner({ NODE_ENV: "development", PORT: "3001", __NEXT_PRIVATE_ORIGIN: "http://localhost:3001" })).toBe("  Bezel is running: open http://localhost:3001");
    expect(startBanner({ NODE_ENV: "development", PORT: "3002" })).toBe("  Bezel is running: open http://localhost:3002");
    expect(startBanner({ NODE_ENV: "development", PORT: "3001", NEXTAUTH_URL: "http://127.0.0.1:3001" })).toBe("  Bezel is running: open http://127.0.0.1:3001");
    expect(startBanner({ NODE_ENV: "production", PORT: "3000" })).toBeNull();
  });
});

describe("next-auth's own address", () => {
  async function providersAt(host: string) {
    // next-auth's request handler, as its route calls it (the package does not export the path).
    const { AuthHandler } = createRequire(import.meta.url)(path.resolve("node_modules/next-auth/core/index.js")) as {
      AuthHandler: (p: { req: Request; options: unknown }) => Promise<{ body?: unknown } | Response>;
    };
    const { authOptions } = await import("../auth");
    const req = new Request(`http://${host}/api/auth/providers`, { headers: { host, "x-forwarded-proto": "http" } });
    const res = await AuthHandler({ req, options: authOptions });
    const body = res instanceof Response ? await res.json() : res.body;
    return (body as { credentials: { signinUrl: string; callbackUrl: string } }).credentials;
  }

  it("in development with no NEXTAUTH_URL: the host and port the request came to (so sign-out does not land on localhost:3000)", async () => {
    vi.stubEnv("NODE_ENV", "development");
    vi.stubEnv("NEXTAUTH_URL", "");
    vi.stubEnv("AUTH_TRUST_HOST", "");
    delete process.env.AUTH_TRUST_HOST;
    delete process.env.NEXTAUTH_URL;
    const providers = await providersAt("127.0.0.1:3001");
    expect(providers.signinUrl).toBe("http://127.0.0.1:3001/api/auth/signin/credentials");
    expect(providers.callbackUrl).toBe("http://127.0.0.1:3001/api/auth/callback/credentials");
  });

  it("in production: NEXTAUTH_URL, whatever Host the request carries", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("NEXTAUTH_URL", "https://bezel.example.com");
    vi.stubEnv("NEXTAUTH_SECRET", "a-production-secret-for-this-test-0123456789");
    delete process.env.AUTH_TRUST_HOST;
    const providers = await providersAt("evil.example");
    expect(providers.signinUrl).toBe("https://bezel.example.com/api/auth/signin/credentials");
  });
});

describe("next dev on any loopback address", () => {
  it("serves its scripts and hot reload to 127.0.0.1 and [::1] as to localhost", async () => {
    const { default: config } = await import("../../../next.config");
    expect(config.allowedDevOrigins).toEqual(expect.arrayContaining(["localhost", "127.0.0.1", "[::1]"]));
  });
});

describe("the Origin check of mutations on any loopback address", () => {
  // next dev's req.url says localhost whatever address the browser opened; Host says which.
  const post = (origin: string, host: string) =>
    new Request(`http://localhost:${host.split(":").at(-1)}/api/trpc/auth.requestPasswordReset`, { method: "POST", headers: { origin, host } });

  it("in development: the loopback host and port the page was opened at", async () => {
    vi.stubEnv("NODE_ENV", "development");
    vi.stubEnv("NEXTAUTH_URL", "");
    const { isSameOriginRequest } = await import("./origin");
    expect(isSameOriginRequest(post("http://127.0.0.1:3001", "127.0.0.1:3001"))).toBe(true);
    expect(isSameOriginRequest(post("http://[::1]:3001", "[::1]:3001"))).toBe(true);
    expect(isSameOriginRequest(post("http://localhost:3001", "localhost:3001"))).toBe(true);
    // Another site, and another site resolved to this machine (its name in Host): refused.
    expect(isSameOriginRequest(post("http://evil.example", "127.0.0.1:3001"))).toBe(false);
    expect(isSameOriginRequest(post("http://rebound.example:3001", "rebound.example:3001"))).toBe(false);
    expect(isSameOriginRequest(post("http://127.0.0.1:3002", "127.0.0.1:3001"))).toBe(false);
    const { withRequestOrigin: within, publicBaseUrl: base } = await import("./public-url");
    expect(within(post("http://127.0.0.1:3001", "127.0.0.1:3001"), base)).toBe("http://127.0.0.1:3001");
  });

  it("in production: only the request URL's origin and NEXTAUTH_URL, whatever Host says", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("NEXTAUTH_URL", "https://bezel.example.com");
    vi.stubEnv("NEXTAUTH_SECRET", "a-production-secret-for-this-test-0123456789");
    const { isSameOriginRequest } = await import("./origin");
    expect(isSameOriginRequest(post("http://127.0.0.1:3001", "127.0.0.1:3001"))).toBe(false);
    expect(isSameOriginRequest(post("https://bezel.example.com", "127.0.0.1:3001"))).toBe(true);
    expect(isSameOriginRequest(post("http://localhost:3001", "localhost:3001"))).toBe(true);
  });
});
