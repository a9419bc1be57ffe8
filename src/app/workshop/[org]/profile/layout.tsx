import { ProfileEditorLayout } from "~/components/workshop-profile/editor-layout";

export default async function Layout({ children, params }: { children: React.ReactNode; params: Promise<{ org: string }> }) {
  return <ProfileEditorLayout slug={(await params).org}>{children}</ProfileEditorLayout>;
}
