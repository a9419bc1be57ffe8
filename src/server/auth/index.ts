import "server-only";
import { getServerSession, type NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "~/env";
import { signInSchema } from "~/lib/schemas";
import { getDb } from "../db";
import { recordSignIn } from "../services/organizations";
import { verifyCredentials } from "../services/users";
import { clientIp } from "./client-ip";

export { clientIp };

/**
 * Authentication lives here and only here. Sessions are signed JWT cookies carrying the user id;
 * everything else (name, memberships, roles) is read from the database on each request.
 */
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
  },
  callbacks: {
    jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      return { ...session, user: { ...session.user, id: token.sub } };
    },
  },
};

/** The signed-in user's id, or null. Whether that user still exists is checked by the caller. */
export async function getSessionUserId(): Promise<string | null> {
  const session = await getServerSession(authOptions);
  return (session?.user as { id?: string } | undefined)?.id ?? null;
}
