import { createServer } from "node:net";
import { eq, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import { beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "~/test/db";
import { emails } from "../db/schema";
import { enqueueEmail, type MailTransport } from "../services/email";
import { startWorker, type Worker } from "./worker";

/**
 * Background jobs on the test run's database: PGlite (pg-boss on the app's own instance, through its
 * `db` option) or, with DATABASE_URL, PostgreSQL (pg-boss's own connection).
 */
const { db, jobs, driver, beforeClose } = await testDatabase();

type Sent = { to: string; subject: string; at: number };
const sent: Sent[] = [];
let transport: MailTransport = { sendMail: async (m) => void sent.push({ to: m.to, subject: m.subject, at: Date.now() }) };
let worker: Worker;

beforeAll(async () => {
  worker = await startWorker(jobs, { db, transport: async () => transport }, { pollingIntervalSeconds: 0.5, schedule: false });
  beforeClose(() => worker.stop());
});

const emailRow = async (subject: string) => (await db.select().from(emails).where(eq(emails.subject, subject)))[0];
const jobCount = async () => Number((await db.execute<{ n: string }>(sql`select count(*) as n from pgboss.job where name = 'email-send'`)).rows[0]!.n);

async function waitFor<T>(what: () => Promise<T | undefined | null | false>, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await what();
    if (value) return value;
    if (Date.now() > until) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A port nothing listens on: an SMTP server that is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe(`background jobs (${driver})`, () => {
  it("picks up a queued email within about a second and records it as sent", async () => {
    const enqueuedAt = Date.now();
    await db.transaction((tx) => enqueueEmail(tx, { to: "ava@example.test", subject: "Picked up fast", text: "Hello" }));
    const delivered = await waitFor(async () => sent.find((s) => s.subject === "Picked up fast"), 5_000);
    expect(delivered.to).toBe("ava@example.test");
    expect(delivered.at - enqueuedAt).toBeLessThan(1_500);
    const row = await waitFor(async () => (await emailRow("Picked up fast"))?.sentAt && emailRow("Picked up fast"), 2_000);
    expect(row).toMatchObject({ attempts: 1, error: null, failedAt: null });
  });

  it("never sends an email enqueued in a transaction that rolled back", async () => {
    const jobsBefore = await jobCount();
    const err = await db
      .transaction(async (tx) => {
        await enqueueEmail(tx, { to: "noah@example.test", subject: "Rolled back", text: "This change never happened" });
        throw new Error("the change failed after the email was enqueued");
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(await jobCount()).toBe(jobsBefore);
    // Longer than the worker's polling interval: had a job survived, it would have run by now.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(sent.filter((s) => s.subject === "Rolled back")).toEqual([]);
    expect(await emailRow("Rolled back")).toBeUndefined();
  });

  it("retries a failing SMTP server with backoff, then records the email as failed", { timeout: 40_000 }, async () => {
    // Fewer and shorter retries than production (5, from 10 s), same mechanism.
    await worker.boss.updateQueue("email-send", { name: "email-send", retryLimit: 2, retryDelay: 1, retryBackoff: true, expireInSeconds: 60 });
    transport = nodemailer.createTransport(`smtp://127.0.0.1:${await closedPort()}`);
    await db.transaction((tx) => enqueueEmail(tx, { to: "marco@example.test", subject: "SMTP is down", text: "Hello" }));

    const failed = await waitFor(async () => {
      const row = await emailRow("SMTP is down");
      return row?.failedAt ? row : null;
    }, 30_000);
    expect(failed).toMatchObject({ attempts: 3, sentAt: null });
    expect(failed.error).toMatch(/ECONNREFUSED|connect/i);
    // The queue marks the job failed once the handler's last attempt has thrown.
    const job = await waitFor(async () => {
      const [row] = (await db.execute<{ state: string; retry_count: number }>(sql`select state, retry_count from pgboss.job where name = 'email-send' and data->>'emailId' = ${failed.id}`)).rows;
      return row?.state === "failed" ? row : null;
    }, 5_000);
    expect(job).toEqual({ state: "failed", retry_count: 2 });
  });
});
