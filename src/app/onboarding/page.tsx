import type { Metadata } from "next";
import Link from "next/link";
import { VerifyEmailNotice } from "~/components/auth/verify-email-notice";
import { CreateOrganizationForm } from "~/components/org/create-organization-form";
import { Card } from "~/components/ui/card";
import { Logo } from "~/components/ui/logo";
import { UserMenu } from "~/components/portal/user-menu";
import { outboxEnabled } from "~/env";
import { requireUser } from "~/server/portal";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Create an organization" };

export default async function OnboardingPage() {
  const user = await requireUser("/onboarding");
  const orgs = await (await api()).organization.mine();
  return (
    <div className="flex min-h-dvh flex-col items-center px-4 py-10 sm:py-14">
      <header className="mb-8 flex w-full max-w-xl items-center justify-between">
        <Logo />
        <UserMenu name={user.name} email={user.email} outbox={outboxEnabled} />
      </header>
      <main className="w-full max-w-xl">
        <h1 className="text-2xl font-semibold">{orgs.length ? "Create another organization" : `Welcome, ${user.name.split(" ")[0]}`}</h1>
        <p className="mt-1.5 text-ink-muted">
          Everything on Bezel belongs to an organization: a brand or a workshop. You can belong to several and switch between them.
        </p>
        <Card className="mt-6 p-6 sm:p-8">
          {user.emailVerified ? (
            <CreateOrganizationForm />
          ) : (
            <VerifyEmailNotice email={user.email} why="An organization is created by someone whose email we know is theirs." />
          )}
        </Card>
        {orgs.length > 0 && (
          <div className="mt-6 text-sm text-ink-muted">
            Or go back to{" "}
            {orgs.map((o, i) => (
              <span key={o.id}>
                {i > 0 && ", "}
                <Link className="font-medium text-brass-700 hover:underline" href={`/${o.kind}/${o.slug}`}>
                  {o.name}
                </Link>
              </span>
            ))}
            .
          </div>
        )}
      </main>
    </div>
  );
}
