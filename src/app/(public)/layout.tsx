import Link from "next/link";
import { Logo } from "~/components/ui/logo";
import { AccountNav } from "~/components/public/account-nav";

/** Public pages never read the session on the server: the account links fill in in the browser. */
export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="border-b border-line">
        <div className="mx-auto flex h-16 max-w-6xl items-center gap-4 px-4 sm:px-6">
          <Logo />
          <nav className="ml-auto flex items-center gap-1 sm:gap-2" aria-label="Main">
            <Link href="/workshops" className="btn btn-ghost px-2.5 sm:px-4">
              <span className="sm:hidden">Workshops</span>
              <span className="hidden sm:inline">Find workshops</span>
            </Link>
            <AccountNav />
          </nav>
        </div>
      </header>
      <main className="flex-1">{children}</main>
      <footer className="border-t border-line">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-8 text-sm text-ink-subtle sm:px-6">
          <Logo className="text-ink-muted" />
          <p>Made-to-order jewelry, from brief to delivery.</p>
        </div>
      </footer>
    </div>
  );
}
