import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, staticSecurityHeaders } from "./csp";

describe("security headers", () => {
  it("the page policy allows scripts only with the nonce, and no framing", () => {
    expect(contentSecurityPolicy("abc123", false)).toBe(
      "default-src 'self'; script-src 'self' 'nonce-abc123' 'strict-dynamic'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    );
  });

  it("every response: nosniff, strict-origin-when-cross-origin, no framing; HSTS in production only", () => {
    expect(staticSecurityHeaders(false)).toEqual([
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      { key: "X-Frame-Options", value: "DENY" },
    ]);
    expect(staticSecurityHeaders(true)).toContainEqual({ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" });
  });
});

describe("forms", () => {
  it("every form posts to the harmless fallback until hydrated (the directory's search and the orders and reservations lists' filters aside)", () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const tsx = (readdirSync(root, { recursive: true }) as string[]).filter((p) => p.endsWith(".tsx") && !p.includes("node_modules"));
    const offenders: string[] = [];
    let forms = 0;
    for (const file of tsx) {
      const text = readFileSync(path.join(root, file), "utf8");
      for (const match of text.matchAll(/<form\b[^>]*/g)) {
        forms++;
        // Filter forms that are plain GETs on purpose: they work before hydration and carry no secret.
        if (file.endsWith(path.join("directory", "directory-form.tsx"))) continue;
        if (file.endsWith(path.join("orders", "orders-list-page.tsx"))) continue;
        if (file.endsWith(path.join("preorders", "dashboard", "reservations-list.tsx"))) continue;
        if (!match[0].includes("{...POST_ONLY}")) offenders.push(`${file}: ${match[0].slice(0, 60)}`);
      }
    }
    expect(forms).toBeGreaterThan(15);
    expect(offenders).toEqual([]);
  });
});
