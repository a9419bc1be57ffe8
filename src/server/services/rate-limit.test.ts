import { like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { rateLimitHits } from "../db/schema";
import { hitRateLimit, hitRateLimits, RateLimitedError, type RateLimitName } from "./rate-limit";

const db = await testDb();

/** How many hits get through before the limit answers, counted by trying. */
async function allowed(name: RateLimitName, subject: string, now: Date): Promise<number> {
  for (let n = 0; n < 1000; n++) {
    try {
      await hitRateLimit(db, name, subject, now);
    } catch (err) {
      expect(err).toBeInstanceOf(RateLimitedError);
      return n;
    }
  }
  throw new Error(`${name} never refused`);
}

describe("the rate limits, in numbers", () => {
  // Written out here on purpose: changing a limit in the code must change this table too.
  const expected: [RateLimitName, number, string][] = [
    ["signUp.ip", 10, "60 minutes"],
    ["signUp.email", 3, "60 minutes"],
    ["passwordReset.ip", 10, "60 minutes"],
    ["passwordReset.email", 3, "60 minutes"],
    ["verificationResend.ip", 10, "60 minutes"],
    ["verificationResend.user", 3, "60 minutes"],
    ["invitation.ip", 100, "24 hours"],
    ["invitation.org", 50, "24 hours"],
    ["organizationCreate.ip", 10, "24 hours"],
    ["organizationCreate.user", 5, "24 hours"],
    ["upload.ip", 300, "60 minutes"],
    ["upload.org", 200, "60 minutes"],
  ];
  for (const [name, limit, wait] of expected) {
    it(`${name}: ${limit}, then "try again in ${wait}"`, async () => {
      const now = new Date("2031-01-01T12:00:00Z");
      expect(await allowed(name, `subject-of-${name}`, now)).toBe(limit);
      const err = await hitRateLimit(db, name, `subject-of-${name}`, now).catch((e: unknown) => e);
      expect((err as Error).message).toMatch(new RegExp(`Try again in ${wait}\\.$`));
    });
  }
});

describe("hitRateLimit", () => {
  it("slides: a hit leaves the count when it is older than the window, and its row is pruned", async () => {
    const t0 = new Date("2031-02-01T10:00:00Z");
    for (let i = 0; i < 3; i++) await hitRateLimit(db, "signUp.email", "Slide@Example.test", new Date(t0.getTime() + i * 60_000));
    await expect(hitRateLimit(db, "signUp.email", "slide@example.test", new Date(t0.getTime() + 30 * 60_000))).rejects.toThrow("Try again in 30 minutes.");
    // One hour after the first hit, that one has left the window.
    await hitRateLimit(db, "signUp.email", "slide@example.test", new Date(t0.getTime() + 60 * 60_000));
    const rows = await db.select().from(rateLimitHits).where(like(rateLimitHits.key, "signUp.email:slide@example.test"));
    expect(rows).toHaveLength(3);
  });

  it("lets exactly the limit through when all requests arrive at once", async () => {
    const results = await Promise.allSettled(Array.from({ length: 25 }, () => hitRateLimit(db, "organizationCreate.user", "burst-user")));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
  });

  it("with several limits, counts each and refuses when any one is over", async () => {
    for (let i = 0; i < 3; i++) await hitRateLimits(db, [["passwordReset.ip", "198.51.100.9"], ["passwordReset.email", "multi@example.test"]]);
    await expect(hitRateLimits(db, [["passwordReset.ip", "198.51.100.9"], ["passwordReset.email", "multi@example.test"]])).rejects.toThrow(
      "Too many password reset requests for this email. Try again in 60 minutes.",
    );
  });
});
