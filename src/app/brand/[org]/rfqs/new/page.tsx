import { notFound } from "next/navigation";
import { PageHeader } from "~/components/portal/portal-layout";
import { NewRfqForm } from "~/components/rfqs/new-rfq-form";
import { can } from "~/lib/permissions";
import { todayIn } from "~/lib/sample-request-schemas";
import { loadPortal } from "~/server/portal";
import { api } from "~/trpc/server";

export const metadata = { title: "New request for quote" };

const CURRENCIES = ["EUR", "USD", "GBP", "CHF", "JPY", "CNY", "INR", "THB", "KWD"];

export default async function Page({ params }: { params: Promise<{ org: string }> }) {
  const { org, role } = await loadPortal("brand", (await params).org);
  if (!can(role, "rfqs.manage")) notFound();
  const options = await (await api()).rfq.designOptions({ orgId: org.id });
  const currencies = CURRENCIES.includes(org.currency) ? CURRENCIES : [org.currency, ...CURRENCIES];
  return (
    <>
      <PageHeader title="New request for quote" description="Saved as a draft, private to your team until you send it." />
      <NewRfqForm orgId={org.id} slug={org.slug} options={options} currencies={currencies} defaultCurrency={org.currency} today={todayIn(org.timeZone)} />
    </>
  );
}
