import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "~/components/auth/auth-card";
import { SignUpForm } from "~/components/auth/sign-up-form";
import { safeCallbackUrl } from "~/lib/urls";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const sp = await searchParams;
  const callbackUrl = safeCallbackUrl(sp.callbackUrl, "/onboarding");
  return (
    <AuthCard
      title="Create your Bezel account"
      description="For jewelry brands and the workshops that make their pieces."
      footer={
        <>
          Already have an account?{" "}
          <Link className="font-medium text-brass-700 hover:underline" href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`}>
            Sign in
          </Link>
        </>
      }
    >
      <SignUpForm callbackUrl={callbackUrl} defaultEmail={sp.email} />
    </AuthCard>
  );
}
