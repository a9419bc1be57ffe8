import { Card, CardBody, CardHeader } from "~/components/ui/card";
import type { OrganizationKind } from "~/server/db/schema";
import { loadPortal } from "~/server/portal";
import { ActivityList } from "./activity-list";

export async function SettingsActivityPage({ kind, slug }: { kind: OrganizationKind; slug: string }) {
  const { org } = await loadPortal(kind, slug);
  return (
    <Card>
      <CardHeader title="Activity" description="Every change to the organization, newest first." />
      <CardBody className="py-2">
        <ActivityList orgId={org.id} />
      </CardBody>
    </Card>
  );
}
