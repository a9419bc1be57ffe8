import { describe, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import { inject } from "vitest";
import { createPgDb, PG_SESSION_TIMEOUTS } from "./client";

const cfg = inject("testDb");

describe("PostgreSQL connections", () => {
  it("set a 15 s statement timeout and a 30 s idle-in-transaction timeout", () => {
    expect(PG_SESSION_TIMEOUTS).toEqual({ statement_timeout: 15_000, idle_in_transaction_session_timeout: 30_000 });
  });

  it.skipIf(cfg.kind !== "pg")("carry the timeouts on every connection, and a lost connection is logged, not thrown", async () => {
    const url = (cfg as { url: string }).url;
    const { db, close } = createPgDb(url, 2);
    try {
      const read = async (name: string) => ((await db.execute(sql.raw(`show ${name}`))).rows[0] as Record<string, string>)[name];
      expect(await read("statement_timeout")).toBe("15s");
      expect(await read("idle_in_transaction_session_timeout")).toBe("30s");

      // The server ends an idle connection of the pool, as a restart does.
      const logged = vi.spyOn(console, "error").mockImplementation(() => {});
      const pid = ((await db.execute(sql`select pg_backend_pid() as pid`)).rows as { pid: number }[])[0]!.pid;
      const { createPgDb: again } = await import("./client");
      const admin = again(url, 1);
      await admin.db.execute(sql`select pg_terminate_backend(${pid})`);
      await admin.close();
      await expect.poll(() => logged.mock.calls.length).toBeGreaterThan(0);
      expect(String(logged.mock.calls[0]?.[0])).toMatch(/^database connection lost: /);
      logged.mockRestore();
      // And the pool goes on serving.
      expect(await read("statement_timeout")).toBe("15s");
    } finally {
      await close();
    }
  });

  it.skipIf(cfg.kind !== "pg")("a connection lost inside an open transaction, between two statements, fails that transaction and nothing else", async () => {
    const url = (cfg as { url: string }).url;
    const { db, close } = createPgDb(url, 2);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const uncaught = vi.fn();
    process.on("uncaughtException", uncaught);
    try {
      const admin = createPgDb(url, 1);
      const failed = await db
        .transaction(async (tx) => {
          const pid = ((await tx.execute(sql`select pg_backend_pid() as pid`)).rows as { pid: number }[])[0]!.pid;
          await admin.db.execute(sql`select pg_terminate_backend(${pid})`);
          // The server closes this connection while the transaction holds it and no statement runs.
          await new Promise((r) => setTimeout(r, 200));
          await tx.execute(sql`select 1`);
        })
        .then(
          () => null,
          (e: unknown) => e,
        );
      await admin.close();
      expect(failed).toBeInstanceOf(Error);
      expect(uncaught).not.toHaveBeenCalled();
      expect(logged.mock.calls.some((c) => /^database connection lost: /.test(String(c[0])))).toBe(true);
      expect((await db.execute(sql`select 1 as one`)).rows).toEqual([{ one: 1 }]);
    } finally {
      process.off("uncaughtException", uncaught);
      logged.mockRestore();
      await close();
    }
  });
});
