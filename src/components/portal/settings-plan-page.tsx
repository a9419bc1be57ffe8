import { PlanTemplateEditor } from "~/components/milestones/plan-template-editor";
import { can } from "~/lib/permissions";
import { loadPortal } from "~/server/portal";

export async function SettingsPlanPage({ slug }: { slug: string }) {
  const { org, role } = await loadPortal("workshop", slug);
  return <PlanTemplateEditor orgId={org.id} canEdit={can(role, "planTemplate.edit")} />;
}
