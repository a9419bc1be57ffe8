import type { Metadata } from "next";
import Link from "next/link";
import { ChangePasswordForm } from "~/components/auth/change-password-form";
import { Card } from "~/components/ui/card";
import { Logo } from "~/components/ui/logo";
import { UserMenu } from "~/components/portal/user-menu";
import { outboxEnabled } from "~/env";
import { requireUser } from "~/server/portal";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requireUser("/account");
  return (
    <div className="flex min-h-dvh flex-col items-center px-4 py-10 sm:py-14">
      <header className="mb-8 flex w-full max-w-xl items-center justify-between">
        <Logo />
        <UserMenu name={user.name} email={user.email} outbox={outboxEnabled} />
      </header>
      <main className="w-full max-w-xl">
        <h1 className="text-2xl font-semibold">Change your password</h1>
        <p className="mt-1.5 text-ink-muted">Signed in as {user.email}. After the change, every device where you are signed in signs out.</p>
        <Card className="mt-6 p-6 sm:p-8">
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
