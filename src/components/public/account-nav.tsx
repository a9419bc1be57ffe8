"use client";

import Link from "next/link";
import { useSessionUser } from "./session-user";

/**
 * The public header's account links: sign in and sign up, or the way back into Bezel once signed in. Styled by
 * the `.btn` classes (globals.css), so the header's client code needs no class-variance helpers.
 */
export function AccountNav() {
  const { user } = useSessionUser();
  if (user) {
    return (
      <Link href="/app" className="btn btn-primary">Open Bezel</Link>
    );
  }
  return (
    <>
      <Link href="/sign-in" className="btn btn-ghost">Sign in</Link>
      <Link href="/sign-up" className="btn btn-primary">Get started</Link>
    </>
  );
}
