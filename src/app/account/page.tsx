import type { Metadata } from "next";
import Link from "next/link";
import { EmailPreferencesForm } from "~/components/account/email-preferences-form";
import { ChangePasswordForm } from "~/components/auth/change-password-form";
import { Card } from "~/components/ui/card";
import { Logo } from "~/components/ui/logo";
import { UserMenu } from "~/components/portal/user-menu";
import { outboxEnabled } from "~/env";
import { requireUser } from "~/server/portal";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Your account" };

/** The signed-in person's own settings: their password and which notification emails they receive. */
export default async function AccountPage() {
  const user = await requireUser("/account");
  const prefs = await (await api()).account.emailPreferences();
  return (
    <div className="flex min-h-dvh flex-col items-center px-4 py-10 sm:py-14">
      <header className="mb-8 flex w-full max-w-xl items-center justify-between">
        <Logo href="/app" />
        <UserMenu name={user.name} email={user.email} outbox={outboxEnabled} />
      </header>
      <main className="w-full max-w-xl">
        <h1 className="text-2xl font-semibold">Your account</h1>
        <p className="mt-1.5 text-ink-muted">
          {user.name} · {user.email}
        </p>
        <Card className="mt-6 p-6 sm:p-8">
          <h2 className="mb-4 text-lg font-semibold">Email notifications</h2>
          <EmailPreferencesForm mutedKinds={prefs.mutedKinds} />
        </Card>
        <Card className="mt-6 p-6 sm:p-8">
          <h2 className="text-lg font-semibold">Change your password</h2>
          <p className="mt-1 mb-4 text-sm text-ink-muted">After the change, every device where you are signed in signs out.</p>
          <ChangePasswordForm email={user.email} />
        </Card>
        <p className="mt-6 text-sm">
          <Link className="font-medium text-brass-700 hover:underline" href="/app">
            Back to Bezel
          </Link>
        </p>
      </main>
    </div>
  );
}
