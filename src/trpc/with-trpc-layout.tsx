import { TRPCReactProvider } from "./react";

/**
 * The layout of every route whose client components call procedures (the portals, account pages, the auth
 * forms but sign-in). The root layout has no tRPC client, so the public pages (landing, directory, profiles)
 * and sign-in do not download the query library; their few session-dependent parts bring their own.
 */
export default function WithTRPCLayout({ children }: { children: React.ReactNode }) {
  return <TRPCReactProvider>{children}</TRPCReactProvider>;
}
