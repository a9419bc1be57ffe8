import { PayoutSettings } from "~/components/payments/payout-settings";
import { can } from "~/lib/permissions";
import { loadPortal } from "~/server/portal";

export const metadata = { title: "Payouts" };

export default async function Page({ params }: { params: Promise<{ org: string }> }) {
  const { org, role } = await loadPortal("workshop", (await params).org);
  return <PayoutSettings kind="workshop" orgId={org.id} canManage={can(role, "payouts.manage")} />;
}
