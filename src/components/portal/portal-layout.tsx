import { Logo } from "~/components/ui/logo";
import { outboxEnabled } from "~/env";
import type { OrganizationKind } from "~/server/db/schema";
import { loadPortal } from "~/server/portal";
import { api } from "~/trpc/server";
import { portalNav } from "./nav";
import { NavLinks } from "./nav-links";
import { NotificationBell } from "./notification-bell";
import { OrgSwitcher } from "./org-switcher";
import { UserMenu } from "./user-menu";

/** The frame of both portals: header with organization switcher and account menu, navigation, content. */
export async function PortalLayout({ kind, slug, children }: { kind: OrganizationKind; slug: string; children: React.ReactNode }) {
  const portal = await loadPortal(kind, slug);
  const inbox = await (await api()).organization.inbox({ orgId: portal.org.id });
  return (
    <div className="min-h-dvh">
      <header className="sticky top-0 z-30 border-b border-line bg-paper/95 backdrop-blur">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-3 px-4 sm:px-6">
          <Logo href="/app" className="[&>span]:hidden sm:[&>span]:inline" />
          <span className="text-line-strong" aria-hidden>
            /
          </span>
          <OrgSwitcher current={portal.org} organizations={portal.organizations} />
          <div className="ml-auto flex items-center gap-1.5">
            <NotificationBell orgId={portal.org.id} />
            <UserMenu name={portal.user.name} email={portal.user.email} outbox={outboxEnabled} />
          </div>
        </div>
      </header>
      <div className="mx-auto flex max-w-7xl flex-col gap-6 px-4 py-6 sm:px-6 md:flex-row md:py-8">
        <nav aria-label={`${kind === "brand" ? "Brand" : "Workshop"} portal`} className="md:w-52 md:shrink-0">
          <NavLinks items={portalNav(kind, portal.org.slug, inbox.counts)} variant="side" />
        </nav>
        <main className="min-w-0 flex-1">{children}</main>
      </div>
    </div>
  );
}

export function PageHeader({ title, description, action }: { title: string; description?: React.ReactNode; action?: React.ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-2xl font-semibold">{title}</h1>
        {description && <p className="mt-1 text-ink-muted">{description}</p>}
      </div>
      {action}
    </div>
  );
}
