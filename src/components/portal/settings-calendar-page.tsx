import { CalendarEditor } from "~/components/production-calendar/calendar-editor";
import { can } from "~/lib/permissions";
import { loadPortal } from "~/server/portal";

export async function SettingsCalendarPage({ slug }: { slug: string }) {
  const { org, role } = await loadPortal("workshop", slug);
  return <CalendarEditor orgId={org.id} canEdit={can(role, "calendar.edit")} />;
}
