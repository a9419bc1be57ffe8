import type { OrganizationKind } from "~/server/db/schema";
import { loadPortal } from "~/server/portal";
import { settingsNav } from "./nav";
import { NavLinks } from "./nav-links";
import { PageHeader } from "./portal-layout";

export async function SettingsLayout({ kind, slug, children }: { kind: OrganizationKind; slug: string; children: React.ReactNode }) {
  const { org } = await loadPortal(kind, slug);
  return (
    <>
      <PageHeader title="Settings" description={`Manage ${org.name}.`} />
      <nav aria-label="Settings" className="mb-6">
        <NavLinks items={settingsNav(kind, org.slug)} variant="tabs" />
      </nav>
      {children}
    </>
  );
}
