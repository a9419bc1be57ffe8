import "server-only";
import { getServerSession, type NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "~/env";
import { signInSchema } from "~/lib/schemas";
import { getDb } from "../db";
import { endSession, sessionUserId } from "../services/sessions";
import { recordSignIn } from "../services/organizations";
import { verifyCredentials } from "../services/users";
import { clientIp } from "./client-ip";

export { clientIp };

/**
 * Authentication lives here and only here. Sessions are signed JWT cookies carrying the user id and the
 * user's session version; everything else (name, memberships, roles) is read from the database on each
 * request, and a cookie whose version is no longer the user's is treated as signed out.
 */
// next-auth v4 takes its own address from NEXTAUTH_URL, or falls back to http://localhost:3000. In development
// with no NEXTAUTH_URL it takes it from the request's Host instead, so sign-in and sign-out redirects stay on
// the host and port `next dev` was opened at. Never in production: there a Host header is the client's word.
if (process.env.NODE_ENV === "development" && !process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= "true";

export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const ip = clientIp((req.headers ?? {}) as Record<string, string | string[] | undefined>);
        // A TooManyAttemptsError's message reaches the sign-in form as `error`.
        const user = await verifyCredentials(await getDb(), { ...parsed.data, ip });
        return user;
      },
    }),
  ],
  events: {
    // Reads never write: the organization to return to is settled here and when switching, not on render.
    async signIn({ user }) {
      await recordSignIn(await getDb(), user.id);
    },
    async signOut({ token }) {
      if (token) await endSession(await getDb(), token);
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, user: { ...session.user, id: token.sub, sv: token.sv } };
    },
  },
};

/** The signed-in user's id, or null when signed out or when the session was revoked since it was issued. */
export async function getSessionUserId(): Promise<string | null> {
  const session = await getServerSession(authOptions);
  const user = session?.user as { id?: unknown; sv?: unknown } | undefined;
  if (!user) return null;
  return sessionUserId(await getDb(), { sub: user.id, sv: user.sv });
}
