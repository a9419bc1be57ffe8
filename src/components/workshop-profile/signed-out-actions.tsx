import Link from "next/link";
import { buttonVariants } from "~/components/ui/button-variants";

/**
 * What a visitor who is not signed in can do on a public profile: the same two things a brand member
 * does there, one account away. Signing in comes back to this profile.
 */
export function SignedOutActions({ workshopSlug }: { workshopSlug: string }) {
  const back = encodeURIComponent(`/workshops/${workshopSlug}`);
  return (
    <div className="flex w-full flex-col gap-2 sm:w-auto sm:items-end">
      <Link href="/sign-up" className={buttonVariants()}>Sign up to save or request a sample</Link>
      <p className="text-sm text-ink-muted">
        Have an account?{" "}
        <Link href={`/sign-in?callbackUrl=${back}`} className="font-medium text-brass-700 hover:underline">
          Sign in
        </Link>
      </p>
    </div>
  );
}
