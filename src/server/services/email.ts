import { desc, eq, sql } from "drizzle-orm";
import { env } from "~/env";
import type { Db, Tx } from "../db/client";
import { emails } from "../db/schema";
import { enqueue } from "../jobs/enqueue";
import { publicBaseUrl } from "../http/public-url";

export type OutgoingEmail = { to: string; subject: string; text: string };

export type MailTransport = { sendMail: (m: { from: string; to: string; subject: string; text: string }) => Promise<unknown> };

let smtp: Promise<MailTransport> | null = null;

/** The SMTP transport of `SMTP_URL`, or null when it is unset (emails then stay in the outbox). */
export async function smtpTransport(url = env.SMTP_URL): Promise<MailTransport | null> {
  if (!url) return null;
  smtp ??= import("nodemailer").then((m) => m.default.createTransport(url));
  return smtp;
}

/**
 * Stores the email (the outbox) and enqueues its delivery, both in the caller's transaction: a change that
 * rolls back sends nothing, and a slow mail server never holds the transaction's locks.
 */
export async function enqueueEmail(tx: Tx, email: OutgoingEmail): Promise<void> {
  const [row] = await tx.insert(emails).values(email).returning({ id: emails.id });
  if (!row) throw new Error("insert returned no row");
  await enqueue(tx, "email-send", { emailId: row.id });
}

/**
 * The `email-send` job: hands the email to SMTP once. A failure is recorded on the row and thrown, so the
 * queue retries it with backoff; after the last attempt the email is marked failed. Without a transport
 * (no SMTP_URL) the email stays in the outbox.
 */
export async function deliverEmail(db: Db, emailId: string, transport: MailTransport | null, attempt: { attempt: number; lastAttempt: boolean }): Promise<"sent" | "outbox" | "gone"> {
  const [email] = await db.select().from(emails).where(eq(emails.id, emailId));
  if (!email) return "gone";
  if (email.sentAt) return "sent";
  if (!transport) return "outbox";
  try {
    await transport.sendMail({ from: env.EMAIL_FROM, to: email.to, subject: email.subject, text: email.text });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await db
      .update(emails)
      .set({ attempts: attempt.attempt, error: message, failedAt: attempt.lastAttempt ? sql`now()` : null })
      .where(eq(emails.id, emailId));
    throw err;
  }
  await db.update(emails).set({ attempts: attempt.attempt, sentAt: sql`now()`, error: null }).where(eq(emails.id, emailId));
  return "sent";
}

export function listOutbox(db: Db, limit = 50) {
  return db.select().from(emails).orderBy(desc(emails.createdAt)).limit(limit);
}

/** The absolute URL of a path in the app, for links in emails. */
export function appUrl(path: string): string {
  return new URL(path, publicBaseUrl()).toString();
}
