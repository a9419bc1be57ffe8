import { withAuth } from "next-auth/middleware";
import { env } from "~/env";

// An early redirect to sign-in for portal pages. Layouts still check membership in the database.
export default withAuth({ secret: env.NEXTAUTH_SECRET, pages: { signIn: "/sign-in" } });

export const config = { matcher: ["/brand/:path*", "/workshop/:path*", "/onboarding", "/app", "/account"] };
