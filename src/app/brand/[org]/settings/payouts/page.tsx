import { PayoutSettings } from "~/components/payments/payout-settings";
import { can } from "~/lib/permissions";
import { loadPortal } from "~/server/portal";

export const metadata = { title: "Payouts" };

/** The brand's Stripe account, where the customers of its preorder campaigns pay. */
export default async function Page({ params }: { params: Promise<{ org: string }> }) {
  const { org, role } = await loadPortal("brand", (await params).org);
  return <PayoutSettings kind="brand" orgId={org.id} canManage={can(role, "payouts.manage")} />;
}
