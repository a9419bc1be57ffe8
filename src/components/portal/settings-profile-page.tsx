import { OrganizationSettingsForm } from "~/components/org/organization-settings-form";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { can } from "~/lib/permissions";
import type { CountryCode } from "~/lib/regions";
import type { OrganizationKind } from "~/server/db/schema";
import { loadPortal } from "~/server/portal";

export async function SettingsProfilePage({ kind, slug }: { kind: OrganizationKind; slug: string }) {
  const { org, role } = await loadPortal(kind, slug);
  return (
    <Card>
      <CardHeader title="Organization profile" description="How your organization appears to the people you work with." />
      <CardBody>
        <OrganizationSettingsForm
          canEdit={can(role, "org.update")}
          org={{ id: org.id, kind: org.kind, name: org.name, slug: org.slug, country: org.country as CountryCode, timeZone: org.timeZone, currency: org.currency }}
        />
      </CardBody>
    </Card>
  );
}
