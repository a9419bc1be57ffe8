"use client";

import { useEffect, useState } from "react";

/** What `auth.me` answers: the signed-in person, as the public pages need them. */
export type SessionUser = { id: string; name: string; email: string; emailVerified: boolean; lastOrgId: string | null };

/** Components that mount together (the header and a profile's actions) share one request. */
const SHARED_FOR_MS = 2_000;
let shared: { at: number; user: Promise<SessionUser | null> } | undefined;

/**
 * `auth.me` over a plain GET, without the tRPC client: public pages load no query library for visitors.
 * Its answer has only strings, booleans and null, so superjson's envelope is read as JSON. Signed out (401)
 * or unreachable both mean no user.
 */
async function fetchSessionUser(): Promise<SessionUser | null> {
  try {
    const res = await fetch("/api/trpc/auth.me", { headers: { accept: "application/json" } });
    if (!res.ok) return null;
    const body = (await res.json()) as { result?: { data?: { json?: SessionUser } } };
    return body.result?.data?.json ?? null;
  } catch {
    return null;
  }
}

/**
 * The signed-in person on a public page, read in the browser: public pages render the same for everyone
 * (so a shared cache can keep them) and what depends on the session fills in after load. `null` while
 * unknown and when signed out. Read again on each mount after a moment, so coming back from signing in
 * shows the new session.
 */
export function useSessionUser(): { user: SessionUser | null; settled: boolean } {
  const [state, setState] = useState<{ user: SessionUser | null; settled: boolean }>({ user: null, settled: false });
  useEffect(() => {
    let live = true;
    if (!shared || Date.now() - shared.at > SHARED_FOR_MS) shared = { at: Date.now(), user: fetchSessionUser() };
    void shared.user.then((user) => {
      if (live) setState({ user, settled: true });
    });
    return () => {
      live = false;
    };
  }, []);
  return state;
}
