import { SettingsCalendarPage } from "~/components/portal/settings-calendar-page";

export const metadata = { title: "Production calendar" };

export default async function Page({ params }: { params: Promise<{ org: string }> }) {
  return <SettingsCalendarPage slug={(await params).org} />;
}
