import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { Logo } from "~/components/ui/logo";
import { outboxEnabled } from "~/env";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Email outbox" };

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium" });

/** Every email the app sent, for development and tests. Does not exist in production. */
export default async function OutboxPage() {
  await connection(); // render per request: APP_ENV is read at run time, not frozen at build
  if (!outboxEnabled) notFound();
  const emails = await (await api()).outbox.list();
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <Logo />
      <h1 className="mt-6 text-2xl font-semibold">Email outbox</h1>
      <p className="mt-1 text-ink-muted">The last 50 emails the app sent. This page exists only outside production.</p>
      {emails.length === 0 ? (
        <Card className="mt-6">
          <EmptyState title="No emails yet" description="Invitations and password-reset emails appear here." />
        </Card>
      ) : (
        <ol className="mt-6 flex flex-col gap-4">
          {emails.map((e) => (
            <li key={e.id}>
              <Card className="p-5" aria-label={`Email to ${e.to}: ${e.subject}`}>
                <p className="text-xs text-ink-subtle">{timeFormat.format(e.createdAt)}</p>
                <p className="mt-1 font-medium">{e.subject}</p>
                <p className="text-sm text-ink-muted">To: {e.to}</p>
                <pre className="mt-3 font-sans text-sm whitespace-pre-wrap break-words">
                  {e.text.split(/(https?:\/\/\S+)/g).map((part, i) =>
                    /^https?:\/\//.test(part) ? (
                      <a key={i} href={part} className="text-brass-700 underline">
                        {part}
                      </a>
                    ) : (
                      part
                    ),
                  )}
                </pre>
              </Card>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
