import { describe, expect, it } from "vitest";
import { assertLoopback, halfApplied, summarize } from "./chaos-report";

describe("chaos:db report", () => {
  it("splits requests into before, during and after the restart, and measures the recovery", () => {
    const outcomes = [
      { at: 100, ok: true },
      { at: 900, ok: true },
      { at: 1000, ok: false, error: "terminating connection due to administrator command" },
      { at: 1500, ok: false, error: "Connection terminated unexpectedly" },
      { at: 2100, ok: false, error: "Connection terminated unexpectedly" },
      { at: 2300, ok: true },
      { at: 2400, ok: false, error: "late failure" },
      { at: 2500, ok: true },
    ];
    expect(summarize(outcomes, { startedAt: 950, endedAt: 2000 })).toEqual({
      before: { ok: 2, failed: 0 },
      during: { ok: 0, failed: 3 },
      after: { ok: 2, failed: 1 },
      recoveredAfterMs: 300,
      errors: ["terminating connection due to administrator command", "Connection terminated unexpectedly", "late failure"],
    });
  });

  it("reports no recovery when nothing succeeds after the restart", () => {
    expect(summarize([{ at: 5, ok: false, error: "down" }], { startedAt: 1, endedAt: 2 }).recoveredAfterMs).toBeNull();
  });

  it("finds artisans and events that were not written together", () => {
    const events = [
      { action: "workshop_artisan.added", subjectId: "a" },
      { action: "workshop_artisan.added", subjectId: "b" },
      { action: "workshop_artisan.removed", subjectId: "b" },
      { action: "workshop_artisan.added", subjectId: "c" },
      { action: "workshop_artisan.removed", subjectId: "e" },
    ];
    expect(halfApplied(["a", "d", "e"], events)).toEqual([
      'artisan d exists without its "added" event',
      'artisan e exists without its "added" event',
      'artisan c is gone without a "removed" event',
      'artisan e has a "removed" event but still exists',
    ]);
    expect(halfApplied(["a"], events.slice(0, 3))).toEqual([]);
  });

  it("only runs against a database on this machine", () => {
    expect(assertLoopback("postgres://postgres@127.0.0.1:5432/x").port).toBe("5432");
    expect(() => assertLoopback("postgres://postgres@db.example.com:5432/x")).toThrow(/not this machine/);
  });
});
