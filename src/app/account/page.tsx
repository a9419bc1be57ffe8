import type { Metadata } from "next";
import { EmailPreferencesForm } from "~/components/account/email-preferences-form";
import { Card } from "~/components/ui/card";
import { Logo } from "~/components/ui/logo";
import { requireUser } from "~/server/portal";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Your account" };

/** The signed-in person's own settings: which notification emails they receive. */
export default async function AccountPage() {
  const user = await requireUser("/account");
  const prefs = await (await api()).account.emailPreferences();
  return (
    <div className="mx-auto max-w-xl px-4 py-10">
      <Logo href="/app" />
      <h1 className="mt-6 text-2xl font-semibold">Your account</h1>
      <p className="mt-1 text-ink-muted">
        {user.name} · {user.email}
      </p>
      <Card className="mt-6 p-6">
        <h2 className="mb-4 text-lg font-semibold">Email notifications</h2>
        <EmailPreferencesForm mutedKinds={prefs.mutedKinds} />
      </Card>
    </div>
  );
}
