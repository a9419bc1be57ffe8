import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "~/components/auth/auth-card";
import { ResetPasswordForm } from "~/components/auth/reset-password-form";
import { Button } from "~/components/ui/button";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const caller = await api();
  // The link is checked before the form is shown, so nobody types a password into a dead link.
  const { usable } = token.length <= 500 ? await caller.auth.resetLinkStatus({ token }) : { usable: false };
  if (!usable) {
    return (
      <AuthCard
        title="This reset link no longer works"
        description="It was already used, has expired, was replaced by a newer link, or is incomplete. Ask for a new link and use the newest email."
      >
        <Button asChild size="lg">
          <Link href="/forgot-password">Ask for a new link</Link>
        </Button>
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title="Choose a new password"
      footer={
        <Link className="font-medium text-brass-700 hover:underline" href="/forgot-password">
          Ask for a new link
        </Link>
      }
    >
      <ResetPasswordForm token={token} />
    </AuthCard>
  );
}
