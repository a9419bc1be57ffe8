import type { Metadata } from "next";
import { AuthCard } from "~/components/auth/auth-card";
import { VerifyEmail } from "~/components/auth/verify-email";
import { safeCallbackUrl } from "~/lib/urls";
import { currentUser } from "~/server/portal";

export const metadata: Metadata = { title: "Verify your email" };

export default async function VerifyEmailPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { token } = await params;
  const next = safeCallbackUrl((await searchParams).next, "/app");
  const user = await currentUser();
  return (
    <AuthCard title="Verify your email" description="Confirm that this address is yours to finish setting up your Bezel account.">
      <VerifyEmail token={token} next={next} signedIn={!!user} />
    </AuthCard>
  );
}
