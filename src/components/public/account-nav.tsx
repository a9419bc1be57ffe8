"use client";

import Link from "next/link";
import { buttonVariants } from "~/components/ui/button-variants";
import { useSessionUser } from "./session-user";

/** The public header's account links: sign in and sign up, or the way back into Bezel once signed in. */
export function AccountNav() {
  const { user } = useSessionUser();
  if (user) {
    return (
      <Link href="/app" className={buttonVariants()}>Open Bezel</Link>
    );
  }
  return (
    <>
      <Link href="/sign-in" className={buttonVariants({ variant: "ghost" })}>Sign in</Link>
      <Link href="/sign-up" className={buttonVariants()}>Get started</Link>
    </>
  );
}
