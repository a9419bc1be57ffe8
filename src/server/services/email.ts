import { desc, eq } from "drizzle-orm";
import { env } from "~/env";
import type { Db } from "../db/client";
import { emails } from "../db/schema";

export type OutgoingEmail = { to: string; subject: string; text: string };

type Transport = { sendMail: (m: { from: string; to: string; subject: string; text: string }) => Promise<unknown> };
let transport: Promise<Transport> | null = null;

async function smtpTransport(url: string): Promise<Transport> {
  transport ??= import("nodemailer").then((m) => m.default.createTransport(url));
  return transport;
}

/**
 * Stores every email (the outbox), then hands it to SMTP when SMTP_URL is set. Sending happens after the
 * caller's transaction so a slow mail server never holds database locks; a failure is recorded, not thrown.
 */
export async function sendEmail(db: Db, email: OutgoingEmail): Promise<void> {
  const [row] = await db.insert(emails).values(email).returning({ id: emails.id });
  const url = env.SMTP_URL;
  if (!url || !row) return;
  try {
    const t = await smtpTransport(url);
    await t.sendMail({ from: env.EMAIL_FROM, ...email });
    await db.update(emails).set({ sentAt: new Date() }).where(eq(emails.id, row.id));
  } catch (err) {
    await db
      .update(emails)
      .set({ error: err instanceof Error ? err.message : String(err) })
      .where(eq(emails.id, row.id));
  }
}

export function listOutbox(db: Db, limit = 50) {
  return db.select().from(emails).orderBy(desc(emails.createdAt)).limit(limit);
}

/** The absolute URL of a path in the app, for links in emails. */
export function appUrl(path: string): string {
  const base = env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`;
  return new URL(path, base).toString();
}
