import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "~/components/auth/auth-card";
import { ResetPasswordForm } from "~/components/auth/reset-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
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
