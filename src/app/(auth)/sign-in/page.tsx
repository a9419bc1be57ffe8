import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "~/components/auth/auth-card";
import { SignInForm } from "~/components/auth/sign-in-form";
import { safeCallbackUrl } from "~/lib/urls";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const sp = await searchParams;
  const callbackUrl = safeCallbackUrl(sp.callbackUrl);
  const notice =
    sp.reset === "1"
      ? "Your password was changed. Sign in with the new one."
      : sp.signedOut === "all"
        ? "You are signed out on every device."
        : undefined;
  return (
    <AuthCard
      title="Sign in to Bezel"
      footer={
        <>
          New to Bezel?{" "}
          <Link className="font-medium text-brass-700 hover:underline" href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}${sp.email ? `&email=${encodeURIComponent(sp.email)}` : ""}`}>
            Create an account
          </Link>
        </>
      }
    >
      <SignInForm callbackUrl={callbackUrl} defaultEmail={sp.email} notice={notice} />
    </AuthCard>
  );
}
