import { describe, expect, it } from "vitest";
import { hasSessionCookie, pageCacheControl } from "./cache";

const SHARED = "public, s-maxage=60, stale-while-revalidate=600";
const get = (pathname: string, cookieNames: string[] = []) => pageCacheControl({ method: "GET", pathname, cookieNames });

describe("which pages a shared cache may keep", () => {
  it("public pages without a session cookie: a minute, then ten more minutes stale while refreshed", () => {
    expect(get("/")).toBe(SHARED);
    expect(get("/workshops")).toBe(SHARED);
    expect(get("/workshops/atelier-lumen")).toBe(SHARED);
    expect(pageCacheControl({ method: "HEAD", pathname: "/workshops", cookieNames: [] })).toBe(SHARED);
    // Cookies that are not a session change nothing.
    expect(get("/workshops", ["theme", "next-auth.csrf-token", "next-auth.callback-url"])).toBe(SHARED);
  });

  it("a session cookie, in any of next-auth's forms, keeps Next.js's private answer", () => {
    for (const name of ["next-auth.session-token", "__Secure-next-auth.session-token", "next-auth.session-token.0", "__Secure-next-auth.session-token.1"]) {
      expect(get("/workshops", [name])).toBeNull();
      expect(get("/workshops/atelier-lumen", ["theme", name])).toBeNull();
      expect(hasSessionCookie([name])).toBe(true);
    }
    expect(hasSessionCookie(["next-auth.session-token-x", "session-token"])).toBe(false);
  });

  it("portal, account and auth pages, deeper paths and other methods are never shared", () => {
    for (const path of ["/brand/acme", "/workshop/lumen/profile", "/app", "/account", "/onboarding", "/sign-in", "/sign-up", "/outbox", "/workshops/a/b", "/workshopsx"]) {
      expect(get(path)).toBeNull();
    }
    expect(pageCacheControl({ method: "POST", pathname: "/workshops", cookieNames: [] })).toBeNull();
  });
});
