import Link from "next/link";
import { Logo } from "~/components/ui/logo";

export default function NotFound() {
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center gap-4 px-4 text-center">
      <Logo />
      <p className="text-sm font-medium text-brass-700">404</p>
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="max-w-md text-ink-muted">This page does not exist, or you do not have access to it. If someone sent you this link, ask them to invite you.</p>
      {/* A plain link with the button's look: this tree is in every page's payload, and Button would bring its client chunk. */}
      <Link href="/app" className="btn btn-secondary">
        Back to Bezel
      </Link>
    </div>
  );
}
