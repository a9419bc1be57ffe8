"use client";

import Link from "next/link";
import { Button } from "~/components/ui/button";
import { useSessionUser } from "./session-user";

/** The public header's account links: sign in and sign up, or the way back into Bezel once signed in. */
export function AccountNav() {
  const { user } = useSessionUser();
  if (user) {
    return (
      <Button asChild>
        <Link href="/app">Open Bezel</Link>
      </Button>
    );
  }
  return (
    <>
      <Button asChild variant="ghost">
        <Link href="/sign-in">Sign in</Link>
      </Button>
      <Button asChild>
        <Link href="/sign-up">Get started</Link>
      </Button>
    </>
  );
}
