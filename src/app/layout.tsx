import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { ToastArea } from "~/components/ui/toast-area";
import { env } from "~/env";
import { fontMono, fontSans } from "~/styles/fonts";
import "~/styles/globals.css";

export const metadata: Metadata = {
  title: { default: "Bezel — made-to-order jewelry, from brief to delivery", template: "%s · Bezel" },
  description: "Bezel is where jewelry brands find, shortlist and vet made-to-order workshops, and request samples before they order.",
  // Relative URLs (the social preview image) resolve against the public address.
  metadataBase: new URL(env.NEXTAUTH_URL ?? "http://localhost:3000"),
  icons: { icon: [{ url: "/favicon.svg", type: "image/svg+xml" }, { url: "/favicon-32.png", sizes: "32x32", type: "image/png" }], apple: "/apple-touch-icon.png" },
  openGraph: { type: "website", siteName: "Bezel", images: [{ url: "/og.png", width: 1200, height: 630, alt: "Bezel — find and vet made-to-order jewelry workshops" }] },
  twitter: { card: "summary_large_image", images: ["/og.png"] },
};

export const viewport: Viewport = { themeColor: "#faf8f4" };

/**
 * Reading the request headers renders every page per request, so each gets the nonce of its own CSP
 * (src/proxy.ts) on every script. A prerendered page would carry scripts without it.
 *
 * No tRPC client here: the routes that call procedures from the browser have it in their layout
 * (src/trpc/with-trpc-layout.tsx), so public pages stay light on a phone.
 */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await headers();
  return (
    <html lang="en" className={`${fontSans.variable} ${fontMono.variable}`}>
      <body>
        {children}
        <ToastArea position="bottom-right" toastOptions={{ className: "font-sans" }} />
      </body>
    </html>
  );
}
